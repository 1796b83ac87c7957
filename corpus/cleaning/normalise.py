"""Normalisation every document gets, cleaning on or off: Unicode NFC and ``\\n`` line endings."""

from __future__ import annotations

import unicodedata


def normalise_text(text: str) -> str:
    """NFC, then CRLF and lone CR become ``\\n``. Nothing else changes: quotes, dashes, emoji,
    no-break spaces and zero-width joiners stay as they are."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def collapse_whitespace(text: str) -> str:
    """One line, single spaces: for short metadata values such as a title or an outlet name."""
    return " ".join(normalise_text(text).split())
