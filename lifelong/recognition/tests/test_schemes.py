"""The schemes shipped as data and their editing by the Ministry (frozen once in use)."""

import pytest

from lifelong.core.errors import ConflictError, PermissionDeniedError, ValidationFailed
from lifelong.orgs.models import Membership
from lifelong.recognition import scheme_admin, services
from lifelong.recognition.models import Indicator, Scheme
from lifelong.recognition.schemes import shipped_schemes


def test_shipped_schemes_follow_the_published_structure(schemes):
    assert {d["code"] for d in shipped_schemes()} == set(schemes)
    citizen = schemes["cong-dan-hoc-tap-244-2022"]
    points = list(Indicator.objects.filter(criterion__scheme=citizen))
    assert (citizen.method, citizen.pass_total, citizen.needs_review) == ("points", 80, False)
    assert len(points) == 10 and {(i.max_points, i.min_points) for i in points} == {(10, 5)}
    assert citizen.criteria.count() == 3 and all(c.confirmed for c in citizen.criteria.all())
    commune = schemes["cdht-xa-tt25-2023"]
    assert [lv.number for lv in commune.levels.all()] == [1, 2]  # two levels in TT 25/2023, not three
    assert commune.criteria.count() == 5 and not commune.confirmed
    # Wording read in the published Vietnamese text is marked confirmed, and only that.
    confirmed = Indicator.objects.filter(confirmed=True)
    assert set(confirmed.values_list("criterion__scheme__code", flat=True)) == {"dvht-co-so-tt24-2023",
                                                                                 "gia-dinh-hoc-tap-khvn"}
    assert Indicator.objects.filter(text__contains="chưa đối chiếu văn bản", confirmed=True).count() == 0


@pytest.fixture
def ministry_admin(tree, make_user):
    return make_user(tree.ministry, Membership.Role.ADMIN, username="bo")


def test_the_ministry_completes_an_unused_scheme_and_others_cannot(tree, schemes, ministry_admin, make_user):
    scheme = schemes["dong-ho-hoc-tap-khvn"]
    indicator = Indicator.objects.get(criterion__scheme=scheme)
    updated = scheme_admin.indicator_update(actor=ministry_admin, indicator=indicator, text="Nguyên văn chỉ tiêu",
                                            confirmed=True, version=scheme.version)
    assert (updated.text, updated.confirmed) == ("Nguyên văn chỉ tiêu", True)
    with pytest.raises(ConflictError):  # the version seen is now stale
        scheme_admin.indicator_update(actor=ministry_admin, indicator=indicator, text="x", confirmed=True,
                                      version=scheme.version)
    with pytest.raises(PermissionDeniedError):
        scheme_admin.indicator_update(actor=make_user(tree.hanoi, Membership.Role.ADMIN), indicator=indicator,
                                      text="x", confirmed=False)
    with pytest.raises(ValidationFailed):
        scheme_admin.indicator_update(actor=ministry_admin, indicator=indicator, text="  ", confirmed=False)


def test_a_scheme_in_use_is_frozen_and_changes_by_a_new_version(tree, schemes, ministry_admin, make_user):
    scheme = schemes["cdht-xa-tt25-2023"]
    services.assessment_open_for_unit(actor=make_user(tree.taymo), scheme=scheme, year=2025, unit=tree.taymo)
    indicator = Indicator.objects.filter(criterion__scheme=scheme).first()
    with pytest.raises(ConflictError):
        scheme_admin.indicator_update(actor=ministry_admin, indicator=indicator, text="đổi", confirmed=True)
    with pytest.raises(ValidationFailed):
        scheme_admin.scheme_copy(actor=ministry_admin, scheme=scheme, code="cdht-xa-tt25-2023", valid_from=2026)
    new = scheme_admin.scheme_copy(actor=ministry_admin, scheme=scheme, code="cdht-xa-2026", valid_from=2026)
    old = Scheme.objects.get(pk=scheme.pk)
    assert (old.valid_to, old.active, new.valid_from, new.valid_to) == (2025, True, 2026, None)
    with pytest.raises(ValidationFailed):  # 2025 is rated under the old version: the new one starts after it
        scheme_admin.scheme_copy(actor=ministry_admin, scheme=old, code="cdht-xa-2025", valid_from=2025)
    assert Indicator.objects.filter(criterion__scheme=new).count() == Indicator.objects.filter(
        criterion__scheme=old).count()
    assert new.authority_rules.count() == old.authority_rules.count() == 1
    edited = scheme_admin.indicator_update(actor=ministry_admin, indicator=Indicator.objects.filter(
        criterion__scheme=new).first(), text="Nguyên văn mới", confirmed=True)
    assert edited.text == "Nguyên văn mới" and Indicator.objects.get(pk=indicator.pk).text != "Nguyên văn mới"
