"""The schemes shipped as data (lifelong/recognition/schemes/*.json), installed by a migration and by
`manage.py recognition_schemes`.

Installing creates a scheme that does not exist and rewrites one no assessment uses yet; a scheme in use is
frozen and left as it is (a change of the rules is a new file with a new code). The Ministry's administrator
completes wording marked unconfirmed in the admin site while the scheme is unused, or adds a new version.
"""

import json
from datetime import date
from pathlib import Path

from django.db import transaction

SCHEME_DIR = Path(__file__).resolve().parent / "schemes"


def shipped_schemes() -> list[dict]:
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(SCHEME_DIR.glob("*.json"))]


def _month_day(text: str) -> tuple[int, int]:
    month, day = text.split("-")
    return int(month), int(day)


@transaction.atomic
def scheme_install(data: dict, models=None) -> str:
    """Create or rewrite one scheme from its data; returns "created", "updated" or "frozen"."""
    if models is None:
        from lifelong.recognition import models
    Scheme, Level, Criterion, Indicator, AuthorityRule, Assessment = (
        models.Scheme, models.Level, models.Criterion, models.Indicator, models.AuthorityRule, models.Assessment)
    scheme = Scheme.objects.filter(code=data["code"]).first()
    if scheme is not None and Assessment.objects.filter(scheme=scheme).exists():
        return "frozen"
    source = data["source"]
    fields = {
        "title": data["title"], "short_title": data["short_title"], "source_number": source["number"],
        "source_date": date.fromisoformat(source["date"]) if source.get("date") else None,
        "source_issuer": source["issuer"], "source_title": source.get("title", ""), "source_url": source.get("url", ""),
        "valid_from": data["valid_from"], "valid_to": data["valid_to"], "target": data["target"],
        "rated_kinds": data["rated_kinds"], "method": data["method"], "pass_total": data["pass_total"],
        "needs_review": data["needs_review"], "target_percent": data["target_percent"],
        "target_source": data["target_source"], "confirmed": data["confirmed"], "note": data["note"],
    }
    outcome = "updated" if scheme else "created"
    if scheme is None:
        scheme = Scheme.objects.create(code=data["code"], **fields)
    else:
        Scheme.objects.filter(pk=scheme.pk).update(**fields)
        scheme.levels.all().delete()
        scheme.criteria.all().delete()
        scheme.authority_rules.filter(within__isnull=True).delete()
    Level.objects.bulk_create([Level(scheme=scheme, number=number, name=name) for number, name in data["levels"]])
    for position, block in enumerate(data["criteria"]):
        criterion = Criterion.objects.create(scheme=scheme, code=block["code"], title=block["title"],
                                             position=position, confirmed=block["confirmed"])
        Indicator.objects.bulk_create([Indicator(
            criterion=criterion, code=item["code"], text=item["text"], level=item.get("level", 1),
            max_points=item.get("max_points"), min_points=item.get("min_points"),
            evidence_hint=item.get("evidence_hint", ""), position=index, confirmed=item["confirmed"])
            for index, item in enumerate(block["indicators"])])
    for rule in data["authority"]:
        dossier_month, dossier_day = _month_day(rule["dossier_due"])
        decision_month, decision_day = _month_day(rule["decision_due"])
        AuthorityRule.objects.create(scheme=scheme, authority=rule["authority"], level=rule.get("level"),
                                     dossier_due_month=dossier_month, dossier_due_day=dossier_day,
                                     decision_due_month=decision_month, decision_due_day=decision_day)
    return outcome


def schemes_install(models=None) -> dict[str, int]:
    counts = {"created": 0, "updated": 0, "frozen": 0}
    for data in shipped_schemes():
        counts[scheme_install(data, models)] += 1
    return counts
