"""Request and upload limits everywhere (issue 10, item 15): any form refuses a body above
MAX_REQUEST_MB with a Dutch 413 page before Django reads it (no temporary file, nothing stored);
form fields above DATA_UPLOAD_MAX_MEMORY_SIZE give the same page; the import form keeps its own,
announced, larger limit."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from duiding.frameworks.models import Factor
from duiding.jobs.models import ImportRun
from duiding.programmes.models import Programme
from tests.indicators.test_import_views import CBS_ROWS, cbs_bytes, stored_files, upload
from tests.markup import a11y_problems

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


@pytest.fixture
def temp_dir(settings, tmp_path):
    """Where Django would spool an uploaded file; must stay empty."""
    folder = tmp_path / "spool"
    folder.mkdir()
    settings.FILE_UPLOAD_TEMP_DIR = str(folder)
    return folder


def _assert_too_large(response, max_mb: int):
    assert response.status_code == 413
    html = response.content.decode()
    assert "Te groot" in html and f"hoogstens {max_mb} MB" in html
    assert "Er is niets opgeslagen" in html
    assert 'class="site-header"' in html and 'aria-label="Hoofdmenu"' in html
    assert a11y_problems(html) == []


def test_big_file_to_the_factor_import_is_refused_before_it_is_read(
    client_as, beheerder, settings, temp_dir
):
    settings.MAX_REQUEST_MB = 1
    before = Factor.objects.count()
    big = SimpleUploadedFile("factoren.xlsx", b"x" * (2 * MB))
    response = client_as(beheerder).post(
        reverse("frameworks:factor_import", args=["rotterdam-groeit"]), {"file": big}
    )
    _assert_too_large(response, 1)
    assert Factor.objects.count() == before
    assert list(temp_dir.iterdir()) == []


def test_any_user_any_form_a_big_file_is_refused(client_as, partner, settings, temp_dir):
    settings.MAX_REQUEST_MB = 1
    big = SimpleUploadedFile("groot.bin", b"x" * (2 * MB))
    response = client_as(partner).post(
        reverse("set_language"), {"language": "en", "next": "/", "file": big}
    )
    _assert_too_large(response, 1)
    assert "django_language" not in response.cookies  # the form did not run
    assert list(temp_dir.iterdir()) == []


def test_form_fields_above_the_memory_limit_are_refused_in_dutch(client_as, adviseur, settings):
    """Under the request cap, but more form text than DATA_UPLOAD_MAX_MEMORY_SIZE."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100 * 1024
    response = client_as(adviseur).post(
        reverse("programmes:create"), {"name": "x" * (200 * 1024), "area": "Feijenoord"}
    )
    _assert_too_large(response, settings.MAX_REQUEST_MB)
    assert not Programme.objects.exists()


def test_api_body_above_the_cap_is_refused_as_json(client, settings):
    settings.MAX_REQUEST_MB = 1
    response = client.post(
        "/api/v1/results/evaluate", io.BytesIO(b"x" * (2 * MB)).read(), "application/json"
    )
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json")


def test_import_form_keeps_its_own_larger_limit(client_as, beheerder, settings, tmp_path):
    settings.MAX_REQUEST_MB = 1
    settings.MAX_UPLOAD_MB = 10
    settings.IMPORT_UPLOAD_DIR = tmp_path / "uploads"
    big = tmp_path / "groot.csv"
    big.write_bytes(cbs_bytes(CBS_ROWS * 6000))  # about 3 MB: above the site cap, under 10 MB
    assert big.stat().st_size > 2 * MB
    response = upload(client_as(beheerder), big)
    assert response.status_code == 302, response.content.decode()[:500]
    assert ImportRun.objects.count() == 1


def test_import_form_refuses_above_its_own_limit(client_as, beheerder, settings, tmp_path):
    settings.MAX_UPLOAD_MB = 1
    settings.IMPORT_UPLOAD_DIR = tmp_path / "uploads"
    big = tmp_path / "groot.csv"
    big.write_bytes(cbs_bytes(CBS_ROWS * 12000))  # about 6 MB
    response = upload(client_as(beheerder), big)
    assert response.status_code == 413
    assert "hoogstens 1 MB per keer" in response.content.decode()
    assert not ImportRun.objects.exists()
    assert stored_files(settings.IMPORT_UPLOAD_DIR) == []
