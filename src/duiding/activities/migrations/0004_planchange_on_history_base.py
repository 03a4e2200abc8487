"""PlanChange on the one history base (duiding.core.history.Change).

The JSON field is called `snapshot` now but keeps its column `content`; the other changes are
labels and form options. Nothing changes in the database: every stored row stays as it is."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0003_plan_history"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.RenameField("planchange", "content", "snapshot"),
                migrations.AlterField(
                    model_name="planchange",
                    name="snapshot",
                    field=models.JSONField(
                        blank=True, db_column="content", default=dict, verbose_name="inhoud"
                    ),
                ),
                migrations.AlterField(
                    model_name="planchange",
                    name="summary",
                    field=models.CharField(
                        blank=True, max_length=300, verbose_name="wat veranderde"
                    ),
                ),
                migrations.AlterField(
                    model_name="planchange",
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
