"""Who said a quote, as far as the text names them. Pure: no ORM.

The quote aligner links paraphrased quotes on shared content words alone, and two different
people can say much the same thing ("The bridge will reopen as long as the cracks remain",
said one engineer; "The ferry will run as long as the cracks remain", said another). The
speaker tells them apart: the attribution suggester (``attribution.py``) finds the SOURCE a
quote is attributed to, and the speaker's NAME is the capitalised words of that SOURCE that
are not function words ("Israeli Prime Minister Benjamin Netanyahu", "the Harbour
Authority"). A pronoun, a lower-case description ("a senior official") or a quote the
suggester cannot attribute has no name: it is unknown, and an unknown speaker conflicts with
no one.
"""

from __future__ import annotations

from collections.abc import Sequence

from annotations.suggesters.attribution import suggest_attributions
from annotations.suggesters.paraphrases import FUNCTION_WORDS
from annotations.suggesters.tokens import WORD, normalise_token

Name = frozenset[str]
NO_NAME: Name = frozenset()


def speaker_name(source_text: str) -> Name:
    """The normalised capitalised words of a SOURCE's text, function words left out."""
    capitalised = (m.group() for m in WORD.finditer(source_text) if m.group()[0].isupper())
    return frozenset(normalise_token(w) for w in capitalised) - FUNCTION_WORDS


def quote_speakers(text: str, quotes: Sequence[tuple[int, int]]) -> list[Name]:
    """The speaker's name of each ``(start, end)`` quote of ``text``: that of the SOURCE the
    attribution suggester attributes an overlapping CLAIM to, or ``NO_NAME``."""
    suggestions = suggest_attributions(text)
    spans = {span.key: span for span in suggestions.spans}
    attributed: list[tuple[tuple[tuple[int, int], ...], Name]] = [
        (spans[rel.from_key].fragments, speaker_name(spans[rel.to_key].text))
        for rel in suggestions.relations
        if rel.type == "ATTRIBUTED_TO"
    ]
    names: list[Name] = []
    for start, end in quotes:
        names.append(
            next(
                (
                    name
                    for fragments, name in attributed
                    if any(a < end and start < b for a, b in fragments)
                ),
                NO_NAME,
            )
        )
    return names


def speakers_conflict(one: Name, two: Name) -> bool:
    """Two named speakers who share no word of their names; an unknown one conflicts with no
    one ("Netanyahu" and "Prime Minister Benjamin Netanyahu" do not conflict)."""
    return bool(one) and bool(two) and not (one & two)
