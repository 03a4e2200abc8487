from django.core.management.base import BaseCommand, CommandError

from duiding.demo.services import demo_load, demo_logins
from duiding.demo.steps import DEFAULT_PASSWORD, PASSWORD_ENV, STEPS


class Command(BaseCommand):
    help = (
        "Load the demo: real CBS excerpts for Rotterdam (gebieden, youth care 2015-2023), "
        "'s-Gravenhage (KWB 2024 down to buurt level), the country and their boundaries, through "
        "the real import pipeline; then organisations and the demo users. Idempotent: running it "
        f"again changes nothing. Password: ${PASSWORD_ENV} or '{DEFAULT_PASSWORD}'."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--only",
            action="append",
            choices=[s.key for s in STEPS],
            help="run only this step (repeatable)",
        )
        parser.add_argument("--password", default=None, help="password of the demo users")

    def handle(self, *args, **options):
        verbose = options["verbosity"] > 1
        log = self.stdout.write if verbose else (lambda line: None)
        report = demo_load(password=options["password"], only=options["only"], log=log)
        for step in STEPS:
            if step.key in report.changes:
                n = report.changes[step.key]
                self.stdout.write(
                    f"{step.title}: {n} gewijzigd" if n else f"{step.title}: al aanwezig"
                )
        if report.errors:
            for error in report.errors:
                self.stderr.write(error)
            raise CommandError("De demo is niet volledig geladen; zie de meldingen hierboven.")
        if not report.changed:
            self.stdout.write("Niets gewijzigd: de demo was al geladen.")
        self.stdout.write("")
        self.stdout.write("Demologins (wachtwoord voor alle gebruikers hetzelfde):")
        for username, password, label in demo_logins(options["password"]):
            self.stdout.write(f"  {username:<15} {password}   ({label})")
