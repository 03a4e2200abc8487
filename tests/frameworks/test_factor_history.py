"""History of the factor model: edits, confirm, Excel import (per factor changed) and delete each
keep a FactorChange (who, when, what changed, snapshot); the factor page lists its history and the
factor model page lists the deleted factors with their last version."""

import pytest
from django.urls import reverse

from duiding.frameworks.factors.excel import factors_import
from duiding.frameworks.models import Factor, FactorChange, Framework
from duiding.indicators.models import Indicator
from tests.frameworks.test_factor_excel import row, workbook

pytestmark = pytest.mark.django_db

SLUG = "rotterdam-groeit"


@pytest.fixture
def framework():
    return Framework.objects.get(slug=SLUG)


@pytest.fixture
def factor(framework):
    return Factor.objects.get(framework=framework, name="Taalachterstand")


def _url(name, factor):
    return reverse(f"frameworks:{name}", args=[SLUG, factor.pk])


def test_edit_keeps_who_when_and_what_changed(client_as, beheerder, factor):
    client = client_as(beheerder)
    data = {"name": factor.name, "kind": "risk", "rank": "4", "explanation": "Nieuw", "source": "x"}
    data["version"] = factor.version
    assert client.post(_url("factor_edit", factor), data).status_code == 302
    change = factor.changes.get()
    assert change.action == FactorChange.Action.UPDATED and change.changed_by == beheerder
    changed = {label: (old, new) for label, old, new in change.changes}
    assert changed["ranking"] == ("—", "4")
    assert changed["toelichting"][1] == "Nieuw"
    assert change.snapshot["rank"] == 4
    html = client.get(_url("factor_detail", factor)).content.decode()
    assert "Geschiedenis van deze factor" in html and "Gewijzigd" in html and "Nieuw" in html


def test_saving_without_change_keeps_nothing_and_confirm_keeps_a_record(
    client_as, beheerder, factor
):
    client = client_as(beheerder)
    client.post(_url("factor_confirm", factor))
    change = factor.changes.get()
    assert change.action == FactorChange.Action.CONFIRMED
    assert change.changes == [["bevestigd door de gemeente", "nee", "ja"]]
    client.post(_url("factor_confirm", factor))  # already confirmed: nothing new
    assert factor.changes.count() == 1


def test_excel_import_records_each_factor_it_changed(framework, beheerder, factor):
    before = FactorChange.objects.count()
    file = workbook(row("Schulden"), row(factor.name, explanation="Uit Excel"))
    summary = factors_import(
        framework=framework, file=file, indicators=Indicator.objects.all(), user=beheerder
    )
    assert (summary.created, summary.updated) == (1, 1)
    changes = FactorChange.objects.order_by("pk")[before:]
    assert [(c.factor_name, c.action) for c in changes] == [
        ("Schulden", "imported"),
        (factor.name, "imported"),
    ]
    assert all(c.changed_by == beheerder for c in changes)
    # Importing the same file again changes nothing and records nothing.
    file.seek(0)
    factors_import(framework=framework, file=file, indicators=Indicator.objects.all())
    assert FactorChange.objects.count() == before + 2


def test_deleted_factor_is_listed_with_its_last_version(client_as, beheerder, partner, factor):
    client = client_as(beheerder)
    explanation = factor.explanation
    client.post(_url("factor_delete", factor))
    change = FactorChange.objects.get(action="deleted")
    assert change.factor is None and change.factor_name == "Taalachterstand"
    assert change.snapshot["explanation"] == explanation
    html = client_as(partner).get(reverse("frameworks:factor_list", args=[SLUG])).content.decode()
    section = html[html.index("Verwijderde factoren") :]
    assert "Taalachterstand" in section and "Laatste versie" in section
