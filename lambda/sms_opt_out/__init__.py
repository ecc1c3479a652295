"""Runtime of the self-managed SMS opt-out system: domain rules and AWS adapters.

The Lambda handlers (``process_reply``, ``send_text_message``) and the operator
CLI share this package, so every channel writes the same items.
"""
