"""The JSON API (Django Ninja). OpenAPI at /api/v1/openapi.json."""

from ninja import NinjaAPI

from duiding.api.auth import AUTH

api = NinjaAPI(
    title="Duiding API",
    version="1",
    description="Open data (CBS) and organisation data of Duiding. Authenticate with a personal token.",
    auth=AUTH,
    urls_namespace="api",
    docs_url=None,
)

from duiding.api import routes  # noqa: E402,F401  (registers the routes)
