"""The contests demo: Hà Nội's contest with its bank, a closed round with results, a round open now."""

from django.core.management import call_command

from lifelong.contests.demo import MORE, TITLE, load_demo_contests, load_demo_more_contests
from lifelong.contests.models import Contest
from lifelong.contests.ranking import ranking
from lifelong.contests.selectors import round_state


def test_the_demo_contest_can_be_entered_and_has_results(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", verbosity=0)
    contest = Contest.objects.get(title=TITLE)
    assert contest.published and contest.questions.count() >= 20
    week, open_round = contest.rounds.order_by("opens_at")
    assert (round_state(week), round_state(open_round)) == ("closed", "open")
    places = ranking(week)
    assert [p.name for p in places] == ["Nguyễn Thị Lan", "Trần Văn Minh"] and places[0].score == 9
    assert load_demo_contests() == {"contests": 0, "questions": 0, "attempts": 0}
    # The three more, open now or soon, each with its bank and a round; loaded once.
    more = Contest.objects.filter(title__in=[entry[3] for entry in MORE], published=True)
    assert more.count() == 3 and all(c.rounds.count() == 1 and c.questions.count() == 5 for c in more)
    assert load_demo_more_contests() == {"contests": 0}
