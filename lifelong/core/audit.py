"""One call for services to record what they changed (see AuditEntry)."""

from typing import Any

from lifelong.core.models import AuditEntry


def audit_record(*, actor, action: str, target=None, unit_id: int | None = None, **data: Any) -> AuditEntry:
    user = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    return AuditEntry.objects.create(
        actor=user,
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        unit_id=unit_id,
        data=data,
    )
