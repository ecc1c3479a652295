#!/usr/bin/env python3
"""The CDK app: one OptOutStack per environment, chosen with ``cdk deploy -c environment=NAME``."""

from opt_out_stack.environments import build_app

build_app().synth()
