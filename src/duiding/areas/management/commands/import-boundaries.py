from django.core.management.base import BaseCommand, CommandError

from duiding.areas.boundaries import BoundaryFileError
from duiding.areas.codes import level_for_code, normalise_code
from duiding.areas.services import boundaries_import


class Command(BaseCommand):
    help = (
        "Import area boundaries from a TopoJSON or GeoJSON file (lon/lat). Features are matched on "
        "their CBS code (property 'statcode' or the feature id); the geometry is simplified and "
        "stored on the area. All-or-nothing; running it twice changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="TopoJSON or GeoJSON file")
        parser.add_argument(
            "--create-missing",
            action="store_true",
            help="create areas that are in the file but not in the database (name from 'statnaam')",
        )
        parser.add_argument(
            "--gemeente",
            default=None,
            help="only areas of this municipality, e.g. GM0599 (the gemeente, its wijken and buurten)",
        )
        parser.add_argument(
            "--decimals", type=int, default=5, help="round coordinates (default 5, about 1 m)"
        )
        parser.add_argument(
            "--min-hectare",
            type=float,
            default=0.0,
            help="drop separate parts (islands) smaller than this; the largest part is always kept",
        )

    def handle(self, *args, **options):
        gemeente = options["gemeente"]
        if gemeente and level_for_code(normalise_code(gemeente)) != "gemeente":
            raise CommandError(
                f"--gemeente {gemeente!r} is geen gemeentecode; gebruik bijvoorbeeld GM0599."
            )
        if not 0 <= options["decimals"] <= 8:
            raise CommandError("--decimals moet tussen 0 en 8 liggen.")
        try:
            report = boundaries_import(
                path=options["path"],
                create_missing=options["create_missing"],
                decimals=options["decimals"],
                min_hectare=options["min_hectare"],
                municipality=gemeente,
            )
        except BoundaryFileError as exc:
            raise CommandError(f"{exc} Er is niets opgeslagen.") from exc
        for line in report.lines():
            self.stdout.write(line)
