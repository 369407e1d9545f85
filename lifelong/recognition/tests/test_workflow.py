"""The workflow end to end, permissions, bad input and concurrent review (services and tallies)."""

from datetime import date

import pytest

from lifelong.core.errors import ConflictError, PermissionDeniedError, ValidationFailed
from lifelong.recognition import decisions, rates, services, tally
from lifelong.recognition.models import Assessment, RecognitionTally
from lifelong.recognition.selectors import can_review, can_view_assessment, unit_recognitions
from lifelong.recognition.tests.helpers import answer_all, submitted_commune

COMMUNE = "cdht-xa-tt25-2023"


def _rate(unit, code, year=2025):
    return next(r for r in rates.unit_rates(unit, year) if r.scheme.code == code)


def test_self_assessment_to_decision_end_to_end(tree, people, schemes):
    scheme = schemes[COMMUNE]
    assessment = services.assessment_open_for_unit(actor=people.taymo, scheme=scheme, year=2025, unit=tree.taymo)
    answer_all(people.taymo, assessment, level=2, missing=("5.2",))
    assessment = services.assessment_submit(actor=people.taymo, assessment=assessment)
    assert (assessment.status, assessment.level_applied, assessment.authority) == ("submitted", 1, tree.hanoi)
    assert _rate(tree.hanoi, COMMUNE).applied == 1 and _rate(tree.hanoi, COMMUNE).recognised == 0

    assessment = services.assessment_accept(actor=people.hanoi, assessment=assessment, level=1, comment="Đạt.")
    decision = decisions.decision_prepare(actor=people.hanoi, authority=tree.hanoi, scheme=scheme, year=2025)
    with pytest.raises(ValidationFailed):  # no number, no date yet
        decisions.decision_issue(actor=people.hanoi, decision=decision)
    decision = decisions.decision_update(actor=people.hanoi, decision=decision, number="125", symbol="QĐ-UBND",
                                         issued_on=date(2026, 3, 20), signer_title="CHỦ TỊCH", signer_name="A")
    decisions.decision_issue(actor=people.hanoi, decision=decision, version=decision.version)

    assessment.refresh_from_db()
    assert (assessment.status, assessment.level_granted, assessment.decision_id) == ("recognised", 1, decision.pk)
    from lifelong.reports.models import Notification

    # Who heard what: Hà Nội of the submission, Tây Mỗ of the acceptance and of the decision; no one of their own act.
    assert [n.message for n in Notification.objects.filter(user=people.hanoi2)] == [
        "Phường Tây Mỗ đã gửi hồ sơ đề nghị công nhận “Cộng đồng học tập cấp xã” năm 2025."]
    told = [n.message for n in Notification.objects.filter(user=people.taymo).order_by("pk")]
    assert told[0].startswith("Hồ sơ “Cộng đồng học tập cấp xã” năm 2025 của Phường Tây Mỗ đã được chấp thuận")
    assert "quyết định số 125/QĐ-UBND công nhận" in told[1] and len(told) == 2
    assert not Notification.objects.filter(user=people.yaly).exists()
    assert list(unit_recognitions(tree.taymo)) == [assessment]
    for unit in (tree.taymo, tree.hanoi, tree.ministry):
        row = _rate(unit, COMMUNE)
        assert (row.recognised, row.per_level) == (1, {1: 1})
    assert _rate(tree.ministry, COMMUNE).eligible == 2  # Tây Mỗ and Ya Ly are the communes of the tree
    assert _rate(tree.ministry, COMMUNE).rate == 50
    assert _rate(tree.quangngai, COMMUNE).recognised == 0


def test_returned_dossier_goes_back_to_draft_with_the_comment_and_can_be_resubmitted(tree, people, schemes):
    assessment = submitted_commune(people, tree, schemes[COMMUNE])
    with pytest.raises(ValidationFailed):
        services.assessment_return(actor=people.hanoi, assessment=assessment, comment="  ")
    assessment = services.assessment_return(actor=people.hanoi, assessment=assessment, comment="Bổ sung minh chứng 1.3")
    assert assessment.status == "draft" and assessment.editable
    assert _rate(tree.hanoi, COMMUNE).applied == 0
    assessment = services.assessment_submit(actor=people.taymo, assessment=assessment)
    assert assessment.status == "submitted"


def test_a_commune_cannot_review_itself_nor_the_person_who_submitted(tree, people, schemes):
    assessment = submitted_commune(people, tree, schemes[COMMUNE])
    assert not can_review(people.taymo, assessment)
    with pytest.raises(PermissionDeniedError):
        services.assessment_accept(actor=people.taymo, assessment=assessment)
    # A province official who also submitted it (as editor of the subtree) may not review it either.
    services.assessment_return(actor=people.hanoi, assessment=assessment, comment="Làm lại")
    resubmitted = services.assessment_submit(actor=people.hanoi2, assessment=assessment)
    with pytest.raises(PermissionDeniedError):
        services.assessment_accept(actor=people.hanoi2, assessment=resubmitted)
    assert services.assessment_accept(actor=people.hanoi, assessment=resubmitted).status == "accepted"


def test_a_sibling_cannot_see_a_draft_nor_open_one_for_another_unit(tree, people, schemes):
    draft = services.assessment_open_for_unit(actor=people.taymo, scheme=schemes[COMMUNE], year=2025, unit=tree.taymo)
    assert can_view_assessment(people.taymo, draft) and can_view_assessment(people.hanoi, draft)
    assert can_view_assessment(people.viewer, draft)
    assert not can_view_assessment(people.yaly, draft) and not can_view_assessment(people.quangngai, draft)
    with pytest.raises(PermissionDeniedError):
        services.assessment_open_for_unit(actor=people.yaly, scheme=schemes[COMMUNE], year=2025, unit=tree.taymo)
    with pytest.raises(PermissionDeniedError):
        answer_all(people.viewer, draft)


