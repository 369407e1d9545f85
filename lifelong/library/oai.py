"""The OAI-PMH 2.0 repository of the library, so that any library or repository can harvest its records.

The protocol itself (verbs, arguments, errors, envelopes, resumption) is the `oaipmh` package's batching
server (a maintained fork of pyoai, BSD). This module gives it the records: `LibraryRepository` answers its
IBatchingOAI calls from the database, one page (`BATCH_SIZE` records) per request, and `oai_dc` is mapped from
the model when written (Dublin Core is never stored as a second copy). What the package leaves out is added
to its answer: the resumption token's `completeListSize` and `cursor`, and the empty token that ends a list.

- Identifiers: `oai:<OAI_REPOSITORY_ID>:resource/<id>`; datestamps in UTC, to the second.
- Sets: `unit:<id>` (a unit's shelf, with its whole subtree), `kind:<kind>`, `collection:<id>`.
- Records harvested from other repositories are not offered again (no loops between harvesters).
- A withdrawn or private resource stays as a header with status="deleted" (deletedRecord = persistent).
"""

import re
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from xml.sax.saxutils import escape as xml_escape

from django.conf import settings
from django.db import connection
from django.db.models import Min, Q
from django.utils import translation
from lxml import etree
from oaipmh import common, error
from oaipmh.metadata import MetadataRegistry
from oaipmh.server import NS_DC, NS_OAIDC, NS_XSI, BatchingServer, decodeResumptionToken, encodeResumptionToken

from lifelong.library.models import LICENCES, Collection, Resource
from lifelong.orgs.models import OrgUnit

BATCH_SIZE = 100
OAI_DC = ("oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", "http://www.openarchives.org/OAI/2.0/oai_dc/")
DCMI_TYPES = {"document": "Text", "video": "MovingImage", "audio": "Sound", "exercise": "InteractiveResource",
              "html5": "InteractiveResource", "slideshow": "Image", "course": "Service", "link": "Text"}


def _naive_utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None, microsecond=0)


def _aware(moment: datetime | None) -> datetime | None:
    return None if moment is None else moment.replace(tzinfo=UTC)


def identifier_of(resource_id: int) -> str:
    return f"oai:{settings.OAI_REPOSITORY_ID}:resource/{resource_id}"


def _resource_id(identifier: str) -> int | None:
    prefix = f"oai:{settings.OAI_REPOSITORY_ID}:resource/"
    raw = identifier[len(prefix):] if identifier.startswith(prefix) else ""
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 18 else None


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# What a record is made of (only these are read: every timestamp more is parsed 100 times a page).
_RECORD_FIELDS = ("unit__name", "title", "creator", "subjects", "description", "publisher", "issued", "created_at",
                  "kind", "url", "language", "licence", "withdrawn_at", "published", "modified_at")


def _encode_key(resource: Resource) -> str:
    """A record's place in the list: its datestamp to the microsecond, and its id."""
    return f"{(resource.modified_at - _EPOCH) // timedelta(microseconds=1)}.{resource.pk}"


def _decode_key(text: str) -> tuple[datetime, int]:
    micros, _dot, pk = str(text).partition(".")
    if not (micros.isascii() and micros.isdigit() and pk.isascii() and pk.isdigit()
            and len(micros) <= 17 and len(pk) <= 18):
        raise error.BadResumptionTokenError("The resumption token is not one of ours.")
    return _EPOCH + timedelta(microseconds=int(micros)), int(pk)


def _token_number(text) -> int:
    if not (str(text).isascii() and str(text).isdigit() and len(str(text)) <= 12):
        raise error.BadResumptionTokenError("The resumption token is not one of ours.")
    return int(text)


def _rights(licence: str) -> str:
    with translation.override("vi"):  # the catalogue's own language, whoever harvests
        name, url = (str(part) for part in LICENCES.get(licence, (licence, "")))
    return f"{name} ({licence})" + (f" {url}" if url else "")


RIGHTS = {}  # licence -> dc:rights text, made once per process (translation.override costs per record)


