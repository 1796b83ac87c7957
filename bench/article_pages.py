"""Articles as scraped from news pages, for the import benchmarks: the fictional event of
``textgen`` (the Port Veyra bridge closure) laid out the way real scraped pages are.

Each page has what the cleaner and the text check meet in practice: navigation and menus
above the headline, a kicker and a standfirst, a dateline line, a byline (or a staff line),
photo captions printed twice (a short copy beside the credited one, a "File:" caption
repeated, an HTML ``<i>credit</i><br/>caption`` followed by its plain copy), an inline
dateline on the lead, long paragraphs with curly quotes and attributions, bullet points,
"Read more:" links and "Advertisement" lines between paragraphs, a related-links list,
share buttons, a copyright footer and the comment section. The words are ``textgen``'s;
no sentence of a real article is used. Pure: no Django.
"""

from __future__ import annotations

import random

from bench.textgen import (
    CUES,
    FIRST_NAMES,
    LAST_NAMES,
    OUTLETS,
    SUBJECTS,
    TAILS,
    VERBS,
    GeneratedDocument,
    claim_text,
    filler_sentence,
    speaker_text,
)

AGENCIES = ["VPA", "Harbour Photo", "Quayside Images", "Coastline Wire"]
KNOWN_AGENCIES = ["Reuters", "AFP", "AP"]  # names the outlet detector knows
SECTIONS = ["World", "City", "Transport", "Politics", "Business"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MENU = ["News", "Harbour", "Port & Shipping", "Opinion", "Sport", "Culture", "Subscribe"]
SHARE = ["Facebook", "Twitter", "Email", "WhatsApp", "Copy link"]
LABELS = ["Why it matters", "The big picture", "What they're saying", "Driving the news"]
PLACES = ["the old quay", "the ferry terminal", "the north pier", "the market square"]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _headline(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(VERBS)} {rng.choice(TAILS)}"


def _credit(rng: random.Random) -> str:
    return f"{_person(rng)}/{rng.choice(AGENCIES)}"


def _caption(rng: random.Random) -> str:
    who = rng.choice(["Commuters", "Divers", "Crews", "Residents", "Protesters", "Engineers"])
    what = rng.choice(["wait beside", "inspect", "walk past", "gather near", "look at"])
    day = f"{rng.choice(MONTHS)}. {rng.randint(1, 28)}, 2031"
    return f"{who} {what} {rng.choice(PLACES)} in Port Veyra on {day}, as {_claim_lower(rng)}."


def _claim_lower(rng: random.Random) -> str:
    text = claim_text(rng, emoji=False)
    return text[0].lower() + text[1:]


def _quote(rng: random.Random) -> str:
    """One attributed quote in curly (mostly) or straight quotes."""
    left, right = ("\u201c", "\u201d") if rng.random() < 0.8 else ('"', '"')
    claim = claim_text(rng, emoji=True)
    speaker = speaker_text(rng)
    if rng.random() < 0.5:
        return f"{left}{claim},{right} {speaker} {rng.choice(CUES)}."
    return f"{speaker[0].upper()}{speaker[1:]} {rng.choice(CUES)}: {left}{claim}.{right}"


def _cited(rng: random.Random, outlet: str) -> str:
    """A sentence crediting other reporting or a source speaking to the outlet."""
    agency = rng.choice(KNOWN_AGENCIES)
    return rng.choice(
        [
            f"{rng.choice(['Two officials', 'A council source', 'An engineer'])} told {outlet} "
            f"that {_claim_lower(rng)}.",
            f"According to {agency}, {_claim_lower(rng)}.",
            f"{agency} reported on {rng.choice(['Monday', 'Tuesday', 'Friday'])} that "
            f"{_claim_lower(rng)}.",
            f"The Harbour Authority\u2019s notice said the \u2018temporary\u2019 measures "
            f"{rng.choice(VERBS)}.",
        ]
    )


def _paragraph(rng: random.Random, outlet: str) -> str:
    sentences = []
    for _ in range(rng.randint(3, 6)):
        roll = rng.random()
        if roll < 0.45:
            sentences.append(_quote(rng))
        elif roll < 0.55:
            sentences.append(_cited(rng, outlet))
        else:
            sentences.append(filler_sentence(rng))
    return " ".join(sentences)


def _captions(rng: random.Random, style: int) -> list[str]:
    """A picture's captions as scraped: always more than one copy."""
    caption, credit = _caption(rng), _credit(rng)
    if style == 0:  # a short copy, then the credited one
        short = caption.split(" as ")[0].rstrip(",") + "."
        return [" " + short, "", f"{caption} Photo: {credit}"]
    if style == 1:  # "File:" caption, printed twice
        line = f"File: {caption} ({credit})"
        return [line, line]
    return [f"<i>{credit}</i><br/>{caption}", credit, caption]  # HTML remnant, then plain


def _header(rng: random.Random, style: int, outlet: str, title: str) -> list[str]:
    lines: list[str] = []
    if rng.random() < 0.6:
        lines += ["Skip to Content", ""]
    if rng.random() < 0.5:
        lines += [" | ".join(rng.sample(MENU, 5)), ""]
    day = rng.randint(1, 28)
    if style == 0:
        lines += [f"{rng.choice(MONTHS)} {day}, 2031 - {rng.choice(SECTIONS)}", "", title, ""]
    elif style == 1:
        lines += [
            _headline(rng),
            "",
            title,
            "",
            f"Officials point to \u2018{_claim_lower(rng)}\u2019",
        ]
        lines += ["", f"{_person(rng)} is {outlet}\u2019s transport reporter", ""]
    else:
        lines += [title, "", f"By {_person(rng)} and {_person(rng)}, {outlet}", ""]
        lines += [f"Published March {day}, 2031 at 10:{rng.randint(10, 59)} a.m. ET", ""]
    if rng.random() < 0.5:
        lines += [f"Listen to this article \u00b7 {rng.randint(2, 9)} min", ""]
    lines += [*_captions(rng, style), ""]
    return lines


def _footer(rng: random.Random, outlet: str) -> list[str]:
    lines = ["", f"{_person(rng)} contributed reporting from Port Veyra.", ""]
    lines += ["Most Popular", *(_headline(rng) for _ in range(rng.randint(3, 5))), ""]
    lines += ["  ".join(rng.sample(SHARE, 3)), ""]
    lines += [f"\u00a9 2031 {outlet}. All rights reserved.", ""]
    if rng.random() < 0.5:
        lines += ["Author Profile Photo", "", f"{outlet} Newsroom", ""]
    lines += ["Leave a Comment", "", "Please keep your comments respectful and relevant.", ""]
    lines += ["Skip to content"]
    return lines


def _body_pieces(rng: random.Random, outlet: str) -> list[str]:
    """The next paragraph (or two bullets), or a piece of page furniture between them."""
    roll = rng.random()
    if roll < 0.08:
        return ["Advertisement"]
    if roll < 0.14:
        return [f"Read more: {_headline(rng)}"]
    if roll < 0.2:
        return [f"{rng.choice(LABELS)}: {_paragraph(rng, outlet)}"]
    if roll < 0.28:
        return [f"  \u2022 {_quote(rng)} {filler_sentence(rng)}" for _ in range(2)]
    if roll < 0.31:
        return [f"{_caption(rng)} ({_credit(rng)})"]
    return [_paragraph(rng, outlet)]


def generate_article(
    rng: random.Random, *, target_bytes: int, marker: str = ""
) -> GeneratedDocument:
    """A scraped news page of about ``target_bytes`` UTF-8 bytes. ``marker`` (a run and
    document number) makes the text unique."""
    style = rng.randrange(3)
    outlet = rng.choice(OUTLETS)
    title = _headline(rng)
    lines = _header(rng, style, outlet, title)
    footer = _footer(rng, outlet)
    size = sum(len(line.encode()) + 1 for line in lines + footer)
    lead = f"PORT VEYRA ({outlet}) \u2014 " if style == 2 else ""
    note = (
        f" The council\u2019s notice {marker} was posted at {rng.choice(PLACES)}." if marker else ""
    )
    body = [lead + _paragraph(rng, outlet) + note]
    size += len(body[0].encode()) + 2
    while True:
        pieces = _body_pieces(rng, outlet)
        grown = sum(len(piece.encode()) + 2 for piece in pieces)
        if size + grown / 2 > target_bytes:  # stop nearest the target, on average on it
            break
        body += pieces
        size += grown
    joined: list[str] = []
    for paragraph in body:  # style 0 has blank lines between all paragraphs, others mostly
        joined.append(paragraph)
        if style == 0 or rng.random() < 0.7:
            joined.append("")
    text = "\n".join(lines + joined + footer) + "\n"
    return GeneratedDocument(title=title, text=text, outlet=outlet)
