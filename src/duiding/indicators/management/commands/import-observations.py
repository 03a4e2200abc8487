"""duiding import-observations PATH [--organisation SLUG]: a municipality's own long file."""

from django.core.management.base import BaseCommand, CommandError

from duiding.accounts.models import Organisation, User
from duiding.indicators.importing.report import cli_import
from duiding.jobs.models import ImportRun


class Command(BaseCommand):
    help = (
        "Import a long CSV or Excel file of own figures (gebiedscode, indicator, periode, waarde, "
        "optional teller/noemer), all-or-nothing, and print the Dutch report. With --organisation "
        "the figures belong to that organisation; without it they are open to every user."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="CSV (; , or tab) or .xlsx")
        parser.add_argument("--organisation", default="", help="slug of the owning organisation")
        parser.add_argument("--user", default="", help="username recorded as the importer")

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        organisation = None
        if options["organisation"]:
            organisation = Organisation.objects.filter(slug=options["organisation"]).first()
            if organisation is None:
                raise CommandError(f"Organisatie '{options['organisation']}' bestaat niet.")
        user = None
        if options["user"]:
            user = User.objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"Gebruiker '{options['user']}' bestaat niet.")
        cli_import(
            self,
            kind=ImportRun.Kind.OBSERVATIONS,
            path=options["path"],
            organisation=organisation,
            user=user,
        )
