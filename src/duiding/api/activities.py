"""API: activities."""

from duiding.api.api import api  # noqa: F401
