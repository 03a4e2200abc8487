"""The published OpenAPI document tells the truth (issue 10, item 16).

Schemathesis generates requests for every operation from /api/v1/openapi.json and checks each
response against it (status documented, JSON body valid, content type), through the WSGI app on
the real test database filled by the demo (`duiding demo`) and with a personal token. Few examples
per operation keep the run short; the direct tests below pin each mismatch it found.
"""

from __future__ import annotations

import typing

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, Phase, given, settings
from pydantic import BaseModel
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from duiding.accounts.models import User
from duiding.accounts.services import token_create
from duiding.api.api import api
from duiding.demo.services import demo_load
from tests.api.openapi_helpers import published_operations, schema_errors

EXAMPLES = 5  # per operation and mode: the whole run stays well under a minute

# The rekenhulp checks more than a schema can say (a baseline figure in every series, a known
# period, ...); a body that breaks such a rule gets its documented 422, not a 2xx.
BUSINESS_RULES = {"/api/v1/results/evaluate"}


@pytest.fixture(scope="module")
def _demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for this module in a transaction that is rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        demo_load(log=lambda _line: None)
        _token, raw = token_create(user=User.objects.get(username="adviseur"))
        yield raw
        transaction.set_rollback(True)


@pytest.fixture
def demo_token(_demo, db) -> str:
    return _demo


@pytest.fixture
def _keep_connection():
    """The real WSGI handler closes the database connection after each request, which would
    end the test's transaction (PostgreSQL); the test client's handler does the same as this."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _check_operation(operation, mode: GenerationMode, token: str) -> None:
    excluded = [positive_data_acceptance] if operation.path in BUSINESS_RULES else []

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,  # the same requests every run
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        # identity: the WSGI test client does not undo GZipMiddleware
        headers = {"Authorization": f"Bearer {token}", "Accept-Encoding": "identity"}
        case.call_and_validate(headers=headers, excluded_checks=excluded)

    check()


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_every_operation_answers_as_documented(demo_token, _keep_connection, mode):
    """Positive: requests that fit the schema get a documented answer that fits it; negative:
    requests that do not are refused with a documented 4xx in the documented shape."""
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler())
    failures = {}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == len(published_operations())
    for operation in operations:
        try:
            _check_operation(operation, mode, demo_token)
        except (
            Exception,
            BaseExceptionGroup,
        ) as error:  # collect all operations' failures, then report them
            failures[operation.label] = str(error)[:2000]
    assert failures == {}


# --- one schema per name --------------------------------------------------------------------


def _models(annotation, found: set) -> None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation in found:
            return
        if annotation.__name__ != "NinjaResponseSchema":  # Ninja's wrapper, not a component
            found.add(annotation)
        for field in annotation.model_fields.values():
            _models(field.annotation, found)
        return
    for arg in typing.get_args(annotation):
        _models(arg, found)


def test_no_two_schemas_share_a_component_name():
    """OpenAPI names a component after its class: a second class with the same name silently
    replaced the benchmark's ComparisonOut and the factor list's FactorOut in the document."""
    found: set = set()
    for _prefix, router in api._routers:
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                for model in (operation.response_models or {}).values():
                    _models(model, found)
    by_name: dict[str, list] = {}
    for model in found:
        by_name.setdefault(model.__name__, []).append(model)
    clashes = {
        name: [m.__module__ for m in models]
        for name, models in by_name.items()
        if len({repr(m.model_json_schema()) for m in models}) > 1
    }
    assert clashes == {}


# --- the mismatches schemathesis found, one by one -----------------------------------------


def _get(client, token, url):
    return client.get(url, headers={"Authorization": f"Bearer {token}"})


def test_benchmark_comparisons_match_the_document(client, demo_token):
    response = _get(client, demo_token, "/api/v1/areas/WK059910/benchmark")
    assert response.status_code == 200
    comparisons = [c for row in response.json()["indicators"] for c in row["comparisons"]]
    assert comparisons and all(isinstance(c["flag"], dict) for c in comparisons)
    assert schema_errors("/api/v1/areas/{code}/benchmark", "get", response) == []


def test_factor_list_matches_the_document(client, demo_token):
    response = _get(client, demo_token, "/api/v1/factors")
    assert response.status_code == 200
    assert response.json() and "flagged_indicators" not in response.json()[0]
    assert schema_errors("/api/v1/factors", "get", response) == []


def test_analysis_matches_the_document(client, demo_token):
    programme_id = _get(client, demo_token, "/api/v1/programmes").json()[0]["id"]
    response = _get(client, demo_token, f"/api/v1/programmes/{programme_id}/analysis")
    assert response.status_code == 200
    assert schema_errors("/api/v1/programmes/{programme_id}/analysis", "get", response) == []


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("/api/v1/programmes/null,null/results", "/api/v1/programmes/{programme_id}/results"),
        ("/api/v1/programmes/abc/analysis", "/api/v1/programmes/{programme_id}/analysis"),
        ("/api/v1/programmes/1.5/activities", "/api/v1/programmes/{programme_id}/activities"),
        ("/api/v1/programmes/x/plan", "/api/v1/programmes/{programme_id}/plan"),
        ("/api/v1/results/null,null", "/api/v1/results/{result_id}"),
        ("/api/v1/areas/XX99/factors", "/api/v1/areas/{code}/factors"),
        ("/api/v1/areas/XX99", "/api/v1/areas/{code}"),
    ],
)
def test_a_non_integer_id_or_unknown_code_is_a_documented_json_404(client, demo_token, url, path):
    response = _get(client, demo_token, url)
    assert response.status_code == 404
    assert schema_errors(path, "get", response) == []
    detail = response.json()["detail"]
    assert detail.startswith(("Niet gevonden", "Onbekend"))


def test_a_period_of_the_wrong_form_is_a_documented_dutch_422(client, demo_token):
    response = _get(client, demo_token, "/api/v1/areas/WK059910/benchmark?period=2025–2026")
    assert response.status_code == 422
    assert schema_errors("/api/v1/areas/{code}/benchmark", "get", response) == []
    assert "‘period’" in response.json()["detail"]
    assert "2023H1" in response.json()["detail"]


def test_the_evaluate_body_schema_has_no_dangling_references(client):
    document = client.get("/api/v1/openapi.json").json()
    body = document["paths"]["/api/v1/results/evaluate"]["post"]["requestBody"]
    assert "$defs" not in repr(body)
    assert body["content"]["application/json"]["schema"]["properties"]["indicators"]
