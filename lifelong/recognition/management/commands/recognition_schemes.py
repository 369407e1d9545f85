from django.core.management.base import BaseCommand

from lifelong.recognition.schemes import schemes_install


class Command(BaseCommand):
    help = "Install the recognition schemes shipped as data (new ones created, unused ones rewritten, used ones kept)."

    def handle(self, *args, **options):
        counts = schemes_install()
        self.stdout.write(", ".join(f"{n} {what}" for what, n in counts.items()))
