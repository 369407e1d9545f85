"""The database router for a read replica (lifelong/core/replica.py): read-only views read from the replica when
one is configured, writes never do, and a browser that just wrote reads from the primary. The same routing on
real processes against a read-only stand-in replica is in test_stack.py (PostgreSQL pass)."""

import time

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.urls import resolve

from lifelong.core import replica
from lifelong.orgs.models import OrgUnit

pytestmark = pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
WITH_REPLICA = {**settings.DATABASES, "replica": {**settings.DATABASES["default"]}}
router = replica.ReplicaRouter()


@replica.read_replica
def _where_reads_go(request):
    return HttpResponse(router.db_for_read(OrgUnit) or "default")


def test_without_a_replica_everything_reads_from_the_primary():
    assert _where_reads_go(RequestFactory().get("/")).content == b"default"
    assert router.db_for_read(OrgUnit) is None


@override_settings(DATABASES=WITH_REPLICA)
def test_read_only_views_read_from_the_replica_and_writes_never_do():
    factory = RequestFactory()
    assert _where_reads_go(factory.get("/")).content == b"replica"
    assert _where_reads_go(factory.head("/")).content == b"replica"
    assert _where_reads_go(factory.post("/")).content == b"default"
    assert router.db_for_read(OrgUnit) is None  # outside such a view
    assert router.db_for_write(OrgUnit) == "default"
    assert router.allow_migrate("replica", "orgs") is False and router.allow_migrate("default", "orgs") is True


@override_settings(DATABASES=WITH_REPLICA, REPLICA_PIN_SECONDS=10)
def test_a_browser_that_wrote_reads_its_own_writes_from_the_primary():
    factory = RequestFactory()
    middleware = replica.PinToPrimaryMiddleware(lambda request: HttpResponse(status=302))
    written = middleware(factory.post("/units/1/report/"))
    cookie = written.cookies[replica.PIN_COOKIE]
    assert float(cookie.value) > time.time() + 5 and cookie["max-age"] == 10 and cookie["httponly"]
    pinned = factory.get("/", HTTP_COOKIE=f"{replica.PIN_COOKIE}={cookie.value}")
    assert _where_reads_go(pinned).content == b"default"
    expired = factory.get("/", HTTP_COOKIE=f"{replica.PIN_COOKIE}={time.time() - 1:.0f}")
    assert _where_reads_go(expired).content == b"replica"
    garbage = factory.get("/", HTTP_COOKIE=f"{replica.PIN_COOKIE}=nan-ish")
    assert _where_reads_go(garbage).content == b"replica"
    refused = replica.PinToPrimaryMiddleware(lambda request: HttpResponse(status=400))(factory.post("/"))
    assert replica.PIN_COOKIE not in refused.cookies  # nothing was written
    assert replica.PIN_COOKIE not in middleware(factory.get("/")).cookies


@pytest.mark.parametrize("address", ["/activities/", "/activities/1/", "/units/1/totals/", "/units/1/totals.xlsx",
                                     "/units/1/completeness/", "/oai"])
def test_read_only_pages_and_exports_are_routed(address):
    assert getattr(resolve(address).func, "reads_from_replica", False), address


@pytest.mark.parametrize("address", ["/units/1/report/", "/sessions/1/checkin/", "/activities/1/edit/"])
def test_pages_that_write_are_not(address):
    assert not getattr(resolve(address).func, "reads_from_replica", False), address
