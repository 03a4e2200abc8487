"""The rekenhulp page: one set of numbers under all three rules, Dutch messages at the fields."""

import pytest
from django.urls import reverse

from duiding.results.rekenhulp_forms import EXAMPLES

pytestmark = pytest.mark.django_db

URL = reverse("results:rekenhulp")


def _verdicts(response) -> dict:
    return {
        c.rule: (c.evaluation.verdict if c.evaluation else None)
        for c in response.context["columns"]
    }


def test_rekenhulp_requires_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/login" in response["Location"] or "next=" in response["Location"]


def test_rekenhulp_empty_form_for_any_logged_in_user(client_as, partner):
    response = client_as(partner).get(URL)
    assert response.status_code == 200
    assert response.context["columns"] == []
    content = response.content.decode()
    for number in (1, 2, 3):
        assert f"Voorbeeld {number} uit de handleiding" in content


@pytest.mark.parametrize(
    ("number", "verdicts", "sentences"),
    [
        # 1: +5 pp on each of 60/80/65 % -> reached under "each" and "mean" (68.3 -> 73.3);
        # no combination figure -> "combined" says it is missing.
        (
            1,
            {"each": "reached", "combined": None, "mean": "reached"},
            {
                "each": "Ieder afzonderlijk: alle 3 indicatoren moeten minstens 5 procentpunt stijgen; dat doen ze allemaal — bereikt."
            },
        ),
        # 2: the combination 40 % -> 45 % -> reached; the separate figures are those of example 1.
        (
            2,
            {"each": "reached", "combined": "reached", "mean": "reached"},
            {"combined": "het gaat van 40,0% naar 45,0% — bereikt."},
        ),
        # 3: +9, +4, +2 -> not reached under "each"; the mean 68.3 -> 73.3 -> reached.
        (
            3,
            {"each": "not_reached", "combined": None, "mean": "reached"},
            {
                "each": "Rookt niet en Matig alcoholgebruik halen dat niet — niet bereikt.",
                "mean": "het gaat van 68,3% naar 73,3% — bereikt.",
            },
        ),
    ],
)
def test_rekenhulp_seed_examples(client_as, adviseur, number, verdicts, sentences):
    response = client_as(adviseur).get(URL, EXAMPLES[number])
    assert response.status_code == 200
    assert not response.context["form"].errors
    assert _verdicts(response) == verdicts
    by_rule = {c.rule: c for c in response.context["columns"]}
    for rule, fragment in sentences.items():
        assert fragment in by_rule[rule].sentence
    content = response.content.decode()
    for fragment in sentences.values():
        assert fragment in content
    if verdicts["combined"] is None:
        assert (
            "aandeel meet dat aan alle voorwaarden tegelijk voldoet; die ontbreekt"
            in by_rule["combined"].error
        )


def test_rekenhulp_example_links_prefill_the_form(client_as, adviseur):
    content = client_as(adviseur).get(URL).content.decode()
    assert "ind1_base_num=600" in content and "ind1_later_num=759" in content


def test_rekenhulp_later_figures_missing_is_no_data(client_as, adviseur):
    data = {
        "baseline_period": "2021",
        "period": "2023",
        "target_kind": "pp",
        "target_value": "2",
        "ind1_name": "Jeugdzorg",
        "ind1_direction": "lower_is_better",
        "ind1_base_pct": "12,5",
    }
    response = client_as(adviseur).get(URL, data)
    verdicts = _verdicts(response)
    assert verdicts["each"] == "no_data" and verdicts["mean"] == "no_data"
    each = response.context["columns"][0]
    # Lower is better: 12.5 - 2 = 10.5 required.
    assert each.evaluation.indicators[0].required == pytest.approx(10.5)
    assert "minstens 2 procentpunt dalen" in each.sentence


@pytest.mark.parametrize(
    ("change", "field", "fragment"),
    [
        ({"ind1_base_den": "0"}, "ind1_base_den", "noemer is 0"),
        ({"ind1_later_num": "1200"}, "ind1_later_num", "boven 100"),
        ({"ind4_name": "Vierde", "ind4_base_pct": "120"}, "ind4_base_pct", "boven 100"),
        ({"ind1_base_pct": "60"}, "ind1_base_pct", "niet allebei"),
        ({"ind4_base_pct": "60"}, "ind4_name", "naam"),
        ({"target_value": "-5"}, "target_value", "positief"),
        ({"target_kind": "absolute", "target_value": "50"}, "target_value", "onder de basiswaarde"),
        ({"target_value": "50"}, "target_value", "tussen 0 en 100"),
        ({"target_value": "vijf"}, "target_value", "getal"),
        ({"period": "2014"}, "period", "andere"),
        (
            {
                "ind1_name": "",
                "ind1_base_num": "",
                "ind1_base_den": "",
                "ind1_later_num": "",
                "ind1_later_den": "",
                "ind2_name": "",
                "ind2_base_num": "",
                "ind2_base_den": "",
                "ind2_later_num": "",
                "ind2_later_den": "",
                "ind3_name": "",
                "ind3_base_num": "",
                "ind3_base_den": "",
                "ind3_later_num": "",
                "ind3_later_den": "",
            },
            "ind1_name",
            "minstens één indicator",
        ),
    ],
)
def test_rekenhulp_bad_input_message_at_the_field(client_as, adviseur, change, field, fragment):
    response = client_as(adviseur).get(URL, EXAMPLES[1] | change)
    assert response.status_code == 200
    form = response.context["form"]
    assert any(fragment in e for e in form.errors.get(field, [])), form.errors
    assert response.context["columns"] == []
    assert fragment in response.content.decode()


def test_rekenhulp_mean_with_mixed_directions_explains_in_its_column(client_as, adviseur):
    data = EXAMPLES[1] | {
        "ind3_direction": "lower_is_better",
        "ind3_base_num": "300",
        "ind3_later_num": "275",
    }
    response = client_as(adviseur).get(URL, data)
    by_rule = {c.rule: c for c in response.context["columns"]}
    # Each: +5, +5 and 30 % -> 25 % (-5, lower is better) -> reached.
    assert by_rule["each"].evaluation.verdict == "reached"
    assert "dezelfde richting" in by_rule["mean"].error


def test_rekenhulp_in_english(client_as, adviseur):
    client = client_as(adviseur)
    client.cookies["django_language"] = "en"
    response = client.get(URL, EXAMPLES[3])
    assert response.status_code == 200
