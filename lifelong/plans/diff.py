"""What a plan changed compared with another (its parent's, or its previous version), section by section."""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from lifelong.plans.models import Plan
from lifelong.plans.selectors import plan_items

_WORDS = re.compile(r"(\S+)(\s*)")  # a word and the whitespace after it


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


def _words(text: str) -> tuple[str, list[tuple[str, str]]]:
    """(leading whitespace, [(word, whitespace after it)])."""
    lead = text[:len(text) - len(text.lstrip())]
    return lead, _WORDS.findall(text)


def _run(tokens: list[tuple[str, str]]) -> str:
    """Words joined by the whitespace between them, without the whitespace after the last one."""
    return escape("".join(word + space for word, space in tokens).rstrip())


def word_diff_html(old: str, new: str) -> SafeString:
    """The new text with removed words in <del> and added words in <ins>, everything escaped.

    Words are compared whole, whitespace aside. Every run of words (kept, removed or added) is separated
    from the next by whitespace, so the text without the markup reads "năm 2025 2026", never "năm 20252026",
    for a copy-paste and a screen reader alike.
    """
    old_lead, old_tokens = _words(old)
    new_lead, new_tokens = _words(new)
    opcodes = difflib.SequenceMatcher(a=[w for w, _s in old_tokens], b=[w for w, _s in new_tokens],
                                      autojunk=False).get_opcodes()
    out = [escape(new_lead)]
    for index, (op, a1, a2, b1, b2) in enumerate(opcodes):
        if op == "equal":
            out.append(_run(new_tokens[b1:b2]))
        if op in ("delete", "replace"):
            out.append(f"<del>{_run(old_tokens[a1:a2])}</del>")
        if op == "replace":
            out.append(" ")
        if op in ("insert", "replace"):
            out.append(f"<ins>{_run(new_tokens[b1:b2])}</ins>")
        after = old_tokens[a2 - 1][1] if op == "delete" else new_tokens[b2 - 1][1]
        if index < len(opcodes) - 1:
            out.append(escape(after) or " ")
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped


def _date(day) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


def _fields_text(values: list[tuple[str, str]]) -> str:
    """One "Label: value" line per field (the model's own labels), "—" for an empty one, so that both
    plans have the same lines and a changed value shows as a changed word of its line."""
    return "\n".join(f"{capfirst(Plan._meta.get_field(name).verbose_name)}: {value or '—'}" for name, value in values)


def _header_text(plan: Plan) -> str:
    return _fields_text([
        ("doc_kind", plan.get_doc_kind_display()),
        ("parent_body_line", plan.parent_body_line),
        ("issuing_body_line", " / ".join(_lines(plan.issuing_body_line))),
        ("number", plan.number),
        ("symbol", plan.symbol),
        ("issue_place", plan.issue_place),
        ("issue_date", _date(plan.issue_date)),
        ("addressees", "; ".join(_lines(plan.addressees))),
    ])


def _signature_text(plan: Plan) -> str:
    return _fields_text([
        ("signature_mode", plan.get_signature_mode_display()),
        ("signature_authority", plan.signature_authority),
        ("signature_title", plan.signature_title),
        ("signer_name", plan.signer_name),
    ])


def plan_sections(plan: Plan) -> list[tuple[str, str, str]]:
    """(key, label, text) for every section a reader compares."""
    items = plan_items(plan)
    sections = [
        ("header", _("Header"), _header_text(plan)),
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
        ("signature", _("Signature"), _signature_text(plan)),
    ]
    return sections


def compare(plan: Plan, other: Plan) -> list[SectionDiff]:
    """Sections of `plan` next to the same sections of `other` (missing ones count as empty)."""
    own, other_sections = plan_sections(plan), plan_sections(other)
    theirs = {key: text for key, _label, text in other_sections}
    result = [SectionDiff(key, label, theirs.pop(key, ""), text) for key, label, text in own]
    for key, label, text in other_sections:
        if key in theirs:  # sections the other plan has and this one dropped
            result.append(SectionDiff(key, label, text, ""))
    return result
