"""Factor model API (filled in by the factors work)."""

from duiding.api.api import api  # noqa: F401