def test_bad_input_is_refused_and_changes_nothing(tree, people, schemes):
    scheme = schemes[COMMUNE]
    with pytest.raises(ValidationFailed):  # a village is not rated by the commune scheme
        services.assessment_open_for_unit(actor=people.taymo, scheme=scheme, year=2025, unit=tree.village)
    with pytest.raises(ValidationFailed):
        services.assessment_open_for_unit(actor=people.taymo, scheme=scheme, year=2023, unit=tree.taymo)
    with pytest.raises(ValidationFailed):
        services.assessment_open_for_unit(actor=people.taymo, scheme=scheme, year=2999, unit=tree.taymo)
    assessment = services.assessment_open_for_unit(actor=people.taymo, scheme=scheme, year=2025, unit=tree.taymo)
    with pytest.raises(ConflictError):
        services.assessment_open_for_unit(actor=people.taymo, scheme=scheme, year=2025, unit=tree.taymo)
    with pytest.raises(ValidationFailed):  # nothing met: no level to submit
        services.assessment_submit(actor=people.taymo, assessment=assessment)
    with pytest.raises(ValidationFailed):
        services.answers_save(actor=people.taymo, assessment=assessment, answers={10**9: {"met": True}})
    with pytest.raises(ValidationFailed):
        services.answers_save(actor=people.taymo, assessment=assessment,
                              answers={assessment.answers.first().indicator_id: {"met": "yes"}})
    answer_all(people.taymo, assessment, level=1)
    assessment.refresh_from_db()
    with pytest.raises(ValidationFailed):  # level 2 is not reached
        services.assessment_submit(actor=people.taymo, assessment=assessment, level=2)
    with pytest.raises(ConflictError):
        services.assessment_submit(actor=people.taymo, assessment=assessment, version=assessment.version - 1)
    assessment.refresh_from_db()
    assert assessment.status == "draft"


def test_points_scheme_refuses_points_out_of_range(tree, people, schemes, make_user):
    from lifelong.learners.models import LearnerProfile

    learner = make_user(username="lan")
    LearnerProfile.objects.create(user=learner, display_name="Lan", home_commune=tree.taymo)
    scheme = schemes["cong-dan-hoc-tap-244-2022"]
    assessment = services.assessment_open_for_citizen(actor=learner, scheme=scheme, year=2025,
                                                      home_commune=tree.taymo)
    indicators = [a.indicator for a in assessment.answers.select_related("indicator")]
    for bad in ("11", "-1", "7.3", "nan", "abc"):
        with pytest.raises(ValidationFailed):
            services.answers_save(actor=learner, assessment=assessment, answers={indicators[0].pk: {"points": bad}})
    services.answers_save(actor=learner, assessment=assessment,
                          answers={i.pk: {"points": "8,5"} for i in indicators})
    assessment = services.assessment_submit(actor=learner, assessment=assessment)
    assert (assessment.status, assessment.points_total) == ("recognised", 85)
    assert _rate(tree.taymo, scheme.code).recognised == 1 and _rate(tree.hanoi, scheme.code).eligible == 1
    other = make_user(username="other")
    assert not can_view_assessment(other, assessment) and not can_view_assessment(people.taymo, assessment)
    services.assessment_delete(actor=learner, assessment=assessment)  # their data, erasable
    assert _rate(tree.taymo, scheme.code).recognised == 0


def test_concurrent_review_the_second_reviewer_gets_a_conflict(tree, people, schemes):
    assessment = submitted_commune(people, tree, schemes[COMMUNE])
    seen_version = assessment.version
    services.assessment_accept(actor=people.hanoi, assessment=assessment, version=seen_version)
    with pytest.raises(ConflictError):
        services.assessment_refuse(actor=people.hanoi2, assessment=assessment, comment="Không đạt",
                                   version=seen_version)
    assert Assessment.objects.get(pk=assessment.pk).status == "accepted"


def test_tallies_equal_a_recount_after_every_kind_of_change(tree, people, schemes):
    a = submitted_commune(people, tree, schemes[COMMUNE])
    services.assessment_accept(actor=people.hanoi, assessment=a)
    b = services.assessment_open_for_unit(actor=people.yaly, scheme=schemes[COMMUNE], year=2025, unit=tree.yaly)
    answer_all(people.yaly, b)
    b = services.assessment_submit(actor=people.yaly, assessment=b)
    services.assessment_refuse(actor=people.quangngai, assessment=b, comment="Thiếu hồ sơ")
    live = set(RecognitionTally.objects.exclude(n=0).values_list("unit_id", "scheme_code", "year", "measure", "n"))
    tally.tally_rebuild()
    assert set(RecognitionTally.objects.exclude(n=0).values_list("unit_id", "scheme_code", "year", "measure",
                                                                 "n")) == live


def test_reminders_reach_units_that_have_not_applied_once(tree, people, schemes, mailoutbox):
    from lifelong.recognition.reminders import send_recognition_reminders
    from lifelong.reports.models import Notification

    submitted_commune(people, tree, schemes[COMMUNE])  # Tây Mỗ applied for 2025; Ya Ly did not
    due_in_7 = date(2026, 2, 21)  # the dossier is due on 28/02/2026
    assert send_recognition_reminders(date(2026, 2, 20)) == 0  # 8 days before: not a reminder day
    assert send_recognition_reminders(due_in_7) == 1
    assert send_recognition_reminders(due_in_7) == 0  # never twice
    notes = Notification.objects.filter(user=people.yaly)
    assert notes.count() == 1 and "28/02/2026" in notes.get().message
    assert not Notification.objects.filter(user=people.taymo).exists()
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["yaly@example.vn"]
