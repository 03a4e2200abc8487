"""Pages of the duidingssessies (staff, under /duidingssessies/)."""

from django.urls import path  # noqa: F401

app_name = "reflections"

urlpatterns: list = []
