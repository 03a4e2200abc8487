from django.urls import path

from duiding.frameworks import views

app_name = "frameworks"
urlpatterns = [
    path("", views.framework_list, name="list"),
    path("pijler/<int:pk>/bewerken/", views.pillar_edit, name="pillar_edit"),
    path("domein/<int:pk>/bewerken/", views.domain_edit, name="domain_edit"),
    path(
        "domein/<int:pk>/indicatoren/toevoegen/",
        views.domain_indicator_add,
        name="domain_indicator_add",
    ),
    path(
        "domein/<int:pk>/indicatoren/<int:indicator_pk>/loskoppelen/",
        views.domain_indicator_remove,
        name="domain_indicator_remove",
    ),
    path("ambitie/<int:pk>/bewerken/", views.ambition_edit, name="ambition_edit"),
    path("ambitie/<int:pk>/verwijderen/", views.ambition_delete, name="ambition_delete"),
    path("<slug:slug>/", views.framework_detail, name="detail"),
    path("<slug:slug>/ambities/nieuw/", views.ambition_new, name="ambition_new"),
]
