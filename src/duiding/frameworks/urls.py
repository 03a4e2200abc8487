from django.urls import path

from duiding.frameworks import views
from duiding.frameworks.factors import views as factor_views

app_name = "frameworks"
urlpatterns = [
    path("", views.framework_list, name="list"),
    path("nieuw/", views.framework_create, name="create"),
    path("pijler/<int:pk>/bewerken/", views.pillar_edit, name="pillar_edit"),
    path("pijler/<int:pk>/domeinen/nieuw/", views.domain_new, name="domain_new"),
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
    path("<slug:slug>/pijlers/nieuw/", views.pillar_new, name="pillar_new"),
    path("<slug:slug>/factoren/", factor_views.factor_list_view, name="factor_list"),
    path("<slug:slug>/factoren/nieuw/", factor_views.factor_new, name="factor_new"),
    path("<slug:slug>/factoren/excel/", factor_views.factor_export, name="factor_export"),
    path("<slug:slug>/factoren/importeren/", factor_views.factor_import, name="factor_import"),
    path("<slug:slug>/factoren/<int:pk>/", factor_views.factor_detail, name="factor_detail"),
    path("<slug:slug>/factoren/<int:pk>/bewerken/", factor_views.factor_edit, name="factor_edit"),
    path(
        "<slug:slug>/factoren/<int:pk>/verwijderen/",
        factor_views.factor_delete,
        name="factor_delete",
    ),
    path(
        "<slug:slug>/factoren/<int:pk>/bevestigen/",
        factor_views.factor_confirm,
        name="factor_confirm",
    ),
]
