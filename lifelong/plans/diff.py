"""What a plan changed compared with another (its parent's, or its previous version), section by section."""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from lifelong.plans.models import Plan
from lifelong.plans.selectors import plan_items

_TOKENS = re.compile(r"\s+|\S+\s*")  # a word keeps its trailing space, so changed runs stay whole


@dataclass
class SectionDiff:
    key: str
    label: str
    other_text: str
    own_text: str

    @property
    def changed(self) -> bool:
        return self.other_text.strip() != self.own_text.strip()

    @property
    def html(self) -> SafeString:
        return word_diff_html(self.other_text, self.own_text)


def word_diff_html(old: str, new: str) -> SafeString:
    """The new text with removed words in <del> and added words in <ins>, everything escaped."""
    old_tokens, new_tokens = _TOKENS.findall(old), _TOKENS.findall(new)
    out = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape("".join(new_tokens[b1:b2])))
            continue
        if op in ("delete", "replace"):
            out.append(f"<del>{escape(''.join(old_tokens[a1:a2]))}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{escape(''.join(new_tokens[b1:b2]))}</ins>")
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped


def _date(day) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def plan_sections(plan: Plan) -> list[tuple[str, str, str]]:
    """(key, label, text) for every section a reader compares."""
    items = plan_items(plan)
    sections = [
        ("title", _("Title"), plan.title),
        ("legal_bases", _("Legal bases"), "\n".join(b.sentence() for b in items["legal_bases"])),
        ("purposes", _("Purposes and requirements"), plan.purposes),
        ("theme", _("Theme"), plan.theme),
        ("time_and_venue", _("Time and venue"), "\n".join(filter(None, [
            plan.time_and_venue,
            f"{_('Week')}: {_date(plan.week_start)} – {_date(plan.week_end)}" if plan.week_start else "",
            f"{_('Opening ceremony')}: {_date(plan.opening_date)} {plan.opening_venue}".strip()
            if plan.opening_date or plan.opening_venue else "",
        ]))),
    ]
    by_category: dict[str, list[str]] = {}
    labels: dict[str, str] = {}
    for activity in items["activities"]:
        key = activity.category.code if activity.category else "other"
        labels[key] = str(activity.category) if activity.category else _("Other activities")
        by_category.setdefault(key, []).append(activity.text)
    for key, texts in by_category.items():
        sections.append((f"activity:{key}", labels[key], "\n".join(texts)))
    sections += [
        ("budget", _("Budget"), "\n".join(filter(None, [plan.budget_state, plan.budget_social]))),
        ("assignments", _("Implementation"), "\n".join(
            f"{a.assignee} ({a.get_role_display()}): {a.task}" for a in items["assignments"])),
        ("reporting", _("Reporting"), " ".join(filter(None, [_date(plan.report_due), plan.report_to_text or (
            plan.report_to.name if plan.report_to_id else "")]))),
        ("recipients", _("Distribution list"), plan.recipients),
    ]
    return sections


def compare(plan: Plan, other: Plan) -> list[SectionDiff]:
    """Sections of `plan` next to the same sections of `other` (missing ones count as empty)."""
    own = plan_sections(plan)
    theirs = {key: text for key, _label, text in plan_sections(other)}
    result = [SectionDiff(key, label, theirs.pop(key, ""), text) for key, label, text in own]
    for key, label, text in plan_sections(other):
        if key in theirs:  # sections the other plan has and this one dropped
            result.append(SectionDiff(key, label, text, ""))
    return result
