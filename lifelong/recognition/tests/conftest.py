"""Fixtures of the recognition tests: the shipped schemes, and officials of the shared tree."""

from types import SimpleNamespace

import pytest

from lifelong.orgs.models import Membership


@pytest.fixture
def schemes(db):
    """The shipped schemes by code (installed by a migration; a browser test's flush removes them, so reinstall)."""
    from lifelong.recognition.models import Scheme
    from lifelong.recognition.schemes import schemes_install

    if not Scheme.objects.exists():
        schemes_install()
    return {s.code: s for s in Scheme.objects.all()}


@pytest.fixture
def people(tree, make_user):
    E = Membership.Role.EDITOR
    return SimpleNamespace(
        taymo=make_user(tree.taymo, E, username="taymo"), hanoi=make_user(tree.hanoi, E, username="hanoi"),
        hanoi2=make_user(tree.hanoi, E, username="hanoi2"), yaly=make_user(tree.yaly, E, username="yaly"),
        quangngai=make_user(tree.quangngai, E, username="quangngai"),
        village=make_user(tree.village, E, username="village"),
        viewer=make_user(tree.taymo, Membership.Role.VIEWER, username="viewer"))
