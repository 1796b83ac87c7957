"""A text may be stored more than once: ``sha256`` is unique with ``variant`` (existing
rows are the first copy, variant 0)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("corpus", "0004_cache_table")]

    operations = [
        migrations.AddField(
            model_name="document",
            name="variant",
            field=models.PositiveSmallIntegerField(default=0),
        ),
        migrations.AlterField(
            model_name="document",
            name="sha256",
            field=models.CharField(max_length=64),
        ),
        migrations.AddConstraint(
            model_name="document",
            constraint=models.UniqueConstraint(
                fields=("sha256", "variant"), name="document_text_variant"
            ),
        ),
    ]
