"""Prevention matrix and package checks of the seed's example activities."""

import pytest

from duiding.activities.matrix import prevention_matrix

pytestmark = pytest.mark.django_db


def _row(matrix, domain):
    for group in matrix["groups"]:
        for row in group["rows"]:
            if row.domain and row.domain.name == domain:
                return row
    raise AssertionError(domain)


def _names(cells):
    return {level: [a.name for a in acts] for level, acts, _gap in cells}


def test_matrix_places_the_seed_activities(programme, seed_activities, results):
    matrix = prevention_matrix(programme)
    school = _row(matrix, "Schoolprestaties")
    assert school.results == [results["start"]]
    assert _names(school.cell_list) == {
        "universeel": ["Training sociaal-emotionele vaardigheden"],
        "selectief": ["Home-Start", "Jongerenwerk op het schoolplein en op hangplekken"],
        "geindiceerd": [],
    }
    assert school.gaps == ["geindiceerd"]
    safe = _row(matrix, "Veilige wijk en schoolomgeving")
    assert safe.gaps == ["universeel", "selectief", "geindiceerd"]
    # A domain without results has empty cells, but no gaps.
    assert _row(matrix, "Werk").gaps == []
    assert [g["pillar"].name for g in matrix["groups"]] == ["Kansrijk", "Veilig", "Gezond"]


def test_matrix_filters_desired_and_current_offer(programme, seed_activities):
    desired = _names(
        _row(prevention_matrix(programme, offer="gewenst"), "Schoolprestaties").cell_list
    )
    current = _names(
        _row(prevention_matrix(programme, offer="huidig"), "Schoolprestaties").cell_list
    )
    assert desired["selectief"] == [
        "Home-Start",
        "Jongerenwerk op het schoolplein en op hangplekken",
    ]
    assert current["selectief"] == ["Jongerenwerk op het schoolplein en op hangplekken"]
    assert current["universeel"] == ["Training sociaal-emotionele vaardigheden"]


def test_package_checks_in_words(programme, seed_activities):
    checks = prevention_matrix(programme)["checks"]
    messages = [c.message for c in checks if not c.ok]
    assert messages == [
        "Geen aanbod gericht op zwangerschap.",
        "Geen aanbod gericht op jongvolwassenheid.",
        "Geen aanbod gericht op het leefgebied digitale omgeving/internet.",
        "1 van de 3 activiteiten (33%) staat op trede 2 of hoger van de effectladder "
        "(goed onderbouwd of beter).",
        "Geen activiteit draagt bij aan het resultaat „In 2027 voelen 3% meer kinderen in de "
        "wijk zich veilig op straat”.",
        "Geen activiteit werkt aan de factor „Mishandeling” uit de wijkanalyse.",
    ]
    preventive = next(c for c in checks if c.code == "preventive")
    assert preventive.ok
    assert preventive.message == (
        "3 van de 3 activiteiten (100%) zijn preventief (universeel of selectief)."
    )


def test_counts_take_a_plural_verb_from_two_on(programme, seed_activities):
    seed_activities["home_start"].evidence_level = 3
    seed_activities["home_start"].save()
    seed_activities["youth_work"].prevention_level = "geindiceerd"
    seed_activities["youth_work"].save()
    seed_activities["social"].prevention_level = "geindiceerd"
    seed_activities["social"].save()
    checks = {c.code: c.message for c in prevention_matrix(programme)["checks"]}
    assert checks["evidence"].startswith("2 van de 3 activiteiten (67%) staan op trede 2")
    assert checks["preventive"] == (
        "1 van de 3 activiteiten (33%) is preventief (universeel of selectief)."
    )


def test_activity_without_result_is_named(programme, seed_activities):
    seed_activities["youth_work"].results.clear()
    matrix = prevention_matrix(programme)
    assert (
        "De activiteit „Jongerenwerk op het schoolplein en op hangplekken” draagt aan geen "
        "maatschappelijk resultaat bij." in [c.message for c in matrix["checks"]]
    )
    loose = matrix["groups"][-1]
    assert loose["pillar"] is None
    assert _names(loose["rows"][0].cell_list)["selectief"] == [
        "Jongerenwerk op het schoolplein en op hangplekken"
    ]


def test_empty_programme_has_checks_without_division_by_zero(programme, results):
    checks = prevention_matrix(programme)["checks"]
    evidence = next(c for c in checks if c.code == "evidence")
    assert not evidence.ok and evidence.message.startswith("0 van de 0 activiteiten (0%)")
