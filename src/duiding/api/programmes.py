"""Programme API (filled in by the exports work)."""

from duiding.api.api import api  # noqa: F401
