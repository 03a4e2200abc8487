from django.urls import path

from duiding.core import views

app_name = "core"
urlpatterns = [
    path("health", views.health, name="health"),
]