def dublin_core(resource: Resource, collections: list[tuple[int, str]]) -> dict[str, list[str]]:
    """The 15 Dublin Core elements of a resource, mapped from its fields (and the collections that list it)."""
    if resource.licence not in RIGHTS:
        RIGHTS[resource.licence] = _rights(resource.licence)
    return {
        "title": [resource.title],
        "creator": [resource.creator] if resource.creator else [],
        "subject": [str(s) for s in resource.subjects if str(s).strip()],
        "description": [resource.description] if resource.description else [],
        "publisher": [resource.publisher or resource.unit.name],
        "contributor": [],
        "date": [(resource.issued or resource.created_at.date()).isoformat()],
        "type": [DCMI_TYPES.get(resource.kind, "Text")],
        "format": [],
        "identifier": [resource.url] if resource.url else [],
        "source": [],
        "language": [resource.language],
        "relation": [name for _pk, name in collections],
        "coverage": [resource.unit.name],
        "rights": [RIGHTS[resource.licence]],
    }


def _collections_of(resource_ids: list[int]) -> dict[int, list[tuple[int, str]]]:
    """The collections listing each resource, in one query. Plain SQL: a prefetch builds a queryset per record,
    and the ORM's `__in` resolves each of the 100 ids as an expression (that alone cost more than the query)."""
    listed: dict[int, list[tuple[int, str]]] = {}
    if not resource_ids:
        return listed
    links, collections = Resource.collections.through._meta.db_table, Collection._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT l.resource_id, c.id, c.name FROM {links} l JOIN {collections} c "  # noqa: S608
                       f"ON c.id = l.collection_id WHERE l.resource_id IN ({', '.join(['%s'] * len(resource_ids))}) "
                       "ORDER BY c.id", [int(pk) for pk in resource_ids])
        for resource_id, collection_id, name in cursor.fetchall():
            listed.setdefault(resource_id, []).append((collection_id, name))
    return listed


