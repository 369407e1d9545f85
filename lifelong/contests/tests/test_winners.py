"""Certificates for a round's winners, through the learners' certificates (signed, verifiable, with the award)."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse

from lifelong.activities import services as activity_services
from lifelong.contests import services
from lifelong.contests.tests.conftest import START
from lifelong.contests.tests.test_ranking_and_bank import _sit
from lifelong.core.errors import PermissionDeniedError, ValidationFailed
from lifelong.learners import certificate_pdf, credentials
from lifelong.learners.models import Certificate
from lifelong.learners.tests.test_certificates_pdf import text_of


def test_the_winners_get_certificates_of_their_prize(client, tree, contest, organiser, entrant, make_user):
    base = START + timedelta(hours=1)
    for n, right in enumerate([15, 19, 12]):
        _sit(contest, entrant(f"p{n}"), at=base, right=right, seconds=300)
    round_ = contest.rounds.get()
    with pytest.raises(ValidationFailed):  # no activity yet: the certificates would name nothing
        services.winners_certify(actor=organiser, round_=round_, awards=["Giải Nhất"])
    announcing = activity_services.activity_create(
        actor=organiser, unit=tree.hanoi, campaign=contest.campaign, published=True,
        data={"category": contest.campaign.categories.get(code="competition"), "title": contest.title,
              "venue_name": "Trực tuyến"}, sessions=[(START, START + timedelta(days=7))])
    contest = services.contest_update(actor=organiser, contest=contest, version=contest.version, data={
        "title": contest.title, "prediction_question": contest.prediction_question}, activity=announcing)
    with pytest.raises(PermissionDeniedError):
        services.winners_certify(actor=make_user(tree.yaly), round_=round_, awards=["Giải Nhất"])
    made = services.winners_certify(actor=organiser, round_=round_, awards=["Giải Nhất", "Giải Nhì", " "])
    assert [(c.holder.username, c.award) for c in made] == [("p1", "Giải Nhất"), ("p0", "Giải Nhì")]
    assert services.winners_certify(actor=organiser, round_=round_, awards=["Giải Nhất", "Giải Nhì"]) == []
    first = Certificate.objects.get(holder__username="p1")
    claims = credentials.verify(first.credential)
    assert claims["name"].startswith("Giải Nhất") and "Giải Nhất" in claims["description"]
    page = client.get(reverse("certificate_verify", args=[first.code])).content.decode()
    assert "Giải Nhất" in page
    assert "Giải Nhất" in text_of(certificate_pdf.render(first, verify_url="https://x.vn/"))


def test_the_results_page_issues_them(client, tree, contest, organiser, entrant):
    _sit(contest, entrant("a"), at=START + timedelta(hours=1), right=10, seconds=200)
    announcing = activity_services.activity_create(
        actor=organiser, unit=tree.hanoi, campaign=contest.campaign, published=True,
        data={"category": contest.campaign.categories.get(code="competition"), "title": "Cuộc thi",
              "venue_name": "Trực tuyến"}, sessions=[(START, START + timedelta(days=7))])
    client.force_login(organiser)
    client.post(reverse("contest_manage", args=[contest.pk]), {
        "version": contest.version, "title": contest.title, "activity": announcing.pk, "published": "on"})
    contest.refresh_from_db()
    assert contest.activity == announcing
    with time_machine.travel(START + timedelta(days=8), tick=False):
        done = client.post(reverse("contest_results", args=[contest.rounds.get().pk]),
                           {"awards": "Giải Nhất\nGiải Nhì"}, follow=True)
    assert done.status_code == 200 and Certificate.objects.get().award == "Giải Nhất"


def test_official_attempts_are_proposed_as_e2_by_group(tree, contest, entrant, campaign):
    from lifelong.contests import prefill
    from lifelong.learners.models import LearnerProfile

    student = entrant("hs")
    LearnerProfile.objects.create(user=student, display_name="Học sinh", target_group="learners")
    _sit(contest, student, at=START + timedelta(hours=1), right=5, seconds=100)
    _sit(contest, entrant("dan"), at=START + timedelta(hours=1), right=5, seconds=100)
    assert prefill.proposals(tree.hanoi, campaign) == {("e2", "learners"): 1, ("e2", "residents"): 1}
    assert prefill.proposals(tree.yaly, campaign) == {}
