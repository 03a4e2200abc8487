"""Shared by `duiding import-factors` and `duiding export-factors`: the framework argument."""

from django.core.management.base import CommandError

from duiding.frameworks.models import Framework


def framework_arg(slug: str) -> Framework:
    if slug:
        framework = Framework.objects.filter(slug=slug).first()
        if framework is None:
            raise CommandError(f"Raamwerk '{slug}' bestaat niet.")
        return framework
    framework = Framework.objects.filter(is_default=True).first()
    if framework is None:
        raise CommandError("Er is geen standaardraamwerk; geef --framework SLUG.")
    return framework
