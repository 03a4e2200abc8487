"""The histories moved onto the core base keep every stored row: rows written before the
migrations (with the old field names) read the same afterwards (with the base's names), and
their columns are the ones they always were."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from duiding.activities.models import PlanChange
from duiding.frameworks.models import Factor, FactorChange
from duiding.programmes.models import (
    ConversationVersion,
    PartnerConversation,
    ProgrammeChange,
    SectionVersion,
)
from duiding.results.models import ResultChange, SocietalResult

BEFORE = [
    ("activities", "0003_plan_history"),
    ("frameworks", "0007_factor_change"),
    ("programmes", "0004_programme_change"),
    ("results", "0002_change_survives_delete"),
]
AT = timezone.make_aware(datetime.datetime(2025, 3, 14, 9, 30))


def _write_old_rows(apps, *, programme, section, conversation, result, factor, user) -> dict:
    """One row of each history, as the models before the base wrote them."""
    old = {
        name: apps.get_model(app, name)
        for app, name in [
            ("activities", "PlanChange"),
            ("results", "ResultChange"),
            ("frameworks", "FactorChange"),
            ("programmes", "SectionVersion"),
            ("programmes", "ConversationVersion"),
            ("programmes", "ProgrammeChange"),
        ]
    }
    rows = {
        PlanChange: old["PlanChange"].objects.create(
            programme_id=programme.pk,
            kind="activiteit",
            object_id=41,
            user_id=user.pk,
            at=AT,
            action="verwijderd",
            summary="Huiswerkbegeleiding",
            content={"name": "Huiswerkbegeleiding"},
        ),
        ResultChange: old["ResultChange"].objects.create(
            programme_id=programme.pk,
            result_id=result.pk,
            kind="deleted",
            user_id=user.pk,
            summary="Verwijderd",
            status_from="concept",
            content={"text": "Minder spijbelen"},
        ),
        FactorChange: old["FactorChange"].objects.create(
            framework_id=factor.framework_id,
            factor_id=factor.pk,
            factor_name=factor.name,
            action="updated",
            changed_by_id=user.pk,
            snapshot={"name": factor.name, "rank": 4},
            changes=[["ranking", "3", "4"]],
        ),
        SectionVersion: old["SectionVersion"].objects.create(
            section_id=section.pk,
            number=7,
            content={"analysis": "Veel spijbelen."},
            summary="Analyse: +2 woorden",
            edited_by_id=user.pk,
        ),
        ConversationVersion: old["ConversationVersion"].objects.create(
            programme_id=programme.pk,
            conversation_id=conversation.pk,
            content={"notes": "Goed gesprek."},
            summary="Gesprek vastgelegd",
            edited_by_id=user.pk,
        ),
        ProgrammeChange: old["ProgrammeChange"].objects.create(
            programme_id=programme.pk,
            changes=[["beginjaar", "2025", "2026"]],
            snapshot={"start_year": 2026},
            changed_by_id=user.pk,
        ),
    }
    for row in rows.values():  # the moment as stored (auto_now_add set some of them)
        row.refresh_from_db()
    return rows


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_stored_history_rows_survive_the_move_to_the_base(programme, adviseur):
    section = programme.sections.first()
    conversation = PartnerConversation.objects.create(
        programme=programme, date=datetime.date(2025, 3, 10)
    )
    result = SocietalResult.objects.create(
        programme=programme, text="Minder spijbelen", target_date=datetime.date(2026, 12, 31)
    )
    factor = Factor.objects.filter(framework=programme.framework).first()

    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old_apps = executor.loader.project_state(BEFORE).apps
    old = _write_old_rows(
        old_apps,
        programme=programme,
        section=section,
        conversation=conversation,
        result=result,
        factor=factor,
        user=adviseur,
    )
    old_at = {
        PlanChange: old[PlanChange].at,
        ResultChange: old[ResultChange].at,
        FactorChange: old[FactorChange].changed_at,
        SectionVersion: old[SectionVersion].edited_at,
        ConversationVersion: old[ConversationVersion].edited_at,
        ProgrammeChange: old[ProgrammeChange].changed_at,
    }
    old_snapshot = {
        model: getattr(row, "content", None) or getattr(row, "snapshot", None)
        for model, row in old.items()
    }

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    for model, row in old.items():
        new = model.objects.get(pk=row.pk)
        assert new.user == adviseur, model
        assert new.at == old_at[model], model
        assert new.snapshot == old_snapshot[model], model
        assert new.summary == getattr(row, "summary", ""), model
    assert PlanChange.objects.get(pk=old[PlanChange].pk).is_deletion()
    assert ResultChange.objects.get(pk=old[ResultChange].pk).status_from == "concept"
    assert FactorChange.objects.get(pk=old[FactorChange].pk).changes == [["ranking", "3", "4"]]
    assert SectionVersion.objects.get(pk=old[SectionVersion].pk).number == 7
    assert ConversationVersion.objects.get(pk=old[ConversationVersion].pk).conversation == (
        conversation
    )
    assert ProgrammeChange.objects.get(pk=old[ProgrammeChange].pk).changes == [
        ["beginjaar", "2025", "2026"]
    ]
    # The columns are the ones the rows were written in.
    columns = {
        model: {
            c.name
            for c in connection.introspection.get_table_description(
                connection.cursor(), model._meta.db_table
            )
        }
        for model in old
    }
    assert {"user_id", "at", "content"} <= columns[PlanChange]
    assert {"user_id", "at", "content"} <= columns[ResultChange]
    assert {"changed_by_id", "changed_at", "snapshot"} <= columns[FactorChange]
    assert {"edited_by_id", "edited_at", "content"} <= columns[SectionVersion]
    assert {"edited_by_id", "edited_at", "content"} <= columns[ConversationVersion]
    assert {"changed_by_id", "changed_at", "snapshot"} <= columns[ProgrammeChange]
