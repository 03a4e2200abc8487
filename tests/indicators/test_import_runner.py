"""import_run_execute: statuses, idempotency, revisions, progress, signal, rollback, derived."""

import pytest

from duiding.areas.models import Area
from duiding.indicators.importing import runner, store
from duiding.indicators.importing.types import ImportMessage
from duiding.indicators.models import Indicator, Observation
from duiding.indicators.signals import import_finished
from duiding.jobs.models import ImportRun
from duiding.jobs.services import import_run_create

from .cbs_helpers import WIJKEN_HEADER, run_cbs, wijken_row, write_cbs


def _rows(gemeente_value="11650.0"):
    return [
        wijken_row(0, "Rotterdam", "2023", [gemeente_value, "17285.0", "3055.0"], "GM0599",
                   kind="Gemeente"),
        wijken_row(1, "Stadsdriehoek", "2023", ["150.0", "200.0", ""], "WK059901"),
        wijken_row(2, "Centrum", "2023", [".", "", "0.0"], "WK059902", "3.0"),
    ]  # fmt: skip


@pytest.mark.django_db
def test_runner_import_stores_and_reports(tmp_path, rotterdam):
    run = run_cbs(write_cbs(tmp_path, "85685NED.csv", WIJKEN_HEADER, _rows()))
    assert run.status == ImportRun.Status.DONE, (run.error, run.messages)
    assert (run.rows_read, run.values_stored, run.areas_created) == (3, 9, 2)
    assert run.progress == 100 and run.finished_at is not None and run.started_at is not None
    assert run.dataset.code == "85685NED"
    assert run.file_sha256 and run.file_name == "85685NED.csv"
    obs = Observation.objects.get(
        indicator__code="TotaalJongerenMetJeugdzorgInNatura", area__code="GM0599"
    )
    assert (obs.value, obs.source_row, obs.period.code) == (11650.0, 2, "2023")


@pytest.mark.django_db
def test_runner_same_file_twice_is_unchanged(tmp_path, rotterdam):
    path = write_cbs(tmp_path, "85685NED.csv", WIJKEN_HEADER, _rows())
    first = run_cbs(path)
    count = Observation.objects.count()
    second = run_cbs(path)
    assert second.status == ImportRun.Status.UNCHANGED
    assert (second.values_stored, second.values_revised) == (0, 0)
    assert second.values_unchanged == first.values_stored
    assert Observation.objects.count() == count


@pytest.mark.django_db
def test_runner_same_values_in_another_file_change_nothing(tmp_path, rotterdam):
    run_cbs(write_cbs(tmp_path, "85685NED.csv", WIJKEN_HEADER, _rows()))
    other = tmp_path / "copy"
    other.mkdir()
    rows = _rows()
    rows[0][0] = "99"  # another ID column: another sha256, the same figures
    again = run_cbs(write_cbs(other, "85685NED.csv", WIJKEN_HEADER, rows))
    assert again.status == ImportRun.Status.UNCHANGED
    assert again.values_unchanged == 9 and again.values_stored == 0


@pytest.mark.django_db
def test_runner_revised_figure_keeps_the_old_version(tmp_path, rotterdam):
    run_cbs(write_cbs(tmp_path, "85685NED.csv", WIJKEN_HEADER, _rows("11650.0")))
    newer = tmp_path / "newer"
    newer.mkdir()
    revised = run_cbs(write_cbs(newer, "85685NED.csv", WIJKEN_HEADER, _rows("11700.0")))
    assert revised.status == ImportRun.Status.DONE
    assert (revised.values_revised, revised.values_stored, revised.values_unchanged) == (1, 0, 8)
    versions = Observation.objects.filter(
        indicator__code="TotaalJongerenMetJeugdzorgInNatura", area__code="GM0599"
    ).order_by("pk")
    assert [(o.value, o.is_current) for o in versions] == [(11650.0, False), (11700.0, True)]


@pytest.mark.django_db
def test_runner_reports_progress_and_sends_signal(tmp_path, rotterdam):
    seen, sent = [], []

    def receiver(sender, run, **kwargs):
        sent.append(run.pk)

    import_finished.connect(receiver, dispatch_uid="test-runner")
    try:
        path = write_cbs(tmp_path, "85685NED.csv", WIJKEN_HEADER, _rows())
        run = import_run_create(kind=ImportRun.Kind.CBS, path=path)
        runner.import_run_execute(run, progress=lambda pct, text: seen.append(pct))
    finally:
        import_finished.disconnect(dispatch_uid="test-runner")
    assert sent == [run.pk]
    assert seen[0] == 0 and seen[-1] == 100 and seen == sorted(seen)
    assert ImportRun.objects.get(pk=run.pk).progress == 100


