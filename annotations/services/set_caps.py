"""How much one annotation set and one request may hold, checked before any row is
validated or written, so an oversized payload costs a count, not a transaction.

- ``CLAIMLENS_MAX_ROWS_PER_REQUEST``: spans, relations and stances in one set write together.
- ``CLAIMLENS_MAX_SPANS_PER_SET``: spans a set holds after a write (whole-set or one span)
  or an import (an error at the set, like any other import problem).

Both answer 400 ``too_many_rows`` naming the limit and its setting.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from annotations.services.errors import DomainError

ROW_KINDS = ("spans", "relations", "stances")


def payload_rows_capped(data: Any) -> None:
    """Refuse a set write carrying more rows than one request may."""
    if not isinstance(data, dict):
        return
    counts = {k: len(data[k]) for k in ROW_KINDS if isinstance(data.get(k), list)}
    limit = settings.CLAIMLENS_MAX_ROWS_PER_REQUEST
    if sum(counts.values()) > limit:
        raise DomainError(
            f"This request carries {sum(counts.values())} rows (spans, relations and "
            f"stances); one request takes at most {limit} (CLAIMLENS_MAX_ROWS_PER_REQUEST).",
            {k: f"{n} rows" for k, n in counts.items()},
            code="too_many_rows",
        )


def spans_over_cap(count: int) -> str | None:
    """What is wrong with a set of ``count`` spans, if it is past the limit (imports)."""
    limit = settings.CLAIMLENS_MAX_SPANS_PER_SET
    if count > limit:
        return f"{count} spans; a set holds at most {limit} (CLAIMLENS_MAX_SPANS_PER_SET)"
    return None


def set_spans_capped(count: int) -> None:
    """Refuse a write that would leave a set holding ``count`` spans, past the limit."""
    limit = settings.CLAIMLENS_MAX_SPANS_PER_SET
    if count > limit:
        raise DomainError(
            f"A set holds at most {limit} spans (CLAIMLENS_MAX_SPANS_PER_SET); this write "
            f"would leave it {count}.",
            {"spans": f"at most {limit}"},
            code="too_many_rows",
        )
