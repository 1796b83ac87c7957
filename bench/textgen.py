"""Synthetic news text for the benchmarks: sentences built from word lists, about a fictional
event (a harbour bridge closure in the fictional city of Port Veyra), with quotes and some
emoji. Pure: no Django, no database. Never real articles.

Every generated document knows where its attribution triples are (quote = CLAIM, attribution
verb = CUE, speaker = SOURCE), as code-point offsets into its text.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

FIRST_NAMES = [
    "Alba", "Tomas", "Ines", "Oren", "Maelle", "Kofi", "Liesel", "Ravi", "Yusra", "Dario",
    "Sigrun", "Teodor", "Noor", "Emeric", "Zofia", "Hollis",
]  # fmt: skip
LAST_NAMES = [
    "Renner", "Okafor", "Vasquez", "Lindqvist", "Marchetti", "Haddad", "Brennan", "Szabo",
    "Achterberg", "Quill", "Navarro", "Petrov", "Osei", "Fairbairn",
]  # fmt: skip
TITLES = [
    "Harbour Minister", "Mayor", "union leader", "spokesperson", "council member",
    "transport director", "opposition leader", "engineer",
]  # fmt: skip
ORGS = [
    "the Port Veyra Council", "the Harbour Authority", "the Dockworkers' Union",
    "the Ministry of Transport", "the Veyra Chamber of Commerce", "the Bridge Safety Board",
]  # fmt: skip
ANONYMOUS = [
    "officials", "a senior official", "people familiar with the talks", "a council source",
    "residents", "engineers on the site",
]  # fmt: skip
CUES = ["said", "told reporters", "added", "warned", "insisted", "claimed", "wrote", "stressed"]
SUBJECTS = [
    "the bridge", "the closure", "the ferry service", "the repair plan", "the budget",
    "the inspection report", "the night shift", "the detour", "the harbour", "the tender",
]  # fmt: skip
VERBS = [
    "will reopen", "has been delayed", "cannot continue", "was never safe", "must be reviewed",
    "is ahead of schedule", "will cost more", "needs more time", "was approved", "is on hold",
]  # fmt: skip
TAILS = [
    "by the end of the month", "without new funding", "after the storm", "for at least a week",
    "despite the protests", "under the current rules", "as long as the cracks remain",
    "before the festival", "in the coming days", "once the divers report back",
]  # fmt: skip
FILLER_WORDS = [
    "the", "city", "traffic", "morning", "ferry", "queue", "commuters", "market", "river",
    "cranes", "steel", "cables", "council", "report", "weekend", "harbour", "lights", "district",
    "vote", "tender", "crews", "weather", "tide", "schedule", "residents", "shops", "bridge",
    "deck", "pillars", "inspection", "funding", "budget", "delay", "protest", "banners", "station",
]  # fmt: skip
EMOJI = ["🌉", "⛴️", "🚧", "📰", "🙂", "👷🏽", "🇪🇺"]


@dataclass
class Triple:
    """One attribution: the quote (CLAIM), the verb (CUE) and the speaker (SOURCE)."""

    claim: tuple[int, int]
    cue: tuple[int, int]
    source: tuple[int, int]


@dataclass
class GeneratedDocument:
    title: str
    text: str
    outlet: str
    triples: list[Triple] = field(default_factory=list)

    def record(self, *, url: str, published_at: str) -> dict[str, Any]:
        """The document as one JSONL import record."""
        return {
            "title": self.title,
            "text": self.text,
            "outlet": self.outlet,
            "url": url,
            "published_at": published_at,
            "language": "en",
        }


OUTLETS = ["The Harbour Ledger", "Veyra Evening Post", "Coastline Wire", "The Quay Observer"]


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0  # code points written so far
        self.size = 0  # UTF-8 bytes written so far

    def add(self, piece: str) -> tuple[int, int]:
        start = self.pos
        self.parts.append(piece)
        self.pos += len(piece)
        self.size += len(piece.encode())
        return start, self.pos

    def text(self) -> str:
        return "".join(self.parts)


def speaker_text(rng: random.Random) -> str:
    """A named person (maybe with a title), an organisation, or an anonymous source."""
    roll = rng.random()
    if roll < 0.6:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        return f"{rng.choice(TITLES)} {name}" if roll < 0.3 else name
    if roll < 0.85:
        return rng.choice(ORGS)
    return rng.choice(ANONYMOUS)


def claim_text(rng: random.Random, *, emoji: bool = True) -> str:
    """What a speaker claims: subject, verb and tail; with ``emoji``, one in 12 ends in one."""
    text = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(TAILS)}"
    text = text[0].upper() + text[1:]
    if emoji and rng.random() < 0.08:
        text += f" {rng.choice(EMOJI)}"
    return text


def filler_sentence(rng: random.Random) -> str:
    """A sentence of 8-18 words from the event's vocabulary (one in 20 ends in an emoji)."""
    words = [rng.choice(FILLER_WORDS) for _ in range(rng.randint(8, 18))]
    sentence = " ".join(words)
    if rng.random() < 0.05:
        sentence += f" {rng.choice(EMOJI)}"
    return sentence[0].upper() + sentence[1:] + "."


