"""The cache table (``CACHES``: Django's DatabaseCache, table ``claimlens_cache``).

Per-person rate-limit counts (config/rate_limits.py) and other cached values live in
PostgreSQL, so every web replica and every gunicorn worker sees the same counts. The table is
made here, by ``createcachetable``, so it exists wherever migrations run: ``make migrate``,
compose's one-shot ``migrate`` service and the test databases. ``createcachetable`` makes only
the tables that are missing and does nothing for a cache that is not a database one.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("corpus", "0003_outlet_name_unique_folded")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
