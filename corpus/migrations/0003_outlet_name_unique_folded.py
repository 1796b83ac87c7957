"""Outlet names unique case-insensitively.

Two imports running at once could each create "Harbour Ledger" and "harbour ledger": the
unique key on ``name`` is case-sensitive. Outlets that differ only in case are merged first
(documents move to the oldest row), then a unique index on ``lower(name)`` makes the
database refuse the second copy (imports insert with ``ON CONFLICT DO NOTHING``).
"""

from django.db import migrations, models
from django.db.models.functions import Lower

KEEP = "SELECT id, min(id) OVER (PARTITION BY lower(name)) AS keep FROM corpus_outlet"
MERGE = [
    f"UPDATE corpus_document d SET outlet_id = k.keep FROM ({KEEP}) k"
    " WHERE d.outlet_id = k.id AND k.id <> k.keep",
    f"DELETE FROM corpus_outlet o USING ({KEEP}) k WHERE o.id = k.id AND k.id <> k.keep",
]


class Migration(migrations.Migration):
    dependencies = [("corpus", "0002_document_search_column")]

    operations = [
        migrations.RunSQL(MERGE, migrations.RunSQL.noop),
        migrations.AddConstraint(
            model_name="outlet",
            constraint=models.UniqueConstraint(Lower("name"), name="outlet_name_unique_folded"),
        ),
    ]
