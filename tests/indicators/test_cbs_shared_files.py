"""Every CBS table in ../shared/data imports unchanged; samples are checked against the files.

The files are imported once per module (about 2.5 million values) into the test database and
removed again afterwards; each test only reads. Skips with a message when ../shared is absent.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from django.db import connection

from duiding.areas.codes import normalise_code
from duiding.areas.models import Area
from duiding.frameworks.models import DomainIndicator, Factor, Framework
from duiding.indicators.models import Dataset, Indicator, Observation, Period, SeriesAlias
from duiding.indicators.periods import parse_period
from duiding.jobs.models import ImportRun

from ..conftest import SHARED_DATA
from .cbs_helpers import run_cbs

WIJKEN = sorted((SHARED_DATA / "cbs_jeugdzorg_wijken").glob("8*NED_first10000rows.csv"))
KWB_DIR = SHARED_DATA / "cbs_kwb_2024_partial"
KWB = KWB_DIR / "85984NED_first10000rows.csv"
KWB_PROPERTIES = KWB_DIR / "DataProperties_85984NED.json"
# Tables that name regions by label come after the ones that create the gemeenten.
LABELLED = [
    SHARED_DATA / "cbs_jeugdzorg_gemeenten" / name
    for name in ("82968NED.csv", "82972NED.csv", "85094NED.csv", "85098NED.csv")
] + [
    SHARED_DATA / "cbs_veiligheidsmonitor_leefbaarheid_gemeenten" / name
    for name in ("81924NED.csv", "85146NED.csv")
]
NATIONAL = [
    SHARED_DATA / "cbs_jeugdhulp_trajecten_verwijzer_uitkomsten" / name
    for name in ("82970NED.csv", "85096NED.csv")
]
ALL_FILES = [*WIJKEN, KWB, *LABELLED, *NATIONAL]
# Factor links: imports link new indicators to the default factor set as well.
CLEANED = [
    DomainIndicator,
    Factor.indicators.through,
    Observation,
    ImportRun,
    Dataset,
    Indicator,
    Area,
    Period,
]
SUFFIX = re.compile(r"_\d+$")


@pytest.fixture(scope="module")
def imported(django_db_setup, django_db_blocker):
    """name -> ImportRun, for all shared CBS files, imported once for this module."""
    if not SHARED_DATA.is_dir() or not KWB.is_file():
        pytest.skip(f"../shared/data is not present at {SHARED_DATA}; needs the real CBS files")
    with django_db_blocker.unblock():
        name = str(connection.settings_dict["NAME"])
        assert "test" in name or "memory" in name, f"not a test database: {name}"
        before = {model: _max_pk(model) for model in CLEANED}
        # Receivers of import_finished record state (the default framework's applied links).
        applied = dict(Framework.objects.values_list("pk", "default_links_applied"))
        runs = {}
        try:
            for path in ALL_FILES:
                options = {"properties": str(KWB_PROPERTIES)} if path == KWB else {}
                runs[path.name] = run_cbs(path, **options)
            yield runs
        finally:
            _remove_new_rows(before)
            for pk, value in applied.items():
                Framework.objects.filter(pk=pk).update(default_links_applied=value)


def _remove_new_rows(before: dict) -> None:
    """Plain DELETEs (no ORM collector) of the rows this module added: millions of them."""
    sqlite = connection.vendor == "sqlite"
    with connection.cursor() as cursor:
        if sqlite:  # checking every deleted row's references costs ten times the delete itself
            cursor.execute("PRAGMA foreign_keys = OFF")
        try:
            for model in CLEANED:
                table = connection.ops.quote_name(model._meta.db_table)
                if before[model] == 0 and model is Observation:
                    cursor.execute(f"DELETE FROM {table}" if sqlite else f"TRUNCATE {table}")
                else:
                    model.objects.filter(pk__gt=before[model])._raw_delete(model.objects.db)
        finally:
            if sqlite:
                cursor.execute("PRAGMA foreign_keys = ON")


@pytest.fixture
def loaded(imported):
    """The module's data, for a test marked django_db (that marker is what makes pytest-django set
    up the test database). At the end the test's transaction is marked for rollback (it is rolled
    back anyway): that spares Django's end-of-test constraint check, a scan of millions of rows
    after every test. The tests only read."""
    yield imported
    connection.needs_rollback = True


def _max_pk(model) -> int:
    return model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def _read(path: Path) -> tuple[list[str], list[list[str]]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    return [h.strip() for h in rows[0]], rows[1:]


def _plain_measures(header: list[str]) -> list[tuple[int, str]]:
    """Measure columns whose key occurs once in the table: their indicator code is the key."""
    aliases = dict(SeriesAlias.objects.filter(kind="measure").values_list("alias", "canonical"))
    skip = {"Gemeentenaam", "SoortRegio", "Codering"}
    bases = [SUFFIX.sub("", h) for h in header]
    found = []
    for i, (column, base) in enumerate(zip(header, bases, strict=True)):
        if not SUFFIX.search(column) or base in skip or base.startswith("Indelingswijziging"):
            continue
        if bases.count(base) == 1:
            found.append((i, aliases.get(base, base)))
    return found


def _current(code: str, area: str, period: str, category: str = "") -> Observation | None:
    return (
        Observation.objects.filter(
            indicator__code=code,
            area__code=area,
            period__code=period,
            category=category,
            is_current=True,
        )
        .select_related("dataset")
        .first()
    )


def _check_sample(path: Path, area_of, step: int = 211, max_rows: int = 60) -> int:
    """Compare every `step`-th total row of the file with what is stored (at most `max_rows`
    rows with a known area); returns the number of cells checked."""
    header, rows = _read(path)
    measures = _plain_measures(header)
    period_idx = header.index("Perioden") if "Perioden" in header else None
    category_idx = [
        i
        for i, h in enumerate(header)
        if not SUFFIX.search(h)
        and h not in {"ID", "Perioden", "RegioS", "Wijken", "WijkenEnBuurten"}
    ]
    checked = rows_checked = 0
    for number, row in enumerate(rows[::step]):
        if any(not row[i].strip().startswith(("Totaal", "Waarde")) for i in category_idx):
            continue
        area = area_of(header, row)
        if area is None:
            continue
        rows_checked += 1
        if rows_checked > max_rows:
            break
        period = parse_period(row[period_idx].strip()).code if period_idx is not None else "2024"
        filled = [row[i] for i, _ in measures if row[i].strip()]
        for i, code in measures[:6]:
            cell = row[i].strip()
            obs = _current(code, area, period)
            if not filled:  # a column empty in the whole file is left out; else not available
                assert obs is None or obs.status == "not_available", (path.name, number, code)
                continue
            if obs is None:  # the whole column is empty in this file
                assert all(not r[i].strip() for r in rows), (path.name, code, area, period)
                continue
            assert obs.source_column == header[i]
            assert obs.dataset.code == path.name[:8]
            if cell in {"", "."}:
                assert (obs.value, obs.status) == (None, "suppressed"), (path.name, code, area)
            else:
                assert (obs.value, obs.status) == (float(cell), "ok"), (path.name, code, area)
            checked += 1
    return checked


def _by_code(header, row):
    index = next(i for i, h in enumerate(header) if h.startswith("Codering"))
    code = row[index].strip()
    return normalise_code(code) if code else None


def _by_label(header, row):
    label = row[header.index("RegioS")].strip()
    if label == "Nederland":
        return "NL01"
    name = label.removesuffix(" (GM)")
    codes = list(Area.objects.filter(level="gemeente", name=name).values_list("code", flat=True))
    return codes[0] if len(codes) == 1 else None


def _national(header, row):
    return "NL01"


@pytest.mark.django_db
@pytest.mark.parametrize("path", WIJKEN, ids=lambda p: p.name[:8])
def test_shared_jeugdzorg_wijken_file_imports_unchanged(loaded, path):
    run = loaded[path.name]
    assert run.status == ImportRun.Status.DONE, (run.error, run.messages[:5])
    assert run.rows_read == 10000 and run.values_stored > 100_000
    assert _check_sample(path, _by_code) > 50


@pytest.mark.django_db
def test_shared_kwb_2024_imports_with_its_data_properties(loaded):
    run = loaded[KWB.name]
    assert run.status == ImportRun.Status.DONE, (run.error, run.messages[:5])
    assert run.rows_read == 10000 and run.rows_refused == 0
    assert _check_sample(KWB, _by_code, step=97) > 200
    inwoners = Indicator.objects.get(code="AantalInwoners")
    assert inwoners.unit_kind == "count"
    assert Area.objects.get(code="BU0363AA01").parent.code == "WK0363AA"
    assert Area.objects.get(code="WK0363AA").municipality.code == "GM0363"
    # Repeated keys are told apart by their DataProperties group.
    assert Indicator.objects.filter(code="Nederland.GeborenInNederland").exists()
    assert not Observation.objects.filter(indicator__code="MeestVoorkomendePostcode").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("path", LABELLED, ids=lambda p: p.name[:8])
def test_shared_labelled_region_file_imports_unchanged(loaded, path):
    run = loaded[path.name]
    assert run.status == ImportRun.Status.DONE, (run.error, run.messages[:5])
    # Provincies, COROP-gebieden, ... are skipped by design: information, not warnings.
    skipped = [m["message"] for m in run.messages if m["level"] == "skipped"]
    assert any(s.startswith("Provincies: 12 regio’s") and "(PV)" in s for s in skipped), skipped
    warnings = [m["message"] for m in run.messages if m["level"] == "warning"]
    assert not any("(PV)" in w or "(CR)" in w for w in warnings)
    assert run.rows_skipped > 0
    assert _check_sample(path, _by_label, step=1) > 20


@pytest.mark.django_db
@pytest.mark.parametrize("path", NATIONAL, ids=lambda p: p.name[:8])
def test_shared_national_file_imports_unchanged(loaded, path):
    run = loaded[path.name]
    assert run.status == ImportRun.Status.DONE, (run.error, run.messages[:5])
    assert run.rows_refused == 0
    assert _check_sample(path, _national, step=1) > 20


@pytest.mark.django_db
def test_shared_known_figures_from_the_readmes(loaded):
    assert _current("TotaalJongerenMetJeugdzorgInNatura", "NL01", "2023H1").value == 411200
    assert _current("JongerenMetJeugdhMetVerblInNat", "GM0599", "2021").value == 13.5
    assert _current("JongerenMetJeugdhulpInNatura", "NL01", "2021H1").value == 11.1
    assert _current("VoorzieningenVoorJongeren", "NL01", "2021").value == 45.4
    assert _current("VoorzieningenVoorJongeren", "GM0599", "2021").value == 40.9
    margin = _current(
        "VoorzieningenVoorJongeren", "GM0599", "2021", "Betrouwbaarheidsmarge ondergrens"
    )
    assert margin is not None and margin.value < 40.9
    assert _current("TotaalBeeindigdeTrajecten", "NL01", "2021H1").value == 139005
    assert _current("BeeindigdVolgensPlan", "NL01", "2021H1").value == 90040
    assert _current("TotaalVoortijdigAfgesloten", "NL01", "2021H1").value == 20845


@pytest.mark.django_db
def test_shared_rotterdam_youth_care_2015_2023_is_one_series(loaded):
    series = Observation.objects.filter(
        indicator__code="TotaalJongerenMetJeugdzorgInNatura",
        area__code="GM0599",
        category="",
        is_current=True,
        period__kind="year",
    )
    years = {o.period.year: o for o in series.select_related("period")}
    assert sorted(years) == list(range(2015, 2024))
    assert all(o.status == "ok" and o.value > 1000 for o in years.values())
    columns = {o.source_column for o in years.values()}
    assert "TotaalJongerenMetJeugdzorg_5" in columns  # 2015-2016 under the older key
    assert "TotaalJongerenMetJeugdzorgInNatura_1" in columns
    assert not Indicator.objects.filter(code="TotaalJongerenMetJeugdzorg").exists()


@pytest.mark.django_db
def test_shared_derived_shares_are_computed(loaded):
    plan = _current("PercentageBeeindigdVolgensPlan", "NL01", "2021H1")
    assert plan.value == pytest.approx(90040 / 139005 * 100)
    assert (plan.numerator, plan.denominator) == (90040, 139005)
    early = _current("PercentageVoortijdigAfgesloten", "NL01", "2021H1")
    assert early.value == pytest.approx(20845 / 139005 * 100)
    toegang = _current("AandeelVerwezenDoorGemeentelijkeToegang", "GM0599", "2023")
    parts = (
        _current("GemeentelijkeToegang", "GM0599", "2023").value,
        _current("TotaalTrajectenInNatura", "GM0599", "2023").value,
    )
    assert toegang.value == pytest.approx(parts[0] / parts[1] * 100)
    years = set(
        Observation.objects.filter(
            indicator__code="AandeelVerwezenDoorHuisarts", area__code="GM0599", is_current=True
        ).values_list("period__year", flat=True)
    )
    assert years == set(range(2015, 2024))


@pytest.mark.django_db
def test_shared_file_imported_again_is_unchanged(loaded):
    path = WIJKEN[-1]
    count = Observation.objects.count()
    again = run_cbs(path)
    assert again.status == ImportRun.Status.UNCHANGED
    assert again.values_unchanged == loaded[path.name].values_stored
    assert Observation.objects.count() == count
