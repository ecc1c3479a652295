"""The delivery-events path: a configuration set's final event per message becomes a delivery
record, a suppression and a metric (``record_delivery_event.handler`` wires it).

What lives where:

- ``events``: Delivery events: what the carriers report of each text, recorded against its message.
"""
