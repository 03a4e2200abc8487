"""Staff routes of the reflection and its agenda (included by reflections/urls.py)."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
