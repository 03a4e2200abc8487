"""Check a response against the PUBLISHED schema (/api/v1/openapi.json), not the Python class:
a class can be right while the document shows another schema under the same name."""

from __future__ import annotations

import json

import jsonschema_rs

from duiding.api.api import api

_DOCUMENT: dict | None = None


def published_schema() -> dict:
    global _DOCUMENT
    if _DOCUMENT is None:
        # Through JSON, as published (status codes become strings).
        _DOCUMENT = json.loads(json.dumps(api.get_openapi_schema(path_prefix="/api/v1/")))
    return _DOCUMENT


def schema_errors(path: str, method: str, response) -> list[str]:
    """The ways `response` (a Django test response) differs from the documented one for
    `method path` (path as in the document, e.g. "/api/v1/areas/{code}/benchmark")."""
    document = published_schema()
    responses = document["paths"][path][method.lower()]["responses"]
    documented = responses.get(str(response.status_code))
    if documented is None:
        return [f"status {response.status_code} is not documented (only {sorted(responses)})"]
    if not response["Content-Type"].startswith("application/json"):
        return [f"content type {response['Content-Type']} is not JSON"]
    schema = documented["content"]["application/json"]["schema"]
    validator = jsonschema_rs.validator_for({**schema, "components": document["components"]})
    return [f"{e.instance_path}: {e.message}" for e in validator.iter_errors(response.json())]


def published_operations() -> list[tuple[str, str]]:
    return [(method, path) for path, ops in published_schema()["paths"].items() for method in ops]
