"""Page boilerplate: whole lines that belong to the web page, not to the article.

Each rule matches a *whole* line (after trimming spaces), case-insensitively, so a sentence
of the article that merely contains "read more" or "comments" is never touched. Lines longer
than ``MAX_BOILERPLATE_CHARS`` are never boilerplate.

Speed: the rule of each short line is remembered (``LINES_REMEMBERED`` lines), since the
pages of one site repeat the same furniture. A rule's ``floating`` alternatives
(``.{0,80}\\bcommunity guidelines\\b...``) are slow to try on every line, so they are only
tried when the line contains one of the rule's ``keys``; the other alternatives form one
regex tried on every short line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

MAX_BOILERPLATE_CHARS = 200
LINES_REMEMBERED = 4096  # short lines whose rule is kept (``_short_line_rule``)
# A menu item: one to three words of letters (no digits, commas or sentence punctuation).
_MENU_ITEM = r"[^\W\d_][^\W\d_&'’.-]*(?: (?:&|[^\W\d_][^\W\d_&'’.-]*)){0,3}"
_SHARE_TARGET = (
    r"(?:facebook|twitter|x|e-?mail|whatsapp|linkedin|reddit|pinterest|telegram|messenger"
    r"|flipboard|bluesky|threads|mastodon|sms|print|copy(?: the)? link|copy url)"
)


@dataclass(frozen=True, slots=True)
class LineRule:
    """``pattern`` and ``floating`` are alternatives of one rule; ``floating`` can only
    match a line that contains one of ``keys`` (lower-case). ``needs``: a character every
    line the rule matches contains (it is not tried on the others)."""

    name: str
    pattern: str
    why: str
    floating: str = ""
    keys: tuple[str, ...] = ()
    needs: str = ""


LINE_RULES: tuple[LineRule, ...] = (
    LineRule(
        "navigation",
        r"skip to (?:the )?(?:main )?(?:content|navigation|search|footer)"
        r"|(?:main |open |close )?menu|search|sign (?:in|up)|log ?in|subscribe(?: now)?"
        r"|advertisement|ad|sponsored(?: content)?|back to top|toggle navigation"
        r"|share(?: this)?(?: article| story| page)?(?: on [\w ]{1,20})?"
        r"|print(?: this)?(?: article| page)?|e-?mail(?: this)?(?: article| story)?",
        "site navigation and share buttons scraped along with the article",
    ),
    LineRule(
        "comments",
        r"leave a comment|post a comment|add a comment|jump to comments\W*"
        r"|(?:show|view|load|read|see) (?:all )?(?:\d+ )?comments?\W*|\d+ comments?"
        r"|comments?(?: \(\d+\))?|be part of the conversation|join the conversation",
        "links and headings of the comment section",
    ),
    LineRule(
        "related_heading",
        r"most popular|most read|most viewed|read more\W*|go deeper\W*"
        r"|related(?: articles| stories| content| coverage| news)?:?"
        r"|recommended(?: for you| stories)?:?|trending(?: now| stories)?:?"
        r"|you (?:may|might) also like:?|read next:?|up next:?|see also:?"
        r"|more from [^.!?:]{1,40}|more stories|more on this (?:story|topic)"
        r"|latest(?: news| stories)?:?|top stories:?"
        r"|editor['’]?s picks?:?",
        "headings of link lists to other articles",
    ),
    LineRule(
        "read_more_link",
        r"(?:read more|read also|also read|see also|related|go deeper|watch|listen|read)"
        r"\s*[:|»›>]\s*\S.{0,250}",
        'a link to another article inserted between paragraphs ("Read more: ...")',
    ),
    LineRule(
        "comment_policy",
        r"please keep (?:your )?comments .{0,200}"
        r"|if you would like to share a story idea.{0,120}"
        r"|comments (?:are|have been) (?:closed|disabled|moderated).{0,120}"
        r"|by commenting,? you agree .{0,200}",
        "the site's rules for readers' comments",
        floating=r".{0,80}\bis committed to providing a forum for .{0,120}"
        r"|.{0,120}\bcommunity guidelines\b.{0,120}"
        r"|.{0,80}\bcomment(?:ing)? policy\b.{0,120}",
        keys=("committed to providing", "community guidelines", "policy"),
    ),
    LineRule(
        "copyright",
        r"(?:™\s*(?:&|and)\s*)?(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4})).{0,200}",
        "copyright footers of the page or of a wire service",
        floating=r".{0,200}\ball rights reserved\b.{0,60}",
        keys=("all rights reserved",),
    ),
    LineRule(
        "syndication",
        r"the-[a-z]+-wire|article topic follows:.{0,80}|distributed by [\w .&'’-]{1,60}",
        "wire-service slugs and topic labels added by a site republishing the article",
        floating=r"[\w .&'’-]{1,40} newsource",
        keys=("newsource",),
    ),
    LineRule(
        "author_photo",
        r"author (?:profile )?(?:photo|image|picture|avatar|headshot)(?:\s*:\s*[^.!?:]{1,80})?"
        r"|(?:photo|image|picture) of (?:the )?author|profile (?:photo|picture)",
        'the alt text of an author\'s portrait ("Author photo: Tobias Wren")',
    ),
    LineRule(
        "menu",
        rf"{_MENU_ITEM}(?:\s*\|\s*{_MENU_ITEM}){{2,}}",
        'a pipe-separated menu of three or more short items ("Menu | News | Sport")',
        needs="|",
    ),
    LineRule(
        "share_buttons",
        rf"(?:share(?: this)?(?: article| story)?:?\s*)?{_SHARE_TARGET}"
        rf"(?:\s*[|·•,/]?\s*{_SHARE_TARGET})+",
        'a row of share buttons ("Facebook  Twitter  Email")',
    ),
    LineRule(
        "audio_player",
        r"listen to (?:this|the) (?:article|story)"
        r"(?:\s*[·•|:–—-]?\s*\d{1,3}\s*(?:min(?:ute)?s?|m)\.?(?:\s*\d{1,2}\s*s(?:ec)?)?)?",
        'the label of an audio player ("Listen to this article · 4 min")',
    ),
    LineRule(
        "promotion",
        r"sign up for (?:our|the) .{0,60}newsletter.{0,80}|get (?:the|our) .{0,40}newsletter.{0,60}"
        r"|(?:follow|like) us on .{1,80}|download (?:the|our) app.{0,60}",
        "newsletter, app and social-media promotions",
    ),
)


def _rules_regex(*, with_floating: bool, present: str) -> re.Pattern[str]:
    """The rules' alternatives, in order, but those needing a character not ``present``."""
    groups = []
    for rule in LINE_RULES:
        if rule.needs and rule.needs not in present:
            continue
        pattern = rule.pattern
        if with_floating and rule.floating:
            pattern = f"{pattern}|{rule.floating}"
        groups.append(f"(?P<{rule.name}>{pattern})")
    return re.compile("|".join(groups), re.IGNORECASE)