def _attribution(b: _Builder, rng: random.Random) -> Triple:
    """Write one attributed quote in one of three shapes; return its offsets."""
    shape = rng.random()
    quote_open, quote_close = ("\u201c", "\u201d") if rng.random() < 0.5 else ('"', '"')
    if shape < 0.5:  # "Claim," said Source.
        b.add(quote_open)
        claim = b.add(claim_text(rng))
        b.add("," + quote_close + " ")
        cue = b.add(rng.choice(CUES))
        b.add(" ")
        source = b.add(speaker_text(rng))
        b.add(".")
    elif shape < 0.8:  # Source said: "Claim."
        speaker = speaker_text(rng)
        source = b.add(speaker[0].upper() + speaker[1:])
        b.add(" ")
        cue = b.add(rng.choice(CUES))
        b.add(": " + quote_open)
        claim = b.add(claim_text(rng))
        b.add("." + quote_close)
    else:  # "Claim", Source said, ...
        b.add(quote_open)
        claim = b.add(claim_text(rng))
        b.add(quote_close + ", ")
        source = b.add(speaker_text(rng))
        b.add(" ")
        cue = b.add(rng.choice(CUES))
        b.add(f", {rng.choice(TAILS)}.")
    return Triple(claim=claim, cue=cue, source=source)


def generate_document(
    rng: random.Random, *, target_bytes: int, min_triples: int, marker: str = ""
) -> GeneratedDocument:
    """A document of about ``target_bytes`` UTF-8 bytes with at least ``min_triples``
    attributions. ``marker`` (e.g. a run and document number) makes the text unique."""
    b = _Builder()
    title = f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(VERBS)} {rng.choice(TAILS)}"
    outlet = rng.choice(OUTLETS)
    b.add(title + "\n")
    b.add(f"By {rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}\n")
    dateline = f"PORT VEYRA, {rng.randint(1, 28)} March"
    b.add(f"{dateline} ({marker}) \u2014 " if marker else f"{dateline} \u2014 ")
    triples: list[Triple] = []
    # Spread the attributions evenly: roughly one attribution per ``gap`` bytes.
    gap = max(60, target_bytes // max(1, min_triples) - 150)
    next_at = 0
    first = True
    while b.size < target_bytes or len(triples) < min_triples:
        if not first:
            b.add("\n\n" if rng.random() < 0.12 else " ")
        first = False
        if b.size >= next_at and len(triples) < min_triples:
            triples.append(_attribution(b, rng))
            next_at = b.size + gap
        else:
            b.add(filler_sentence(rng))
    text = b.text() + "\n"
    return GeneratedDocument(title=title, text=text, outlet=outlet, triples=triples)
