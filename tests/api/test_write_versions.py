"""Every write endpoint of the API carries the version it starts from (issue 10, item 13).

The test reads the OpenAPI schema: an operation that is not a GET must either take a `version`
in its request body (and be checked by core.versioning like the HTML forms), or be listed in
NOT_A_WRITE with the reason it stores nothing. A new write endpoint without a version fails."""

from __future__ import annotations

from duiding.api.api import api

# Operations that use POST but store nothing, or only add a new row and never change one (so
# there is no version to start from).
NOT_A_WRITE = {
    ("post", "/api/v1/results/evaluate"): "computes a result's progress from posted figures",
    ("post", "/api/v1/questionnaires/{code}/responses"): (
        "adds one anonymous response; a replay is refused by its one-time submission token"
    ),
    ("post", "/api/v1/live/{code}/participants"): "adds one phone to a live session",
    ("post", "/api/v1/live/{code}/answers"): (
        "adds one answer; a second answer to the same question is refused (one per participant)"
    ),
}


def _body_properties(schema: dict, operation: dict) -> set[str]:
    content = operation.get("requestBody", {}).get("content", {})
    body = next(iter(content.values()), {}).get("schema", {})
    if "$ref" in body:
        body = schema["components"]["schemas"][body["$ref"].rsplit("/", 1)[1]]
    return set(body.get("properties", {}))


def test_every_write_endpoint_takes_a_version():
    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    writes = [
        (method, path, op)
        for path, methods in schema["paths"].items()
        for method, op in methods.items()
        if method in {"post", "put", "patch", "delete"}
    ]
    assert writes, "the walk found no operation that is not a GET"
    missing = [
        (method, path)
        for method, path, op in writes
        if (method, path) not in NOT_A_WRITE and "version" not in _body_properties(schema, op)
    ]
    assert not missing, f"write endpoints without a version: {missing}"
    listed = {(m, p) for m, p, _op in writes}
    assert set(NOT_A_WRITE) <= listed, "NOT_A_WRITE names an operation that no longer exists"