class LibraryRepository:
    """The records, for oaipmh's BatchingServer (its IBatchingOAI interface)."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.last_total: int | None = None  # size of the list the last page was cut from
        self.page_keys: list[str] = []  # keyset of each record of the last page, for the next token

    def identify(self):
        earliest = Resource.objects.filter(harvested_from__isnull=True).aggregate(
            first=Min("modified_at"))["first"] or datetime(2025, 1, 1, tzinfo=UTC)
        return common.Identify(repositoryName=settings.OAI_REPOSITORY_NAME, baseURL=self.base_url,
                               protocolVersion="2.0", adminEmails=[settings.OAI_ADMIN_EMAIL],
                               earliestDatestamp=_naive_utc(earliest), deletedRecord="persistent",
                               granularity="YYYY-MM-DDThh:mm:ssZ", compression=["identity"],
                               toolkit_description=False)

    def listMetadataFormats(self, identifier=None):  # noqa: N802 (the protocol's names)
        if identifier is not None and not self._exists(identifier):
            raise error.IdDoesNotExistError(f"No record has the identifier {identifier}.")
        return [OAI_DC]

    def listSets(self, cursor=0, batch_size=10):  # noqa: N802
        kinds = [(f"kind:{value}", f"Loại: {label}", None) for value, label in Resource.Kind.choices]
        units = [(f"unit:{pk}", f"Đơn vị: {name}", None) for pk, name in OrgUnit.objects.filter(
            pk__in=Resource.objects.filter(harvested_from__isnull=True).values("unit_id")).order_by("pk")
            .values_list("pk", "name")]
        collections = [(f"collection:{pk}", f"Bộ sưu tập: {name}", None)
                       for pk, name in Collection.objects.filter(harvest_sources__isnull=True).order_by("pk")
                       .values_list("pk", "name")]
        found = [(spec, str(name), about) for spec, name, about in kinds + units + collections]
        self.last_total = len(found)
        return found[cursor:cursor + batch_size]

    def listIdentifiers(self, metadataPrefix, set=None, from_=None, until=None, cursor=0,  # noqa: N802, A002, N803
                        batch_size=10, after=None, total=None):
        return [header for header, _metadata, _about in
                self.listRecords(metadataPrefix, set, from_, until, cursor, batch_size, after, total)]

    def listRecords(self, metadataPrefix, set=None, from_=None, until=None, cursor=0,  # noqa: N802, A002, N803
                    batch_size=10, after=None, total=None):
        """One page of the list. A resumed page starts after the last record of the page before (`after`, a
        keyset carried in our tokens), so that page 2,000 of a national harvest costs what page 1 does, and a
        record changed during the harvest moves to the end of the list instead of pushing another out of it."""
        self._check_prefix(metadataPrefix)
        records = self._selection(set, from_, until)
        self.last_total = _token_number(total) if total is not None else records.count()
        if after is not None:
            moment, pk = _decode_key(after)
            # (modified_at, id) > (moment, pk); the first condition lets the datestamp index start at the place.
            records = records.filter(modified_at__gte=moment).filter(
                Q(modified_at__gt=moment) | Q(modified_at=moment, pk__gt=pk))
            window = records[:batch_size]
        else:
            window = records[int(cursor):int(cursor) + batch_size]
        # Plain rows, not model instances: a page builds 100 records, and instances cost more than the XML.
        page = [SimpleNamespace(unit=SimpleNamespace(name=row.pop("unit__name")), **row)
                for row in window.values("pk", "unit_id", *_RECORD_FIELDS)]
        if not page and int(cursor) > 0:  # a token beyond the end of the list (the list shrank, or it was made up)
            raise error.BadResumptionTokenError("The resumption token is past the end of the list.")
        self.page_keys = [_encode_key(resource) for resource in page]
        listed = _collections_of([resource.pk for resource in page])
        return [self._record(resource, listed.get(resource.pk, [])) for resource in page]

    def getRecord(self, metadataPrefix, identifier):  # noqa: N802, N803
        self._check_prefix(metadataPrefix)
        resource_id = _resource_id(identifier)
        resource = Resource.objects.select_related("unit").filter(pk=resource_id, harvested_from__isnull=True) \
            .first() if resource_id else None
        if resource is None:
            raise error.IdDoesNotExistError(f"No record has the identifier {identifier}.")
        return self._record(resource, _collections_of([resource.pk]).get(resource.pk, []))

    # -- helpers ------------------------------------------------------------------------------------------------

    def _exists(self, identifier: str) -> bool:
        resource_id = _resource_id(identifier)
        return bool(resource_id) and Resource.objects.filter(pk=resource_id, harvested_from__isnull=True).exists()

    @staticmethod
    def _check_prefix(prefix: str) -> None:
        if prefix != OAI_DC[0]:
            raise error.CannotDisseminateFormatError(f"Only oai_dc is offered, not {prefix}.")

    @staticmethod
    def _selection(set_spec, from_, until):
        records = Resource.objects.filter(harvested_from__isnull=True)  # ours only: never re-offer a harvest
        if from_ is not None:
            records = records.filter(modified_at__gte=_aware(from_))
        if until is not None:
            records = records.filter(modified_at__lte=_aware(until))
        if set_spec:
            kind, _sep, value = str(set_spec).partition(":")
            if kind == "kind" and value in Resource.Kind.values:
                records = records.filter(kind=value)
            elif kind in ("unit", "collection") and value.isascii() and value.isdigit() and len(value) <= 18:
                if kind == "unit":
                    unit = OrgUnit.objects.filter(pk=int(value)).first()
                    records = records.filter(unit__path__startswith=unit.path) if unit else records.none()
                else:
                    records = records.filter(collections__pk=int(value))
            else:
                records = records.none()
        return records.order_by("modified_at", "pk")

    @staticmethod
    def _record(resource: Resource, collections: list[tuple[int, str]]):
        deleted = resource.withdrawn_at is not None or not resource.published
        sets = [f"unit:{resource.unit_id}", f"kind:{resource.kind}"] + [f"collection:{pk}" for pk, _name in collections]
        header = common.Header(None, identifier_of(resource.pk), _naive_utc(resource.modified_at), sets, deleted)
        metadata = None if deleted else common.Metadata(None, dublin_core(resource, collections))
        return header, metadata, None


_DC_ELEMENTS = [(name, f"{{{NS_DC}}}{name}") for name in (
    "title", "creator", "subject", "description", "publisher", "contributor", "date", "type", "format",
    "identifier", "source", "language", "relation", "coverage", "rights")]
_DC_ROOT = f"{{{NS_OAIDC}}}dc"
_DC_NSMAP = {"oai_dc": NS_OAIDC, "dc": NS_DC, "xsi": NS_XSI}
_DC_SCHEMA = (f"{{{NS_XSI}}}schemaLocation", f"{NS_OAIDC} http://www.openarchives.org/OAI/2.0/oai_dc.xsd")


def oai_dc_writer(element, metadata) -> None:
    """The oai_dc record, as oaipmh's writer makes it, with the element names made once (a page writes 1,500)."""
    root = etree.SubElement(element, _DC_ROOT, nsmap=_DC_NSMAP)
    root.set(*_DC_SCHEMA)
    values = metadata.getMap()
    for name, tag in _DC_ELEMENTS:
        for value in values.get(name, ()):
            etree.SubElement(root, tag).text = value


