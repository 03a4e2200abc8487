"""API: results."""

from duiding.api.api import api  # noqa: F401
