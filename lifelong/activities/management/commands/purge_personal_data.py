from django.conf import settings
from django.core.management.base import BaseCommand

from lifelong.activities.services import registrations_purge_expired


class Command(BaseCommand):
    help = ("Erase the names, phones and e-mails of registrations whose session ended more than "
            "REGISTRATION_RETENTION_DAYS ago (counts are kept). Run once a day, e.g. by cron.")

    def handle(self, *args, **options):
        count = registrations_purge_expired()
        self.stdout.write(f"purge_personal_data: {count} registrations older than "
                          f"{settings.REGISTRATION_RETENTION_DAYS} days erased.")
