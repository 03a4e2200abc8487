from django.urls import path

from duiding.areaprofile import views

app_name = "areaprofile"
urlpatterns = [
    path("", views.index, name="index"),
    path("<str:code>/", views.area_page, name="area"),
    path("<str:code>/kaart/", views.area_map, name="map"),
    path("<str:code>/export.csv", views.export_csv, name="export_csv"),
    path("<str:code>/export.xlsx", views.export_xlsx, name="export_xlsx"),
]
