"""The public list and an activity's page rendered on every visit (issue 18): a fixed handful of queries however many
activities match, pages read by id from one ordered list of ids, and the bound on the start (PostgreSQL) that drops no
activity still running."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from lifelong.activities import services
from lifelong.activities.tests.conftest import future


def _class(tree, campaign, skills, title, sessions, **extra):
    return services.activity_create(actor=None, unit=tree.taymo, campaign=campaign, published=True,
                                    data={"category": skills.category, "title": title, **extra}, sessions=sessions)


def test_the_list_costs_a_fixed_handful_of_queries_however_many_match(client, tree, campaign, skills,
                                                                     django_assert_max_num_queries):
    for n in range(25):
        _class(tree, campaign, skills, f"Lớp kỹ năng số {n:02}", [(future(4, 8) + timedelta(minutes=n),
                                                                   future(4, 10) + timedelta(minutes=n))])
    params = {"province": tree.hanoi.pk, "q": "ky nang so"}
    client.get(reverse("activity_list"), params)  # the filters' options are kept from here on
    # the ids in order, the lines of the page, the tree's version, the kinds of the current campaign
    with django_assert_max_num_queries(4):
        first = client.get(reverse("activity_list"), params)
    titles = [line.title for line in first.context["page"]]
    assert titles[0] == skills.title and titles[1:] == [f"Lớp kỹ năng số {n:02}" for n in range(19)]
    assert first.context["page"].paginator.count == 26 and first.context["page"].paginator.num_pages == 2
    with django_assert_max_num_queries(4):
        second = client.get(reverse("activity_list"), {**params, "page": 2})
    assert [line.title for line in second.context["page"]] == [f"Lớp kỹ năng số {n:02}" for n in range(19, 25)]
    line = second.context["page"][0]
    assert line.url == reverse("activity_detail", args=[line.pk]) and "Phường Tây Mỗ, Thành phố Hà Nội" in line.place


def test_an_activity_begun_long_ago_that_has_not_ended_is_still_listed(client, tree, campaign, skills):
    now = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    hours = timedelta(hours=2)
    began, ends, ended = now - timedelta(days=40), now + timedelta(days=20), now - timedelta(days=2)
    running = _class(tree, campaign, skills, "Lớp dài ngày", [(began, began + hours), (ends, ends + hours)])
    _class(tree, campaign, skills, "Lớp đã xong", [(ended, ended + hours)])
    titles = [line.title for line in client.get(reverse("activity_list")).context["page"]]
    assert titles == [running.title, skills.title]
    past = [line.title for line in client.get(reverse("activity_list"), {"when": "past"}).context["page"]]
    assert past == ["Lớp đã xong"]


def test_an_activity_page_reads_three_queries(client, skills, django_assert_max_num_queries):
    # the activity with its kind, commune and organiser; its sessions; whether the library has anything for it
    with django_assert_max_num_queries(3):
        page = client.get(reverse("activity_detail", args=[skills.pk])).content.decode()
    session = skills.sessions.get()
    form = page.split(f'action="{reverse("register", args=[session.pk])}"')[1].split("</form>")[0]
    assert 'name="consent"' in form and 'name="name"' in form  # the blank form, rendered once per language
