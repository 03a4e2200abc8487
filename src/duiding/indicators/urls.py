from django.urls import path

from duiding.indicators import views

app_name = "indicators"
urlpatterns = [
    path("indicatoren/", views.indicator_list, name="indicator_list"),
    path("indicatoren/afgeleid/nieuw/", views.derived_new, name="derived_new"),
    path("indicatoren/<int:pk>/", views.indicator_detail, name="indicator_detail"),
    path("indicatoren/<int:pk>/bewerken/", views.indicator_edit, name="indicator_edit"),
    path("indicatoren/<int:pk>/herberekenen/", views.derived_recompute, name="derived_recompute"),
    path("aliassen/", views.alias_list, name="alias_list"),
    path("aliassen/<int:pk>/verwijderen/", views.alias_delete, name="alias_delete"),
    path("imports/", views.import_list, name="import_list"),
    path("imports/nieuw/", views.import_new, name="import_new"),
    path("imports/<int:pk>/", views.import_detail, name="import_detail"),
    path("imports/<int:pk>/voortgang/", views.import_status, name="import_status"),
]
