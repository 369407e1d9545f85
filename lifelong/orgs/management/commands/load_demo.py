from django.core.management.base import BaseCommand

from lifelong.orgs.demo import DEMO_PASSWORD, DEMO_USERS, load_demo_units_and_users


class Command(BaseCommand):
    help = "Add the 2025 demo cascade (Hà Nội, Tây Mỗ, Quảng Ngãi, Ya Ly) and one demo user per level."

    def add_arguments(self, parser):
        parser.add_argument("--print-logins", action="store_true", help="print the demo logins")

    def handle(self, *args, **options):
        counts = load_demo_units_and_users()
        self.stdout.write(f"load_demo: {counts['units']} units and {counts['users']} users added.")
        if options["print_logins"]:
            self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD}):")
            for username, full_name, (_code, _name), role in DEMO_USERS:
                self.stdout.write(f"  {username:<8} {role:<7} {full_name}")
