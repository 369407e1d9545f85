"""School–business links: partners recorded with consent, offers, applications, decisions, g2, permissions."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from lifelong.core.errors import ConflictError, PermissionDeniedError, ValidationFailed
from lifelong.orgs.models import Membership
from lifelong.partners import prefill, services
from lifelong.partners.models import Application, Business, Offer
from lifelong.reports.models import Notification


@pytest.fixture
def partner(tree, make_user):
    editor = make_user(tree.yaly, Membership.Role.EDITOR, username="yaly-editor")
    business = services.business_create(actor=editor, unit=tree.yaly, data={
        "name": "Hợp tác xã cà phê Ya Ly", "sector": "Nông nghiệp", "contact_name": "Chị Hoa",
        "contact_phone": "0905000111", "contact_consent": True})
    offer = services.offer_create(actor=editor, business=business, data={
        "kind": "visit", "title": "Tham quan vườn cà phê và xưởng rang", "places": 40,
        "apply_until": timezone.localdate() + timedelta(days=10)})
    return editor, business, offer


def test_a_contact_is_recorded_only_with_consent_and_erased_on_request(tree, partner):
    editor, business, _offer = partner
    with pytest.raises(ValidationFailed):
        services.business_create(actor=editor, unit=tree.yaly, data={"name": "Công ty A", "contact_name": "Anh B"})
    assert business.contact_consent_at is not None
    services.contact_erase(actor=editor, business=business)
    business.refresh_from_db()
    assert (business.contact_name, business.contact_phone, business.contact_consent_at) == ("", "", None)


def test_offers_check_their_activity_and_their_unit(tree, partner, make_user, campaign):
    from lifelong.activities import services as activity_services

    editor, business, _offer = partner
    with pytest.raises(PermissionDeniedError):
        services.offer_create(actor=make_user(tree.taymo, Membership.Role.EDITOR), business=business,
                              data={"kind": "job", "title": "Việc làm"})
    start = timezone.now() + timedelta(days=3)
    skills = activity_services.activity_create(
        actor=editor, unit=tree.yaly, campaign=campaign, published=True,
        data={"category": campaign.categories.get(code="digital_skills"), "title": "Lớp kỹ năng số",
              "venue_name": "Nhà rông"}, sessions=[(start, start + timedelta(hours=2))])
    with pytest.raises(ValidationFailed):  # an offer is held as an activity of kind g only
        services.offer_create(actor=editor, business=business, data={"kind": "visit", "title": "x"}, activity=skills)
    with pytest.raises(ValidationFailed):
        services.offer_create(actor=editor, business=business, data={"kind": "lottery", "title": ""})


def test_people_and_schools_apply_once_and_are_told_of_the_answer(tree, partner, make_user):
    editor, _business, offer = partner
    learner = make_user(username="hocsinh")
    application = services.apply(actor=learner, offer=offer, message="Em muốn tham quan")
    with pytest.raises(ConflictError):
        services.apply(actor=learner, offer=offer)
    teacher = make_user(tree.school, Membership.Role.EDITOR, username="giaovien")
    group = services.apply(actor=teacher, offer=offer, school=tree.school, people=35)
    assert (group.school, group.people) == (tree.school, 35)
    with pytest.raises(PermissionDeniedError):  # a school's group only by its officials
        services.apply(actor=make_user(username="khac"), offer=offer, school=tree.school, people=3)
    with pytest.raises(PermissionDeniedError):
        services.decide(actor=teacher, application=application, accept=True)
    services.decide(actor=editor, application=application, accept=True)
    assert Application.objects.get(pk=application.pk).status == "accepted"
    assert "đã được chấp nhận" in Notification.objects.get(user=learner).message
    Offer.objects.filter(pk=offer.pk).update(apply_until=timezone.localdate() - timedelta(days=1))
    offer.refresh_from_db()
    with pytest.raises(ValidationFailed):
        services.apply(actor=make_user(username="muon"), offer=offer)


def test_g2_counts_the_partners_that_made_an_offer_in_the_year(tree, partner, campaign):
    _editor, business, offer = partner
    assert prefill.proposals(tree.yaly, campaign) == {}
    Offer.objects.filter(pk=offer.pk).update(created_at=datetime(2025, 9, 20, tzinfo=UTC))
    assert prefill.proposals(tree.yaly, campaign) == {("g2", ""): 1}
    assert Business.objects.count() == 1


def test_pages_find_an_offer_apply_and_decide(client, tree, partner, make_user):
    editor, business, offer = partner
    page = client.get(reverse("offer_list")).content.decode()
    assert offer.title in page
    detail = client.get(reverse("offer_detail", args=[offer.pk])).content.decode()
    assert "0905000111" not in detail and "Chị Hoa" not in detail  # the contact is never public
    learner = make_user(username="hs")
    client.force_login(learner)
    sent = client.post(reverse("offer_detail", args=[offer.pk]), {"message": "Xin tham gia"})
    assert sent.status_code == 302 and Application.objects.filter(user=learner).exists()
    client.force_login(editor)
    unit_page = client.get(reverse("unit_partners", args=[tree.yaly.pk])).content.decode()
    assert "0905000111" in unit_page and "Xin tham gia" in unit_page  # the officials see the contact
    application = Application.objects.get(user=learner)
    client.post(reverse("application_decide", args=[application.pk]), {"accept": "1"})
    application.refresh_from_db()
    assert application.status == "accepted"
    client.force_login(make_user(tree.taymo, Membership.Role.EDITOR))
    assert client.get(reverse("unit_partners", args=[tree.yaly.pk])).status_code == 404
    assert client.post(reverse("application_decide", args=[application.pk]), {"accept": "0"}).status_code == 404
