"""Text widths in Times New Roman, checked against what LibreOffice prints (Liberation Serif, same metrics)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lifelong.documents.metrics import longest_word_width, text_width


@pytest.mark.parametrize(("text", "size", "bold", "printed_cm"), [
    # Widths measured with pdftotext -bbox-layout on a LibreOffice PDF.
    ("BỘ GIÁO DỤC VÀ ĐÀO TẠO", 13, True, 6.12),
    ("UBND THÀNH PHỐ HÀ NỘI", 13, False, 5.75),
    ("TRƯỜNG THCS NGUYỄN QUÝ ĐỨC", 13, True, 7.78),
    ("TRƯỜNG THCS NGUYỄN QUÝ ĐỨC", 12, True, 7.18),
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, True, 8.82),
    ("Độc lập - Tự do - Hạnh phúc", 13, True, 5.61),
    ("Số: 5607/BGDĐT-GDNNGDTX", 13, False, 6.10),
])
def test_text_width_matches_the_printed_width(text, size, bold, printed_cm):
    assert text_width(text, size, bold=bold).cm == pytest.approx(printed_cm, abs=0.05)


def test_marks_keep_the_width_of_the_base_letter_but_horns_widen_it():
    assert text_width("ẠẢÃÀÁ", 12) == text_width("AAAAA", 12)
    assert text_width("ỘỔỖỒỐ", 12, bold=True) == text_width("OOOOO", 12, bold=True)
    assert text_width("Ư", 12) > text_width("U", 12)
    assert text_width("ươ", 12) > text_width("uo", 12)
    assert text_width("Đ", 12) == text_width("D", 12)


def test_decomposed_text_is_measured_like_composed_text():
    assert text_width("Nguye\u0302\u0303n", 14) == text_width("Nguyễn", 14)


def test_bold_is_wider_and_width_scales_with_size():
    assert text_width("TRƯỜNG", 13, bold=True) > text_width("TRƯỜNG", 13)
    assert text_width("Hà Nội", 26) == pytest.approx(2 * text_width("Hà Nội", 13), abs=2)


def test_unknown_characters_count_as_wide_letters():
    assert text_width("★", 12) == text_width("N", 12)


def test_longest_word():
    assert longest_word_width("Cán bộ, công chức", 12, bold=True) == text_width("chức", 12, bold=True)
    assert longest_word_width("", 12) == 0


VIETNAMESE = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E) | st.sampled_from(
    "ĂÂĐÊÔƠƯăâđêôơư ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ"
    "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ–“”…"), max_size=40)


@given(VIETNAMESE, VIETNAMESE)
def test_width_of_joined_text_is_the_sum(first, second):
    joined = text_width(first + second, 12)
    assert joined == pytest.approx(text_width(first, 12) + text_width(second, 12), abs=2)
