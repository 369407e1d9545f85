"""The public-page cache: only anonymous visitors, never a CSRF token or a cookie shared between them."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from lifelong.activities import services
from lifelong.activities.models import Registration
from lifelong.activities.tests.conftest import future, sign_up
from lifelong.orgs.models import Membership


@pytest.fixture
def cached(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def test_anonymous_pages_are_shared_for_a_while_and_carry_no_token(client, cached, skills):
    url = reverse("activity_detail", args=[skills.pk])
    first = client.get(url)
    assert first.status_code == 200 and "csrfmiddlewaretoken" not in first.content.decode()
    assert "X-CSRFToken" not in first.content.decode() and not first.cookies
    sign_up(skills)  # one of the two places goes
    assert client.get(url).content == first.content  # the copy, for up to PUBLIC_PAGE_CACHE_SECONDS
    cache.clear()
    fresh = client.get(url).content.decode()
    assert fresh != first.content.decode()
    # and a registration posted from the cached page, with no CSRF cookie at all, works
    client.cookies.clear()
    session = skills.sessions.get()
    response = client.post(reverse("register", args=[session.pk]), {
        "name": "Trần Văn Bình", "phone": "0912000111", "group": "residents", "consent": "on"})
    assert response.status_code == 302 and Registration.objects.filter(name="Trần Văn Bình").exists()


def test_logged_in_users_and_language_get_their_own_page(client, cached, tree, campaign, skills, make_user):
    url = reverse("activity_list")
    anonymous = client.get(url).content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": url})
    english = client.get(url).content.decode()
    assert 'lang="en"' in english and 'lang="vi"' in anonymous
    client.cookies.clear()
    client.force_login(make_user(tree.taymo, Membership.Role.EDITOR))
    draft = services.activity_create(actor=None, unit=tree.taymo, campaign=campaign, published=True,
                                     data={"category": skills.category, "title": "Lớp mới đăng"},
                                     sessions=[(future(4), future(4, 10))])
    page = client.get(url).content.decode()
    assert draft.title in page and "X-CSRFToken" in page  # not the anonymous copy
    assert draft.title not in anonymous
