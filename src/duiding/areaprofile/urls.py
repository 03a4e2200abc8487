from django.urls import path

from duiding.areaprofile import views

app_name = "areaprofile"
urlpatterns = [
    path("", views.index, name="index"),
    path("<str:code>/", views.area_page, name="area"),
    path("<str:code>/kaart/", views.area_map, name="map"),
    path("<str:code>/export.csv", views.export_csv, name="export_csv"),
    path("<str:code>/export.xlsx", views.export_xlsx, name="export_xlsx"),
    path("<str:code>/kaart/export.csv", views.map_export_csv, name="map_export_csv"),
    path("<str:code>/kaart/export.xlsx", views.map_export_xlsx, name="map_export_xlsx"),
]
