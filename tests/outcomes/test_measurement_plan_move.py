"""MeasurementPlan moved from `activities` to `outcomes` (outcomes 0006, activities 0007) without
losing a plan, its number, its questionnaire links, its content type or its history.

Rows are written on the schema as it was before the move (the migrations that outcomes 0006
depends on), then the migrations run forward: every plan is there as outcomes.MeasurementPlan
with the same number and fields, the plan's history still lists it, a plan deleted before the
move comes back from its history line, and the way back works too.
"""

from __future__ import annotations

import datetime
import json

import pytest
from django.core import serializers
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

MOVE = ("outcomes", "0006_measurementplan_move")
FIELDS = ("measure", "custom_name", "years", "how", "how_often", "from_whom", "attention_points")


def _before() -> list[tuple[str, str]]:
    """The state just before the move: what outcomes 0006 depends on in the two apps."""
    migration = MigrationExecutor(connection).loader.get_migration(*MOVE)
    return [dep for dep in migration.dependencies if dep[0] in ("activities", "outcomes")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


def _leaves():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def _snapshot(plan, activity) -> dict:
    """The plan as activities.history snapshots it: its fields, plus the activity's name."""
    content = json.loads(serializers.serialize("json", [plan]))[0]["fields"]
    content["activity_name"] = activity.name
    return content


def _old_rows(apps) -> dict:
    """An activity with two measurement plans and their history, the old way (before the move):
    one plan stays, one was deleted and has only its history line left."""
    organisation = apps.get_model("accounts", "Organisation").objects.create(
        name="Welzijn Verhuis", slug="welzijn-verhuis-meetplan"
    )
    user = apps.get_model("accounts", "User").objects.create(username="meetplanner", password="!")
    area = apps.get_model("areas", "Area").objects.create(
        code="WK999902", name="Meetplanwijk", level="wijk"
    )
    framework = apps.get_model("frameworks", "Framework").objects.create(
        name="Meetplanraamwerk", slug="meetplanraamwerk"
    )
    programme = apps.get_model("programmes", "Programme").objects.create(
        name="Meetplanprogramma",
        area=area,
        framework=framework,
        organisation=organisation,
        owner=user,
        start_year=2099,
        end_year=2100,
    )
    activity = apps.get_model("activities", "Activity").objects.create(
        programme=programme,
        organisation=organisation,
        name="Home-Start",
        target_group="Ouders met jonge kinderen",
        prevention_level="selectief",
    )
    Plan = apps.get_model("activities", "MeasurementPlan")
    PlanChange = apps.get_model("activities", "PlanChange")
    kept = Plan.objects.create(
        activity=activity,
        measure="tevredenheid",
        how="Korte vragenlijst na het laatste gesprek",
        how_often="Een maand van het meten per jaar",
        from_whom="steekproef",
        attention_points="Kijk ook naar de hoogste en laagste score",
        version=3,
        created_by=user,
        updated_by=user,
    )
    deleted = Plan.objects.create(
        activity=activity,
        measure="geen_nieuwe_start",
        years=2,
        how="Afleiden door het CBS",
        how_often="Jaarlijks",
        created_by=user,
    )
    for plan, action in ((kept, "aangemaakt"), (deleted, "verwijderd")):
        PlanChange.objects.create(
            programme=programme,
            kind="meetplan",
            object_id=plan.pk,
            organisation=organisation,
            action=action,
            user=user,
            summary=plan.get_measure_display(),
            snapshot=_snapshot(plan, activity),
        )
    deleted_pk = deleted.pk
    deleted.delete()
    questionnaire = apps.get_model("outcomes", "Questionnaire").objects.create(
        activity=activity,
        title="Hoe nuttig was Home-Start?",
        moment="eindmeting",
        opens_on=datetime.date(2099, 5, 1),
        closes_on=datetime.date(2099, 5, 31),
    )
    questionnaire.measurement_plans.add(kept)
    content_type = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="activities", model="measurementplan"
    )[0]
    return {
        "kept": kept.pk,
        "kept_fields": {f: getattr(kept, f) for f in FIELDS},
        "deleted": deleted_pk,
        "activity": activity.pk,
        "questionnaire": questionnaire.pk,
        "content_type": content_type.pk,
        "user": user.pk,
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_plans_their_links_and_their_history_survive_the_move_to_outcomes():
    before = _before()
    executor = _migrate(before)  # unapplies the move and what depends on it
    old_apps = executor.loader.project_state(before).apps
    with pytest.raises(LookupError):
        old_apps.get_model("outcomes", "MeasurementPlan")
    ids = _old_rows(old_apps)

    _migrate(_leaves())
    connection.check_constraints()

    from django.contrib.contenttypes.models import ContentType

    from duiding.accounts.models import User
    from duiding.activities import history
    from duiding.activities.models import Activity, PlanChange
    from duiding.outcomes.models import MeasurementPlan, Questionnaire

    assert MeasurementPlan._meta.app_label == "outcomes"
    assert MeasurementPlan._meta.db_table == "activities_measurementplan"
    plan = MeasurementPlan.objects.get(pk=ids["kept"])
    assert {f: getattr(plan, f) for f in FIELDS} == ids["kept_fields"]
    assert (plan.version, plan.activity_id, plan.created_by_id) == (3, ids["activity"], ids["user"])
    assert plan.display == "Tevredenheid (rapportcijfer 1–10)"
    assert list(Activity.objects.get(pk=ids["activity"]).measurement_plans.all()) == [plan]
    questionnaire = Questionnaire.objects.get(pk=ids["questionnaire"])
    assert list(questionnaire.measurement_plans.all()) == [plan]
    assert list(plan.questionnaires.all()) == [questionnaire]

    # The history still lists both plans; the one deleted before the move comes back from it.
    lines = PlanChange.objects.filter(kind="meetplan").order_by("pk")
    assert [(c.object_id, c.action) for c in lines] == [
        (ids["kept"], "aangemaakt"),
        (ids["deleted"], "verwijderd"),
    ]
    user = User.objects.get(pk=ids["user"])
    restored = history.restore(change=lines[1], user=user)
    assert isinstance(restored, MeasurementPlan)
    restored = MeasurementPlan.objects.get(pk=ids["deleted"])
    assert (restored.measure, restored.years, restored.how) == (
        "geen_nieuwe_start",
        2,
        "Afleiden door het CBS",
    )
    assert restored.display == "Geen nieuwe start hulp binnen 2 jaar"
    assert PlanChange.objects.filter(kind="meetplan", action="hersteld").count() == 1

    content_type = ContentType.objects.get(pk=ids["content_type"])
    assert (content_type.app_label, content_type.model) == ("outcomes", "measurementplan")
    assert ContentType.objects.get_for_model(MeasurementPlan).pk == ids["content_type"]

    # The id sequence goes on after the stored plans.
    new = MeasurementPlan.objects.create(activity_id=ids["activity"], measure="bereik")
    assert new.pk > max(ids["kept"], ids["deleted"])

    # An activity deleted now takes its plans along, each restorable on its own.
    from duiding.activities.services import activity_delete

    activity_delete(activity=Activity.objects.get(pk=ids["activity"]), user=user)
    assert not MeasurementPlan.objects.filter(activity_id=ids["activity"]).exists()
    gone = PlanChange.objects.filter(kind="meetplan", action="verwijderd", pk__gt=lines[1].pk)
    assert sorted(gone.values_list("object_id", flat=True)) == sorted(
        [ids["kept"], ids["deleted"], new.pk]
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_move_can_be_undone():
    before = _before()
    executor = _migrate(before)
    ids = _old_rows(executor.loader.project_state(before).apps)
    _migrate(_leaves())

    executor = _migrate(before)
    old_apps = executor.loader.project_state(before).apps
    Plan = old_apps.get_model("activities", "MeasurementPlan")
    assert Plan._meta.db_table == "activities_measurementplan"
    plan = Plan.objects.get(pk=ids["kept"])
    assert {f: getattr(plan, f) for f in FIELDS} == ids["kept_fields"]
    questionnaire = old_apps.get_model("outcomes", "Questionnaire").objects.get(
        pk=ids["questionnaire"]
    )
    assert list(questionnaire.measurement_plans.values_list("pk", flat=True)) == [ids["kept"]]
    content_type = old_apps.get_model("contenttypes", "ContentType").objects.get(
        pk=ids["content_type"]
    )
    assert content_type.app_label == "activities"

    _migrate(_leaves())
    from duiding.outcomes.models import MeasurementPlan

    assert MeasurementPlan.objects.get(pk=ids["kept"]).measure == "tevredenheid"
