from django.core.management.base import BaseCommand

from lifelong.reports.reminders import queue_due_reminders


class Command(BaseCommand):
    help = "Queue the automatic reminders (3 days before the due date and on it). Run once a day, e.g. by cron."

    def handle(self, *args, **options):
        self.stdout.write(f"send_due_reminders: {queue_due_reminders()} reminders queued.")
