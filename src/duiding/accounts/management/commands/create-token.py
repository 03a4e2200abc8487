from django.core.management.base import BaseCommand, CommandError

from duiding.accounts.models import User
from duiding.accounts.services import token_create


class Command(BaseCommand):
    help = "Create a personal API token for a user and print it (use as 'Authorization: Bearer <token>')."

    def add_arguments(self, parser):
        parser.add_argument("--user", required=True, help="username")
        parser.add_argument("--name", default="", help="what the token is for")

    def handle(self, *args, **options):
        user = User.objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(f"Gebruiker '{options['user']}' bestaat niet.")
        _token, raw = token_create(user=user, name=options["name"])
        self.stdout.write(raw)
