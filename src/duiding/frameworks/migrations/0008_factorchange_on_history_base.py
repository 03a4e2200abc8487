"""FactorChange on the one history base (duiding.core.history.DiffedChange).

`changed_by` and `changed_at` are called `user` and `at` now but keep their columns
(`changed_by_id`, `changed_at`); the rest of the renaming is labels, options and ordering, so the
database does not change for them. New is the base's one-line `summary` (empty for the stored
rows). Every stored row stays."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("frameworks", "0007_factor_change"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.RenameField("factorchange", "changed_by", "user"),
                migrations.RenameField("factorchange", "changed_at", "at"),
                migrations.AlterField(
                    model_name="factorchange",
                    name="user",
                    field=models.ForeignKey(
                        blank=True,
                        db_column="changed_by_id",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="door",
                    ),
                ),
                migrations.AlterField(
                    model_name="factorchange",
                    name="at",
                    field=models.DateTimeField(
                        db_column="changed_at",
                        default=django.utils.timezone.now,
                        verbose_name="tijdstip",
                    ),
                ),
                migrations.AlterField(
                    model_name="factorchange",
                    name="snapshot",
                    field=models.JSONField(blank=True, default=dict, verbose_name="inhoud"),
                ),
                migrations.AlterModelOptions(
                    name="factorchange",
                    options={
                        "ordering": ["-at", "-pk"],
                        "verbose_name": "wijziging van een factor",
                        "verbose_name_plural": "wijzigingen van factoren",
                    },
                ),
            ],
        ),
        migrations.AddField(
            model_name="factorchange",
            name="summary",
            field=models.CharField(blank=True, max_length=300, verbose_name="wat veranderde"),
        ),
    ]