def _registry() -> MetadataRegistry:
    registry = MetadataRegistry()
    registry.registerWriter("oai_dc", oai_dc_writer)
    return registry


_TOKEN_ELEMENT = re.compile(rb"<resumptionToken(?:\s[^>]*)?(?:/>|>([^<]*)</resumptionToken>)")


def _complete_token(body: bytes, request_kw: dict, total: int | None, page_keys: list[str]) -> bytes:
    """Add what OAI-PMH asks of a resumption token and oaipmh leaves out: completeListSize and cursor, and an
    empty token on the last page of a list that was resumed. The answer is edited as text, at its one token
    element (parsing and writing again a page of 100 records cost more than making it)."""
    verb = request_kw.get("verb")
    if verb not in ("ListRecords", "ListIdentifiers", "ListSets") or total is None:
        return body
    closing = f"</{verb}>".encode()
    end_of_list = body.rfind(closing)
    if end_of_list < 0:  # an error answer
        return body
    cursor = 0
    if "resumptionToken" in request_kw:
        try:
            cursor = decodeResumptionToken(request_kw["resumptionToken"])[1]
        except error.BadResumptionTokenError:
            return body
    found = _TOKEN_ELEMENT.search(body, 0, end_of_list + len(closing))
    if found is None and "resumptionToken" not in request_kw:
        return body  # a list complete in one answer has no token
    text = (found.group(1) or b"").decode() if found else ""
    if text and verb != "ListSets" and len(page_keys) >= BATCH_SIZE:
        # Our token also carries where the next page starts and the list's size (counted once per harvest).
        kw, next_cursor = decodeResumptionToken(text)
        kw.update(after=page_keys[BATCH_SIZE - 1], total=str(total))
        text = encodeResumptionToken(kw, next_cursor)
    element = (f'<resumptionToken completeListSize="{total}" cursor="{cursor}">{xml_escape(text)}</resumptionToken>'
               ).encode()
    if found:
        return body[:found.start()] + element + body[found.end():]
    return body[:end_of_list] + element + body[end_of_list:]


# What a token of ours carries (oaipmh also writes the batch size, which it sets again on every request).
_TOKEN_KEYS = {"ListRecords": {"metadataPrefix", "set", "from_", "until", "batch_size", "after", "total"},
               "ListIdentifiers": {"metadataPrefix", "set", "from_", "until", "batch_size", "after", "total"},
               "ListSets": {"batch_size"}}


def _token_is_ours(verb: str, token: str) -> bool:
    """A resumption token this server could have made for this verb (anything else is badResumptionToken)."""
    try:
        kw, cursor = decodeResumptionToken(token)
    except (error.BadResumptionTokenError, error.DatestampError, ValueError):
        return False
    allowed = _TOKEN_KEYS.get(verb)
    return allowed is not None and set(kw) <= allowed and (verb == "ListSets" or "metadataPrefix" in kw) \
        and 0 <= cursor <= 10**9


def handle(request_kw: dict, base_url: str) -> bytes:
    """The XML answer to one OAI-PMH request (its arguments as a dict of single values)."""
    request_kw = dict(request_kw)
    if "resumptionToken" in request_kw and not _token_is_ours(request_kw.get("verb", ""),
                                                              request_kw["resumptionToken"]):
        request_kw["resumptionToken"] = "!"  # oaipmh answers it with badResumptionToken
    repository = LibraryRepository(base_url)
    server = BatchingServer(repository, metadata_registry=_registry(), resumption_batch_size=BATCH_SIZE)
    body = server.handleRequest(dict(request_kw))
    return _complete_token(body, request_kw, repository.last_total, repository.page_keys)

