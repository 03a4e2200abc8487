"""The one history base (duiding.core.history): record, diff and restore work the same on every
history of the house; each app adds only its hooks."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from duiding.activities.models import PlanChange
from duiding.core.history import Change, DiffedChange, RestorableChange, RestoreError
from duiding.frameworks.models import Factor, FactorChange
from duiding.programmes.models import (
    ConversationVersion,
    PartnerConversation,
    ProgrammeChange,
    SectionVersion,
)
from duiding.results.models import ResultChange

pytestmark = pytest.mark.django_db

HISTORIES = [PlanChange, FactorChange, SectionVersion, ConversationVersion, ProgrammeChange]


def test_every_history_is_a_change_with_the_common_fields():
    for model in [*HISTORIES, ResultChange]:
        assert issubclass(model, Change)
        names = {f.name for f in model._meta.get_fields()}
        assert {"user", "at", "summary", "snapshot"} <= names, model
    assert issubclass(FactorChange, DiffedChange) and issubclass(ProgrammeChange, DiffedChange)
    assert issubclass(PlanChange, RestorableChange) and issubclass(ResultChange, RestorableChange)


def test_record_keeps_who_what_and_the_snapshot_and_numbers_versions(programme, adviseur):
    section = programme.sections.filter(kind="domain").first()
    section.analysis = "Veel spijbelen."
    first = SectionVersion.record(section, user=adviseur, summary="x" * 400)
    second = SectionVersion.record(section, user=AnonymousUser(), summary="tweede")
    assert (first.number, second.number) == (1, 2)
    assert first.user == adviseur and second.user is None
    assert len(first.summary) == 300
    assert first.snapshot == SectionVersion.snapshot_of(section)
    assert first.snapshot["analysis"] == "Veel spijbelen."
    assert first.at is not None and first.edited_by == adviseur  # the older names still read

    conversation = PartnerConversation.objects.create(
        programme=programme, date=datetime.date(2025, 3, 10), notes="Goed gesprek."
    )
    version = ConversationVersion.record(conversation, user=adviseur, summary="vastgelegd")
    assert version.programme == programme and version.conversation == conversation
    assert version.snapshot["notes"] == "Goed gesprek." and version.content == version.snapshot


def test_diff_names_the_changed_fields_in_each_subclass_own_words(programme, adviseur):
    before = ProgrammeChange.snapshot_of(programme)
    after = {**before, "figures_period": "2021", "partners": []}
    assert ProgrammeChange.diff(before, after) == [
        ["periode van de cijfers", "— (de nieuwste)", "2021"],
        ["partners", "Welzijn Feijenoord", "—"],
    ]
    assert ProgrammeChange.record_diff(programme, user=adviseur, before=before) is None
    factor = Factor.objects.filter(framework=programme.framework).first()
    new = FactorChange.diff(None, {"name": "Taal", "rank": None, "confirmed": False})
    assert new == [["naam", "", "Taal"]]  # a new factor: only the filled fields
    edit = FactorChange.diff(
        {"name": "Taal", "confirmed": False}, {"name": "Taal", "confirmed": True}
    )
    assert edit == [["bevestigd door de gemeente", "nee", "ja"]]
    assert (
        FactorChange.record_diff(
            factor, user=adviseur, before=FactorChange.snapshot_of(factor), action="updated"
        )
        is None
    )
    kept = FactorChange.record_diff(factor, user=adviseur, before=None, action="created")
    assert kept.changes and kept.factor_name == factor.name and kept.changed_by == adviseur


def _deleted(model, programme, **fields):
    return model.record(user=None, programme=programme, snapshot={"text": "weg"}, **fields)


@pytest.mark.parametrize(
    "model, deleted, other",
    [
        (ResultChange, {"kind": ResultChange.Kind.DELETED}, {"kind": ResultChange.Kind.SAVED}),
        (
            PlanChange,
            {"kind": "activiteit", "object_id": 999, "action": PlanChange.Action.DELETED},
            {"kind": "activiteit", "object_id": 999, "action": PlanChange.Action.UPDATED},
        ),
    ],
)
def test_restore_rebuilds_once_marks_the_row_and_refuses_otherwise(
    programme, adviseur, model, deleted, other
):
    change = _deleted(model, programme, **deleted)
    calls = []

    def refuse(row, user):
        raise RestoreError("kan niet")

    with pytest.raises(RestoreError, match="kan niet"):
        change.restore(user=adviseur, rebuild=refuse)
    change.refresh_from_db()
    assert change.restored_at is None  # nothing changed

    def rebuild(row, user):
        calls.append(("rebuild", row.snapshot["text"], user))
        return "het object"

    def after(row, obj, user):
        calls.append(("after", obj, row.restored_at is not None))

    assert change.restore(user=adviseur, rebuild=rebuild, after=after) == "het object"
    assert calls == [("rebuild", "weg", adviseur), ("after", "het object", True)]
    change.refresh_from_db()
    assert change.restored_at is not None
    assert change not in model.deletions()
    with pytest.raises(RestoreError):
        change.restore(user=adviseur, rebuild=rebuild)  # restored already
    with pytest.raises(RestoreError):
        _deleted(model, programme, **other).restore(user=adviseur, rebuild=rebuild)
    assert len(calls) == 2
