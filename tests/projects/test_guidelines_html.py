"""Guidelines are Markdown rendered to sanitised HTML: what a manager formats shows, and
nothing typed into them can run in a reader's browser."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from annotations.guidelines import guidelines_html


class Elements(HTMLParser):
    """Every element of an HTML fragment with its attributes (text is not looked at)."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, {k: v or "" for k, v in attrs}))


def test_markdown_headings_emphasis_lists_and_links_are_rendered():
    html = guidelines_html(
        "# Claims\n\n**Mark** every claim.\n\n- one\n- two\n\n[PARC](https://example.org)"
    )
    assert "<h1>Claims</h1>" in html
    assert "<strong>Mark</strong>" in html
    assert "<li>one</li>" in html
    assert '<a href="https://example.org" rel="noopener noreferrer">PARC</a>' in html


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        "[click](javascript:alert(1))",
        '<a href="javascript:alert(1)">click</a>',
        "![x](javascript:alert(1))",
        '<p style="background:url(javascript:alert(1))" onclick="alert(1)">x</p>',
        "<iframe src='https://evil.example'></iframe>",
    ],
)
def test_scripts_event_handlers_and_javascript_links_are_gone(hostile):
    html = guidelines_html(f"Before\n\n{hostile}\n\nAfter")
    elements = Elements(html).found
    assert elements, html
    assert {tag for tag, _ in elements} <= {"p", "a", "img"}
    for _, attributes in elements:
        assert not any(name.startswith("on") or name == "style" for name in attributes)
        for name in ("href", "src"):
            assert not attributes.get(name, "").lower().startswith("javascript:")
    assert "After" in html


def test_no_guidelines_give_no_html():
    assert guidelines_html("") == ""
    assert guidelines_html("  \n") == ""


@pytest.mark.django_db
def test_the_project_api_returns_the_guidelines_as_html(people, client_for):
    people.project.guidelines = "Mark **every** claim.<script>x()</script>"
    people.project.save()
    data = client_for(people.annotator).get(f"/api/v1/projects/{people.project.pk}/").json()
    assert data["guidelines"] == people.project.guidelines
    assert data["guidelines_html"] == (
        "<p>Mark <strong>every</strong> claim.&lt;script&gt;x()&lt;/script&gt;</p>\n"
    )
