"""API: results_evaluate."""

from duiding.api.api import api  # noqa: F401
