"""API: activities_plan."""

from duiding.api.api import api  # noqa: F401
