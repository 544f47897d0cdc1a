"""The mentor's side: a reply helper for a mentor who has been asked for their time.

The same pattern as the request builder: a field table (`fields`) the form is rendered
from, checks (`reply`), coaching rules as data (`rules`, `coach`), the mentor's words
fitted to sentence frames (`frames`, `shapes`; the protégé's focus said back by
`voice`) and Jinja templates (`drafts`). `session.evaluate_reply` is the one call the
page makes, through `builder.web`.
"""

from builder.mentor.fields import REPLY_FIELDS, REPLY_STEPS, RESPONSES, reply_fields_as_data
from builder.mentor.reply import Reply, read_reply
from builder.mentor.session import evaluate_reply

__all__ = [
    "REPLY_FIELDS",
    "REPLY_STEPS",
    "RESPONSES",
    "Reply",
    "evaluate_reply",
    "read_reply",
    "reply_fields_as_data",
]
