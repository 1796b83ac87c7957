"""The names our Label Studio files use: the labeling controls the results point at, the
prefixes that say what a choice holds (a stance, an answer), and our own keys on results."""

from __future__ import annotations

LABELS = "label"  # the Labels control
TEXT = "text"  # the Text object the controls point at
STANCE = "stance:"
STANCE_OF_DOCUMENT = "stance_of_document"
ANSWER = "answer:"
SPAN_KEY = "claimlens_span"  # on each region of a split span: the span's id
VALUE_KIND = "claimlens_value"  # on choices: "bool" or "list" (else one string)
OLD_MULTI = "claimlens_multi"  # earlier exports marked lists so
