"""Shared records that every part of the domain writes to.

`AuditEntry` is the project's audit log: every service that changes data writes exactly one entry
with a dotted action name ("orgs.unit.created", "orgs.membership.invited"), the acting user, the
unit the change belongs to and a small JSON payload of what changed. It is append-only; nothing
in the project updates or deletes entries. The unit is kept as a plain id (not a foreign key) so
that core depends on no other app and entries outlive the rows they describe.
"""

from django.conf import settings
from django.db import models


class AuditEntry(models.Model):
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=100, db_index=True)
    target_type = models.CharField(max_length=50, blank=True)
    target_id = models.CharField(max_length=50, blank=True)
    unit_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.target_type}#{self.target_id}"
