"""duiding compute-derived [--indicator CODE]: (re)compute derived indicators for all areas."""

from django.core.management.base import BaseCommand, CommandError

from duiding.indicators.derived import derived_compute
from duiding.indicators.models import Indicator


class Command(BaseCommand):
    help = (
        "Compute derived indicators (numerator / denominator x multiplier) for every area, period "
        "and category where both parts exist. Versioned: unchanged values stay as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument("--indicator", default="", help="only this derived indicator (code)")

    def handle(self, *args, **options):
        indicator = None
        if options["indicator"]:
            indicator = Indicator.objects.filter(code=options["indicator"]).first()
            if indicator is None or not indicator.is_derived:
                raise CommandError(
                    f"'{options['indicator']}' is geen afgeleide indicator in Duiding."
                )
        count = derived_compute(indicator=indicator)
        derived = Indicator.objects.filter(numerator__isnull=False, denominator__isnull=False)
        if indicator is not None:
            derived = derived.filter(pk=indicator.pk)
        self.stdout.write(
            f"{derived.count()} afgeleide indicator(en) berekend; {count} waarden nieuw of herzien."
        )
