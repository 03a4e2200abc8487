"""The participants' phone pages (no account, under /d/)."""

from django.urls import path  # noqa: F401

app_name = "reflections_public"

urlpatterns: list = []
