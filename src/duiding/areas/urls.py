from django.urls import path

from duiding.areas import views

app_name = "areas"
urlpatterns = [
    path("zoeken/", views.area_search_view, name="search"),
]
