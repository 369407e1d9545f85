"""Writes of the library: a unit's editors publish, change and withdraw resources on its shelf.

Uploads are checked by their content, not their name: PDF and EPUB documents, MP3 audio, MP4 video, and H5P or
HTML5 packages (zip files with their entry point), within size limits; a zip whose content would unpack to
more than `LIBRARY_UNZIPPED_MAX_BYTES`, or holds too many files, is refused (a zip bomb). A resource licensed
"all rights reserved" is linked only: no file copy is kept for download. Files go through Django's storage API
(the local disk by default, an S3-compatible store in production). Every write moves the OAI-PMH datestamp.
"""

import zipfile
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lifelong.activities.models import Activity
from lifelong.core.audit import audit_record
from lifelong.core.errors import ConflictError, PermissionDeniedError, ValidationFailed
from lifelong.core.text import normalize_text
from lifelong.core.validation import date_in_range
from lifelong.library.models import LICENCES, Collection, Resource
from lifelong.orgs.models import OrgUnit
from lifelong.orgs.permissions import Role, can_edit, scope_filter

MAX_ZIP_MEMBERS = 5000
OLDEST_ISSUED = date(1000, 1, 1)
TEXT_LIMITS = {"title": 500, "creator": 300, "publisher": 300, "audience": 200, "level": 100, "teaches": 300,
               "provider": 200, "description": 20000}


