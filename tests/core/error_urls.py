"""The site's URLs plus two that break (for the 500 page tests)."""

from django.db import connection
from django.urls import path

from duiding.urls import handler400, handler403, handler404, handler500, urlpatterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


def boom(request):
    raise RuntimeError("kapot")


def boom_database(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM a_table_that_does_not_exist")


def broken_processor(request):
    raise RuntimeError("context processor kapot")


urlpatterns = [
    path("test-kapot/", boom),
    path("test-kapot-db/", boom_database),
    *urlpatterns,
]
