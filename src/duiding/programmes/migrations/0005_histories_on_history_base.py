"""SectionVersion, ConversationVersion and ProgrammeChange on the one history base
(duiding.core.history).

Their who, when and snapshot fields are called `user`, `at` and `snapshot` now but keep their
columns (`edited_by_id` / `changed_by_id`, `edited_at` / `changed_at`, `content`); the rest of
the renaming is labels, options and ordering, so the database does not change for them. New is
the base's one-line `summary` of a ProgrammeChange (empty for the stored rows). Every stored row
stays."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def _user(column):
    return models.ForeignKey(
        blank=True,
        db_column=column,
        null=True,
        on_delete=django.db.models.deletion.SET_NULL,
        related_name="+",
        to=settings.AUTH_USER_MODEL,
        verbose_name="door",
    )


def _at(column):
    return models.DateTimeField(
        db_column=column, default=django.utils.timezone.now, verbose_name="tijdstip"
    )


def _snapshot(column=None):
    return models.JSONField(blank=True, db_column=column, default=dict, verbose_name="inhoud")


def _versions(model):
    """Section and conversation versions: edited_by, edited_at and content keep their columns."""
    return [
        migrations.RenameField(model, "edited_by", "user"),
        migrations.RenameField(model, "edited_at", "at"),
        migrations.RenameField(model, "content", "snapshot"),
        migrations.AlterField(model_name=model, name="user", field=_user("edited_by_id")),
        migrations.AlterField(model_name=model, name="at", field=_at("edited_at")),
        migrations.AlterField(model_name=model, name="snapshot", field=_snapshot("content")),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0004_programme_change"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                *_versions("sectionversion"),
                *_versions("conversationversion"),
                migrations.AlterModelOptions(
                    name="conversationversion",
                    options={
                        "ordering": ["-at", "-pk"],
                        "verbose_name": "versie van een gesprek",
                        "verbose_name_plural": "versies van gesprekken",
                    },
                ),
                migrations.RenameField("programmechange", "changed_by", "user"),
                migrations.RenameField("programmechange", "changed_at", "at"),
                migrations.AlterField(
                    model_name="programmechange", name="user", field=_user("changed_by_id")
                ),
                migrations.AlterField(
                    model_name="programmechange", name="at", field=_at("changed_at")
                ),
                migrations.AlterField(
                    model_name="programmechange", name="snapshot", field=_snapshot()
                ),
                migrations.AlterModelOptions(
                    name="programmechange",
                    options={
                        "ordering": ["-at", "-pk"],
                        "verbose_name": "wijziging van een programma",
                        "verbose_name_plural": "wijzigingen van programma's",
                    },
                ),
            ],
        ),
        migrations.AddField(
            model_name="programmechange",
            name="summary",
            field=models.CharField(blank=True, max_length=300, verbose_name="wat veranderde"),
        ),
    ]
