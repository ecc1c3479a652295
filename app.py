#!/usr/bin/env python3
"""The CDK app: one OptOutStack per environment, chosen with ``cdk deploy -c environment=NAME``."""

import sys

from opt_out_stack.environments import build_app
from opt_out_stack.prop_validation import PropError

try:
    build_app().synth()
except PropError as error:  # one line naming the key, the value and the fix; no traceback
    sys.exit(f"error: {error}")
