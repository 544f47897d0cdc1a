"""Short Haul's request builder: a specific, time-boxed mentoring request from a form.

Pure Python (stdlib and Jinja2 only), so the same code runs in CPython for the
tests and the site build, and in Pyodide in the reader's browser. Nothing here
touches the browser; a separate bridge module does.
"""

from builder.keeping.state import from_json, from_query, to_json, to_query
from builder.request.coach import Finding, TipCheck, checklist, coach
from builder.request.downloads import as_markdown, as_text
from builder.request.drafts import Draft, mailto_url, render_drafts
from builder.request.fields import FIELDS, STEPS, Field, Step, fields_as_data
from builder.request.tips import TIPS, Tip
from builder.request.validate import FieldMessage, Request, validate
from builder.session import Evaluation, evaluate

__all__ = [
    "FIELDS",
    "STEPS",
    "TIPS",
    "Draft",
    "Evaluation",
    "Field",
    "FieldMessage",
    "Finding",
    "Request",
    "Step",
    "Tip",
    "TipCheck",
    "as_markdown",
    "as_text",
    "checklist",
    "coach",
    "evaluate",
    "fields_as_data",
    "from_json",
    "from_query",
    "mailto_url",
    "render_drafts",
    "to_json",
    "to_query",
    "validate",
]
