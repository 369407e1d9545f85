from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

from lifelong.orgs.demo import DEMO_PASSWORD, DEMO_USERS


class Command(BaseCommand):
    help = "Add the 2025 demo: the seed cascade's units, one user per level, the campaign and its plans."

    def add_arguments(self, parser):
        parser.add_argument("--print-logins", action="store_true", help="print the demo logins")

    def handle(self, *args, **options):
        # Each app adds its own part of the demo (settings.DEMO_LOADERS), in order; each is idempotent.
        for path in settings.DEMO_LOADERS:
            counts = import_string(path)()
            summary = ", ".join(f"{n} {what}" for what, n in counts.items())
            self.stdout.write(f"load_demo: {summary} added ({path.rsplit('.', 2)[-2]}).")
        if options["print_logins"]:
            self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD}):")
            for username, full_name, (_code, _name), role in DEMO_USERS:
                self.stdout.write(f"  {username:<8} {role:<7} {full_name}")
            for path in getattr(settings, "DEMO_EXTRA_LOGINS", []):  # other apps' demo accounts
                for login, kind, description in import_string(path):
                    self.stdout.write(f"  {login:<8} {kind:<7} {description}")
