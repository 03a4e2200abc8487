"""Staff routes of the cycle part (included by reflections/urls.py, app namespace `reflections`)."""

from django.urls import path

from duiding.reflections.cycle import views

urlpatterns: list = [
    path("programma/<int:programme_pk>/leerlogboek/", views.logbook_page, name="logbook"),
    path("lerend-vermogen/", views.learning_health_page, name="learning_health"),
    path(
        "programma/<int:programme_pk>/volgende-cyclus/",
        views.next_cycle_page,
        name="next_cycle",
    ),
    path("<int:pk>/verslag/", views.minutes_page, name="minutes"),
    path("<int:pk>/verslag.csv", views.minutes_csv, name="minutes_csv"),
    path("<int:pk>/verslag.xlsx", views.minutes_xlsx, name="minutes_xlsx"),
]
