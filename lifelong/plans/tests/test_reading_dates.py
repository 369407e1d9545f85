"""The date reader of the document importer (issue 6): every written form, and no exception on any text."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lifelong.plans.reading.dates import find_dates, fold_same_length, read_date, read_range

D = date


@pytest.mark.parametrize(("text", "expected"), [
    ("Hà Nội, ngày 25 tháng 9 năm 2025", D(2025, 9, 25)),
    ("Quảng Ngãi, ngày  30  tháng 9  năm 2025", D(2025, 9, 30)),
    ("hạn chót 01/10/2025.", D(2025, 10, 1)),
    ("hạn chót 1/10/2025.", D(2025, 10, 1)),
    ("gửi trước 01-10-2025", D(2025, 10, 1)),
    ("gửi trước 01.10.2025", D(2025, 10, 1)),
    ("khai mạc ngày 07/ 10/2021", D(2021, 10, 7)),
    ("NGÀY 5 THÁNG 10 NĂM 2024", D(2024, 10, 5)),
])
def test_single_dates(text, expected):
    assert read_date(text) == expected


@pytest.mark.parametrize(("text", "year", "expected"), [
    ("từ ngày 01/10 đến ngày 07/10/2025", None, (D(2025, 10, 1), D(2025, 10, 7))),
    ("Tuần lễ diễn ra từ 1-7/10/2024 trên toàn quốc", None, (D(2024, 10, 1), D(2024, 10, 7))),
    ("tổ chức đồng loạt từ ngày 1 đến ngày 7-10-2018.", None, (D(2018, 10, 1), D(2018, 10, 7))),
    ("diễn ra từ 27/9 đến 5/10", 2015, (D(2015, 9, 27), D(2015, 10, 5))),
    ("từ ngày 2-8/10", 2023, (D(2023, 10, 2), D(2023, 10, 8))),
    ("từ ngày 01/10/2025 đến hết ngày 07/10/2025", None, (D(2025, 10, 1), D(2025, 10, 7))),
    ("từ 30/9 - 6/10/2025", None, (D(2025, 9, 30), D(2025, 10, 6))),
    ("từ 28/12 đến 03/01/2026", None, (D(2025, 12, 28), D(2026, 1, 3))),
    ("từ ngày 01 tháng 10 đến ngày 07 tháng 10 năm 2025", None, (D(2025, 10, 1), D(2025, 10, 7))),
])
def test_ranges(text, year, expected):
    assert read_range(text, default_year=year) == expected


def test_a_date_without_year_takes_the_documents_year_or_nothing():
    assert read_date("trước ngày 15/10", default_year=2025) == D(2025, 10, 15)
    assert read_date("trước ngày 15/10") is None
    assert find_dates("trước ngày 15/10", 2025)[0].year_given is False


@pytest.mark.parametrize("text", [
    "Nghị định số 12/2025/NĐ-CP",
    "Công văn số 3589/BGDĐT-GDTX",
    "Số: 41 /KH-TTr",
    "ngày 31/9/2025",  # no such day
    "ngày 5/13/2025",
    "Điều 2025-10",
])
def test_numbers_that_are_not_dates(text):
    assert find_dates(text, default_year=2025) == []


def test_spans_point_into_the_original_text():
    text = "Phường Tây Mỗ, ngày 01 tháng 10 năm 2025; hạn 15/10/2025"
    mentions = find_dates(text)
    assert [text[a:b] for a, b in (m.span for m in mentions)] == ["ngày 01 tháng 10 năm 2025", "15/10/2025"]


def _written(day: date, form: int) -> str:
    d, m, y = day.day, day.month, day.year
    return [f"{d:02d}/{m:02d}/{y}", f"{d}/{m}/{y}", f"{d:02d}-{m:02d}-{y}", f"ngày {d} tháng {m} năm {y}",
            f"{d:02d}/ {m:02d}/{y}", f"ngày {d:02d} tháng {m:02d} năm {y}", f"{d}.{m}.{y}"][form]


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 12, 31)), st.integers(0, 6),
       st.text(alphabet=" ,;:()abcxyzđêôơư", max_size=8), st.text(alphabet=" ,;:()abcxyzđêôơư", max_size=8))
def test_every_written_form_reads_back(day, form, before, after):
    text = f"Hà Nội{before} {_written(day, form)} {after}"
    assert read_date(text) == day


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 12, 1)), st.integers(1, 20), st.booleans())
def test_ranges_with_the_year_only_at_the_end_read_back(first, length, words):
    last = date.fromordinal(first.toordinal() + length)
    if last.year != first.year or last.year > 2100:
        return
    text = (f"từ ngày {first.day:02d}/{first.month:02d} đến hết ngày {last.day:02d}/{last.month:02d}/{last.year}"
            if words else f"{first.day}/{first.month} - {last.day}/{last.month}/{last.year}")
    assert read_range(text) == (first, last)


@settings(max_examples=300, deadline=None)
@given(st.text(), st.one_of(st.none(), st.integers(-5, 10_000)))
def test_nothing_raises_on_any_text(text, year):
    for mention in find_dates(text, year):
        assert mention.start <= mention.end
        assert 0 <= mention.span[0] < mention.span[1] <= len(text)


@given(st.text())
def test_folding_keeps_the_length(text):
    assert len(fold_same_length(text)) == len(text)
