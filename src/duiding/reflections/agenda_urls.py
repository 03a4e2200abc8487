"""Staff routes of the reflection and its agenda (included by reflections/urls.py)."""

from django.urls import path

from duiding.reflections.views import agenda, reflections

urlpatterns: list = [
    path("programma/<int:programme_pk>/", reflections.programme_list, name="programme_list"),
    path("programma/<int:programme_pk>/nieuw/", reflections.create, name="create"),
    path("<int:pk>/", reflections.detail, name="detail"),
    path("<int:pk>/bewerken/", reflections.edit, name="edit"),
    path("<int:pk>/agenda/opnieuw-vullen/", reflections.rebuild, name="rebuild"),
    path("<int:pk>/agenda/nieuw/", agenda.item_add, name="item_add"),
    path("<int:pk>/agenda/<int:item_pk>/", agenda.item, name="item"),
    path("<int:pk>/agenda/<int:item_pk>/bewerken/", agenda.item_edit, name="item_edit"),
    path("<int:pk>/agenda/<int:item_pk>/verplaatsen/", agenda.item_move, name="item_move"),
]
