"""Import pages: upload, background run (ImmediateBackend in tests), progress, report, lock, access."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from duiding.indicators.models import Observation
from duiding.jobs.models import ImportRun
from tests.markup import assert_accessible

pytestmark = pytest.mark.django_db

# The first lines of CBS table 85685NED (Jeugdzorg; wijken 2023) as the CBS open-data API delivers
# it: UTF-8 with BOM, `;`, space-padded strings, measure columns with numeric suffixes.
CBS_HEADER = (
    "ID;VormenVanJeugdzorg;Wijken;Perioden;TotaalJongerenMetJeugdzorgInNatura_1;k_0Tot4Jaar_2;"
    "k_4Tot12Jaar_3;k_12Tot18Jaar_4;k_18Tot23Jaar_5;ThuiswonendKindInEenouderhuishouden_6;"
    "ThuiswonendKindBijEenPaar_7;AnderHuishouden_8;TotaalTrajectenInNatura_9;"
    "GemeentelijkeToegang_10;Huisarts_11;Jeugdarts_12;GecertificeerdeInstelling_13;"
    "MedischSpecialist_14;RechterOfficierVanJustitie_15;GeenVerwijzer_16;VerwijzerOnbekend_17;"
    "Gemeentenaam_18;SoortRegio_19;Codering_20;IndelingswijzigingWijken_21"
)
GM = "Rotterdam                               ;Gemeente ;GM0599    ;1.0"
WK = "Rotterdam                               ;Wijk     ;WK059901  ;1.0"
NL = "                                        ;         ;NL01      ;"
CBS_ROWS = [
    f"0;Totaal alle jeugdzorg in natura;Nederland;2023;485100.0;29705.0;234390.0;202535.0;18475.0;132720.0;316625.0;35755.0;751165.0;231155.0;247100.0;22225.0;58595.0;31470.0;2230.0;105595.0;3735.0;{NL}",
    f"8016;Totaal alle jeugdzorg in natura;Rotterdam;1e halfjaar 2023;11650.0;760.0;4935.0;5020.0;935.0;4725.0;5260.0;1665.0;17285.0;3055.0;5395.0;165.0;2200.0;895.0;150.0;2865.0;80.0;{GM}",
    f"8018;Totaal alle jeugdzorg in natura;Rotterdam;2023;13875.0;1005.0;5975.0;5815.0;1080.0;5675.0;6330.0;1870.0;22395.0;3925.0;7160.0;215.0;2595.0;1170.0;180.0;3965.0;100.0;{GM}",
    f"8019;Totaal alle jeugdzorg in natura;Rotterdam Centrum;1e halfjaar 2023;310.0;15.0;115.0;120.0;60.0;115.0;110.0;85.0;485.0;65.0;125.0;;70.0;35.0;;95.0;;{WK}",
    f"8021;Totaal alle jeugdzorg in natura;Rotterdam Centrum;2023;395.0;20.0;140.0;150.0;80.0;155.0;135.0;105.0;640.0;75.0;180.0;;75.0;40.0;;155.0;;{WK}",
]
MEASURES = CBS_HEADER.count(";") + 1 - 8  # all columns but ID, 3 dimensions and 4 region fields


def cbs_bytes(rows=CBS_ROWS) -> bytes:
    return ("\ufeff" + "\r\n".join([CBS_HEADER, *rows]) + "\r\n").encode("utf-8")


@pytest.fixture(autouse=True)
def upload_dir(settings, tmp_path):
    settings.IMPORT_UPLOAD_DIR = tmp_path / "uploads"
    return settings.IMPORT_UPLOAD_DIR


@pytest.fixture
def cbs_file(tmp_path):
    path = tmp_path / "85685NED_excerpt.csv"
    path.write_bytes(cbs_bytes())
    return path


def upload(client, path, **extra):
    with open(path, "rb") as fh:
        data = {"kind": "cbs", "file": fh, **extra}
        return client.post(reverse("indicators:import_new"), data)


def stored_files(upload_dir) -> list:
    return sorted(upload_dir.iterdir()) if upload_dir.exists() else []


# --- access -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["import_list", "import_new"])
def test_import_pages_anonymous_redirects_to_login(client, name):
    response = client.get(reverse(f"indicators:{name}"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response.url


def test_import_detail_anonymous_redirects_to_login(client, beheerder):
    run = ImportRun.objects.create(kind="cbs", file_name="x.csv", started_by=beheerder)
    for name in ("import_detail", "import_status"):
        response = client.get(reverse(f"indicators:{name}", args=[run.pk]))
        assert response.status_code == 302
        assert reverse("accounts:login") in response.url


@pytest.mark.parametrize("user", ["adviseur", "partner", "outsider"])
def test_import_new_non_admin_gets_403(client_as, request, user, cbs_file, upload_dir):
    client = client_as(request.getfixturevalue(user))
    assert client.get(reverse("indicators:import_new")).status_code == 403
    assert upload(client, cbs_file).status_code == 403
    assert not ImportRun.objects.exists()
    assert stored_files(upload_dir) == []


def test_import_runs_outsider_cannot_see_another_organisations_run(client_as, beheerder, outsider):
    run = ImportRun.objects.create(
        kind="observations", file_name="geheime-cijfers.csv", started_by=beheerder
    )
    client = client_as(outsider)
    assert (
        "geheime-cijfers.csv" not in client.get(reverse("indicators:import_list")).content.decode()
    )
    assert client.get(reverse("indicators:import_detail", args=[run.pk])).status_code == 404
    status_url = reverse("indicators:import_status", args=[run.pk])
    assert client.get(status_url, HTTP_HX_REQUEST="true").status_code == 404


def test_import_list_non_admin_sees_own_runs_without_upload_button(client_as, adviseur):
    ImportRun.objects.create(kind="cbs", file_name="mijn-bestand.csv", started_by=adviseur)
    response = client_as(adviseur).get(reverse("indicators:import_list"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "mijn-bestand.csv" in html
    assert reverse("indicators:import_new") not in html
    assert_accessible(response)


# --- the form -----------------------------------------------------------------------------------


def test_import_new_form_states_the_size_limit(client_as, beheerder, settings):
    settings.MAX_UPLOAD_MB = 37
    response = client_as(beheerder).get(reverse("indicators:import_new"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Hoogstens 37 MB per bestand" in html
    assert 'enctype="multipart/form-data"' in html
    assert_accessible(response)


def test_import_upload_too_large_is_refused_before_anything_is_stored(
    client_as, beheerder, settings, tmp_path, upload_dir
):
    settings.MAX_UPLOAD_MB = 1
    big = tmp_path / "groot.csv"
    big.write_bytes(cbs_bytes(CBS_ROWS * 6000))  # about 3 MB
    response = upload(client_as(beheerder), big)
    assert response.status_code == 413
    assert "te groot" in response.content.decode()
    assert "1 MB" in response.content.decode()
    assert not ImportRun.objects.exists()
    assert stored_files(upload_dir) == []


def test_import_upload_just_over_the_limit_is_refused_by_the_form(
    client_as, beheerder, settings, tmp_path, upload_dir
):
    settings.MAX_UPLOAD_MB = 1
    path = tmp_path / "net-te-groot.csv"
    path.write_bytes(cbs_bytes() + b"x" * (1024 * 1024))
    response = upload(client_as(beheerder), path)
    assert response.status_code == 400
    assert "groter dan 1 MB" in response.content.decode()
    assert not ImportRun.objects.exists()
    assert stored_files(upload_dir) == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tabel.pdf", b"%PDF-1.4", "niet de goede soort"),
        ("tabel.xls", b"\xd0\xcf\x11\xe0", "oud Excel-bestand"),
        ("tabel.csv", b"PK\x03\x04rest-of-a-zip", "geen tekstbestand"),
        ("tabel.csv", b"", "leeg"),
    ],
)
def test_import_upload_wrong_file_is_refused_in_dutch(
    client_as, beheerder, upload_dir, name, content, message
):
    response = client_as(beheerder).post(
        reverse("indicators:import_new"),
        {"kind": "cbs", "file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ImportRun.objects.exists()
    assert stored_files(upload_dir) == []


def test_import_upload_kwb_needs_a_year_and_an_excel_file(client_as, beheerder):
    response = client_as(beheerder).post(
        reverse("indicators:import_new"),
        {"kind": "kwb_excel", "file": SimpleUploadedFile("kwb-2024.xlsx", b"not a zip")},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Vul het jaar van de KWB-uitgave in." in html
    assert "is geen Excel-bestand" in html


def test_import_upload_unknown_period_is_refused(client_as, beheerder, cbs_file):
    response = upload(client_as(beheerder), cbs_file, period="vorig jaar")
    assert response.status_code == 400
    assert "geen periode die Duiding kent" in response.content.decode()


# --- the whole flow -----------------------------------------------------------------------------


def test_import_upload_cbs_table_runs_and_shows_the_report(
    client_as, beheerder, cbs_file, upload_dir
):
    client = client_as(beheerder)
    response = upload(client, cbs_file)
    run = ImportRun.objects.get(kind="cbs")
    assert response.status_code == 302
    assert response.url == reverse("indicators:import_detail", args=[run.pk])

    # Stored under a random name (only the validated CBS table id carried over), never the
    # user's; the user's name is kept for provenance.
    files = stored_files(upload_dir)
    assert len(files) == 1 and "excerpt" not in files[0].name
    assert files[0].name.endswith("-85685NED.csv")
    assert run.file_name == "85685NED_excerpt.csv"
    assert run.dataset.code == "85685NED"
    assert run.file_sha256 == hashlib.sha256(cbs_file.read_bytes()).hexdigest()
    assert run.started_by == beheerder

    assert run.status == ImportRun.Status.DONE, (run.error, run.messages)
    assert run.rows_read == len(CBS_ROWS)
    assert run.values_stored == Observation.objects.filter(import_run=run).count() > 0
    rotterdam_2023 = Observation.objects.get(
        import_run=run,
        area__code="GM0599",
        period__code="2023",
        indicator__code="TotaalJongerenMetJeugdzorgInNatura",
        is_current=True,
    )
    assert rotterdam_2023.value == 13875
    assert rotterdam_2023.source_file == "85685NED_excerpt.csv"

    page = client.get(response.url)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Verslag" in html and "Rijen gelezen" in html
    assert "every 1s" not in html  # finished: no more polling
    assert "?dataset=" in html  # link to the dataset's figures
    assert reverse("indicators:indicator_detail", args=[rotterdam_2023.indicator_id]) in html
    assert_accessible(page)


def test_import_upload_same_file_twice_changes_nothing(client_as, beheerder, cbs_file):
    client = client_as(beheerder)
    upload(client, cbs_file)
    count = Observation.objects.count()
    upload(client, cbs_file)
    second = ImportRun.objects.filter(kind="cbs").order_by("-pk").first()
    assert second.status == ImportRun.Status.UNCHANGED, (second.error, second.messages)
    assert Observation.objects.count() == count


def test_import_upload_bad_table_fails_with_a_dutch_report(client_as, beheerder, tmp_path):
    path = tmp_path / "geen-cbs.csv"
    path.write_text("naam,leeftijd\nPiet,12\n", encoding="utf-8")
    response = upload(client_as(beheerder), path)
    run = ImportRun.objects.get(kind="cbs")
    assert run.status == ImportRun.Status.FAILED
    assert run.error
    assert not Observation.objects.exists()
    page = client_as(beheerder).get(response.url)
    html = page.content.decode()
    assert "Mislukt" in html and "er is niets gewijzigd" in html
    assert_accessible(page)


def test_import_lock_refuses_a_second_upload_of_a_running_file(
    client_as, beheerder, cbs_file, upload_dir
):
    running = ImportRun.objects.create(
        kind="cbs",
        file_name="85685NED_excerpt.csv",
        file_sha256=hashlib.sha256(cbs_file.read_bytes()).hexdigest(),
        status=ImportRun.Status.RUNNING,
    )
    response = upload(client_as(beheerder), cbs_file)
    assert response.status_code == 400
    assert f"wordt al geïmporteerd (import {running.pk}" in response.content.decode()
    assert ImportRun.objects.filter(kind="cbs").count() == 1
    assert stored_files(upload_dir) == []


def test_import_lock_ignores_a_run_abandoned_long_ago(client_as, beheerder, cbs_file):
    abandoned = ImportRun.objects.create(
        kind="cbs",
        file_name="85685NED_excerpt.csv",
        file_sha256=hashlib.sha256(cbs_file.read_bytes()).hexdigest(),
        status=ImportRun.Status.RUNNING,
        started_at=timezone.now() - timedelta(hours=2),
    )
    response = upload(client_as(beheerder), cbs_file)
    assert response.status_code == 302
    abandoned.refresh_from_db()
    assert abandoned.status == ImportRun.Status.FAILED
    assert "onderbroken" in abandoned.error
    assert (
        ImportRun.objects.filter(kind="cbs").exclude(pk=abandoned.pk).get().status
        == ImportRun.Status.DONE
    )


# --- progress -----------------------------------------------------------------------------------


def test_import_detail_running_shows_progress_bar_polling_and_reload_link(client_as, beheerder):
    run = ImportRun.objects.create(
        kind="cbs",
        file_name="x.csv",
        status=ImportRun.Status.RUNNING,
        progress=42,
        progress_text="Cijfers opslaan",
        started_by=beheerder,
    )
    response = client_as(beheerder).get(reverse("indicators:import_detail", args=[run.pk]))
    html = response.content.decode()
    assert (
        '<progress id="run-progress-bar" class="progress" max="100" value="42" '
        'aria-label="Voortgang">42%</progress>' in html
    )
    assert 'hx-trigger="every 1s"' in html
    assert reverse("indicators:import_status", args=[run.pk]) in html
    assert 'aria-live="polite"' in html and "Cijfers opslaan" in html
    assert "Pagina vernieuwen" in html  # works without JavaScript
    assert_accessible(response)


@pytest.mark.parametrize(
    ("status", "progress", "words"),
    [
        (ImportRun.Status.QUEUED, 0, "Nog niet begonnen"),
        (ImportRun.Status.RUNNING, 45, "Wordt ingelezen: 45%"),
    ],
)
def test_import_detail_unfinished_shows_one_status_in_plain_words(
    client_as, beheerder, status, progress, words
):
    run = ImportRun.objects.create(
        kind="cbs", file_name="x.csv", status=status, progress=progress, started_by=beheerder
    )
    client = client_as(beheerder)
    html = client.get(reverse("indicators:import_detail", args=[run.pk])).content.decode()
    partial = client.get(
        reverse("indicators:import_status", args=[run.pk]), HTTP_HX_REQUEST="true"
    ).content.decode()
    for text in (html, partial):
        assert text.count(words) == 1, text
        # No second status that the polling leaves behind ("In de wachtrij" beside "45% · Bezig").
        for label in ImportRun.Status.labels:
            assert str(label) not in text
        # Operator hints belong in the README, not on a page for a gebiedsadviseur.
        assert "db_worker" not in text and "make run" not in text
    assert ("technisch beheerder" in html) == (status == ImportRun.Status.QUEUED)


def test_import_list_uses_the_same_status_words(client_as, beheerder):
    ImportRun.objects.create(kind="cbs", file_name="x.csv", status="running", progress=45)
    html = client_as(beheerder).get(reverse("indicators:import_list")).content.decode()
    assert "Wordt ingelezen: 45%" in html and "Bezig" not in html


def test_import_status_partial_stops_polling_when_finished(client_as, beheerder):
    run = ImportRun.objects.create(
        kind="cbs", file_name="x.csv", status=ImportRun.Status.RUNNING, progress=10
    )
    client = client_as(beheerder)
    url = reverse("indicators:import_status", args=[run.pk])
    running = client.get(url, HTTP_HX_REQUEST="true")
    assert running.status_code == 200 and "10%" in running.content.decode()
    assert "HX-Refresh" not in running.headers

    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.DONE, progress=100)
    done = client.get(url, HTTP_HX_REQUEST="true")
    assert done.headers["HX-Refresh"] == "true"
    assert "100%" in done.content.decode()

    plain = client.get(url)  # without htmx: back to the page
    assert plain.status_code == 302


# --- the task -----------------------------------------------------------------------------------


def test_import_task_marks_the_run_failed_on_an_unexpected_error(beheerder, monkeypatch, cbs_file):
    from duiding.indicators import tasks
    from duiding.indicators.importing import runner

    run = ImportRun.objects.create(kind="cbs", file_name="x.csv", file_path=str(cbs_file))

    def explode(run, progress=None):
        raise RuntimeError("bug")

    monkeypatch.setattr(runner, "import_run_execute", explode)
    with pytest.raises(RuntimeError):
        tasks.import_run_task.call(run.pk)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED
    assert f"(import {run.pk})" in run.error


def test_import_task_refuses_when_the_same_file_is_already_running(db, cbs_file):
    from duiding.indicators.tasks import import_run_task

    sha = hashlib.sha256(cbs_file.read_bytes()).hexdigest()
    ImportRun.objects.create(kind="cbs", file_sha256=sha, status=ImportRun.Status.RUNNING)
    queued = ImportRun.objects.create(
        kind="cbs", file_sha256=sha, file_path=str(cbs_file), file_name="x.csv"
    )
    assert import_run_task.call(queued.pk) == ImportRun.Status.FAILED
    queued.refresh_from_db()
    assert "al geïmporteerd" in queued.error
    assert not Observation.objects.exists()


def test_import_upload_checks_csrf(beheerder, cbs_file, upload_dir):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(beheerder)
    assert upload(client, cbs_file).status_code == 403
    assert not ImportRun.objects.exists()
    assert stored_files(upload_dir) == []


@pytest.mark.shared_data
def test_import_upload_kwb_excel_from_shared_data(client_as, beheerder, shared_data):
    path = shared_data / "cbs_kwb_utrecht_2023_2024" / "CBS-Utrecht-kwb-2024.xlsx"
    with open(path, "rb") as fh:
        response = client_as(beheerder).post(
            reverse("indicators:import_new"), {"kind": "kwb_excel", "file": fh, "year": "2024"}
        )
    run = ImportRun.objects.get(kind="kwb_excel")
    assert response.status_code == 302
    assert run.status == ImportRun.Status.DONE, (run.error, run.messages[:3])
    assert run.options["year"] == 2024
    assert run.file_name == "CBS-Utrecht-kwb-2024.xlsx"
    assert run.values_stored == Observation.objects.filter(import_run=run).count() > 0


def test_import_upload_own_figures_refused_rows_are_listed_by_row_and_column(
    client_as, beheerder, outsider, municipality_org, rotterdam, tmp_path
):
    from duiding.indicators.models import Indicator

    Indicator.objects.create(
        code="eigen_cijfer", name="Eigen cijfer", organisation=municipality_org
    )
    path = tmp_path / "eigen.csv"
    path.write_text(
        "gebiedscode;indicator;periode;waarde\nGM0599;eigen_cijfer;2024;12,5\n"
        "GM9999;eigen_cijfer;2024;3\n",
        encoding="utf-8",
    )
    with open(path, "rb") as fh:
        response = client_as(beheerder).post(
            reverse("indicators:import_new"), {"kind": "observations", "file": fh}
        )
    run = ImportRun.objects.get(kind="observations")
    assert run.organisation == municipality_org
    assert run.status == ImportRun.Status.FAILED
    assert not Observation.objects.exists()  # all or nothing

    page = client_as(beheerder).get(response.url)
    html = page.content.decode()
    assert "Geweigerde rijen" in html
    assert '<td class="num">3</td>' in html and "GM9999" in html
    assert_accessible(page)
    assert client_as(outsider).get(response.url).status_code == 404


def test_import_runs_beheerder_elsewhere_sees_open_data_runs_not_other_organisations_own(
    client_as, beheerder, municipality_org, other_org, django_user_model
):
    from duiding.accounts.models import Membership

    own = ImportRun.objects.create(
        kind="observations",
        file_name="rotterdam-eigen.csv",
        started_by=beheerder,
        organisation=municipality_org,
    )
    open_run = ImportRun.objects.create(kind="cbs", file_name="85685NED.csv", started_by=beheerder)
    elders = django_user_model.objects.create_user("elders-beheer", password="x" * 12)
    Membership.objects.create(user=elders, organisation=other_org, role=Membership.Role.ADMIN)
    client = client_as(elders)
    html = client.get(reverse("indicators:import_list")).content.decode()
    assert "85685NED.csv" in html and "rotterdam-eigen.csv" not in html
    assert client.get(reverse("indicators:import_detail", args=[own.pk])).status_code == 404
    assert client.get(reverse("indicators:import_detail", args=[open_run.pk])).status_code == 200


def test_import_upload_with_data_properties_stores_both_files(
    client_as, beheerder, cbs_file, tmp_path, upload_dir
):
    props = tmp_path / "DataProperties_85685NED.json"
    props.write_text(
        '[{"ID": 1, "Type": "Topic", "Key": "k_0Tot4Jaar_2", "Title": "0 tot 4 jaar",'
        ' "Unit": "aantal", "Decimals": 0, "ParentID": null}]',
        encoding="utf-8",
    )
    with open(cbs_file, "rb") as fh, open(props, "rb") as ph:
        client_as(beheerder).post(
            reverse("indicators:import_new"), {"kind": "cbs", "file": fh, "properties": ph}
        )
    run = ImportRun.objects.get(kind="cbs")
    assert run.status == ImportRun.Status.DONE, (run.error, run.messages[:3])
    assert run.options["properties_name"] == "DataProperties_85685NED.json"
    stored = {p.name for p in stored_files(upload_dir)}
    assert len(stored) == 2 and any(name.endswith(".json") for name in stored)
    assert run.options["properties"].endswith(".json")


@pytest.mark.parametrize(
    ("kind", "name", "message"),
    [
        ("observations", "eigen.csv", "hoort alleen bij een CBS-tabel"),
        ("cbs", "85685NED.csv", "geen JSON-bestand"),
    ],
)
def test_import_upload_properties_must_be_json_and_only_for_cbs(
    client_as, beheerder, upload_dir, kind, name, message
):
    response = client_as(beheerder).post(
        reverse("indicators:import_new"),
        {
            "kind": kind,
            "file": SimpleUploadedFile(name, cbs_bytes()),
            "properties": SimpleUploadedFile("props.json", b"niet json"),
        },
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert stored_files(upload_dir) == []