_FLOATING_KEYS = tuple(key for rule in LINE_RULES for key in rule.keys)
_NEEDED = "".join(sorted({rule.needs for rule in LINE_RULES if rule.needs}))
# By (floating keys in the line, the needed characters it holds). Skipping the menu rule on
# lines without a "|" halves the time a line that is no boilerplate takes.
_RULE_RES = {
    (floating, "".join(present)): _rules_regex(with_floating=floating, present="".join(present))
    for floating in (False, True)
    for size in range(len(_NEEDED) + 1)
    for present in combinations(_NEEDED, size)
}


def boilerplate_rule(line: str) -> str | None:
    """The name of the rule a (trimmed) line matches as a whole, or ``None``."""
    if not line or len(line) > MAX_BOILERPLATE_CHARS:
        return None
    return _short_line_rule(line)


@lru_cache(maxsize=LINES_REMEMBERED)
def _short_line_rule(line: str) -> str | None:
    """Remembered: pages of one site repeat the same furniture, article after article."""
    folded = line.lower()
    floating = False
    for key in _FLOATING_KEYS:  # a loop, not any(): this runs for every new short line
        if key in folded:
            floating = True
            break
    present = "".join([c for c in _NEEDED if c in line])
    match = _RULE_RES[floating, present].fullmatch(line)
    return match.lastgroup if match else None


# Under a heading of links to other articles ("Most Popular"), the list itself: numbered
# items ("1. Ring road closures: ...") or short headline-like lines, up to a blank line or
# a paragraph of prose.
_NUMBERED_ITEM_RE = re.compile(r"\d{1,2}[.)]\s+\S")
LIST_ITEM_MAX_WORDS = 20


def is_related_list_item(line: str) -> bool:
    if _NUMBERED_ITEM_RE.match(line):
        return len(line.split(None, LIST_ITEM_MAX_WORDS + 1)) <= LIST_ITEM_MAX_WORDS + 1
    return (
        line[-1] not in ".!?:;,”’\"'"
        and len(line.split(None, LIST_ITEM_MAX_WORDS)) <= LIST_ITEM_MAX_WORDS
    )


# A short line right after an author's portrait is that author's name card ("CNN Newsource").
AUTHOR_CARD_MAX_WORDS = 5


def is_author_card(line: str) -> bool:
    return 0 < len(line.split()) <= AUTHOR_CARD_MAX_WORDS and line[-1] not in ".!?:;,"
