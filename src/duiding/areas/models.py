"""Geography: areas with CBS codes, levels, parents and a municipality's own level names."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    COUNTRY = "land", _("Land")
    REGION = "landsdeel", _("Landsdeel")
    PROVINCE = "provincie", _("Provincie")
    YOUTH_REGION = "jeugdregio", _("Jeugdregio")
    MUNICIPALITY = "gemeente", _("Gemeente")
    DISTRICT = "wijk", _("Wijk")
    NEIGHBOURHOOD = "buurt", _("Buurt")
    OTHER = "overig", _("Overig")


# Order used for sorting and for "the next level up".
LEVEL_RANK = {
    Level.COUNTRY: 0,
    Level.REGION: 1,
    Level.PROVINCE: 2,
    Level.YOUTH_REGION: 3,
    Level.MUNICIPALITY: 4,
    Level.DISTRICT: 5,
    Level.NEIGHBOURHOOD: 6,
    Level.OTHER: 7,
}


class Area(models.Model):
    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("naam"), max_length=200, db_index=True)
    level = models.CharField(_("niveau"), max_length=20, choices=Level.choices, db_index=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("ligt in"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    municipality = models.ForeignKey(
        "self",
        verbose_name=_("gemeente"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # GeoJSON geometry (lon/lat), simplified; drawn by Vega-Lite, no tile server.
    boundary = models.JSONField(_("grens"), null=True, blank=True)
    boundary_source = models.CharField(_("bron grens"), max_length=200, blank=True)
    # CBS "indelingswijziging" flag as last published for this area (per observation it is kept too).
    indelingswijziging = models.CharField(_("indelingswijziging"), max_length=10, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("gebied")
        verbose_name_plural = _("gebieden")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def level_label(self) -> str:
        """The level name as this area's municipality calls it (e.g. Rotterdam: a CBS wijk is a 'gebied')."""
        cached = getattr(self, "level_label_cached", None)
        if cached is not None:
            return cached
        municipality_id = self.municipality_id
        if municipality_id is None and self.level == Level.MUNICIPALITY:
            municipality_id = self.pk
        own = LevelName.objects.filter(municipality_id=municipality_id, level=self.level).first()
        if own:
            return own.singular
        return str(Level(self.level).label) if self.level in Level.values else self.level


class LevelName(models.Model):
    """A municipality's own word for a CBS level: Rotterdam calls a CBS wijk a 'gebied'."""

    municipality = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="level_names")
    level = models.CharField(_("CBS-niveau"), max_length=20, choices=Level.choices)
    singular = models.CharField(_("enkelvoud"), max_length=50)
    plural = models.CharField(_("meervoud"), max_length=50)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["municipality", "level"], name="levelname_unique")
        ]
        verbose_name = _("eigen niveaunaam")
        verbose_name_plural = _("eigen niveaunamen")

    def __str__(self) -> str:
        return f"{self.municipality.name}: {self.level} = {self.singular}"
