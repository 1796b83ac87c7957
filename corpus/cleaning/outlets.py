"""Which outlet published a text: from metadata, the URL's domain, or cues in the text.

Cues for an outlet (positive scores): a dateline "(CNN) —", a byline ending ", CNN", a
staff line "X is The Times of Israel's diplomatic reporter", a source who "told Axios" or
"confirmed to Al Mayadeen", "CNN has learned", a copyright line naming it. Cues *against*
(negative scores: the text cites another outlet's reporting): "Axios reported", "according
to Axios", a headline ending ": Axios". The outlet is the best total of at least
``MIN_SCORE``; outlets with negative cues are reported as cited.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from itertools import accumulate
from urllib.parse import urlsplit

from corpus.cleaning.lines import BYLINE, CAPTION, HEADLINE, Line
from corpus.cleaning.result import OutletCue

# canonical name, names used in text, web domains
KNOWN_OUTLETS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("Axios", ("Axios",), ("axios.com",)),
    ("Al Mayadeen", ("Al Mayadeen", "Al-Mayadeen", "Al Mayadeen English"), ("almayadeen.net",)),
    ("The New York Times", ("The New York Times", "New York Times"), ("nytimes.com",)),
    ("The Times of Israel", ("The Times of Israel", "Times of Israel"), ("timesofisrael.com",)),
    ("CNN", ("CNN", "Cable News Network"), ("cnn.com",)),
    ("Reuters", ("Reuters",), ("reuters.com",)),
    ("Associated Press", ("The Associated Press", "Associated Press", "AP"), ("apnews.com",)),
    ("Agence France-Presse", ("Agence France-Presse", "AFP"), ("afp.com",)),
    ("BBC News", ("BBC News", "BBC"), ("bbc.com", "bbc.co.uk")),
    ("Al Jazeera", ("Al Jazeera",), ("aljazeera.com", "aljazeera.net")),
    ("Haaretz", ("Haaretz",), ("haaretz.com", "haaretz.co.il")),
    ("The Jerusalem Post", ("The Jerusalem Post", "Jerusalem Post"), ("jpost.com",)),
    ("The Washington Post", ("The Washington Post", "Washington Post"), ("washingtonpost.com",)),
    (
        "The Wall Street Journal",
        ("The Wall Street Journal", "Wall Street Journal", "WSJ"),
        ("wsj.com",),
    ),
    ("Bloomberg", ("Bloomberg News", "Bloomberg TV", "Bloomberg"), ("bloomberg.com",)),
    ("The Guardian", ("The Guardian",), ("theguardian.com",)),
    ("Financial Times", ("The Financial Times", "Financial Times"), ("ft.com",)),
    ("Politico", ("Politico",), ("politico.com", "politico.eu")),
    ("NPR", ("NPR",), ("npr.org",)),
    ("Fox News", ("Fox News",), ("foxnews.com",)),
    ("NBC News", ("NBC News",), ("nbcnews.com",)),
    ("ABC News", ("ABC News",), ("abcnews.go.com",)),
    ("CBS News", ("CBS News",), ("cbsnews.com",)),
    ("Sky News", ("Sky News",), ("news.sky.com",)),
    ("Al Arabiya", ("Al Arabiya",), ("alarabiya.net",)),
    ("Middle East Eye", ("Middle East Eye",), ("middleeasteye.net",)),
    ("Anadolu Agency", ("Anadolu Agency", "Anadolu"), ("aa.com.tr",)),
    ("Ynet", ("Ynetnews", "Ynet"), ("ynetnews.com", "ynet.co.il")),
    ("The Hill", ("The Hill",), ("thehill.com",)),
    ("Xinhua", ("Xinhua",), ("xinhuanet.com", "news.cn")),
)
MIN_SCORE = 3
STRONG, COPYRIGHT, TOLD, CITES, CITES_WEAK = 10, 5, 3, -3, -1

_CANONICAL = {alias.casefold(): name for name, aliases, _ in KNOWN_OUTLETS for alias in aliases}
OUTLET_NAMES = frozenset(_CANONICAL)
_DOMAINS = {domain: name for name, _, domains in KNOWN_OUTLETS for domain in domains}
_ALIASES = [alias for _, aliases, _ in KNOWN_OUTLETS for alias in aliases]


def _trie_pattern(words: list[str]) -> str:
    """One regex alternative for all ``words``, as a trie ("A(?:P|FP|xios)" for "AP", "AFP",
    "Axios"): the engine follows one branch per letter instead of trying every word. A word
    that is the start of longer ones makes its rest optional, and greedy, so the longest
    word that fits is taken first, as in an alternation sorted longest first."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict[str, dict]) -> str:
        branches = [
            re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)


