from django.core.management.base import BaseCommand

from lifelong.learners.reminders import send_learner_reminders


class Command(BaseCommand):
    help = "Remind learners who asked of the sessions they registered for tomorrow. Run once a day (cron)."

    def handle(self, *args, **options):
        self.stdout.write(f"send_learner_reminders: {send_learner_reminders()} registrations reminded.")
