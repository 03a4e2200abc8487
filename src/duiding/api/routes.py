"""Route modules register themselves on `api` when imported here."""

from duiding.api import areas, indicators  # noqa: F401
