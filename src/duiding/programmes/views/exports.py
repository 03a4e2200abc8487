"""Programmes views: exports."""

urlpatterns: list = []
