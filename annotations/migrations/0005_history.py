"""Issue 10, history: a comment names the set whose thread it is (the unit's set, or the
set a note on the whole document is about; null for the document's general thread), so
blind projects can keep each annotator's threads private. Revisions' contents are
compressed with lz4 (cheaper to write than pglz: every set write stores one) where the
server has it."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


LZ4 = """
DO $$
BEGIN
    ALTER TABLE annotations_setrevision ALTER COLUMN contents SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'lz4 not available: annotations_setrevision keeps the default compression';
END
$$;
"""
PGLZ = "ALTER TABLE annotations_setrevision ALTER COLUMN contents SET COMPRESSION pglz;"


class Migration(migrations.Migration):

    dependencies = [
        ('annotations', '0004_review'),
        ('corpus', '0003_outlet_name_unique_folded'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='comment',
            name='annotation_set',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='comments', to='annotations.annotationset'),
        ),
        migrations.AddConstraint(
            model_name='comment',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('relation__isnull', True), ('span__isnull', True), ('stance__isnull', True)), ('annotation_set__isnull', False), _connector='OR'), name='comment_on_a_unit_names_its_set'),
        ),
        migrations.RunSQL(LZ4, PGLZ),
    ]