def _fail(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(details=[{"field": field, "message": message}])


def sniff(upload) -> str | None:
    """What the file is, read from its first bytes and, for zip files, from what they contain; None if refused."""
    head = upload.read(16)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"ID3") or head[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return "mp3"
    if head[4:8] == b"ftyp":
        return "mp4"
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
            if len(members) > MAX_ZIP_MEMBERS or sum(m.file_size for m in members) > \
                    settings.LIBRARY_UNZIPPED_MAX_BYTES:
                raise _fail("upload", _("The package would unpack to too much: it is refused."))
            names = {m.filename for m in members}
            if "mimetype" in names and archive.read("mimetype")[:100].strip() == b"application/epub+zip":
                return "epub"
            if "h5p.json" in names:
                return "h5p"
            if "index.html" in names:
                return "html5"
    except zipfile.BadZipFile:
        return None
    finally:
        upload.seek(0)
    return None


def clean_fields(data: dict, errors: list) -> dict:
    cleaned = {}
    for field, limit in TEXT_LIMITS.items():
        value = data.get(field) or ""
        value = value.strip() if field == "description" else normalize_text(value)
        if len(value) > limit:
            errors.append({"field": field, "message": _("Keep it under %(n)s characters.") % {"n": limit}})
        cleaned[field] = value[:limit]
    if not cleaned["title"]:
        errors.append({"field": "title", "message": _("Give the resource's title.")})
    kind = data.get("kind")
    if kind not in Resource.Kind.values:
        errors.append({"field": "kind", "message": _("Choose what kind of resource it is.")})
    licence = data.get("licence")
    if licence not in LICENCES:
        errors.append({"field": "licence", "message": _("Choose the licence it is published under.")})
    subjects = [normalize_text(str(s))[:100] for s in (data.get("subjects") or []) if normalize_text(str(s))][:20]
    url = (data.get("url") or "").strip()
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            errors.append({"field": "url", "message": _("The address is not a web address.")})
        if len(url) > 500:
            errors.append({"field": "url", "message": _("The address is too long.")})
    minutes = data.get("time_required_minutes")
    if minutes is not None and not (isinstance(minutes, int) and 1 <= minutes <= 100000):
        errors.append({"field": "time_required_minutes", "message": _("Give the time in minutes.")})
    issued = data.get("issued")  # a book may be centuries old; only the future is wrong
    if issued is not None and (not isinstance(issued, date) or not OLDEST_ISSUED <= issued <= date(2100, 12, 31)):
        errors.append({"field": "issued", "message": _("Give the date the resource was published.")})
    for field in ("starts_on", "ends_on"):
        day = data.get(field)
        if day is not None and (not isinstance(day, date) or not date_in_range(day)):
            errors.append({"field": field, "message": _("Give a date between 2000 and 2100.")})
    if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
        errors.append({"field": "ends_on", "message": _("The course ends after it starts.")})
    return {**cleaned, "kind": kind, "licence": licence, "subjects": subjects, "url": url,
            "time_required_minutes": minutes, "free": bool(data.get("free", True)),
            "language": normalize_text(data.get("language") or "vi")[:10] or "vi",
            "issued": data.get("issued"), "starts_on": data.get("starts_on"), "ends_on": data.get("ends_on")}


def _attach(resource: Resource, upload, errors: list) -> None:
    if upload is None:
        return
    if resource.licence == "all-rights-reserved":
        errors.append({"field": "upload", "message": _(
            "A resource whose rights are all reserved is linked, not copied: give its address instead of a file.")})
        return
    if upload.size > settings.LIBRARY_UPLOAD_MAX_BYTES:
        errors.append({"field": "upload", "message": _("The file is larger than %(n)s MB.") % {
            "n": settings.LIBRARY_UPLOAD_MAX_BYTES // (1024 * 1024)}})
        return
    try:
        found = sniff(upload)
    except ValidationFailed as refused:
        errors.extend(refused.details)
        return
    if found is None:
        errors.append({"field": "upload", "message": _(
            "Upload a PDF or EPUB book, MP3 audio, MP4 video, or an H5P or HTML5 package.")})
        return
    resource.file, resource.file_type, resource.file_size = upload, found, upload.size


def shelf_of(unit: OrgUnit) -> Collection:
    """The unit's digital bookshelf ("tủ sách số"), made with its first resource: every resource it publishes is
    on it (the unit's row is locked so that two first resources published at once make one shelf)."""
    shelf = Collection.objects.filter(unit=unit, kind=Collection.Kind.SHELF).order_by("pk").first()
    if shelf is None:
        OrgUnit.objects.select_for_update().filter(pk=unit.pk).first()
        shelf = Collection.objects.filter(unit=unit, kind=Collection.Kind.SHELF).order_by("pk").first() or \
            Collection.objects.create(unit=unit, kind=Collection.Kind.SHELF, name=_("Digital bookshelf of %(unit)s")
                                      % {"unit": unit.name})
    return shelf


@transaction.atomic
def resource_create(*, actor, unit: OrgUnit, data: dict, upload=None,
                    collections: list[Collection] | None = None) -> Resource:
    if not can_edit(actor, unit):
        raise PermissionDeniedError()
    errors: list[dict] = []
    cleaned = clean_fields(data, errors)
    resource = Resource(unit=unit, modified_at=timezone.now(), **cleaned)
    if not errors:
        _attach(resource, upload, errors)
    if not errors and not resource.file and not resource.url:
        errors.append({"field": "url", "message": _("Give the resource's address or upload its file.")})
    for collection in collections or []:
        if collection.kind == Collection.Kind.SHELF and collection.unit_id != unit.pk:
            errors.append({"field": "collections", "message": _("A shelf holds only its own unit's resources.")})
    if errors:
        raise ValidationFailed(details=errors)
    resource.refresh_search_key()
    resource.save()
    resource.collections.set({shelf_of(unit), *(collections or [])})
    audit_record(actor=actor, action="library.resource.created", target=resource, unit_id=unit.pk)
    return resource


@transaction.atomic
def resource_withdraw(*, actor, resource: Resource) -> Resource:
    """Withdrawn, not deleted: harvesters learn of it (a deleted header) and its file is no longer offered."""
    resource = Resource.objects.select_for_update().get(pk=resource.pk)
    if not can_edit(actor, resource.unit):
        raise PermissionDeniedError()
    if resource.withdrawn_at is not None:
        raise ConflictError(_("This resource has already been withdrawn."))
    resource.withdrawn_at = resource.modified_at = timezone.now()
    resource.save(update_fields=["withdrawn_at", "modified_at"])
    audit_record(actor=actor, action="library.resource.withdrawn", target=resource, unit_id=resource.unit_id)
    return resource


LINKABLE_CATEGORIES = ("online_learning", "digital_library")  # kinds d) and đ) of the Ministry's letter


def linkable_activities(actor, resource: Resource):
    """The activities of kinds d) and đ) `actor` may edit that could introduce `resource` (not yet linked)."""
    if not getattr(actor, "is_authenticated", False):
        return Activity.objects.none()
    editable = scope_filter(actor, Activity.objects.filter(category__code__in=LINKABLE_CATEGORIES), role=Role.EDITOR)
    return editable.exclude(pk__in=resource.activities.values("pk")).select_related("unit").order_by("-pk")


@transaction.atomic
def resource_link_activity(*, actor, resource: Resource, activity, linked: bool = True) -> None:
    """An activity of kind d) or đ) introduces a resource (or no longer does); its editors decide."""
    if not can_edit(actor, activity.unit):
        raise PermissionDeniedError()
    if activity.category.code not in LINKABLE_CATEGORIES:
        raise ValidationFailed(details=[{"field": "activity", "message": _(
            "Only activities on online learning or digital libraries (kinds d and đ) introduce resources.")}])
    if linked:
        if resource.withdrawn_at is not None or not (resource.published or resource.unit_id == activity.unit_id):
            raise ValidationFailed(details=[{"field": "resource", "message": _(
                "This resource is not in the public library.")}])
        resource.activities.add(activity)
    else:
        resource.activities.remove(activity)
    audit_record(actor=actor, action="library.resource.linked" if linked else "library.resource.unlinked",
                 target=resource, unit_id=activity.unit_id, activity=activity.pk)


@transaction.atomic
def collection_create(*, actor, unit: OrgUnit, kind: str, name: str, description: str = "",
                      category=None) -> Collection:
    """A shared library or a curated list run by `unit` (a unit's shelf is made with its first resource)."""
    if not can_edit(actor, unit):
        raise PermissionDeniedError()
    errors = []
    name, description = normalize_text(name or "")[:200], (description or "").strip()[:2000]
    if kind not in (Collection.Kind.SHARED, Collection.Kind.CURATED):
        errors.append({"field": "kind", "message": _("Choose a shared library or a curated list.")})
    if not name:
        errors.append({"field": "name", "message": _("Give the collection a name.")})
    elif Collection.objects.filter(unit=unit, name__iexact=name).exists():
        errors.append({"field": "name", "message": _("Your unit already has a collection of that name.")})
    if category is not None and kind != Collection.Kind.CURATED:
        errors.append({"field": "category", "message": _("Only a curated list is made for a kind of activity.")})
    if errors:
        raise ValidationFailed(details=errors)
    collection = Collection.objects.create(unit=unit, kind=kind, name=name, description=description,
                                           category=category)
    audit_record(actor=actor, action="library.collection.created", target=collection, unit_id=unit.pk)
    return collection


def collections_editable_by(actor):
    """The shared libraries and curated lists `actor` may fill (a shelf fills itself)."""
    if not getattr(actor, "is_authenticated", False):
        return Collection.objects.none()
    return scope_filter(actor, Collection.objects.exclude(kind=Collection.Kind.SHELF), role=Role.EDITOR) \
        .select_related("unit").order_by("unit__path", "name")


@transaction.atomic
def collection_list(*, actor, collection: Collection, resource: Resource, listed: bool = True) -> None:
    """Put a public resource in a shared library or curated list (or take it out); the collection's editors do."""
    if not can_edit(actor, collection.unit):
        raise PermissionDeniedError()
    if collection.kind == Collection.Kind.SHELF:
        raise ValidationFailed(details=[{"field": "collection", "message": _(
            "A unit's bookshelf holds what the unit publishes; add it to a shared library or a curated list.")}])
    if listed:
        if resource.withdrawn_at is not None or not resource.published:
            raise ValidationFailed(details=[{"field": "resource", "message": _(
                "This resource is not in the public library.")}])
        collection.resources.add(resource)
    else:
        collection.resources.remove(resource)
    # Harvesters select on the datestamp, and the record's sets and dc:relation name its collections.
    Resource.objects.filter(pk=resource.pk).update(modified_at=timezone.now())
    audit_record(actor=actor, action="library.collection.listed" if listed else "library.collection.unlisted",
                 target=collection, unit_id=collection.unit_id, resource=resource.pk)
