"""Harvesting another repository's records into a shared collection, over OAI-PMH 2.0 (`manage.py harvest_oai`).

The protocol's client side (requests, resumption tokens, errors, retries on 503) is the `oaipmh` package's
Client; this module maps each `oai_dc` record to a Resource with the same checks as a resource published by
hand (services.clean_fields), and keeps it in step with its source:

- a record is known by its source and its identifier there; seen again with the same datestamp, it is left
  alone (harvesting twice changes nothing); with a newer one, it is updated;
- a deleted header withdraws the local copy; a record that comes back is shown again;
- a run asks only for what changed since the newest datestamp of the last complete run (or from `--from`);
  records are written one at a time, so a run that fails half-way keeps what it took and the next run, asking
  from the same place, finds those unchanged.

A harvested record is a link: it opens at its source (the first http(s) address among its dc:identifier);
without one it is skipped, as a record that does not validate is (one bad record of a remote repository does not
stop the harvest, unlike an import an official checks and fixes). Its licence is read from dc:rights; when it
names none we know, it is taken as "all rights reserved", which only allows the link.
"""

import re
import socket
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oaipmh import error as oai_error
from oaipmh.client import Client
from oaipmh.metadata import MetadataRegistry, oai_dc_reader

from lifelong.core.errors import ValidationFailed
from lifelong.library.imports import MARC_LANGUAGES, licence_of
from lifelong.library.models import Collection, HarvestSource, Resource
from lifelong.library.services import clean_fields
from lifelong.orgs.models import OrgUnit

DCMI_KINDS = {"text": "document", "movingimage": "video", "sound": "audio", "interactiveresource": "exercise",
              "image": "slideshow", "service": "course", "software": "html5"}
ISO_639_1 = {"vi", "en", "fr", "zh", "ru", "ja", "ko", "de", "km", "lo", "th", "es"}
_YEAR_DAY = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
TIMEOUT_SECONDS = 60


class HarvestFailed(Exception):
    """The source could not be harvested (unreachable, not OAI-PMH, an error answer)."""


@dataclass
class HarvestResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    withdrawn: int = 0
    skipped: int = 0
    problems: list[str] = field(default_factory=list)


def _first(values: list, predicate=bool) -> str:
    return next((str(v).strip() for v in values or [] if v and predicate(str(v).strip())), "")


def _issued(values: list) -> date | None:
    for value in values or []:
        match = _YEAR_DAY.match(str(value).strip())
        if match:
            try:
                return date(int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1))
            except ValueError:
                continue
    return None


def _language(values: list) -> str:
    code = _first(values).lower()
    return code if code in ISO_639_1 else MARC_LANGUAGES.get(code, "vi" if not code else code[:10])


def record_fields(dc: dict[str, list]) -> dict:
    """A Resource's fields from a record's Dublin Core elements."""
    kind = DCMI_KINDS.get(_first(dc.get("type")).lower().replace(" ", ""), "link")
    rights = " ".join(str(v) for v in dc.get("rights") or [])
    return {
        "title": _first(dc.get("title")), "creator": "; ".join(str(v).strip() for v in dc.get("creator") or [])[:300],
        "subjects": [str(v) for v in dc.get("subject") or []], "description": "\n".join(
            str(v) for v in dc.get("description") or [])[:20000],
        "publisher": _first(dc.get("publisher"))[:300], "language": _language(dc.get("language")),
        "issued": _issued(dc.get("date")), "kind": kind, "licence": licence_of(rights) or "all-rights-reserved",
        "url": _first(dc.get("identifier"), lambda v: v.startswith(("http://", "https://"))),
    }


def _client(base_url: str) -> Client:
    registry = MetadataRegistry()
    registry.registerReader("oai_dc", oai_dc_reader)
    return Client(base_url, registry)


