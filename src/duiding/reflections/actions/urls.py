"""Staff routes of the actions part (included by reflections/urls.py, app namespace `reflections`)."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
