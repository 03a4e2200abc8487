"""duiding recompute-progress [--programme ID]: evaluate the progress of societal results again."""

from django.core.management.base import BaseCommand, CommandError

from duiding.programmes.models import Programme
from duiding.results.models import SocietalResult
from duiding.results.progress import recompute


class Command(BaseCommand):
    help = (
        "Evaluate the progress of every societal result (or those of one programme) with the "
        "figures loaded now; a new evaluation is stored only when a verdict or period changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--programme", type=int, default=None, help="only this programme (id)")

    def handle(self, *args, **options):
        results = SocietalResult.objects.select_related(
            "programme", "programme__area", "programme__organisation"
        )
        if options["programme"] is not None:
            if not Programme.objects.filter(pk=options["programme"]).exists():
                raise CommandError(f"Programma {options['programme']} bestaat niet.")
            results = results.filter(programme_id=options["programme"])
        total = changed = 0
        for result in results:
            total += 1
            changed += recompute(result) is not None
        self.stdout.write(
            f"{total} resultaat/resultaten beoordeeld; {changed} met een nieuw oordeel."
        )