# No leading \b: it would defeat the regex engine's first-character scan (8x slower);
# the left boundary is checked by hand (``_alias_matches``, ``_text_cues``).
_ALIAS_RE = re.compile(r"(?:" + _trie_pattern(_ALIASES) + r")\b")
_TOLD_BEFORE_RE = re.compile(
    r"\b(?:told|confirmed to|said to|speaking to|spoke to|speaking with|spoke with"
    r"|interview with|exclusively to|explained to|revealed to)\s+$"
)
_CITES_BEFORE_RE = re.compile(
    r"\b(?:according to(?: a report (?:by|in|from)| reports? (?:by|in|from))?"
    r"|reported by|report(?:s|ed)? (?:by|in|on)|cited by|published (?:by|in)|quoted by"
    r"|via|(?:a |an )?(?:report|interview|article|story) (?:by|in|from|on))\s+$",
    re.IGNORECASE,
)
_LEARNED_AFTER_RE = re.compile(r"^(?:\s+has)?\s+(?:learned|understands|learnt)\b")
_CITES_AFTER_RE = re.compile(
    r"^(?:['’]s?)?\s+(?:(?:first|also|has|had|later)\s+)?"
    r"(?:reported|reports|revealed|reveals|published|wrote|writes|quoted|cited)\b"
)
_SOURCES_AFTER_RE = re.compile(r"^(?:['’]s?)?\s+sources?\b")
_GENERIC_TOLD_RE = re.compile(r"told (The [A-Z][\w'’-]*(?: (?:of|the|[A-Z][\w'’-]*)){0,4})")
_CONTEXT = 40
# "https://www.example.org/...": a host of ASCII letters, digits, dots and hyphens, with no
# user, port or brackets, followed by the path, query, fragment or nothing.
_SIMPLE_URL_RE = re.compile(r"https?://([A-Za-z0-9.-]+)(?:[/?#]|\Z)")


def outlet_canonical(name: str) -> str:
    """The canonical spelling of a known outlet ("AP" -> "Associated Press"), else the name."""
    clean = " ".join(name.split())
    return _CANONICAL.get(clean.casefold(), clean)


def domain_of(url: str) -> str | None:
    url = url.strip()
    simple = _SIMPLE_URL_RE.match(url)
    if simple is not None:  # what urlsplit gives for it, at a fraction of the cost
        host = simple.group(1).lower()
    else:
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:
            return None
    for prefix in ("www.", "m.", "amp.", "edition.", "english."):
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix) :]
    return host or None


def outlet_for_domain(domain: str) -> str | None:
    """The known outlet of a domain or of any domain above it (edition.cnn.com -> CNN)."""
    parts = domain.split(".")
    for start in range(len(parts) - 1):
        name = _DOMAINS.get(".".join(parts[start:]))
        if name:
            return name
    return None


def _alias_matches(text: str) -> Iterator[re.Match[str]]:
    for match in _ALIAS_RE.finditer(text):
        start = match.start()
        if start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_"):
            yield match


def _match_cue(line: Line, alias: str, start: int, end: int) -> OutletCue | None:
    """The cue an outlet's name at ``[start, end)`` of the line gives, if any."""
    text = line.text
    name = _CANONICAL[alias.casefold()]
    before = text[max(0, start - _CONTEXT) : start]
    after = text[end : end + _CONTEXT]
    if line.kind == HEADLINE and before.rstrip().endswith(":") and not after.strip():
        return OutletCue(name, "headline credits it", CITES, line.no)
    # The patterns looking before the name end with \s+$: only a space before it can match.
    spaced = before[-1:].isspace()
    if _CITES_AFTER_RE.match(after) or (spaced and _CITES_BEFORE_RE.search(before)):
        return OutletCue(name, "cites its reporting", CITES, line.no)
    if spaced and _TOLD_BEFORE_RE.search(before):
        return OutletCue(name, "a source spoke to it", TOLD, line.no)
    if _LEARNED_AFTER_RE.match(after):
        return OutletCue(name, "it has learned", TOLD, line.no)
    if _SOURCES_AFTER_RE.match(after):
        return OutletCue(name, "cites its sources", CITES_WEAK, line.no)
    return None


