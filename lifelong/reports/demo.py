"""Demo reports (load_demo): living totals and rates for a newcomer. Idempotent.

Tây Mỗ's school and two residential groups report on time, the third late, one office is missing and
the office that collects the reports is excused; Sở Y tế's two units report; Ya Ly's first village
reports; Tây Mỗ reports its own numbers to Hà Nội. The reports are submitted as of October 2025 (the
system-only `submitted_at` of report_submit), as if they had come in then.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import transaction

from lifelong.campaigns.models import Campaign
from lifelong.orgs.demo import HANOI, TAY_MO, YA_LY, demo_unit
from lifelong.reports import services
from lifelong.reports.models import GROUPS, ExpectedReporter, Report
from lifelong.reports.validation import field_name

TZ = ZoneInfo("Asia/Ho_Chi_Minh")

# (parent code, unit name or None, day of October 2025 it reported on)
DEMO_REPORTS = [
    (TAY_MO, "Trường THCS Nguyễn Quý Đức", 14),
    (TAY_MO, "Tổ dân phố số 1", 13),
    (TAY_MO, "Tổ dân phố số 2", 15),
    (TAY_MO, "Tổ dân phố số 3", 17),  # late: due 15/10
    (HANOI, "Sở Y tế Hà Nội", None),  # placeholder resolved below for its units
    (YA_LY, "Thôn 1", 12),
    (HANOI, "Phường Tây Mỗ", 16),
]
SOYTE_UNITS = [("Bệnh viện Đa khoa Hà Đông", 9), ("Trung tâm Kiểm soát bệnh tật Hà Nội", 10)]


def _numbers(seed: int, campaign: Campaign) -> dict[str, str]:
    """Plausible, consistent figures for one unit."""
    data = {"v.a1": "yes", "v.a3": str(seed % 3), "v.b1": str(2 + seed % 4), "v.b2": str(5 + seed % 7),
            "v.b3": str(4 + seed % 5), "v.b4": "1", "v.b6": str(seed % 2), "v.c1": str(1 + seed % 3),
            "v.c4": "1", "v.d1": "1", "v.e1": str(seed % 2), "v.e3": "1", "v.g1": str(seed % 2), "v.g2": "0",
            "v.r1": str(2_000_000 + 500_000 * (seed % 5)), "v.r2": str(1_000_000 * (seed % 3)), "v.r3": str(seed % 4),
            "v.dd1": "0", "v.dd2": "1", "v.dd3": str(50 + 10 * seed), "v.dd4": str(seed % 2), "v.m1": "1"}
    by_code = {i.code: i for i in campaign.indicators.all()}
    for code, base in (("a2", 40), ("b5", 20), ("c2", 15), ("d2", 10), ("e2", 5), ("g3", 3), ("t2", 90)):
        for i, group in enumerate(GROUPS):
            data[field_name(by_code[code], group)] = str(base + 3 * seed + 5 * i)
    data["v.c3"] = str(2 + seed % 3)
    data["v.t3"] = str(5 + seed % 4)
    data["v.t1"] = "12"
    data["n.overall"] = "Đơn vị đã tổ chức đầy đủ các hoạt động hưởng ứng Tuần lễ theo kế hoạch."
    return data


def _submit(campaign: Campaign, unit, day: int, seed: int) -> bool:
    report = services.report_for(unit, campaign)
    if report.status != Report.Status.DRAFT or (report.pk and report.values.exists()):
        return False
    data = _numbers(seed, campaign)
    narrative = {k[2:]: v for k, v in data.items() if k.startswith("n.")}
    report = services.report_save(actor=None, report=report, lock_version=report.lock_version, data=data,
                                  narrative=narrative)
    submitted_at = datetime(2025, 10, day, 9, 30, tzinfo=TZ)
    report, _warnings = services.report_submit(actor=None, report=report, lock_version=report.lock_version,
                                               submitted_at=submitted_at)
    report.events.filter(action="submitted").update(created_at=submitted_at)
    return True


@transaction.atomic
def load_demo_reports() -> dict[str, int]:
    campaign = Campaign.objects.get(year=2025)
    services.report_form_install_default(actor=None, campaign=campaign)
    submitted = 0
    entries = [(code, name, day) for code, name, day in DEMO_REPORTS if day is not None]
    entries += [((HANOI, "Sở Y tế Hà Nội"), name, day) for name, day in SOYTE_UNITS]
    for seed, (parent, name, day) in enumerate(entries, start=1):
        parent_unit = demo_unit(*parent) if isinstance(parent, tuple) else demo_unit(parent)
        unit = demo_unit(parent_unit.code, name) if parent_unit.code else parent_unit.children.get(name=name)
        submitted += _submit(campaign, unit, day, seed)
    collector = ExpectedReporter.objects.filter(campaign=campaign, unit__name="Phòng Văn hoá - Xã hội",
                                                unit__parent__code=TAY_MO, excused=False).first()
    if collector is not None:
        services.expected_reporter_excuse(actor=None, reporter=collector,
                                          reason="Đơn vị tiếp nhận và tổng hợp báo cáo của phường.")
    school_report = Report.objects.filter(campaign=campaign, unit__name="Trường THCS Nguyễn Quý Đức",
                                          status=Report.Status.SUBMITTED).first()
    if school_report is not None:
        services.report_accept(actor=None, report=school_report, lock_version=school_report.lock_version)
    return {"reports": submitted}
