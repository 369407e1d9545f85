"""Background tasks of reporting (django-tasks, run by `manage.py db_worker`)."""

from django_tasks import task

from lifelong.reports import reminders


@task()
def deliver_reminders(log_ids: list[int]) -> int:
    return reminders.deliver(log_ids)
