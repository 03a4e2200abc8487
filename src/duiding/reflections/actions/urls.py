"""Staff routes of the actions part (included by reflections/urls.py, app namespace `reflections`)."""

from django.urls import path

from duiding.reflections.actions import views

urlpatterns: list = [
    path("verbeteracties/", views.my_actions, name="my_actions"),
    path("verbeteracties/<int:pk>/", views.action_edit, name="action_edit"),
    path("<int:pk>/punten/<int:item_pk>/besluit/", views.decision_add, name="decision_add"),
    path("<int:pk>/punten/<int:item_pk>/actie/", views.action_add, name="action_add"),
    path("<int:pk>/terugblik/<int:action_pk>/", views.action_look_back, name="action_look_back"),
]
