"""duiding export-factors PATH [--framework SLUG]: the factor model as an Excel file."""

from pathlib import Path

from django.core.management.base import BaseCommand

from duiding.frameworks.factors.excel import factors_export
from duiding.frameworks.management.commands._factors_cli import framework_arg


class Command(BaseCommand):
    help = "Export the factor model of a framework to .xlsx (one sheet 'Factoren')."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the .xlsx to write")
        parser.add_argument("--framework", default="", help="slug (default: the default one)")

    def handle(self, *args, **options):
        framework = framework_arg(options["framework"])
        path = Path(options["path"])
        path.write_bytes(factors_export(framework))
        count = framework.factors.count()
        self.stdout.write(f"{count} factoren van {framework.name} geschreven naar {path}.")
