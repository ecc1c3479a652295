"""The reply path: an SNS record becomes an ``InboundReply``, which the reply service classifies,
records, applies and answers (``process_reply.handler`` wires it).

What lives where:

- ``inbound``: Parsing of two-way SMS (and RCS) notifications delivered by SNS.
- ``rcs_media``: Files an RCS customer sends: no words to read, kept for a person to look at.
- ``service``: The reply processor: records opt-outs and opt-ins and answers STOP, START and HELP.
"""
