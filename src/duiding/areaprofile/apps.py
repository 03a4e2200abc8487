from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AreaprofileConfig(AppConfig):
    name = "duiding.areaprofile"
    label = "areaprofile"
    verbose_name = _("areaprofile")