def _text_cues(lines: list[Line]) -> list[OutletCue]:
    """Cues in the article's sentences. The scan runs once over the joined lines (no name
    spans two lines); only the lines holding an outlet's name (or "told The ...") are
    looked at closely."""
    scanned = [
        line for line in lines if line.removed is None and line.text and line.kind != CAPTION
    ]
    joined = "\n".join(line.text for line in scanned)
    aliases = list(_ALIAS_RE.finditer(joined))
    told = list(_GENERIC_TOLD_RE.finditer(joined)) if "told The " in joined else []
    if not aliases and not told:
        return []
    starts = list(accumulate((len(line.text) + 1 for line in scanned), initial=0))
    found: dict[int, tuple[list[re.Match[str]], list[re.Match[str]]]] = {}
    for match in aliases:
        found.setdefault(bisect_right(starts, match.start()) - 1, ([], []))[0].append(match)
    for match in told:
        found.setdefault(bisect_right(starts, match.start()) - 1, ([], []))[1].append(match)
    cues: list[OutletCue] = []
    for index in sorted(found):
        line, offset = scanned[index], starts[index]
        alias_matches, told_matches = found[index]
        for match in alias_matches:
            at = match.start()
            if at > offset and (joined[at - 1].isalnum() or joined[at - 1] == "_"):
                continue  # inside a word: the regex has no leading \b (see ``_ALIAS_RE``)
            cue = _match_cue(line, match.group(0), at - offset, match.end() - offset)
            if cue is not None:
                cues.append(cue)
        for match in told_matches:
            if match.group(1).casefold() not in _CANONICAL:
                cues.append(OutletCue(match.group(1), "a source spoke to it", TOLD, line.no))
    return cues


def outlet_cues_collect(
    lines: list[Line],
    *,
    byline_outlet: str | None,
    bio_outlet: str | None,
    bio_line: int | None,
    dateline_agency: str | None,
    dateline_line: int | None,
    copyright_lines: list[tuple[int, str]],
    scan_text: bool = True,
) -> list[OutletCue]:
    """Cues from the header (dateline, byline, staff line), the copyright footer, and, with
    ``scan_text``, from the sentences of the article."""
    cues: list[OutletCue] = []
    if dateline_agency and dateline_line:
        cues.append(OutletCue(outlet_canonical(dateline_agency), "dateline", STRONG, dateline_line))
    if byline_outlet:
        line_no = next((line.no for line in lines if line.kind == BYLINE), 0)
        cues.append(OutletCue(outlet_canonical(byline_outlet), "byline", STRONG, line_no))
    if bio_outlet and bio_line:
        cues.append(OutletCue(outlet_canonical(bio_outlet), "staff line", STRONG, bio_line))
    if scan_text:
        cues.extend(_text_cues(lines))
    for number, text in copyright_lines:
        for match in _alias_matches(text):
            name = _CANONICAL[match.group(0).casefold()]
            cues.append(OutletCue(name, "copyright", COPYRIGHT, number))
    return cues


def outlet_decide(cues: list[OutletCue]) -> tuple[str | None, list[str]]:
    """The outlet with the highest total (at least ``MIN_SCORE``, no tie), and the cited ones."""
    totals: dict[str, int] = defaultdict(int)
    for cue in cues:
        totals[cue.outlet] += cue.score
    ranked = sorted(totals.items(), key=lambda item: item[1], reverse=True)
    outlet = None
    if ranked and ranked[0][1] >= MIN_SCORE and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
        outlet = ranked[0][0]
    cited = sorted({cue.outlet for cue in cues if cue.score < 0 and cue.outlet != outlet})
    return outlet, cited


def known_domain(name: str) -> str | None:
    """The main web domain of a known outlet."""
    for canonical, _, domains in KNOWN_OUTLETS:
        if canonical == name:
            return domains[0]
    return None
