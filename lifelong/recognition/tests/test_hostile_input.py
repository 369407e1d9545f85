"""Input nobody should send, and the erasure of personal data: answered without a 500, counted right."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lifelong.core.errors import ConflictError
from lifelong.learners.models import LearnerProfile
from lifelong.learners.services import account_delete
from lifelong.recognition import decisions, evidence, services, tally
from lifelong.recognition.models import Assessment, Indicator, RecognitionTally
from lifelong.recognition.tests.helpers import submitted_commune

COMMUNE, CITIZEN = "cdht-xa-tt25-2023", "cong-dan-hoc-tap-244-2022"


def _counts():
    return set(RecognitionTally.objects.exclude(n=0).values_list("unit_id", "scheme_code", "year", "measure", "n"))


def test_unicode_digits_huge_numbers_and_missing_fields_never_answer_500(client, tree, people, schemes):
    assessment = services.assessment_open_for_unit(actor=people.taymo, scheme=schemes[COMMUNE], year=2025,
                                                   unit=tree.taymo)
    client.force_login(people.taymo)
    base = f"/recognition/assessments/{assessment.pk}"
    indicator = Indicator.objects.filter(criterion__scheme=schemes[COMMUNE]).first()
    for url, data in ((f"{base}/answers/", {"version": "²"}), (f"{base}/submit/", {"level": "²", "version": "²"}),
                      (f"{base}/answers/", {"version": "1" * 5000}), (f"{base}/review/", {}),
                      (f"{base}/evidence/", {"indicator": "²"}),
                      (f"/units/{tree.hanoi.pk}/recognition/reviews/accept/", {"ids": ["²:1", "1:²", "x"]}),
                      (f"/units/{tree.hanoi.pk}/recognition/decision/", {"scheme": "²", "year": "x"})):
        assert client.post(url, data).status_code < 500, url
    learner = people.viewer
    LearnerProfile.objects.create(user=learner, display_name="Xem", home_commune=tree.taymo)
    citizen = services.assessment_open_for_citizen(actor=learner, scheme=schemes[CITIZEN], year=2025,
                                                   home_commune=tree.taymo)
    client.force_login(learner)
    point = Indicator.objects.filter(criterion__scheme=schemes[CITIZEN]).first()
    for value in ("1e9999999", "1e999999", "NaN", "-0", "10.25"):
        preview = client.post(f"/recognition/assessments/{citizen.pk}/answers/",
                              {f"points-{point.pk}": value, "preview": "1"})
        assert preview.status_code == 200, value
        citizen.refresh_from_db()
        saved = client.post(f"/recognition/assessments/{citizen.pk}/answers/",
                            {f"points-{point.pk}": value, "version": citizen.version})
        assert saved.status_code in (302, 422), value
    assert indicator  # the scheme has indicators to post against


def test_a_village_outside_any_commune_keeps_no_households(client, tree, make_user):
    from lifelong.orgs.models import Membership, OrgUnit
    from lifelong.orgs.services import unit_create

    odd = unit_create(actor=None, parent=tree.danang, name="Thôn lạ", kind=OrgUnit.Kind.VILLAGE)
    client.force_login(make_user(odd, Membership.Role.EDITOR))
    assert client.post(f"/units/{odd.pk}/households/", {"unit": odd.pk, "kind": "family", "name": "A"}).status_code \
        == 404


def test_deleting_a_learners_account_erases_their_self_assessment_counts_and_files(tree, schemes, make_user):
    learner = make_user(username="lan")
    LearnerProfile.objects.create(user=learner, display_name="Lan", home_commune=tree.taymo)
    assessment = services.assessment_open_for_citizen(actor=learner, scheme=schemes[CITIZEN], year=2025,
                                                      home_commune=tree.taymo)
    proof = evidence.evidence_add(actor=learner, assessment=assessment, indicator=None,
                                  upload=SimpleUploadedFile("a.pdf", b"%PDF-1.4 proof"))
    stored = proof.file.storage, proof.file.name
    services.answers_save(actor=learner, assessment=assessment, answers={
        i.pk: {"points": "9"} for i in Indicator.objects.filter(criterion__scheme=schemes[CITIZEN])})
    services.assessment_submit(actor=learner, assessment=assessment)
    assert stored[0].exists(stored[1])
    with pytest.MonkeyPatch.context() as patch:  # run the on-commit deletion now (the test is one transaction)
        patch.setattr("django.db.transaction.on_commit", lambda callback, **kwargs: callback())
        account_delete(actor=learner)
    assert not Assessment.objects.filter(citizen_id=learner.pk).exists() and not stored[0].exists(stored[1])
    live = _counts()
    tally.tally_rebuild()
    assert _counts() == live


def test_a_decision_whose_list_changed_cannot_be_issued_from_the_old_list(tree, people, schemes):
    first = submitted_commune(people, tree, schemes[COMMUNE])
    services.assessment_accept(actor=people.hanoi, assessment=first)
    decision = decisions.decision_prepare(actor=people.hanoi, authority=tree.hanoi, scheme=schemes[COMMUNE], year=2025)
    decision = decisions.decision_update(actor=people.hanoi, decision=decision, number="3", symbol="QĐ-UBND",
                                         issued_on=date(2026, 3, 1), signer_title="CHỦ TỊCH", signer_name="")
    seen = decision.version
    services.assessment_return(actor=people.hanoi2, assessment=Assessment.objects.get(pk=first.pk), comment="Thiếu")
    with pytest.raises(ConflictError):
        decisions.decision_issue(actor=people.hanoi, decision=decision, version=seen)
