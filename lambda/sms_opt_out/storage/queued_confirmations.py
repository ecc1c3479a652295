"""Hands a reply's confirmation that its number has no slot for now to the confirmation queue, from
which the reply function sends it at the number's shared rate (the reply function's SendMessage)."""

from __future__ import annotations

import json

from sms_opt_out.reply.inbound import InboundReply
from sms_opt_out.storage.queue_messages import LazyQueue

QUEUED_REPLY = "queuedReply"
"""The key of a confirmation queue message's body: the reply whose confirmation it is."""
DELAY_SECONDS = 5
"""A queued confirmation is hidden this long: the reply's invocation settles its receipt and gives the
customer's lease back (its next write) before the queue's consumer may take it, which would otherwise
find the lease held and wait out the queue's visibility timeout."""


class QueuedConfirmations(LazyQueue):
    """The construct's confirmation queue (``CONFIRMATION_QUEUE_URL``): one reply per message, as it
    came (the reply function classifies it again and answers it under the customer's lease)."""

    def put(self, reply: InboundReply) -> str:
        """Put ``reply`` on the queue; answer SQS's MessageId (an error of SQS is raised)."""
        body = {
            QUEUED_REPLY: {
                "originationNumber": reply.customer,
                "destinationNumber": reply.our_number,
                "messageBody": reply.body,
                "inboundMessageId": reply.inbound_message_id,
                "timestamp": reply.timestamp,
            }
        }
        answer = self._client.send_message(
            QueueUrl=self.queue_url, MessageBody=json.dumps(body), DelaySeconds=DELAY_SECONDS
        )
        return str(answer["MessageId"])
