"""ResultChange on the one history base (duiding.core.history.RestorableChange).

The JSON field is called `snapshot` now but keeps its column `content`; `at` takes its time from
the field's default instead of auto_now_add (the same moment, the same column); the rest are
labels and form options. Nothing changes in the database: every stored row stays as it is."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("results", "0003_import_run_in_jobs"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.RenameField("resultchange", "content", "snapshot"),
                migrations.AlterField(
                    model_name="resultchange",
                    name="snapshot",
                    field=models.JSONField(
                        blank=True, db_column="content", default=dict, verbose_name="inhoud"
                    ),
                ),
                migrations.AlterField(
                    model_name="resultchange",
                    name="at",
                    field=models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="tijdstip"
                    ),
                ),
                migrations.AlterField(
                    model_name="resultchange",
                    name="restored_at",
                    field=models.DateTimeField(blank=True, null=True, verbose_name="hersteld op"),
                ),
                migrations.AlterField(
                    model_name="resultchange",
                    name="user",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="door",
                    ),
                ),
            ],
        ),
    ]
