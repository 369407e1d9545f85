"""OAI-PMH 2.0: every verb and every error, each answer validated against the protocol's schema (lxml)."""

from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.utils import timezone
from lxml import etree

from lifelong.library import oai
from lifelong.library.models import Collection, Resource

SCHEMA = etree.XMLSchema(etree.parse(str(Path(oai.__file__).parent / "standards" / "OAI-PMH.xsd")))
NS = {"o": "http://www.openarchives.org/OAI/2.0/", "dc": "http://purl.org/dc/elements/1.1/"}
START = datetime(2026, 1, 10, 8, 0, tzinfo=UTC)


def ask(client, method="get", **arguments):
    response = getattr(client, method)("/oai", arguments) if method == "post" else client.get(
        "/oai?" + urlencode(arguments, doseq=True))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/xml")
    tree = etree.fromstring(response.content)
    SCHEMA.assertValid(tree)  # every answer, errors included, is valid OAI-PMH
    return tree


def errors(tree) -> list[str]:
    return [e.get("code") for e in tree.findall("o:error", NS)]


@pytest.fixture
def shelf(tree):
    shelf = Collection.objects.create(unit=tree.school, name="Tủ sách số THCS Nguyễn Quý Đức")
    made = []
    for n in range(230):
        resource = Resource.objects.create(
            unit=tree.school if n % 2 else tree.yaly, title=f"Sách điện tử số {n}", creator="Nhóm giáo viên",
            description="Tài liệu tự học.", subjects=["kỹ năng số", "đọc sách"], kind="document" if n % 3 else "video",
            licence="CC-BY-4.0", url=f"https://example.vn/sach/{n}", modified_at=START + timedelta(minutes=n))
        if n % 2:
            resource.collections.add(shelf)
        made.append(resource)
    Resource.objects.filter(pk=made[5].pk).update(withdrawn_at=START, modified_at=START + timedelta(days=30))
    return shelf, made


def test_identify_and_formats(client, db):
    tree = ask(client, verb="Identify")
    assert tree.findtext("o:Identify/o:deletedRecord", namespaces=NS) == "persistent"
    assert tree.findtext("o:Identify/o:granularity", namespaces=NS) == "YYYY-MM-DDThh:mm:ssZ"
    assert tree.findtext("o:Identify/o:baseURL", namespaces=NS).endswith("/oai")
    formats = ask(client, verb="ListMetadataFormats")
    assert formats.findtext("o:ListMetadataFormats/o:metadataFormat/o:metadataPrefix", namespaces=NS) == "oai_dc"
    assert errors(ask(client, verb="ListMetadataFormats", identifier="oai:x:resource/1")) == ["idDoesNotExist"]


