"""Full-text search from a stored column instead of an expression index.

The expression index on ``to_tsvector('english', text)`` made every import compute the
vector row by row inside the INSERT (~2 ms a document, 75% of an import). Now ``search``
is NULL at import and filled afterwards in batches (``corpus.tasks``, ``manage.py
index_search``); the GIN index only holds the filled rows, and a small partial index lists
the rows still NULL (so a search ORs two index scans). ``text`` and ``raw`` are
compressed with lz4 (much cheaper to write than the default pglz) where the server has it.
Existing rows keep ``search`` NULL until ``manage.py index_search`` runs; searches fall back
to computing the vector for them.
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models

LZ4 = """
DO $$
BEGIN
    ALTER TABLE corpus_document
        ALTER COLUMN text SET COMPRESSION lz4,
        ALTER COLUMN raw SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'lz4 not available: corpus_document keeps the default compression';
END
$$;
"""
PGLZ = """
ALTER TABLE corpus_document
    ALTER COLUMN text SET COMPRESSION pglz,
    ALTER COLUMN raw SET COMPRESSION pglz;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("corpus", "0001_initial"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="document",
            name="document_text_search",
        ),
        migrations.AddField(
            model_name="document",
            name="search",
            field=django.contrib.postgres.search.SearchVectorField(
                blank=True, editable=False, null=True
            ),
        ),
        migrations.AddIndex(
            model_name="document",
            index=django.contrib.postgres.indexes.GinIndex(
                condition=models.Q(("search__isnull", False)),
                fields=["search"],
                name="document_search",
            ),
        ),
        migrations.AddIndex(
            model_name="document",
            index=models.Index(
                condition=models.Q(("search__isnull", True)),
                fields=["id"],
                name="document_search_pending",
            ),
        ),
        migrations.RunSQL(LZ4, reverse_sql=PGLZ),
    ]
