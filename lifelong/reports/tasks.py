"""Background tasks of reporting (django-tasks, run by `manage.py db_worker`)."""

from django_tasks import task

from lifelong.reports import reminders


@task()
def send_reminders(campaign_id: int, unit_ids: list[int], kind: str) -> int:
    return reminders.send_reminders_now(campaign_id, unit_ids, kind)


@task()
def send_return_notice(event_id: int) -> bool:
    return reminders.send_return_notice_now(event_id)
