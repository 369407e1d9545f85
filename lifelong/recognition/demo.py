"""The recognition demo: the 2025 self-assessments of Tây Mỗ and Ya Ly and their reviews, households of a
residential group, and the demo learners' "Công dân học tập" self-assessments.

- Phường Tây Mỗ self-assessed as "Cộng đồng học tập cấp xã" 2025, every level-1 indicator met, its Week plan
  and report linked as evidence; Hà Nội accepted it at level 1 and issued decision 125/QĐ-UBND.
- Xã Ya Ly did the same; Quảng Ngãi accepted it, and its decision is still a draft.
- Tổ dân phố số 1 (Tây Mỗ) registered twelve households and a clan; nine households passed and were accepted
  by the ward; the decision is a draft.
- Nguyễn Thị Lan passed "Công dân học tập" (86 points); Trần Văn Minh's self-assessment is a draft.
Every step goes through the services, as the people would. Idempotent: a second run changes nothing.
"""

from datetime import date
from decimal import Decimal

from django.db import transaction

from lifelong.orgs.demo import DEMO_PASSWORD, QUANG_NGAI, TAY_MO, YA_LY, demo_unit
from lifelong.orgs.models import Membership, OrgUnit, User
from lifelong.plans.models import Plan
from lifelong.recognition import decisions, evidence, households, services
from lifelong.recognition.models import Answer, Assessment, Household, Indicator, Scheme
from lifelong.reports.models import Report

YEAR = 2025
COMMUNE_SCHEME, CITIZEN_SCHEME = "cdht-xa-tt25-2023", "cong-dan-hoc-tap-244-2022"
FAMILY_SCHEME = "gia-dinh-hoc-tap-khvn"
# Officials added by this part of the demo: Quảng Ngãi's reviewer, the residential group's leader.
DEMO_OFFICIALS = [("quangngai", "Cán bộ UBND tỉnh Quảng Ngãi", (QUANG_NGAI, None), Membership.Role.ADMIN),
                  ("tdp1", "Tổ trưởng Tổ dân phố số 1 (Tây Mỗ)", (TAY_MO, "Tổ dân phố số 1"), Membership.Role.EDITOR)]
DEMO_LOGINS = [("quangngai", "admin", "Cán bộ UBND tỉnh Quảng Ngãi (thẩm định hồ sơ)"),
               ("tdp1", "editor", "Tổ trưởng Tổ dân phố số 1, Tây Mỗ (gia đình học tập)")]
NOTES = {
    "1.1": "Tuyên truyền trên cổng thông tin phường, 12 tin bài; treo 20 băng rôn trong Tuần lễ.",
    "1.2": "Kế hoạch xây dựng xã hội học tập năm 2025 ban hành tháng 01/2025, thực hiện đầy đủ.",
    "1.3": "Kế hoạch, hoạt động và báo cáo Tuần lễ hưởng ứng học tập suốt đời 2025 trên nền tảng.",
}


def _official(username: str, full_name: str, place: tuple, role: str) -> User:
    user, created = User.objects.get_or_create(username=username, defaults={
        "full_name": full_name, "email": f"{username}@demo.lifelong.local"})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    Membership.objects.get_or_create(user=user, unit=demo_unit(*place), defaults={"role": role})
    return user


def _answer_all(assessment: Assessment, *, level: int, notes: dict[str, str]) -> None:
    answers = {}
    for indicator in Indicator.objects.filter(criterion__scheme=assessment.scheme):
        answers[indicator.pk] = {"met": indicator.level <= level, "note": notes.get(indicator.code, "")}
    services.answers_save(actor=assessment.created_by, assessment=assessment, answers=answers, summary=(
        f"{assessment.subject_name} tự đánh giá trên số liệu từ 01/01/{assessment.year} đến 31/12/{assessment.year}; "
        "cuộc họp ngày 15/01/2026 đã thống nhất kết quả."))


def _link_week_records(actor, assessment: Assessment) -> None:
    week = Indicator.objects.filter(criterion__scheme=assessment.scheme, code="1.3").first()
    plan = Plan.objects.filter(unit=assessment.unit, campaign__year=assessment.year).first()
    report = Report.objects.filter(unit=assessment.unit, campaign__year=assessment.year).first()
    for record in ([f"plan:{plan.pk}"] if plan else []) + ([f"report:{report.pk}"] if report else []):
        evidence.evidence_add(actor=actor, assessment=assessment, indicator=week, record=record)
    evidence.evidence_add(actor=actor, assessment=assessment, indicator=None, title="Trang tin của phường/xã",
                          url="https://example.vn/tin-tuc/tuan-le-hoc-tap-suot-doi-2025")


