"""Export jobs name the authors they keep ``author``, not ``annotator``.

A job stores its filters as ``ExportFilters.as_dict`` wrote them and reads them back with
``ExportFilters.parse`` when it runs; a job queued before the rename would otherwise lose its
author filter and export every author's sets.
"""

from django.db import migrations


def _renamed(old: str, new: str) -> str:
    return (
        f"UPDATE annotations_exportjob SET filters = (filters - '{old}')"
        f" || jsonb_build_object('{new}', filters -> '{old}') WHERE filters ? '{old}'"
    )


class Migration(migrations.Migration):
    dependencies = [("annotations", "0002_export_job")]

    operations = [
        migrations.RunSQL(_renamed("annotator", "author"), _renamed("author", "annotator"))
    ]
