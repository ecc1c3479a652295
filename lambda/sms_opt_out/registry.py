"""The documented public path of the Python API: ``from sms_opt_out.registry import OptOutRegistry``."""

from sms_opt_out.ops.registry import OptOutRegistry

__all__ = ["OptOutRegistry"]