@pytest.mark.django_db
def test_runner_database_error_rolls_back_everything(tmp_path, rotterdam, monkeypatch):
    areas = Area.objects.count()
    indicators = Indicator.objects.count()

    def broken_insert(cursor, rows):
        cursor.execute("INSERT INTO no_such_table VALUES (1)")

    monkeypatch.setattr(store, "insert_rows", broken_insert)
    run = run_cbs(write_cbs(tmp_path, "85685NED.csv", WIJKEN_HEADER, _rows()))
    assert run.status == ImportRun.Status.FAILED
    assert "teruggedraaid" in run.error and "niets gewijzigd" in run.error
    assert Observation.objects.count() == 0
    assert Area.objects.count() == areas and Indicator.objects.count() == indicators
    assert ImportRun.objects.get(pk=run.pk).status == ImportRun.Status.FAILED


@pytest.mark.django_db
def test_runner_parser_crash_fails_with_a_dutch_message(tmp_path, rotterdam, monkeypatch):
    from duiding.indicators.importing import cbs

    def crash(*args, **kwargs):
        raise RuntimeError("kapot")

    monkeypatch.setattr(cbs, "parse_cbs", crash)
    run = run_cbs(write_cbs(tmp_path, "85685NED.csv", WIJKEN_HEADER, _rows()))
    assert run.status == ImportRun.Status.FAILED
    assert "onverwachte fout" in run.error and "kapot" in run.error


@pytest.mark.django_db
def test_runner_warnings_do_not_block_but_errors_do(tmp_path, rotterdam):
    rows = [*_rows(), wijken_row(3, "Zonder code", "2023", ["", "", ""], "", "", kind="")]
    run = run_cbs(write_cbs(tmp_path, "85685NED.csv", WIJKEN_HEADER, rows))
    assert run.status == ImportRun.Status.DONE
    assert run.rows_refused == 1
    assert any(m["level"] == "warning" and m["row"] == 5 for m in run.messages)


def test_runner_caps_messages_with_a_count():
    messages = [ImportMessage(f"melding {i}", row=i).as_dict() for i in range(1500)]
    capped = runner._capped(messages)
    assert len(capped) == runner.MAX_MESSAGES + 1
    assert "500" in capped[-1]["message"]


@pytest.mark.django_db
def test_runner_computes_derived_indicators_after_import(tmp_path, rotterdam):
    run = run_cbs(write_cbs(tmp_path, "85685NED.csv", WIJKEN_HEADER, _rows()))
    assert run.status == ImportRun.Status.DONE
    share = Observation.objects.get(
        indicator__code="AandeelVerwezenDoorGemeentelijkeToegang",
        area__code="GM0599",
        is_current=True,
    )
    assert share.value == pytest.approx(3055.0 / 17285.0 * 100)
    assert (share.numerator, share.denominator) == (3055.0, 17285.0)
    suppressed = Observation.objects.get(
        indicator__code="AandeelVerwezenDoorGemeentelijkeToegang", area__code="WK059902"
    )
    assert (suppressed.value, suppressed.status) == (None, "suppressed")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_runner_committed_runs_import_twice_without_waiting(tmp_path):
    """Outside a test transaction, as in production: progress goes to the committed run row while
    the store holds its transaction (on PostgreSQL through a second connection)."""
    from duiding.areas.models import Level

    Area.objects.create(code="NL01", name="Nederland", level=Level.COUNTRY)
    Area.objects.create(code="GM0599", name="Rotterdam", level=Level.MUNICIPALITY)
    path = write_cbs(tmp_path, "85685NED.csv", WIJKEN_HEADER, _rows())
    first = run_cbs(path)
    second = run_cbs(path)
    assert (first.status, second.status) == (ImportRun.Status.DONE, ImportRun.Status.UNCHANGED)
    stored = ImportRun.objects.get(pk=second.pk)
    assert (stored.progress, stored.status) == (100, ImportRun.Status.UNCHANGED)
