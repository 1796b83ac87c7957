"""The two shared caches are tables of their own: answers kept in the "computed" cache can be
culled without resetting a count (rate limits, mails per address) in the default cache."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.test import override_settings

pytestmark = pytest.mark.django_db(transaction=True)

SMALL = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "claimlens_cache",
        "OPTIONS": {"MAX_ENTRIES": 10},
    },
    "computed": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "claimlens_computed_cache",
        "OPTIONS": {"MAX_ENTRIES": 10},
    },
}


def test_filling_the_computed_cache_never_culls_a_count():
    with override_settings(CACHES=SMALL):
        counts, computed = caches["default"], caches["computed"]
        counts.set("throttle_write_7", [1, 2, 3], 600)
        for number in range(40):
            computed.set(f"rewrite-pairs-{number}", list(range(50)), 600)
        assert counts.get("throttle_write_7") == [1, 2, 3]
        kept = computed.get_many([f"rewrite-pairs-{number}" for number in range(40)])
        assert len(kept) <= 11  # culled: the computed table stayed small
        counts.clear()
        computed.clear()
