"""ImportRun moved from `indicators` to `jobs` without losing a run or a provenance link.

Rows are written on the schema as it was before the move (indicators 0006, results 0002, no
`jobs`), then the migrations run forward: every run, its fields, the observation's and the
progress evaluation's link to it, and its content type are still there.
"""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import ProtectedError

BEFORE = [
    ("indicators", "0006_veiligheidsmonitor_trend_break_note"),
    ("results", "0002_change_survives_delete"),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


def _old_rows(apps) -> dict:
    """Write a run, an observation of it and a progress evaluation citing it, the old way."""
    organisation = apps.get_model("accounts", "Organisation").objects.create(
        name="Gemeente Voorbeeld", slug="gemeente-voorbeeld-move"
    )
    user = apps.get_model("accounts", "User").objects.create(username="mover", password="!")
    dataset = apps.get_model("indicators", "Dataset").objects.create(code="MOVE01NED")
    run = apps.get_model("indicators", "ImportRun").objects.create(
        kind="cbs",
        status="done",
        dataset=dataset,
        file_name="MOVE01NED.csv",
        file_sha256="ab" * 32,
        options={"period": "2024"},
        progress=100,
        rows_read=3,
        values_stored=2,
        messages=[{"row": 2, "column": "X", "message": "geweigerd"}],
        started_by=user,
        organisation=organisation,
    )
    area = apps.get_model("areas", "Area").objects.create(
        code="WK999901", name="Verhuiswijk", level="wijk"
    )
    indicator = apps.get_model("indicators", "Indicator").objects.create(
        code="MoveTest", name="Verhuistest"
    )
    period = apps.get_model("indicators", "Period").objects.create(
        code="2099JJ00",
        kind="year",
        year=2099,
        start=datetime.date(2099, 1, 1),
        end=datetime.date(2099, 12, 31),
        label="2099",
    )
    observation = apps.get_model("indicators", "Observation").objects.create(
        indicator=indicator, area=area, period=period, value=1.5, import_run=run, dataset=dataset
    )
    framework = apps.get_model("frameworks", "Framework").objects.create(
        name="Verhuisraamwerk", slug="verhuisraamwerk"
    )
    programme = apps.get_model("programmes", "Programme").objects.create(
        name="Verhuisprogramma",
        area=area,
        framework=framework,
        organisation=organisation,
        owner=user,
        start_year=2099,
        end_year=2100,
    )
    result = apps.get_model("results", "SocietalResult").objects.create(
        programme=programme, text="Iedereen verhuisd", target_date=datetime.date(2100, 1, 1)
    )
    evaluation = apps.get_model("results", "ProgressEvaluation").objects.create(
        result=result, verdict="on_track", import_run=run
    )
    content_type = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="indicators", model="importrun"
    )[0]
    return {
        "run": run.pk,
        "observation": observation.pk,
        "evaluation": evaluation.pk,
        "content_type": content_type.pk,
        "dataset": dataset.pk,
        "user": user.pk,
        "organisation": organisation.pk,
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_runs_and_their_links_survive_the_move_to_jobs():
    executor = _migrate([("jobs", None)])  # unapplies jobs 0001 and what depends on it
    old_apps = executor.loader.project_state(BEFORE).apps
    with pytest.raises(LookupError):
        old_apps.get_model("jobs", "ImportRun")
    ids = _old_rows(old_apps)

    executor = _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    connection.check_constraints()

    from django.contrib.contenttypes.models import ContentType

    from duiding.indicators.models import Observation
    from duiding.jobs.models import ImportRun
    from duiding.results.models import ProgressEvaluation

    assert ImportRun._meta.db_table == "indicators_importrun"
    run = ImportRun.objects.get(pk=ids["run"])
    assert (run.kind, run.status, run.file_name, run.options) == (
        ImportRun.Kind.CBS,
        ImportRun.Status.DONE,
        "MOVE01NED.csv",
        {"period": "2024"},
    )
    assert (run.rows_read, run.values_stored, run.progress) == (3, 2, 100)
    assert run.messages == [{"row": 2, "column": "X", "message": "geweigerd"}]
    assert (run.dataset_id, run.started_by_id, run.organisation_id) == (
        ids["dataset"],
        ids["user"],
        ids["organisation"],
    )
    assert list(run.dataset.runs.all()) == [run]

    observation = Observation.objects.get(pk=ids["observation"])
    assert observation.import_run == run
    assert list(Observation.objects.filter(import_run=run)) == [observation]
    assert ProgressEvaluation.objects.get(pk=ids["evaluation"]).import_run == run

    # The provenance link is still a real foreign key in the database: the run cannot go.
    with pytest.raises(ProtectedError):
        run.delete()

    content_type = ContentType.objects.get(pk=ids["content_type"])
    assert (content_type.app_label, content_type.model) == ("jobs", "importrun")
    assert ContentType.objects.get_for_model(ImportRun).pk == ids["content_type"]

    # The id sequence goes on after the stored runs.
    assert ImportRun.objects.create(kind="derived", file_name="x").pk > ids["run"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_move_can_be_undone():
    executor = _migrate([("jobs", None)])
    state = executor.loader.project_state(BEFORE)
    assert state.apps.get_model("indicators", "ImportRun")._meta.db_table == "indicators_importrun"
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
