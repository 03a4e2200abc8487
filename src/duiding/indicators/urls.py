from django.urls import path

from duiding.indicators import views

app_name = "indicators"
urlpatterns = [
    path("indicatoren/", views.indicator_list, name="indicator_list"),
    path("imports/", views.import_list, name="import_list"),
    path("imports/nieuw/", views.import_new, name="import_new"),
    path("imports/<int:pk>/", views.import_detail, name="import_detail"),
]
