"""Wheel build hook: ship the Lambda code twice, as a package and as the construct's asset.

An editable install skips this: its path entries (dev-mode-dirs) already reach lambda/, and a
copy in site-packages would shadow the code being edited.
"""

from __future__ import annotations

from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CustomBuildHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "editable":
            return
        # The runtime package, for the operator CLI and Python API ...
        build_data["force_include"]["lambda/sms_opt_out"] = "sms_opt_out"
        # ... and the whole Lambda asset, so the construct bundles it from an installed wheel.
        build_data["force_include"]["lambda"] = "opt_out_stack/_lambda"