def test_full_harvest_in_pages_with_size_and_cursor(client, shelf):
    _shelf, made = shelf
    seen, token, pages = [], None, 0
    while True:
        arguments = {"resumptionToken": token} if token else {"metadataPrefix": "oai_dc"}
        tree = ask(client, verb="ListRecords", **arguments)
        records = tree.findall("o:ListRecords/o:record", NS)
        seen += [r.findtext("o:header/o:identifier", namespaces=NS) for r in records]
        element = tree.find("o:ListRecords/o:resumptionToken", NS)
        assert element.get("completeListSize") == "230" and element.get("cursor") == str(pages * oai.BATCH_SIZE)
        pages += 1
        token = element.text
        if not token:
            break
    assert pages == 3 and len(seen) == len(set(seen)) == 230
    # A record changed while a harvest is under way moves to the end of the list: none is skipped.
    first = ask(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    token = first.find("o:ListIdentifiers/o:resumptionToken", NS).text
    Resource.objects.filter(pk=made[3].pk).update(modified_at=timezone.now() + timedelta(minutes=1))
    rest = []
    while token:
        page = ask(client, verb="ListIdentifiers", resumptionToken=token)
        rest += [h.findtext("o:identifier", namespaces=NS) for h in page.findall("o:ListIdentifiers/o:header", NS)]
        token = page.find("o:ListIdentifiers/o:resumptionToken", NS).text
    assert len(first.findall("o:ListIdentifiers/o:header", NS)) + len(rest) == 231
    assert rest[-1] == oai.identifier_of(made[3].pk)
    assert seen[0] == f"oai:hoctapsuotdoi.edu.vn:resource/{made[0].pk}"
    # The withdrawn one is a header with status="deleted" and no metadata, last by its datestamp.
    last = ask(client, verb="GetRecord", metadataPrefix="oai_dc", identifier=oai.identifier_of(made[5].pk))
    assert last.find("o:GetRecord/o:record/o:header", NS).get("status") == "deleted"
    assert last.find("o:GetRecord/o:record/o:metadata", NS) is None


def test_dublin_core_is_mapped_from_the_model(client, shelf):
    _shelf, made = shelf
    tree = ask(client, verb="GetRecord", metadataPrefix="oai_dc", identifier=oai.identifier_of(made[1].pk))
    dc = tree.find("o:GetRecord/o:record/o:metadata", NS)[0]
    assert dc.findtext("dc:title", namespaces=NS) == "Sách điện tử số 1"
    assert [s.text for s in dc.findall("dc:subject", NS)] == ["kỹ năng số", "đọc sách"]
    assert dc.findtext("dc:rights", namespaces=NS).endswith("(CC-BY-4.0) https://creativecommons.org/licenses/by/4.0/")
    assert dc.findtext("dc:relation", namespaces=NS) == "Tủ sách số THCS Nguyễn Quý Đức"
    assert dc.findtext("dc:coverage", namespaces=NS) == "Trường THCS Nguyễn Quý Đức"


def test_selective_harvest_by_set_and_dates(client, shelf, tree):
    collection, made = shelf
    by_unit = ask(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set=f"unit:{tree.taymo.pk}")
    assert by_unit.find("o:ListIdentifiers/o:resumptionToken", NS).get("completeListSize") == "115"
    by_collection = ask(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set=f"collection:{collection.pk}")
    assert by_collection.find("o:ListIdentifiers/o:resumptionToken", NS).get("completeListSize") == "115"
    window = ask(client, method="post", verb="ListIdentifiers", metadataPrefix="oai_dc",
                 **{"from": "2026-01-10T08:10:00Z", "until": "2026-01-10T08:19:59Z"})
    assert len(window.findall("o:ListIdentifiers/o:header", NS)) == 10  # minutes 10 to 19, both included
    sets = ask(client, verb="ListSets")
    specs = [s.text for s in sets.findall("o:ListSets/o:set/o:setSpec", NS)]
    assert "kind:video" in specs and f"unit:{tree.school.pk}" in specs and f"collection:{collection.pk}" in specs


@pytest.mark.parametrize("arguments, code", [
    ({}, "badVerb"),
    ({"verb": "Harvest"}, "badVerb"),
    ({"verb": "ListRecords"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "10/01/2026"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2026-01-01", "until": "2026-01-02T00:00:00Z"},
     "badArgument"),
    ({"verb": "Identify", "extra": "1"}, "badArgument"),
    ({"verb": ["Identify", "Identify"]}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
    ({"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "oai:hoctapsuotdoi.edu.vn:resource/999999"},
     "idDoesNotExist"),
    ({"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "không phải mã"}, "idDoesNotExist"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "kind:painting"}, "noRecordsMatch"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2099-01-01"}, "noRecordsMatch"),
    ({"verb": "ListRecords", "resumptionToken": "garbage"}, "badResumptionToken"),
    ({"verb": "ListRecords", "resumptionToken": "metadataPrefix=oai_dc&cursor=100000"}, "badResumptionToken"),
    ({"verb": "ListRecords", "resumptionToken": "metadataPrefix=oai_dc&evil=1&cursor=0"}, "badResumptionToken"),
    ({"verb": "ListRecords", "resumptionToken": "metadataPrefix=oai_dc&after=1.x&cursor=100"}, "badResumptionToken"),
    ({"verb": "ListRecords", "resumptionToken": "metadataPrefix=oai_dc&after=1.1&total=-5&cursor=100"},
     "badResumptionToken"),
    ({"verb": "ListRecords", "resumptionToken": "x", "metadataPrefix": "oai_dc"}, "badArgument"),
])
def test_every_error_is_answered_in_the_protocol(client, shelf, arguments, code):
    assert code in errors(ask(client, **arguments))
