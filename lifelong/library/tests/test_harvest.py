"""Harvesting over OAI-PMH: the platform's own endpoint, served live, harvested into a shared collection."""

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from lifelong.library import harvest
from lifelong.library.models import Collection, HarvestSource, Resource

START = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def published(tree):
    shelf = Collection.objects.create(unit=tree.school, name="Tủ sách số")
    made = []
    for n in range(130):  # more than a page (100): the harvester follows the resumption token
        resource = Resource(unit=tree.school, title=f"Bài học số {n}", creator="Tổ Tin học",
                            subjects=["kỹ năng số"], description="Tự học.", kind="video" if n % 2 else "document",
                            licence="CC-BY-SA-4.0" if n % 3 else "CC0-1.0", url=f"https://example.vn/bai/{n}",
                            language="vi", modified_at=START + timedelta(minutes=n))
        resource.refresh_search_key()
        resource.save()
        resource.collections.add(shelf)
        made.append(resource)
    return made


def _harvest(live_server, *extra) -> str:
    out = StringIO()
    call_command("harvest_oai", live_server.url + "/oai", "--collection", "Kho học liệu dùng chung", *extra,
                 stdout=out)
    return out.getvalue()


def _copies():
    return Resource.objects.filter(harvested_from__isnull=False)


@pytest.mark.django_db(transaction=True)
def test_harvesting_our_own_endpoint_round_trips_and_is_idempotent(live_server, tree, published):
    assert "130 new" in _harvest(live_server)
    source = HarvestSource.objects.get()
    assert (source.collection.kind, source.collection.name) == ("shared", "Kho học liệu dùng chung")
    copy = _copies().get(source_identifier=f"oai:{settings.OAI_REPOSITORY_ID}:resource/{published[7].pk}")
    original = published[7]
    assert (copy.title, copy.creator, copy.subjects, copy.kind, copy.licence, copy.url, copy.language) == (
        original.title, original.creator, original.subjects, original.kind, original.licence, original.url, "vi")
    assert copy.source_datestamp == original.modified_at and copy.collections.get() == source.collection
    assert source.last_datestamp == published[-1].modified_at

    # Again: nothing changed at the source, nothing changes here (and the copies are not offered back).
    assert "0 new, 0 updated" in _harvest(live_server) and _copies().count() == 130

    # A change and a withdrawal at the source reach the copies on the next, incremental run.
    later = START + timedelta(days=2)
    Resource.objects.filter(pk=published[0].pk).update(title="Bài học số 0 (sửa)", modified_at=later)
    Resource.objects.filter(pk=published[1].pk).update(withdrawn_at=later, modified_at=later)
    output = _harvest(live_server)
    assert "0 new, 1 updated" in output and "1 withdrawn" in output
    assert _copies().filter(title="Bài học số 0 (sửa)").exists()
    assert _copies().get(source_identifier__endswith=f"/{published[1].pk}").withdrawn_at is not None
    assert _copies().count() == 130


@pytest.mark.django_db(transaction=True)
def test_a_set_and_a_from_date_select_what_is_harvested(live_server, tree, published):
    output = _harvest(live_server, "--set", "kind:video", "--from", (START + timedelta(minutes=100)).strftime(
        "%Y-%m-%dT%H:%M:%SZ"))
    assert "15 new" in output  # odd minutes from 100 to 129
    assert set(_copies().values_list("kind", flat=True)) == {"video"}


@pytest.mark.django_db(transaction=True)
def test_an_address_that_is_not_a_repository_changes_nothing(live_server, tree):
    with pytest.raises(CommandError):
        call_command("harvest_oai", live_server.url + "/thu-vien/")
    with pytest.raises(CommandError):
        call_command("harvest_oai", "file:///etc/passwd")
    assert not HarvestSource.objects.exists() and not Resource.objects.exists()


def test_dublin_core_is_mapped_with_the_same_checks_as_a_resource_published_by_hand():
    fields = harvest.record_fields({
        "title": ["  Giáo trình Excel  "], "creator": ["A", "B"], "type": ["Moving Image"], "language": ["vie"],
        "identifier": ["urn:isbn:978604", "https://kho.example.vn/excel"], "date": ["2019-05"],
        "rights": ["Creative Commons BY-NC 4.0"]})
    assert (fields["title"], fields["creator"], fields["kind"], fields["language"], fields["url"],
            fields["issued"].isoformat(), fields["licence"]) == (
        "Giáo trình Excel", "A; B", "video", "vi", "https://kho.example.vn/excel", "2019-05-01", "CC-BY-NC-4.0")
    assert harvest.record_fields({"title": ["x"], "rights": ["© Nhà xuất bản"]})["licence"] == "all-rights-reserved"
