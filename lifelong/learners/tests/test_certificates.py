"""Certificates: codes, issuing (everyone checked in, or the people chosen; once each), revoking, the holder's
choice to show their name, and the counts that feed the unit's numbers."""

import json
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.module_loading import import_string

from lifelong.activities import services as activity_services
from lifelong.activities.models import Activity
from lifelong.core.errors import PermissionDeniedError, ValidationFailed
from lifelong.core.models import AuditEntry
from lifelong.learners import certificates, selectors_certificates
from lifelong.learners.certificates import canonical_code, new_code
from lifelong.learners.models import Certificate
from lifelong.learners.tests import certificate_helpers
from lifelong.orgs.models import Membership

attended = certificate_helpers.attended  # a fixture
signing_key = certificate_helpers.signing_key  # a fixture

pytestmark = pytest.mark.django_db


def issue(attended, **kwargs):
    kwargs.setdefault("actor", attended.editor)
    return certificates.certificates_issue(activity=attended.activity, **kwargs)


# Codes

def test_codes_are_short_typable_and_signed(settings):
    code = new_code()
    assert len(code) == 19 and code.startswith("GCN-") and code.count("-") == 3
    assert canonical_code(code) == code
    typed = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert canonical_code(typed) == code
    assert canonical_code(code[4:].replace("-", "")) == code  # without the prefix
    forged = code[:-1] + ("A" if code[-1] != "A" else "B")
    assert canonical_code(forged) is None
    for junk in ["", "GCN", "x" * 5000, "GCN-ÀÀÀÀ-ÀÀÀÀ-ÀÀÀÀÀ", None, "\x00"]:
        assert canonical_code(junk) is None
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-secret-" + "y" * 40
    assert canonical_code(code) == code  # still genuine after a key change kept in the fallbacks
    settings.SECRET_KEY_FALLBACKS = []
    assert canonical_code(code) is None


# Issuing

def test_everyone_checked_in_gets_one_certificate_with_the_session_hours(attended):
    outcome = issue(attended)
    names = sorted(c.holder_name for c in outcome.issued)
    assert names == ["Hoàng Thị Én", "Nguyễn Văn An", "Trần Thị Bình"]  # not Chi (absent), not Dũng (erased)
    assert outcome.skipped == 1  # Dũng
    an = Certificate.objects.get(registration=attended.an)
    assert an.holder == attended.learner and an.unit == attended.activity.unit
    assert an.campaign == attended.activity.campaign and an.issued_by == attended.editor
    assert an.hours == Decimal("2.5") and Certificate.objects.get(registration=attended.evening).hours == Decimal("2.0")
    assert Certificate.objects.get(registration=attended.binh).holder is None  # registered without an account
    assert an.valid and not an.show_name and an.credential.count(".") == 2
    assert an.issued_at.microsecond == 0


def test_issuing_twice_issues_nothing_twice(attended):
    assert len(issue(attended).issued) == 3
    again = issue(attended)
    assert again.issued == [] and again.skipped == 4
    assert Certificate.objects.count() == 3


def test_one_session_or_the_people_chosen(attended):
    evening = issue(attended, session=attended.second)
    assert [c.holder_name for c in evening.issued] == ["Hoàng Thị Én"]
    chosen = issue(attended, session=attended.first,
                   registration_ids=[attended.binh.pk, attended.chi.pk, attended.evening.pk, 10**30])
    # Bình only: Chi was not checked in, Én is of the other session (an impossible id is simply ignored).
    assert [c.holder_name for c in chosen.issued] == ["Trần Thị Bình"] and chosen.skipped == 2
    assert issue(attended, registration_ids=[]).issued == []
    with pytest.raises(ValidationFailed):
        other = activity_services.activity_create(
            actor=None, unit=attended.activity.unit, campaign=attended.activity.campaign,
            data={"category": attended.activity.category, "title": "Khác"},
            sessions=[(attended.first.starts_at, attended.first.ends_at)])
        issue(attended, session=other.sessions.get())


def test_a_walk_in_gets_one_too(attended):
    walk_in = activity_services.walk_in(actor=None, session=attended.first, name="Võ Văn Giàu", group="residents")
    issue(attended)
    assert Certificate.objects.get(registration=walk_in).holder_name == "Võ Văn Giàu"


def test_only_editors_of_the_organising_unit_issue(attended, tree, make_user):
    for user in (attended.viewer, attended.elsewhere, attended.stranger, attended.learner):
        with pytest.raises(PermissionDeniedError):
            issue(attended, actor=user)
    assert Certificate.objects.count() == 0
    province_editor = make_user(tree.hanoi, Membership.Role.EDITOR)  # a role holds for the subtree
    assert len(issue(attended, actor=province_editor).issued) == 3


def test_no_certificate_for_a_cancelled_activity(attended):
    activity_services.activity_set_state(actor=None, activity=attended.activity, status=Activity.Status.CANCELLED)
    with pytest.raises(ValidationFailed):
        issue(attended)


def test_one_audit_entry_without_personal_data(attended):
    issue(attended)
    [entry] = AuditEntry.objects.filter(action="learners.certificates.issued")
    assert entry.actor == attended.editor and entry.unit_id == attended.activity.unit_id
    assert entry.data["count"] == 3
    text = json.dumps(entry.data, ensure_ascii=False)
    for personal in ("An", "Bình", "0912", "GCN-"):
        assert personal not in text


# Revoking

