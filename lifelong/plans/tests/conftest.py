from datetime import date

import pytest

from lifelong.campaigns.services import campaign_create
from lifelong.plans import services


@pytest.fixture
def campaign(tree):
    return campaign_create(actor=None, owner=tree.ministry, year=2025,
                           theme="Học tập suốt đời trong kỷ nguyên số: làm chủ tri thức và công nghệ",
                           start_date=date(2025, 10, 1), end_date=date(2025, 10, 7))


def publish_plan(unit, campaign, *, number="", issue_date=None, report_due=None, **fields):
    """A published plan of `unit`, made through the services as a user would."""
    plan = services.plan_create_draft(actor=None, unit=unit, campaign=campaign)
    categories = {c.code: c.pk for c in campaign.categories.all()}
    plan = services.plan_update(
        actor=None, plan=plan, lock_version=plan.lock_version,
        fields={"number": number, "issue_date": issue_date, "report_due": report_due, **fields},
        legal_bases=[{"intro": "Căn cứ", "kind": "Quyết định", "number": "1373/QĐ-TTg", "date": date(2021, 7, 30),
                      "issuer": "Thủ tướng Chính phủ",
                      "subject": "phê duyệt Đề án “Xây dựng xã hội học tập giai đoạn 2021 - 2030”"}],
        activities=[{"category": categories["opening"], "text": "Tổ chức Lễ khai mạc Tuần lễ."},
                    {"category": categories["digital_skills"], "text": "Tập huấn kỹ năng số cho người dân."}])
    return services.plan_publish(actor=None, plan=plan, lock_version=plan.lock_version).plan


@pytest.fixture
def hanoi_plan(tree, campaign):
    return publish_plan(tree.hanoi, campaign, number="262", issue_date=date(2025, 9, 25),
                        report_due=date(2025, 10, 20), purposes="Nâng cao nhận thức về học tập suốt đời.",
                        time_and_venue="Từ ngày 01/10/2025 đến ngày 07/10/2025.",
                        budget_state="Ngân sách nhà nước theo phân cấp.")
