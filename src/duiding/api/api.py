"""The JSON API (Django Ninja). OpenAPI at /api/v1/openapi.json; errors: see `api.errors`."""

from ninja import NinjaAPI

from duiding.api import (
    activities,
    activities_plan,
    areas,
    factors,
    indicators,
    outcomes_outcome,
    outcomes_questionnaires,
    outcomes_responses,
    programmes,
    reflections,
    reflections_live,
    results,
    results_evaluate,
)
from duiding.api.auth import AUTH
from duiding.api.errors import install_error_handlers

api = NinjaAPI(
    title="Duiding API",
    version="1",
    description="Open data (CBS) and organisation data of Duiding. Authenticate with a personal token.",
    auth=AUTH,
    urls_namespace="api",
    docs_url=None,
)
install_error_handlers(api)

# Each module has its own router; the paths are written in full in the modules.
for module in (
    activities,
    activities_plan,
    areas,
    factors,
    indicators,
    outcomes_questionnaires,
    outcomes_outcome,
    outcomes_responses,
    programmes,
    reflections,
    reflections_live,
    results,
    results_evaluate,
):
    api.add_router("", module.router)
