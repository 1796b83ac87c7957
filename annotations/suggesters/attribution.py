"""The attribution suggester: a rule-based first pass over one document's text (issue 14).

Pure: no ORM, no model download, no spaCy; a handful of regular expressions over the text.
``suggest_attributions(text)`` returns CLAIM, SOURCE and CUE spans (code-point offsets,
half-open, over ``text``) and the news-attribution preset's relations between them:
ATTRIBUTED_TO (claim -> source) and CUE_OF (cue -> claim).

What it finds, in this order (a later pattern never proposes a CLAIM that overlaps an
earlier one):

1. direct quotes attributed after the quote: ``"...," Netanyahu's office said.`` and
   ``"...," said Kirby.``; a quote split by the cue (``"A," he said, "B."``) is ONE
   discontinuous CLAIM with two fragments;
2. direct quotes attributed before the quote: ``A spokesman said: "..."``;
3. ``according to``: ``Talks stalled, according to officials briefed on the talks.``;
4. indirect speech: ``An Israeli official told reporters that ...`` / ``Israel said the ...``;
5. a trailing attribution: ``Hamas rejected the offer, two U.S. officials said.``

The speaker is the phrase right next to the cue: a pronoun, a capitalised name (with an
optional ``'s office``), ``the White House``, or a noun phrase headed by ``official``,
``source``, ``spokesperson``, ``people`` ... (``a senior U.S. official``, ``officials``).
What it cannot do is listed in docs/suggesters.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# The cue lexicon: each verb with its inflections (one tuple per verb). Phrasal cues are
# in CUE_PHRASES. Both are matched whole-word and case-sensitively in lower case.
CUE_VERBS: tuple[tuple[str, ...], ...] = (
    ("say", "says", "said", "saying"),
    ("tell", "tells", "told", "telling"),
    ("add", "adds", "added", "adding"),
    ("claim", "claims", "claimed", "claiming"),
    ("admit", "admits", "admitted", "admitting"),
    ("deny", "denies", "denied", "denying"),
    ("warn", "warns", "warned", "warning"),
    ("stress", "stresses", "stressed", "stressing"),
    ("note", "notes", "noted", "noting"),
    ("insist", "insists", "insisted", "insisting"),
    ("argue", "argues", "argued", "arguing"),
    ("accuse", "accuses", "accused", "accusing"),
    ("state", "states", "stated", "stating"),
    ("announce", "announces", "announced", "announcing"),
    ("confirm", "confirms", "confirmed", "confirming"),
    ("explain", "explains", "explained", "explaining"),
    ("acknowledge", "acknowledges", "acknowledged", "acknowledging"),
    ("suggest", "suggests", "suggested", "suggesting"),
    ("assert", "asserts", "asserted", "asserting"),
    ("reply", "replies", "replied", "replying"),
    ("write", "writes", "wrote", "writing"),
    ("report", "reports", "reported", "reporting"),
    ("believe", "believes", "believed", "believing"),
    ("indicate", "indicates", "indicated", "indicating"),
)
CUE_PHRASES: tuple[str, ...] = ("according to",)

_CUE_WORDS = sorted({form for forms in CUE_VERBS for form in forms}, key=len, reverse=True)
_CUE = r"(?:" + "|".join(_CUE_WORDS) + r")"

_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I)"
_CAP = r"(?:[A-Z][\w.\-’']*)"
_TITLE = r"(?:spokes(?:man|woman|person)|minister|leader|director|engineer|mayor)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_NAME = (
    rf"(?:(?:[Tt]he\s+|{_TITLE}\s+)?(?!{_WEEKDAY}){_CAP}(?:\s+(?:(?:bin|de|of)\s+)?(?:{_CAP}|al-\w+))*"
    r"(?:['’]s\s+(?:[a-z]+\s+)?(?:office|spokes(?:man|woman|person)|ministry|government))?)"
)
_HEAD = (
    r"(?:officials?|sources?|reports?|media|spokes(?:man|woman|person)|diplomats?|aides?|negotiators?"
    r"|mediators?|people|statement|officers?|analysts?|experts?|ministers?|leaders?)"
)
_DET = r"(?:the|The|a|A|an|An|one|One|two|Two|three|several|Several|another|Another|some|Some)"
_MOD = (
    rf"(?:{_CAP}|senior|top|former|diplomatic|military|government|administration|security"
    r"|other|foreign|regional|council|Israeli|American)"
)
_PHRASE = (
    rf"(?:(?:{_DET}\s+)?(?:{_MOD}\s+){{0,3}}{_HEAD}"
    r"(?:\s+(?:familiar\s+with|briefed\s+on|close\s+to|involved\s+in)\s+the\s+\w+)?)"
)
_SPEAKER = rf"(?:{_PHRASE}|{_PRONOUN}|{_NAME})"
_AUX = r"(?:\s+(?:also|later|earlier|previously|repeatedly|has|have|had|would|will|then))*"

QUOTE_RE = re.compile(r"“([^“”\n]+)”|\"([^\"\n]+)\"")
CUE_RE = re.compile(rf"\b(?:{_CUE}|[Aa]ccording to)\b")
# Speaker then cue, right after a closing quote: ' Netanyahu's office said'.
AFTER_SPEAKER_CUE_RE = re.compile(rf",?\s+(?P<speaker>{_SPEAKER}){_AUX}\s+(?P<cue>{_CUE})\b")
# Cue then speaker, right after a closing quote: ' said Kirby'.
AFTER_CUE_SPEAKER_RE = re.compile(rf",?\s+(?P<cue>{_CUE})\s+(?P<speaker>{_PHRASE}|{_NAME})\b")
# Speaker and cue ending the text before a quote: 'A spokesman said: '.
BEFORE_QUOTE_RE = re.compile(rf"\b(?P<speaker>{_SPEAKER}){_AUX}\s+(?P<cue>{_CUE})[:,]?\s*$")
# The speaker ending the text before a cue (an optional appositive between them).
SPEAKER_BEFORE_CUE_RE = re.compile(rf"\b(?P<speaker>{_SPEAKER})(?:,\s[^,\n]{{3,80}},)?{_AUX}\s+$")
SPEAKER_AFTER_RE = re.compile(rf"\s+(?P<speaker>{_PHRASE}|{_NAME})")
# Between an attributed quote and the next one that goes on in the speaker's voice.
CONTINUES_RE = re.compile(r"[^\S\n]*[.!?]?[^\S\n]*")  # ' said. "Next...' on one line
SPLIT_CONTINUES_RE = re.compile(r"^[^\S\n]*,?[^\S\n]*(?=[“\"])")
# What may stand between an indirect cue and its clause: an object and 'that'.
_WHEN = r"(?:on\s+\w+\b\s*|\w+day\b\s*)?"
_OBJECT = rf"(?:reporters|{_NAME}|{_PHRASE}|(?:the|a|an|his|her|their)\s+\w+(?:\s+\w+)?)"
THAT_LEAD_RE = re.compile(rf"^\s+(?:{_OBJECT}\s+)?{_WHEN}that\s+")
TOLD_LEAD_RE = re.compile(rf"^\s+(?:reporters|{_NAME})\b\s*{_WHEN}")  # 'told CNN on Monday'
PLAIN_LEAD_RE = re.compile(rf"^\s+{_WHEN}")
# An indirect cue followed by one of these has a circumstance after it, not what was said.
NOT_A_CLAUSE_RE = re.compile(
    r"(?:(?:in|at|on|during|according|adding|saying|to|after|before|with|last|earlier)\b"
    r"|[A-Z]\w*,|[,;:(])"
)
# A connective opening a sentence links it to the one before; it is not part of the claim.
LEADING_CONNECTIVE_RE = re.compile(r"(?:But|However|And|Yet|Still|Meanwhile|Instead),?\s+")
SENTENCE_END_RE = re.compile(r"[.!?](?=[”\"’]?(?:\s|$))")
_NOT_SENTENCE_ENDS = re.compile(r"(?:\b[A-Z]|\bU\.S|\bMr|\bMrs|\bMs|\bDr|\bSt)$")

_LOOKBEHIND = 160

Range = tuple[int, int]


@dataclass(frozen=True)
class SuggestedSpan:
    key: str  # unique within one suggestion run, e.g. "s12"
    label: str  # CLAIM | SOURCE | CUE
    fragments: tuple[Range, ...]  # one piece unless a quote is split by its cue
    text: str  # the fragments' texts joined by spans.FRAGMENT_JOINER
    attributes: dict[str, str] = field(default_factory=dict)

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]


@dataclass(frozen=True)
class SuggestedRelation:
    type: str  # ATTRIBUTED_TO (claim -> source) | CUE_OF (cue -> claim)
    from_key: str
    to_key: str


@dataclass
class Suggestions:
    spans: list[SuggestedSpan] = field(default_factory=list)
    relations: list[SuggestedRelation] = field(default_factory=list)


class _Builder:
    """Collects spans and relations; refuses a CLAIM that overlaps one already proposed."""

    def __init__(self, text: str):
        self.text = text
        self.out = Suggestions()
        self.claimed: list[Range] = []
        self.keys: dict[tuple[str, int, int], str] = {}

    def free(self, pieces: list[Range]) -> bool:
        return not any(a < d and c < b for a, b in pieces for c, d in self.claimed)

    def span(self, label: str, pieces: list[Range], attributes: dict[str, str]) -> str:
        found = self.keys.get((label, pieces[0][0], pieces[-1][1]))
        if found:
            return found
        key = f"s{len(self.out.spans) + 1}"
        text = " ".join(self.text[a:b] for a, b in pieces)
        self.out.spans.append(SuggestedSpan(key, label, tuple(pieces), text, attributes))
        self.keys[(label, pieces[0][0], pieces[-1][1])] = key
        return key

    def attribution(self, claim: list[Range], quote_type: str, speaker: Range, cue: Range) -> bool:
        claim = [_trim(self.text, a, b) for a, b in claim]
        claim = [(a, b) for a, b in claim if b > a]
        if not claim or not self.free(claim):
            return False
        claim_key = self.span("CLAIM", claim, {"quote_type": quote_type})
        self.claimed.extend(claim)
        speaker_text = self.text[speaker[0] : speaker[1]]
        source_key = self.span("SOURCE", [speaker], _source_attributes(speaker_text))
        cue_key = self.span("CUE", [cue], {})
        self.out.relations.append(SuggestedRelation("ATTRIBUTED_TO", claim_key, source_key))
        self.out.relations.append(SuggestedRelation("CUE_OF", cue_key, claim_key))
        return True


def suggest_attributions(text: str) -> Suggestions:
    """CLAIM, SOURCE and CUE spans with ATTRIBUTED_TO and CUE_OF relations for ``text``."""
    builder = _Builder(text)
    _direct_quotes(builder)
    _cue_driven(builder)
    builder.out.spans.sort(key=lambda s: (s.start, s.end, s.label))
    return builder.out


def _direct_quotes(b: _Builder) -> None:
    """Quotes attributed after them (a split quote as one CLAIM), a quote that follows an
    attributed one in the next sentence of its paragraph (the same speaker goes on), and
    quotes introduced by speaker and cue."""
    quotes = [(m.start(m.lastindex), m.end(m.lastindex)) for m in QUOTE_RE.finditer(b.text)]
    used: set[int] = set()
    last: tuple[Range, Range, int] | None = None  # speaker, cue, where the attribution ends
    for i, (qa, qb) in enumerate(quotes):
        if i in used:
            continue
        found = _attributed_after(b.text, quotes, i, used)
        if found:
            pieces, speaker, cue, ends = found
            b.attribution(pieces, "direct", speaker, cue)
            last = (speaker, cue, ends)
            continue
        if last and CONTINUES_RE.fullmatch(b.text, last[2], qa - 1):
            b.attribution([(qa, qb)], "direct", last[0], last[1])
            last = (last[0], last[1], qb + 1)
            continue
        last = None
        line_start = b.text.rfind("\n", 0, qa) + 1
        before_from = max(line_start, qa - 1 - _LOOKBEHIND)
        m = BEFORE_QUOTE_RE.search(b.text[before_from : qa - 1])
        if m:
            speaker = (before_from + m.start("speaker"), before_from + m.end("speaker"))
            cue = (before_from + m.start("cue"), before_from + m.end("cue"))
            b.attribution([(qa, qb)], "direct", speaker, cue)


def _attributed_after(
    text: str, quotes: list[Range], i: int, used: set[int]
) -> tuple[list[Range], Range, Range, int] | None:
    """The quote's pieces, speaker, cue and where the attribution ends, when a speaker and a
    cue follow the quote; a quote right after the attribution is its second piece."""
    qa, qb = quotes[i]
    base = qb + 1
    after = text[base : base + _LOOKBEHIND]
    m = AFTER_SPEAKER_CUE_RE.match(after) or AFTER_CUE_SPEAKER_RE.match(after)
    if not m:
        return None
    pieces = [(qa, qb)]
    ends = base + m.end()
    cont = SPLIT_CONTINUES_RE.match(after[m.end() :])
    if cont and i + 1 < len(quotes) and quotes[i + 1][0] - 1 == ends + cont.end():
        pieces.append(quotes[i + 1])
        used.add(i + 1)
        ends = quotes[i + 1][1] + 1
    speaker = (base + m.start("speaker"), base + m.end("speaker"))
    cue = (base + m.start("cue"), base + m.end("cue"))
    return pieces, speaker, cue, ends


def _cue_driven(b: _Builder) -> None:
    text = b.text
    for m in CUE_RE.finditer(text):
        ca, cb = m.span()
        if not b.free([(ca, cb)]) or m.group().endswith("ing"):
            continue  # a participle ('..., adding that') has no speaker of its own next to it
        sa, sb = _sentence(text, ca)
        if m.group().lower() == "according to":
            _according_to(b, sa, sb, ca, cb)
            continue
        before_from = max(sa, ca - _LOOKBEHIND)
        s = SPEAKER_BEFORE_CUE_RE.search(text, before_from, ca)
        if not s:
            continue
        speaker = (s.start("speaker"), s.end("speaker"))
        head = text[sa : speaker[0]].rstrip()
        lead = _indirect_lead(text[cb:sb], m.group())
        clause_from = cb + (lead.end() if lead else 0)
        if head.endswith(",") and len(text[clause_from:sb].strip(' .!?”"’')) == 0:
            b.attribution([(sa, sa + len(head) - 1)], "indirect", speaker, (ca, cb))
        elif _words(text[clause_from:sb]) >= 3 and not NOT_A_CLAUSE_RE.match(text, clause_from):
            b.attribution([(clause_from, sb)], "indirect", speaker, (ca, cb))


def _indirect_lead(after_cue: str, cue: str) -> re.Match[str] | None:
    """What stands between an indirect cue and its clause: an object, a time, 'that'."""
    lead = THAT_LEAD_RE.match(after_cue)
    if not lead and cue in ("tell", "tells", "told"):
        lead = TOLD_LEAD_RE.match(after_cue)
    return lead or PLAIN_LEAD_RE.match(after_cue)


def _according_to(b: _Builder, sa: int, sb: int, ca: int, cb: int) -> None:
    s = SPEAKER_AFTER_RE.match(b.text, cb, sb)
    if not s:
        return
    speaker = (s.start("speaker"), s.end("speaker"))
    head = b.text[sa:ca].rstrip()
    if _words(head) >= 3:
        b.attribution([(sa, sa + len(head.rstrip(",")))], "indirect", speaker, (ca, cb))
        return
    tail_from = speaker[1] + 1 if b.text[speaker[1] : speaker[1] + 1] == "," else speaker[1]
    if _words(b.text[tail_from:sb]) >= 3:
        b.attribution([(tail_from, sb)], "indirect", speaker, (ca, cb))


def _sentence(text: str, at: int) -> Range:
    """The sentence around ``at``: bounded by a line break or a sentence-ending mark."""
    start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    for m in SENTENCE_END_RE.finditer(text, start, at):
        if not _NOT_SENTENCE_ENDS.search(text, max(start, m.start() - 3), m.start()):
            start = m.end()
    end = line_end
    for m in SENTENCE_END_RE.finditer(text, at, line_end):
        if not _NOT_SENTENCE_ENDS.search(text, max(at, m.start() - 3), m.start()):
            end = m.start()
            break
    while start < end and text[start] in ' \t”"’':
        start += 1
    return start, end


def _trim(text: str, a: int, b: int) -> Range:
    while a < b and text[a] in " \t,;:•":
        a += 1
    while b > a and text[b - 1] in " \t,;:.":
        b -= 1
    connective = LEADING_CONNECTIVE_RE.match(text, a, b)
    return (connective.end() if connective else a), b


def _words(fragment: str) -> int:
    return len(re.findall(r"\w+", fragment))


def _source_attributes(speaker: str) -> dict[str, str]:
    if re.search(r"\b(?:officials?|diplomats?|aides?|negotiators?|officers?)\b", speaker):
        return {"source_type": "anonymous_official"}
    if re.search(r"\b(?:sources?|people|analysts?|experts?)\b", speaker):
        return {"source_type": "anonymous_other"}
    return {}
