from django.urls import path

from duiding.areaprofile import views

app_name = "areaprofile"
urlpatterns = [
    path("", views.index, name="index"),
    path("<str:code>/", views.area_page, name="area"),
]