def _commune_dossier(code: str, official: str, reviewer: str, *, issue: bool) -> int:
    commune = OrgUnit.objects.get(code=code)
    scheme = Scheme.objects.get(code=COMMUNE_SCHEME)
    if Assessment.objects.filter(scheme=scheme, year=YEAR, unit=commune).exists():
        return 0
    actor = User.objects.get(username=official)
    assessment = services.assessment_open_for_unit(actor=actor, scheme=scheme, year=YEAR, unit=commune)
    _link_week_records(actor, assessment)
    _answer_all(assessment, level=1, notes=NOTES)
    assessment = services.assessment_submit(actor=actor, assessment=assessment, level=1)
    authority_user = User.objects.get(username=reviewer)
    assessment = services.assessment_accept(actor=authority_user, assessment=assessment, level=1,
                               comment="Hồ sơ đầy đủ, minh chứng rõ ràng.")
    decision = decisions.decision_prepare(actor=authority_user, authority=assessment.authority, scheme=scheme,
                                          year=YEAR)
    if issue:
        decision = decisions.decision_update(actor=authority_user, decision=decision, number="125",
                                             symbol=decision.symbol, issued_on=date(2026, 3, 20),
                                             signer_title="CHỦ TỊCH", signer_name="Nguyễn Văn Hà")
        decisions.decision_issue(actor=authority_user, decision=decision)
    return 1


def _households() -> int:
    village = demo_unit(TAY_MO, "Tổ dân phố số 1")
    if Household.objects.filter(unit=village).exists():
        return 0
    commune = OrgUnit.objects.get(code=TAY_MO)
    leader = User.objects.get(username="tdp1")
    scheme = Scheme.objects.get(code=FAMILY_SCHEME)
    names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Vũ Thị Giang",
             "Đặng Văn Hải", "Bùi Thị Hoa", "Đỗ Văn Khánh", "Ngô Thị Lan", "Dương Văn Minh", "Lý Thị Nga"]
    created = 0
    for index, name in enumerate(names):
        title = ("Gia đình ông " if index % 2 == 0 else "Gia đình bà ") + name
        household = households.household_create(actor=leader, commune=commune, unit=village, kind="family",
                                                name=title, members=3 + index % 4)
        created += 1
        if index < 9:
            assessment = services.assessment_open_for_household(actor=leader, scheme=scheme, year=YEAR,
                                                                household=household)
            Answer.objects.filter(assessment=assessment).update(met=True)
            services.assessment_submit(actor=leader, assessment=assessment)
    households.household_create(actor=leader, commune=commune, unit=village, kind="clan", name="Dòng họ Nguyễn Tây Mỗ",
                                members=140)
    ward_official = User.objects.get(username="taymo")
    for assessment in Assessment.objects.filter(household__unit=village, status=Assessment.Status.SUBMITTED):
        services.assessment_accept(actor=ward_official, assessment=assessment)
    decisions.decision_prepare(actor=ward_official, authority=commune, scheme=scheme, year=YEAR)
    return created + 1


def _citizens() -> int:
    scheme = Scheme.objects.get(code=CITIZEN_SCHEME)
    made = 0
    for username, points, submit in (("hocvien.lan", [9, 8, 9, 8, 9, 8, 9, 8, 9, 9], True),
                                     ("hocvien.minh", [8, 7, 6, 7, 8, 6, 7, 7, 8, 6], False)):
        user = User.objects.filter(username=username).select_related("learner__home_commune").first()
        if user is None or Assessment.objects.filter(scheme=scheme, citizen=user).exists():
            continue
        assessment = services.assessment_open_for_citizen(actor=user, scheme=scheme, year=YEAR,
                                                          home_commune=user.learner.home_commune)
        indicators = Indicator.objects.filter(criterion__scheme=scheme).order_by("criterion__position", "position")
        services.answers_save(actor=user, assessment=assessment, answers={
            i.pk: {"points": Decimal(p)} for i, p in zip(indicators, points, strict=False)})
        if submit:
            services.assessment_submit(actor=user, assessment=assessment)
        made += 1
    return made


@transaction.atomic
def load_demo_recognition() -> dict[str, int]:
    for username, full_name, place, role in DEMO_OFFICIALS:
        _official(username, full_name, place, role)
    dossiers = _commune_dossier(TAY_MO, "taymo", "hanoi", issue=True)
    dossiers += _commune_dossier(YA_LY, "yaly", "quangngai", issue=False)
    return {"commune dossiers": dossiers, "households": _households(), "citizen self-assessments": _citizens()}
