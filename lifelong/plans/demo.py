"""The 2025 campaign and the cascade of the seed documents as plans (used by load_demo). Idempotent."""

from datetime import date

from django.db import transaction

from lifelong.campaigns.models import Campaign
from lifelong.campaigns.services import campaign_create
from lifelong.core.text import search_key
from lifelong.orgs.models import OrgUnit
from lifelong.plans import services
from lifelong.plans.demo_data import DEMO_PLANS
from lifelong.plans.models import Plan

THEME_2025 = "Học tập suốt đời trong kỷ nguyên số: làm chủ tri thức và công nghệ"


def _find_in_subtree(unit: OrgUnit, name: str) -> OrgUnit | None:
    if not name:
        return None
    key = search_key(name)
    for candidate in OrgUnit.objects.filter(path__startswith=unit.path):
        if search_key(candidate.name) == key:
            return candidate
    return None


def demo_campaign() -> Campaign:
    campaign = Campaign.objects.filter(year=2025).first()
    if campaign is None:
        ministry = OrgUnit.objects.get(code="BGDDT")
        ministry_letter = DEMO_PLANS[0]
        campaign = campaign_create(
            actor=None, owner=ministry, year=2025, theme=ministry_letter.get("theme") or THEME_2025,
            start_date=date(2025, 10, 1), end_date=date(2025, 10, 7), opening_date=date(2025, 10, 1))
    return campaign


def _load_one(campaign: Campaign, entry: dict) -> bool:
    unit = OrgUnit.objects.get(code=entry["unit_code"])
    if entry.get("unit_name"):
        unit = OrgUnit.objects.get(parent=unit, name=entry["unit_name"])
    if Plan.objects.filter(unit=unit, campaign=campaign).exists():
        return False
    if services.parent_plan(unit, campaign) is not None:
        plan = services.plan_derive(actor=None, unit=unit, campaign=campaign)
    else:
        plan = services.plan_create_draft(actor=None, unit=unit, campaign=campaign, doc_kind=entry["doc_kind"])
    categories = {c.code: c.pk for c in campaign.categories.all()}
    report_to = _find_in_subtree(unit, entry.get("report_to", "")) or unit
    signature = entry.get("signature") or {}
    fields = {
        "doc_kind": entry["doc_kind"], "number": entry.get("number", ""), "symbol": entry.get("symbol", ""),
        "issue_date": entry.get("issue_date"), "report_due": entry.get("report_due"), "report_to": report_to,
        "report_to_text": entry.get("report_to", ""),
        "addressees": "\n".join(entry.get("addressees") or []), "recipients": "\n".join(entry.get("recipients") or []),
        "signature_mode": signature.get("mode", ""), "signature_authority": signature.get("authority", ""),
        "signature_title": signature.get("title", ""), "signer_name": signature.get("name", ""),
    }
    for name in ("issue_place", "parent_body_line", "issuing_body_line", "title", "purposes", "theme",
                 "time_and_venue", "opening_venue", "budget_state", "budget_social"):
        if entry.get(name):
            fields[name] = entry[name]
    for name in ("week_start", "week_end", "opening_date"):
        if entry.get(name):
            fields[name] = entry[name]
    activities = [{"category": categories.get(code), "text": text}
                  for code, text in (entry.get("activities") or {}).items() if text]
    assignments = []
    for item in entry.get("assignments") or []:
        child = _find_in_subtree(unit, item.get("assignee", ""))
        assignments.append({"assignee": item.get("assignee", ""), "role": item.get("role") or "lead",
                            "task": item.get("task", ""), "unit": child.pk if child and child != unit else None})
    plan = services.plan_update(
        actor=None, plan=plan, lock_version=plan.lock_version, fields=fields,
        legal_bases=entry.get("legal_bases") or None, activities=activities or None,
        assignments=assignments or None)
    services.plan_publish(actor=None, plan=plan, lock_version=plan.lock_version)
    return True


@transaction.atomic
def load_demo_plans() -> dict[str, int]:
    campaign = demo_campaign()
    created = sum(1 for entry in DEMO_PLANS if _load_one(campaign, entry))
    return {"plans": created}
