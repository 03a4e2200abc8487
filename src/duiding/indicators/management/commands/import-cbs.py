"""duiding import-cbs PATH [--properties DataProperties.json] [--period 2024]: a CBS StatLine table."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from duiding.accounts.models import User
from duiding.indicators.importing.report import cli_import
from duiding.jobs.models import ImportRun


class Command(BaseCommand):
    help = (
        "Import a CBS StatLine table as the CBS open-data API delivers it (';', UTF-8 with BOM), "
        "all-or-nothing and versioned, and print the Dutch report. Exits non-zero on failure."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the table as CSV, e.g. 85685NED.csv")
        parser.add_argument(
            "--properties", default="", help="the table's DataProperties JSON (titles, units)"
        )
        parser.add_argument(
            "--period", default="", help="period of a table without Perioden column, e.g. 2024"
        )
        parser.add_argument("--user", default="", help="username recorded as the importer")

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        user = None
        if options["user"]:
            user = User.objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"Gebruiker '{options['user']}' bestaat niet.")
        run_options = {}
        if options["properties"]:
            properties = Path(options["properties"])
            if not properties.is_file():
                raise CommandError(f"Het bestand '{properties}' bestaat niet.")
            run_options["properties"] = str(properties.resolve())
        if options["period"]:
            run_options["period"] = options["period"]
        cli_import(
            self,
            kind=ImportRun.Kind.CBS,
            path=Path(options["path"]).resolve(),
            options=run_options,
            user=user,
        )
