"""Staff routes of the live part (included by reflections/urls.py, app namespace `reflections`)."""

from django.urls import path

from duiding.reflections.live import views

urlpatterns: list = [
    path("<int:pk>/live/", views.live_control, name="live_control"),
    path("<int:pk>/live/start/", views.live_start, name="live_start"),
    path("<int:pk>/live/einde/", views.live_end, name="live_end"),
    path(
        "<int:pk>/punten/<int:item_pk>/live-vraag/",
        views.live_question_add,
        name="live_question_add",
    ),
    path(
        "<int:pk>/live/vragen/<int:question_pk>/",
        views.live_question_state,
        name="live_question_state",
    ),
    path(
        "<int:pk>/live/antwoorden/<int:answer_pk>/",
        views.live_answer_moderate,
        name="live_answer_moderate",
    ),
    path("<int:pk>/scherm/", views.projector, name="projector"),
    path("<int:pk>/scherm/live/", views.projector_fragment, name="projector_fragment"),
]
