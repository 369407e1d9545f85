from django.core.management.base import BaseCommand

from lifelong.recognition.reminders import send_recognition_reminders


class Command(BaseCommand):
    help = "Remind units that have not applied, 30 and 7 days before their recognition dossier is due. Run daily."

    def handle(self, *args, **options):
        self.stdout.write(f"send_recognition_reminders: {send_recognition_reminders()} units reminded.")
