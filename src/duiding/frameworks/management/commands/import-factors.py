"""duiding import-factors PATH [--framework SLUG]: the factor model from an Excel file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from duiding.frameworks.factors.excel import FactorImportError, factors_import
from duiding.frameworks.management.commands._factors_cli import framework_arg
from duiding.indicators.models import Indicator


class Command(BaseCommand):
    help = (
        "Import a factor model (.xlsx, sheet 'Factoren') into a framework: an upsert by name, "
        "all-or-nothing; every refused row is reported in Dutch."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help=".xlsx with a sheet 'Factoren'")
        parser.add_argument("--framework", default="", help="slug (default: the default one)")

    def handle(self, *args, **options):
        framework = framework_arg(options["framework"])
        path = Path(options["path"])
        if not path.is_file():
            raise CommandError(f"Bestand '{path}' bestaat niet.")
        with path.open("rb") as handle:
            try:
                summary = factors_import(
                    framework=framework, file=handle, indicators=Indicator.objects.all()
                )
            except FactorImportError as refused:
                for message in refused.messages:
                    self.stderr.write(message)
                raise CommandError(
                    "Het bestand is niet ingelezen; er is niets veranderd."
                ) from None
        self.stdout.write(
            f"{framework.name}: {summary.created} nieuw, {summary.updated} bijgewerkt, "
            f"{summary.unchanged} ongewijzigd."
        )
