"""Organisations, users, memberships with a role per organisation, and API tokens."""

import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who logs in. Access comes from memberships, never from the user alone."""

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


class Organisation(models.Model):
    class Kind(models.TextChoices):
        MUNICIPALITY = "gemeente", _("Gemeente")
        TEAM = "wijkteam", _("Wijkteam")
        PARTNER = "partner", _("Partner / aanbieder")
        ASSOCIATION = "associatie", _("Associatie")

    name = models.CharField(_("naam"), max_length=200, unique=True)
    slug = models.SlugField(_("korte naam"), max_length=80, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    # The municipality (Area of level gemeente) this organisation works in, when there is one.
    municipality = models.ForeignKey(
        "areas.Area",
        verbose_name=_("gemeente"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        ADMIN = "beheerder", _("Beheerder")
        ADVISER = "gebiedsadviseur", _("Gebiedsadviseur")
        PARTNER = "partner", _("Partner")
        READER = "lezer", _("Lezer")
        # Municipality policy / purchasing: sees results and plans across the municipality's
        # programmes (read only), buys interventions.
        ACCOUNT_HOLDER = "accounthouder", _("Accounthouder")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    # A gebiedsadviseur per gebied: with areas, the writing role holds only for programmes of
    # these areas and the areas inside them; the others of the organisation stay readable.
    areas = models.ManyToManyField(
        "areas.Area",
        verbose_name=_("beperkt tot gebieden"),
        blank=True,
        related_name="+",
        help_text=_(
            "Leeg: alle gebieden. Met gebieden bewerkt dit lid alleen programma's van deze "
            "gebieden (en de gebieden daarbinnen); de andere leest het alleen."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="membership_unique")
        ]
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")

    def __str__(self) -> str:
        return f"{self.user} — {self.organisation} ({self.get_role_display()})"


class ApiToken(models.Model):
    """A personal API token. Only a SHA-256 hash is stored; the token is shown once."""

    PREFIX = "dui_"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("naam"), max_length=100, blank=True)
    key_hash = models.CharField(max_length=64, unique=True)
    hint = models.CharField(max_length=12)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("API-sleutel")
        verbose_name_plural = _("API-sleutels")

    def __str__(self) -> str:
        return f"{self.user} {self.hint}…"

    @staticmethod
    def hash_key(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()

    @classmethod
    def generate(cls) -> str:
        return cls.PREFIX + secrets.token_urlsafe(32)
