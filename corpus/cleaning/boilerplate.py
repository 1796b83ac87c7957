"""Page boilerplate: whole lines that belong to the web page, not to the article.

Each rule matches a *whole* line (after trimming spaces), case-insensitively, so a sentence
of the article that merely contains "read more" or "comments" is never touched. Lines longer
than ``MAX_BOILERPLATE_CHARS`` are never boilerplate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_BOILERPLATE_CHARS = 200


@dataclass(frozen=True, slots=True)
class LineRule:
    name: str
    pattern: str
    why: str


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
        r".{0,80}\bis committed to providing a forum for .{0,120}"
        r"|please keep (?:your )?comments .{0,200}"
        r"|.{0,120}\bcommunity guidelines\b.{0,120}"
        r"|if you would like to share a story idea.{0,120}"
        r"|comments (?:are|have been) (?:closed|disabled|moderated).{0,120}"
        r"|.{0,80}\bcomment(?:ing)? policy\b.{0,120}|by commenting,? you agree .{0,200}",
        "the site's rules for readers' comments",
    ),
    LineRule(
        "copyright",
        r"(?:™\s*(?:&|and)\s*)?(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4})).{0,200}"
        r"|.{0,200}\ball rights reserved\b.{0,60}",
        "copyright footers of the page or of a wire service",
    ),
    LineRule(
        "syndication",
        r"the-[a-z]+-wire|article topic follows:.{0,80}|[\w .&'’-]{1,40} newsource"
        r"|distributed by [\w .&'’-]{1,60}",
        "wire-service slugs and topic labels added by a site republishing the article",
    ),
    LineRule(
        "author_photo",
        r"author (?:profile )?(?:photo|image|picture|avatar|headshot)"
        r"|(?:photo|image|picture) of (?:the )?author|profile (?:photo|picture)",
        "the alt text of an author's portrait",
    ),
    LineRule(
        "promotion",
        r"sign up for (?:our|the) .{0,60}newsletter.{0,80}|get (?:the|our) .{0,40}newsletter.{0,60}"
        r"|(?:follow|like) us on .{1,80}|download (?:the|our) app.{0,60}",
        "newsletter, app and social-media promotions",
    ),
)

_LINE_RULE_RE = re.compile(
    "|".join(f"(?P<{rule.name}>{rule.pattern})" for rule in LINE_RULES), re.IGNORECASE
)


def boilerplate_rule(line: str) -> str | None:
    """The name of the rule a (trimmed) line matches as a whole, or ``None``."""
    if not line or len(line) > MAX_BOILERPLATE_CHARS:
        return None
    match = _LINE_RULE_RE.fullmatch(line)
    return match.lastgroup if match else None


# A short line right after an author's portrait is that author's name card ("CNN Newsource").
AUTHOR_CARD_MAX_WORDS = 5


def is_author_card(line: str) -> bool:
    return 0 < len(line.split()) <= AUTHOR_CARD_MAX_WORDS and line[-1] not in ".!?:;,"