def source_for(base_url: str, set_spec: str = "", *, unit: OrgUnit, collection_name: str = "") -> HarvestSource:
    """The source (created on the first harvest, with its shared collection named after the repository)."""
    source = HarvestSource.objects.filter(base_url=base_url, set_spec=set_spec).select_related("collection").first()
    if source is not None:
        return source
    name = collection_name
    if not name:
        try:
            name = _client(base_url).identify().repositoryName()
        except (oai_error.ErrorBase, OSError, ValueError, SyntaxError) as exc:
            raise HarvestFailed(_("The address does not answer as an OAI-PMH repository: %(error)s") % {
                "error": exc}) from exc
    collection = Collection.objects.create(unit=unit, kind=Collection.Kind.SHARED, name=name[:200] or base_url[:200])
    return HarvestSource.objects.create(base_url=base_url, set_spec=set_spec, name=name[:300], collection=collection)


def _apply(source: HarvestSource, header, metadata, result: HarvestResult) -> None:
    identifier = str(header.identifier())[:500]
    datestamp = header.datestamp().replace(tzinfo=UTC)
    existing = Resource.objects.filter(harvested_from=source, source_identifier=identifier).first()
    now = timezone.now()
    if header.isDeleted():
        if existing is not None and existing.withdrawn_at is None:
            existing.withdrawn_at = existing.modified_at = now
            existing.source_datestamp = datestamp
            existing.save(update_fields=["withdrawn_at", "modified_at", "source_datestamp"])
            result.withdrawn += 1
        return
    if existing is not None and existing.source_datestamp == datestamp and existing.withdrawn_at is None:
        result.unchanged += 1
        return
    errors: list[dict] = []
    cleaned = clean_fields(record_fields(metadata.getMap() if metadata is not None else {}), errors)
    if not cleaned["url"]:
        errors.append({"field": "url", "message": _("It has no web address to open it at.")})
    if errors:
        result.skipped += 1
        result.problems.append(f"{identifier}: " + "; ".join(e["message"] for e in errors))
        return
    resource = existing or Resource(unit=source.collection.unit, harvested_from=source, source_identifier=identifier)
    for name, value in cleaned.items():
        setattr(resource, name, value)
    resource.source_datestamp, resource.modified_at, resource.withdrawn_at = datestamp, now, None
    resource.refresh_search_key()
    resource.save()
    if existing is None:
        resource.collections.add(source.collection)
        result.created += 1
    else:
        result.updated += 1


def harvest(*, base_url: str, set_spec: str = "", from_: datetime | None = None, unit: OrgUnit,
            collection_name: str = "") -> tuple[HarvestSource, HarvestResult]:
    """Harvest a repository's oai_dc records (incrementally) into its shared collection."""
    previous = socket.getdefaulttimeout()
    socket.setdefaulttimeout(TIMEOUT_SECONDS)  # the client's urllib calls take no timeout of their own
    try:
        source = source_for(base_url, set_spec, unit=unit, collection_name=collection_name)
        since = from_ or source.last_datestamp
        arguments = {"metadataPrefix": "oai_dc"}
        if set_spec:
            arguments["set"] = set_spec
        if since is not None:
            arguments["from_"] = since.astimezone(UTC).replace(tzinfo=None, microsecond=0)
        result = HarvestResult()
        newest = source.last_datestamp
        try:
            for header, metadata, _about in _client(base_url).listRecords(**arguments):
                with transaction.atomic():  # one record at a time: a national harvest is no single transaction
                    _apply(source, header, metadata, result)
                stamp = header.datestamp().replace(tzinfo=UTC)
                newest = stamp if newest is None or stamp > newest else newest
            # Only a complete run moves the mark: after a failure, the next run starts from the same place
            # and finds the records it already has unchanged.
            source.last_datestamp, source.last_run_at = newest, timezone.now()
            source.save(update_fields=["last_datestamp", "last_run_at"])
        except oai_error.NoRecordsMatchError:
            source.last_run_at = timezone.now()
            source.save(update_fields=["last_run_at"])
        except (oai_error.ErrorBase, OSError, ValueError, SyntaxError, ValidationFailed) as exc:
            raise HarvestFailed(_("The harvest stopped (the records already harvested are kept; the next run takes "
                                  "up from the last complete one): %(error)s") % {"error": exc}) from exc
        return source, result
    finally:
        socket.setdefaulttimeout(previous)
