"""Route modules register themselves on `api` when imported here."""

from duiding.api import areas, factors, indicators, programmes  # noqa: F401
