"""POST /api/v1/results/evaluate reproduces the three worked examples of seed 003 (Deel 2 step 2)."""

import json

import pytest

from duiding.accounts.services import token_create

pytestmark = pytest.mark.django_db

URL = "/api/v1/results/evaluate"


def _bearer(user) -> dict:
    _token, raw = token_create(user=user)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def _post(client, user, body):
    return client.post(URL, data=json.dumps(body), content_type="application/json", **_bearer(user))


def _counts(code, before, after):
    return {
        "code": code,
        "direction": "higher_is_better",
        "series": {
            "2014": {"numerator": before, "denominator": 1000},
            "2018": {"numerator": after, "denominator": 1100},
        },
    }


def _shares(code, before, after):
    return {
        "code": code,
        "direction": "higher_is_better",
        "series": {"2014": {"value": before}, "2018": {"value": after}},
    }


EXAMPLE_1 = [
    _counts("sport", 600, 715),
    _counts("niet_roken", 800, 935),
    _counts("alcohol", 650, 770),
]
EXAMPLE_3 = [_shares("sport", 60, 69), _shares("niet_roken", 80, 84), _shares("alcohol", 65, 67)]
COMBINATION_2 = {
    "series": {
        "2014": {"numerator": 400, "denominator": 1000},
        "2018": {"numerator": 495, "denominator": 1100},
    }
}


def _body(rule, indicators, combination=None, target=None):
    body = {
        "rule": rule,
        "baseline_period": "2014",
        "period": "2018",
        "target": target or {"kind": "pp", "value": 5},
        "indicators": indicators,
    }
    if combination is not None:
        body["combination"] = combination
    return body


def test_example_1_each_reached(client, adviseur):
    response = _post(client, adviseur, _body("each", EXAMPLE_1))
    assert response.status_code == 200, response.content
    answer = response.json()
    assert answer["verdict"] == "reached"
    assert "combined" not in answer
    # 600/1000 = 60 % -> 715/1100 = 65 %; 800 -> 935: 80 -> 85 %; 650 -> 770: 65 -> 70 %.
    got = [
        (i["code"], i["baseline"], i["value"], i["change"], i["verdict"])
        for i in answer["indicators"]
    ]
    expected = [
        ("sport", 60.0, 65.0, 5.0, "reached"),
        ("niet_roken", 80.0, 85.0, 5.0, "reached"),
        ("alcohol", 65.0, 70.0, 5.0, "reached"),
    ]
    for row, want in zip(got, expected, strict=True):
        assert row[0] == want[0] and row[4] == want[4]
        assert row[1:4] == pytest.approx(want[1:4])


def test_example_2_combined_reached(client, adviseur):
    response = _post(client, adviseur, _body("combined", EXAMPLE_1, COMBINATION_2))
    assert response.status_code == 200, response.content
    answer = response.json()
    assert answer["verdict"] == "reached"
    # 400/1000 = 40 % -> 495/1100 = 45 %.
    assert answer["combined"]["baseline"] == pytest.approx(40.0)
    assert answer["combined"]["value"] == pytest.approx(45.0)
    assert answer["combined"]["change"] == pytest.approx(5.0)


def test_example_3_mean_reached_and_each_not(client, adviseur):
    answer = _post(client, adviseur, _body("mean", EXAMPLE_3)).json()
    assert answer["verdict"] == "reached"
    # (60+80+65)/3 = 68.33 -> (69+84+67)/3 = 73.33: +5.
    assert answer["combined"]["baseline"] == pytest.approx(205 / 3)
    assert answer["combined"]["value"] == pytest.approx(220 / 3)
    # Under "each": +9, +4, +2 against +5 -> not reached.
    answer = _post(client, adviseur, _body("each", EXAMPLE_3)).json()
    assert answer["verdict"] == "not_reached"
    assert [i["verdict"] for i in answer["indicators"]] == ["reached", "not_reached", "not_reached"]


def test_plain_percentage_and_lower_is_better(client, adviseur):
    care = {
        "code": "jeugdzorg",
        "direction": "lower_is_better",
        "series": {"2021": {"value": 12.0}, "2023": {"value": 10.5}},
    }
    body = {
        "rule": "each",
        "baseline_period": "2021",
        "period": "2023",
        "target": {"kind": "relative", "value": -10},
        "indicators": [care],
    }
    answer = _post(client, adviseur, body).json()
    # 12 x 0.9 = 10.8 required; 10.5 <= 10.8 -> reached.
    assert answer["verdict"] == "reached"
    assert answer["indicators"][0]["required"] == pytest.approx(10.8)


@pytest.mark.parametrize(
    ("body", "field", "fragment"),
    [
        (_body("combined", EXAMPLE_1), "combination", "alle voorwaarden tegelijk"),
        (
            _body("each", EXAMPLE_1, target={"kind": "pp", "value": -5}),
            "target.value",
            "verkeerde kant",
        ),
        (
            _body(
                "each",
                [
                    _counts("sport", 600, 715)
                    | {"series": {"2014": {"numerator": 1, "denominator": 0}}}
                ],
            ),
            "indicators.0.series.2014.denominator",
            "noemer is 0",
        ),
        (_body("each", [_shares("sport", 60, 101)]), "indicators.0.series.2018", "boven 100"),
        (_body("each", [_shares("sport", 60, "veel")]), "indicators.0.series.2018.value", "getal"),
        (_body("best", EXAMPLE_1), "rule", "rekenregel"),
        (_body("each", []), "indicators", "minstens één indicator"),
        (_body("each", EXAMPLE_1) | {"baseline_period": "2010"}, "baseline_period", "2010"),
        (
            {"rule": "each", "indicators": EXAMPLE_1, "period": "2018"},
            "baseline_period",
            "ontbreekt",
        ),
    ],
)
def test_bad_input_is_422_with_dutch_message(client, adviseur, body, field, fragment):
    response = _post(client, adviseur, body)
    assert response.status_code == 422
    answer = response.json()
    assert answer["field"] == field
    assert fragment in answer["detail"]


def test_invalid_json_is_422(client, adviseur):
    response = client.post(
        URL, data="{niet json", content_type="application/json", **_bearer(adviseur)
    )
    assert response.status_code == 422
    assert "JSON" in response.json()["detail"]


def test_anonymous_is_refused(client):
    response = client.post(
        URL, data=json.dumps(_body("each", EXAMPLE_1)), content_type="application/json"
    )
    assert response.status_code == 401


def test_partner_user_may_use_it(client, partner):
    # The rekenhulp reads no organisation data: any logged-in user may call it.
    assert _post(client, partner, _body("mean", EXAMPLE_3)).json()["verdict"] == "reached"


def test_documented_in_openapi(client, adviseur):
    schema = client.get("/api/v1/openapi.json", **_bearer(adviseur)).json()
    operation = schema["paths"][URL]["post"]
    assert "requestBody" in operation
