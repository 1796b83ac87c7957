"""The second cache table, ``claimlens_computed_cache`` (``CACHES["computed"]``): answers worth
keeping (rewrite pairs and alignments, the curation queue's scores) apart from the counts in
``claimlens_cache``, so culling one never resets the other. ``createcachetable`` makes only
the tables that are missing."""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("corpus", "0005_document_text_variant")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
