"""Headline, dateline and byline: where an article says what it is, when, and by whom."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from corpus.cleaning.lines import BODY, BYLINE, DATELINE, HEADLINE, Line

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = (
    rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH}),?\s+(?P<y2>\d{{4}})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2}))"
)
# "Mar 26, 2024 - World", "Published March 26, 2024 at 10:30 a.m. ET", "2024-03-26"
_DATELINE_RE = re.compile(
    r"^(?:(?:Published|Updated|Posted|Last updated)(?: on)?:?\s+)?"
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
    + _DATE
    + r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?"
    r"(?:\s*[-–—|•·]\s*[\w &'’/,.-]{1,40})?$",
    re.IGNORECASE,
)
_DATELINE_MAX_CHARS = 100
# "(CNN) — ", "JERUSALEM (AP) — ", "WASHINGTON, March 26 (Reuters) - ", "GAZA CITY — "
_INLINE_DATELINE_RE = re.compile(
    r"^(?:(?:[A-Z][A-Z .'’-]{1,30}(?:,\s*[A-Z][\w.]*(?:\s[\w.]+){0,2})?\s*)?"
    r"\((?P<agency>[A-Z][\w .&'’-]{0,40})\)|[A-Z][A-Z .'’-]{2,30}(?=\s*[—–]))"
    r"\s*[—–-]{1,2}\s+"
)
_BY_RE = re.compile(r"^By\s+(?P<names>[A-Z].{1,300})$")
_BY_MAX_WORDS = 40
_CREDIT_BY_RE = re.compile(r"^(?:Written|Reporting|Reported|Story|Additional reporting) by\s+[A-Z]")
_CONTRIBUTED_RE = re.compile(
    r"contributed(?: additional)? (?:reporting|to this (?:report|story|article))\b"
)
_CREDIT_MAX_WORDS = 50
_ROLE = (
    r"(?:reporter|correspondent|editor|writer|columnist|analyst|producer|journalist"
    r"|bureau chief|contributor)"
)
_NAME = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}"
# "Lazar Berman is The Times of Israel's diplomatic reporter"
_BIO_RES = (
    re.compile(
        rf"^(?P<name>{_NAME}) is (?:a |an |the )?(?P<outlet>(?:The )?[A-Z][\w&'’. -]{{1,60}}?)"
        rf"['’]s? (?:[\w-]+ ){{0,3}}{_ROLE}\.?$"
    ),
    re.compile(
        rf"^(?P<name>{_NAME}) is (?:a |an |the )(?:[\w-]+ ){{0,3}}{_ROLE} (?:for|at|with) "
        r"(?P<outlet>(?:the |The )?[A-Z][\w&'’. -]{1,60}?)\.?$"
    ),
)
_BIO_MAX_WORDS = 25
_BIO_MAX_CHARS = 250
_SENTENCE_ENDS = ".!?…"
_CLOSERS = "”’\"')]"
_BODY_MIN_WORDS = 15
_HEADLINE_MIN_WORDS, _HEADLINE_MAX_WORDS, _HEADLINE_MAX_CHARS = 2, 30, 300
_WORD_RE = re.compile(r"\w+")
_STOPWORDS = frozenset(
    re.findall(
        r"\w+",
        "a an and are as at be by for from has have in is it its of on or over that the their "
        "this to was were will with after before into about",
    )
)


@dataclass(slots=True)
class Header:
    title: str = ""
    byline: str | None = None
    byline_outlet: str | None = None  # "..., CNN" at the end of a "By" line
    bio_outlet: str | None = None  # "X is The Times of Israel's diplomatic reporter"
    bio_line: int | None = None
    dateline: str | None = None
    dateline_agency: str | None = None  # "(CNN) —"
    dateline_line: int | None = None
    published: date | None = None


def date_parse(match: re.Match[str]) -> date | None:
    for m, d, y in (("m1", "d1", "y1"), ("m2", "d2", "y2"), ("m3", "d3", "y3")):
        if match.group(y):
            month_text = match.group(m)
            month = int(month_text) if month_text.isdigit() else _MONTHS[month_text[:3].lower()]
            try:
                return date(int(match.group(y)), month, int(match.group(d)))
            except ValueError:
                return None
    return None


def ends_sentence(text: str) -> bool:
    """Ends with . ! ? or …, maybe followed by closing quotes or brackets."""
    stripped = text.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_ENDS


def words_upto(text: str, limit: int) -> int:
    """The number of words in ``text``, counted up to ``limit + 1`` (cheap on long lines)."""
    return len(text.split(None, limit))


def is_body_paragraph(text: str) -> bool:
    return ends_sentence(text) and words_upto(text, _BODY_MIN_WORDS) >= _BODY_MIN_WORDS


def is_headline_like(text: str) -> bool:
    if len(text) > _HEADLINE_MAX_CHARS:
        return False
    words = words_upto(text, _HEADLINE_MAX_WORDS)
    return _HEADLINE_MIN_WORDS <= words <= _HEADLINE_MAX_WORDS and text[-1] not in ".:;,"


def _content_words(text: str) -> set[str]:
    return {w[:5] for w in _WORD_RE.findall(text.casefold()) if w not in _STOPWORDS}


def headline_choose(candidates: list[Line], lead: str) -> Line:
    """Several headline-like lines above the lead (kicker, headline, standfirst): the headline
    is the one whose words best match the lead paragraph; ties go to the first."""
    lead_words = _content_words(lead)
    best, best_score = candidates[0], -1.0
    for line in candidates:
        words = _content_words(line.text)
        score = len(words & lead_words) / len(words) if words else 0.0
        if score > best_score:
            best, best_score = line, score
    return best


def _byline_read(line: Line, header: Header, outlet_names: frozenset[str]) -> bool:
    match = _BY_RE.match(line.text)
    if not match or len(line.text.split()) > _BY_MAX_WORDS:
        return False
    names = match.group("names").strip()
    head, _, last = names.rpartition(",")
    if head and last.strip().casefold() in outlet_names:
        header.byline_outlet = last.strip()
        names = head.strip()
    line.kind = BYLINE
    if header.byline is None:
        header.byline = names
    return True


def _bio_read(line: Line, header: Header) -> bool:
    if len(line.text.split()) > _BIO_MAX_WORDS:
        return False
    for pattern in _BIO_RES:
        match = pattern.match(line.text)
        if match:
            line.kind = BYLINE
            if header.byline is None:
                header.byline = match.group("name")
            header.bio_outlet = match.group("outlet").strip()
            header.bio_line = line.no
            return True
    return False


def header_detect(lines: list[Line], title_hint: str, outlet_names: frozenset[str]) -> Header:
    """Set ``kind`` on headline, dateline and byline lines and report what they say.

    The header is every content line above the lead, the first body paragraph (15+ words
    ending a sentence) or the first line opening with an inline dateline."""
    header = Header()
    content = [line for line in lines if line.kind == BODY and line.text and line.removed is None]
    lead_at = next(
        (
            i
            for i, line in enumerate(content)
            if is_body_paragraph(line.text) or _INLINE_DATELINE_RE.match(line.text)
        ),
        min(1, len(content)),
    )
    top, rest = content[:lead_at], content[lead_at:]
    candidates: list[Line] = []
    for line in top:
        if header.dateline is None and len(line.text) <= _DATELINE_MAX_CHARS:
            match = _DATELINE_RE.match(line.text)
            if match:
                line.kind, header.dateline, header.dateline_line = DATELINE, line.text, line.no
                header.published = date_parse(match)
                continue
        if _byline_read(line, header, outlet_names) or _bio_read(line, header):
            continue
        if _CREDIT_BY_RE.match(line.text):
            line.kind = BYLINE
        elif is_headline_like(line.text):
            candidates.append(line)
    if rest:
        match = _INLINE_DATELINE_RE.match(rest[0].text)
        if match:
            rest[0].prefix = match.end()
            header.dateline = header.dateline or match.group(0).strip()
            header.dateline_agency = match.group("agency")
            header.dateline_line = header.dateline_line or rest[0].no
    for line in rest:
        text = line.text
        if ("contributed" in text and _CONTRIBUTED_RE.search(text)) or _CREDIT_BY_RE.match(text):
            if len(text.split()) <= _CREDIT_MAX_WORDS:
                line.kind = BYLINE
        elif " is " in text and len(text) <= _BIO_MAX_CHARS:
            _bio_read(line, header)
    _title_set(header, title_hint, top, candidates, rest[0].text if rest else "")
    return header


def _title_set(
    header: Header, hint: str, top: list[Line], candidates: list[Line], lead: str
) -> None:
    if hint:
        header.title = hint
        folded = hint.casefold()
        for line in top:
            if " ".join(line.text.split()).casefold() == folded:
                line.kind = HEADLINE
                break
        return
    if candidates:
        chosen = headline_choose(candidates, lead) if len(candidates) > 1 else candidates[0]
        chosen.kind = HEADLINE
        header.title = " ".join(chosen.text.split())
