"""duiding import-cbs: the Dutch report, and a non-zero exit when the import fails."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from duiding.indicators.models import Observation

from .cbs_helpers import WIJKEN_HEADER, wijken_row, write_cbs


@pytest.mark.django_db
def test_import_cbs_command_prints_the_dutch_report(tmp_path, rotterdam):
    rows = [wijken_row(0, "Rotterdam", "2023", ["11650.0", "17285.0", "3055.0"], "GM0599",
                       kind="Gemeente")]  # fmt: skip
    path = write_cbs(tmp_path, "85685NED.csv", WIJKEN_HEADER, rows)
    out = StringIO()
    call_command("import-cbs", str(path), stdout=out)
    report = out.getvalue()
    assert "Status: Klaar" in report and "Rijen gelezen: 1" in report
    assert "3 nieuw" in report
    assert Observation.objects.filter(area__code="GM0599", is_current=True).count() >= 3


@pytest.mark.django_db
def test_import_cbs_command_fails_with_nonzero_exit_on_bad_file(tmp_path, rotterdam):
    path = write_cbs(tmp_path, "t.csv", WIJKEN_HEADER, [], sep=",")
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("import-cbs", str(path), stdout=out)
    assert "Mislukt" in out.getvalue() and "komma" in out.getvalue()
    assert Observation.objects.count() == 0


@pytest.mark.django_db
def test_import_cbs_command_passes_period_and_properties(tmp_path, rotterdam):
    header = ["ID", "WijkenEnBuurten", "Codering_3", "EigenOnderwerp_5"]
    path = write_cbs(tmp_path, "99999NED.csv", header, [["0", "Rotterdam", "GM0599    ", "1.0"]])
    props = tmp_path / "props.json"
    props.write_text(
        '[{"ID": 1, "Type": "Topic", "Key": "EigenOnderwerp_5", "Title": "Eigen onderwerp", '
        '"Unit": "aantal", "Decimals": 0, "Datatype": "Long"}]',
        encoding="utf-8",
    )
    call_command(
        "import-cbs", str(path), "--period", "2022", "--properties", str(props), stdout=StringIO()
    )
    obs = Observation.objects.get(indicator__code="EigenOnderwerp")
    assert obs.period.code == "2022" and obs.indicator.name == "Eigen onderwerp"
    with pytest.raises(CommandError):
        call_command("import-cbs", str(tmp_path / "nergens.csv"), stdout=StringIO())
