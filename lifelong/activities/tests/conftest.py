from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from lifelong.activities import services


def at(day: int, hour: int, month: int = 10, year: int = 2025) -> datetime:
    return datetime(year, month, day, hour, 0, tzinfo=timezone.get_current_timezone())


def future(days: int, hour: int = 8) -> datetime:
    base = timezone.localtime() + timedelta(days=days)
    return base.replace(hour=hour, minute=0, second=0, microsecond=0)


@pytest.fixture
def skills(tree, campaign):
    """A published digital-skills class of Phường Tây Mỗ with 2 places, in the future."""
    category = campaign.categories.get(code="digital_skills")
    return services.activity_create(
        actor=None, unit=tree.taymo, campaign=campaign, published=True,
        data={"category": category, "title": "Tập huấn kỹ năng số cho người cao tuổi", "venue_name": "Nhà văn hóa",
              "description": "Sử dụng điện thoại thông minh an toàn.", "capacity": 2,
              "registration_required": True, "target_groups": ["residents", "disadvantaged"]},
        sessions=[(future(3), future(3, 10))])


def sign_up(activity, name="Nguyễn Văn An", phone="0912345678", group="residents", **extra):
    outcome = services.registration_create(session=activity.sessions.first(), name=name, phone=phone, group=group,
                                           consent=True, **extra)
    return outcome.registration
