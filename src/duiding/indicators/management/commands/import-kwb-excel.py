"""duiding import-kwb-excel PATH --year YYYY: the KWB Excel release of CBS (kwb-YYYY.xlsx)."""

from django.core.management.base import BaseCommand, CommandError

from duiding.accounts.models import User
from duiding.indicators.importing.report import cli_import
from duiding.jobs.models import ImportRun


class Command(BaseCommand):
    help = (
        "Import a KWB Excel release of CBS (kwb-YYYY.xlsx, short keys like a_inw, '.' = secret) "
        "for one year, all-or-nothing, and print the Dutch report."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="kwb-YYYY.xlsx (or the same layout as CSV)")
        parser.add_argument("--year", type=int, required=True, help="release year, e.g. 2024")
        parser.add_argument("--user", default="", help="username recorded as the importer")

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        user = None
        if options["user"]:
            user = User.objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"Gebruiker '{options['user']}' bestaat niet.")
        cli_import(
            self,
            kind=ImportRun.Kind.KWB_EXCEL,
            path=options["path"],
            options={"year": options["year"]},
            user=user,
        )
