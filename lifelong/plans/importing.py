"""From what the reader found in a document (lifelong.plans.reading) to the review page's forms, and the
passage each value came from. The review page's save goes through `services.plan_import`.

The reading travels between the upload and the save inside the page, signed, so that nothing is stored
before the user saves (a file that is read and never saved leaves no trace).
"""

from datetime import date

from django.core import signing

from lifelong.campaigns.models import Campaign
from lifelong.plans import services

SIGNING_SALT = "lifelong.plans.import"
MAX_AGE_SECONDS = 24 * 3600
PASSAGE_CHARS = 400

# Form field of the plan → field of the reading.
FIELD_SOURCES = {
    "doc_kind": "doc_kind", "number": "number", "symbol": "symbol", "issue_date": "issue_date",
    "issue_place": "issue_place", "parent_body_line": "parent_body", "issuing_body_line": "issuing_body",
    "title": "subject", "addressees": "addressees", "theme": "theme", "week_start": "week_start",
    "week_end": "week_end", "opening_date": "opening_date", "opening_venue": "opening_venue",
    "budget_state": "budget_state", "budget_social": "budget_social", "report_due": "report_due",
    "report_to_text": "report_to", "recipients": "recipients", "signature_mode": "signature_mode",
    "signature_authority": "signature_authority", "signature_title": "signature_title", "signer_name": "signer_name",
}
DOC_KINDS = {"Kế hoạch": "plan", "Công văn": "letter"}


def sign(reading: dict) -> str:
    return signing.dumps(reading, salt=SIGNING_SALT, compress=True)


def unsign(token: str) -> dict | None:
    """The reading of a review page, or None if the page is too old or was tampered with."""
    try:
        reading = signing.loads(token or "", salt=SIGNING_SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature:
        return None
    return reading if isinstance(reading, dict) and "fields" in reading and "text" in reading else None


def _value(reading: dict, name: str):
    return reading["fields"].get(name, {}).get("value")


def initial_fields(reading: dict) -> dict:
    initial = {}
    for form_name, source in FIELD_SOURCES.items():
        value = _value(reading, source)
        if value in (None, "", []):
            continue
        if form_name in services.DATE_FIELDS:
            value = date.fromisoformat(value)
        elif form_name == "doc_kind":
            value = DOC_KINDS.get(value, "plan")
        elif isinstance(value, list):
            value = "\n".join(item["name"] for item in value)
        initial[form_name] = value
    return initial


def campaign_for(reading: dict, campaigns) -> Campaign | None:
    year = _value(reading, "year")
    return next((c for c in campaigns if c.year == year), None)


def initial_legal_bases(reading: dict) -> list[dict]:
    return [{"intro": item["intro"], "kind": item["kind"], "number": item["number"],
             "date": date.fromisoformat(item["date"]) if item["date"] else None, "issuer": item["issuer"],
             "subject": item["subject"]} for item in _value(reading, "legal_bases") or []]


def initial_assignments(reading: dict) -> list[dict]:
    return [{"assignee": item["unit"], "role": item["role"], "task": item["task"]}
            for item in _value(reading, "assignments") or []]


def initial_activities(reading: dict, campaign: Campaign | None) -> dict[str, str]:
    """Texts per category id (or "other"), as the plan editor's activity boxes want them."""
    ids = {c.code: str(c.pk) for c in campaign.categories.all()} if campaign else {}
    grouped: dict[str, list[str]] = {}
    for item in _value(reading, "activities") or []:
        grouped.setdefault(ids.get(item["category"], "other"), []).append(item["text"])
    return {key: "\n".join(texts) for key, texts in grouped.items()}


def passage(text: str, span) -> str:
    if not span:
        return ""
    start, end = span
    excerpt = text[start:end].strip()
    return excerpt if len(excerpt) <= PASSAGE_CHARS else excerpt[:PASSAGE_CHARS].rstrip() + " …"


def sources(reading: dict) -> dict[str, dict]:
    """Per form field: the passage, whether to check it, and the note, for the review page."""
    text = reading["text"]
    out = {}
    for form_name, source in FIELD_SOURCES.items():
        found = reading["fields"].get(source) or {}
        out[form_name] = {"passage": passage(text, found.get("span")), "uncertain": found.get("uncertain", False),
                          "note": found.get("note", ""), "empty": found.get("value") in (None, "", [])}
    for name in ("legal_bases", "activities", "assignments"):
        found = reading["fields"].get(name) or {}
        out[name] = {"items": [{"passage": passage(text, item.get("span")), "uncertain": item.get("uncertain"),
                                "note": item.get("note", ""), "label": item.get("number") or item.get("category")
                                or item.get("unit") or ""} for item in found.get("value") or []]}
    return out


def summary(reading: dict) -> dict[str, int]:
    fields = reading["fields"].values()
    return {"read": sum(1 for f in fields if f["value"] not in (None, "", [])),
            "uncertain": sum(1 for f in fields if f["uncertain"])}