def test_revoke_keeps_the_row_and_records_when_and_why(attended):
    certificate = issue(attended).issued[0]
    for user in (attended.viewer, attended.elsewhere, attended.learner):
        with pytest.raises(PermissionDeniedError):
            certificates.certificate_revoke(actor=user, certificate=certificate, reason="Nhầm người")
    with pytest.raises(ValidationFailed) as blank:
        certificates.certificate_revoke(actor=attended.editor, certificate=certificate, reason="   ")
    assert blank.value.details[0]["field"] == "reason"
    with pytest.raises(ValidationFailed):
        certificates.certificate_revoke(actor=attended.editor, certificate=certificate, reason="x" * 301)
    revoked = certificates.certificate_revoke(actor=attended.editor, certificate=certificate,
                                              reason="  Cấp nhầm người  ")
    assert not revoked.valid and revoked.revoke_reason == "Cấp nhầm người"
    assert Certificate.objects.filter(pk=certificate.pk).exists()
    with pytest.raises(ValidationFailed):
        certificates.certificate_revoke(actor=attended.editor, certificate=certificate, reason="Lần nữa")
    [entry] = AuditEntry.objects.filter(action="learners.certificate.revoked")
    assert "nhầm" not in json.dumps(entry.data, ensure_ascii=False)  # the reason may concern the person
    # Revoked is final for that registration: issuing again does not replace it.
    assert issue(attended, registration_ids=[certificate.registration_id]).issued == []


# The holder's choice

def test_only_the_holder_shows_or_hides_their_name(attended, make_user):
    issue(attended)
    certificate = Certificate.objects.get(registration=attended.an)
    for user in (attended.editor, attended.stranger, None):
        with pytest.raises(PermissionDeniedError):
            certificates.certificate_set_show_name(actor=user, certificate=certificate, show=True)
    assert certificates.certificate_set_show_name(actor=attended.learner, certificate=certificate, show=True).show_name
    certificate.refresh_from_db()
    assert certificate.show_name
    assert AuditEntry.objects.filter(action="learners.certificate.show_name", actor=attended.learner).count() == 1
    # A registration claimed after the certificate was issued makes its account the holder too.
    binh = Certificate.objects.get(registration=attended.binh)
    claimer = make_user(username="binh")
    with pytest.raises(PermissionDeniedError):
        certificates.certificate_set_show_name(actor=claimer, certificate=binh, show=True)
    attended.binh.account = claimer
    attended.binh.save(update_fields=["account"])
    certificates.certificate_set_show_name(actor=claimer, certificate=binh, show=True)
    assert list(selectors_certificates.certificates_of_holder(claimer)) == [binh]
    assert list(selectors_certificates.certificates_of_holder(attended.learner)) == [certificate]
    assert not selectors_certificates.certificates_of_holder(attended.stranger).exists()


# Reading

def test_lists_of_people_are_for_the_organising_unit_s_editors(attended):
    issue(attended)
    assert selectors_certificates.activity_certificates(attended.editor, attended.activity).count() == 3
    assert len(selectors_certificates.session_certificates(attended.editor, attended.first)) == 2
    for user in (attended.viewer, attended.elsewhere, attended.learner, attended.stranger):
        assert not selectors_certificates.activity_certificates(user, attended.activity).exists()
        assert selectors_certificates.session_certificates(user, attended.first) == {}


def test_counts_of_the_unit_and_its_subtree_in_one_query(attended, tree, campaign, make_user):
    issue(attended)
    school_activity = activity_services.activity_create(
        actor=None, unit=tree.school, campaign=campaign, published=True,
        data={"category": attended.activity.category, "title": "Ngày hội đọc sách"},
        sessions=[(attended.first.starts_at, attended.first.ends_at)])
    pupil = activity_services.registration_create(session=school_activity.sessions.get(), name="Học Sinh A",
                                                  phone="0912000009", group="learners", consent=True).registration
    activity_services.check_in(actor=None, session=pupil.session, code=pupil.code)
    certificates.certificates_issue(actor=None, activity=school_activity)
    revoked = Certificate.objects.get(registration=attended.binh)
    certificates.certificate_revoke(actor=None, certificate=revoked, reason="Nhầm")
    with CaptureQueriesContext(connection) as queries:
        counts = selectors_certificates.certificate_counts(attended.editor, tree.taymo, campaign)
    assert len(queries) == 1
    assert (counts.own, counts.subtree) == (2, 3)  # revoked ones do not count
    hanoi = selectors_certificates.certificate_counts(make_user(tree.hanoi, Membership.Role.VIEWER), tree.hanoi,
                                                      campaign)
    assert (hanoi.own, hanoi.subtree) == (0, 3)
    assert selectors_certificates.certificate_counts(attended.elsewhere, tree.taymo, campaign) is None
    assert selectors_certificates.activity_certificate_count(attended.viewer, attended.activity) == 2


def test_unit_figures_are_offered_to_the_reports_through_settings(attended, tree, campaign, settings):
    issue(attended)
    figures = [figure for path in settings.UNIT_FIGURES
               for figure in import_string(path)(user=attended.viewer, unit=tree.taymo, campaign=campaign)]
    assert [(f.code, f.own, f.subtree) for f in figures] == [("certificates_issued", 3, 3)]
    assert str(figures[0].label) == "Giấy chứng nhận đã cấp"
    assert import_string(settings.UNIT_FIGURES[0])(user=attended.elsewhere, unit=tree.taymo, campaign=campaign) == []


def test_deleting_an_account_erases_the_name_and_keeps_the_count(attended, campaign, tree):
    issue(attended)
    erased = certificates.certificates_erase_for_account(user=attended.learner)
    assert erased == 1
    certificate = Certificate.objects.get(registration=attended.an)
    assert (certificate.holder, certificate.holder_name, certificate.credential, certificate.show_name) == (
        None, "", "", False)
    assert selectors_certificates.certificate_counts(attended.editor, tree.taymo, campaign).own == 3
    assert Certificate.objects.get(registration=attended.binh).holder_name == "Trần Thị Bình"
