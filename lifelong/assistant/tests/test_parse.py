"""Reading questions: time, mode, audience and topic, with and without tone marks."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from lifelong.assistant.parse import fold, parse, read_time

TODAY = date(2026, 9, 30)  # a Wednesday, the day before the Week


@given(st.dates(min_value=date(2001, 1, 1), max_value=date(2099, 12, 31)))
def test_any_written_day_is_read_back(day):
    for written in (f"{day.day}/{day.month}/{day.year}", f"{day.day:02d}/{day.month:02d}/{day.year}",
                    f"ngày {day.day} tháng {day.month} năm {day.year}"):
        start, end, _words = read_time(fold(written), TODAY)
        assert (start, end) == (day, day), written


@given(st.dates(min_value=date(2001, 1, 1), max_value=date(2099, 12, 1)), st.integers(min_value=0, max_value=25))
def test_any_span_is_read_back(first, length):
    last = first + timedelta(days=length)
    written = f"từ {first.day}/{first.month}/{first.year} đến {last.day}/{last.month}/{last.year}"
    assert read_time(fold(written), TODAY)[:2] == (first, last)


def test_days_without_a_year_are_the_coming_ones():
    assert read_time(fold("5/10"), TODAY)[:2] == (date(2026, 10, 5), date(2026, 10, 5))
    assert read_time(fold("từ 1/10 đến 7/10"), TODAY)[:2] == (date(2026, 10, 1), date(2026, 10, 7))
    assert read_time(fold("tu ngay 1 den 7/10"), TODAY)[:2] == (date(2026, 10, 1), date(2026, 10, 7))
    assert read_time(fold("ngày 3/1"), TODAY)[:2] == (date(2027, 1, 3), date(2027, 1, 3))  # January has passed
    assert read_time(fold("31/2"), TODAY)[:2] == (None, None)  # no such day


def test_relative_times():
    cases = {"hôm nay": (TODAY, TODAY), "ngay mai": (date(2026, 10, 1),) * 2,
             "tuần này": (TODAY, date(2026, 10, 4)), "tuan sau": (date(2026, 10, 5), date(2026, 10, 11)),
             "cuối tuần": (date(2026, 10, 3), date(2026, 10, 4)), "tháng 10": (date(2026, 10, 1), date(2026, 10, 31)),
             "thang sau": (date(2026, 10, 1), date(2026, 10, 31)), "tháng này": (TODAY, TODAY),
             "tháng 3": (date(2027, 3, 1), date(2027, 3, 31))}
    for written, expected in cases.items():
        assert read_time(fold(written), TODAY)[:2] == expected, written


def test_a_question_is_read_into_filters_with_or_without_tone_marks():
    for question in ("tuần này ở Tây Mỗ có lớp kỹ năng số trực tuyến nào cho người cao tuổi",
                     "tuan nay o tay mo co lop ky nang so truc tuyen nao cho nguoi cao tuoi"):
        parsed = parse(question, TODAY)
        assert (parsed.start, parsed.end) == (TODAY, date(2026, 10, 4))
        assert parsed.mode == "online" and parsed.audiences == ["residents"]
        assert parsed.categories == ["digital_skills"] and "tay mo" in parsed.rest
    contest = parse("cuoc thi lap trinh cho hoc sinh", TODAY)
    assert (contest.categories, contest.audiences, contest.start) == (["competition"], ["learners"], None)


def test_empty_and_hostile_questions_are_read_as_nothing():
    for question in ("", "   ", "?!?!...", "<script>alert(1)</script>", "x" * 10000, "\x00\u202e"):
        parsed = parse(question, TODAY)
        assert parsed.start is None and not parsed.categories and len(parsed.text) <= 300


@given(st.integers(min_value=0, max_value=6), st.sampled_from(["thu", "thứ"]))
def test_a_weekday_is_the_coming_one(weekday, word):
    written = "chủ nhật" if weekday == 6 else f"{word} {weekday + 2}"
    start, end, _words = read_time(fold(written), TODAY)
    assert start == end and start.weekday() == weekday and TODAY <= start < TODAY + timedelta(days=7)


@given(st.integers(min_value=1, max_value=12), st.integers(min_value=2001, max_value=2099))
def test_a_month_of_a_year_and_a_year_alone(month, year):
    start, end, _words = read_time(fold(f"tháng {month}/{year}"), TODAY)
    assert (start.year, start.month, start.day, end.month) == (year, month, 1, month)
    assert read_time(fold(f"hoạt động năm {year}"), TODAY)[:2] == (date(year, 1, 1), date(year, 12, 31))


def test_chat_forms_of_time():
    assert read_time(fold("mai co lop gi"), TODAY)[:2] == (date(2026, 10, 1),) * 2
    assert read_time(fold("sắp tới"), TODAY)[:2] == (TODAY, TODAY + timedelta(days=30))
    assert read_time(fold("hoc voi chi Mai"), TODAY)[:2] == (None, None)  # a name, not tomorrow


def test_mode_words_that_name_a_topic_are_not_a_mode():
    assert parse("lớp bán hàng online", TODAY).mode == ""
    assert parse("hướng dẫn dịch vụ công trực tuyến", TODAY).mode == ""
    assert parse("lớp tiếng Anh online", TODAY).mode == "online"


VIETNAMESE = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"


@given(st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + " 0123456789,.:", max_size=60))
def test_quick_folding_folds_as_search_key(text):
    from lifelong.assistant.parse import quick_fold
    from lifelong.core.text import search_key

    assert " ".join(quick_fold(text).split()) == search_key(text)
