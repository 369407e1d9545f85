import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from lifelong.core.text import normalize_text, search_key


def test_folding_examples_from_the_issue():
    assert "tay mo" in search_key("Phường Tây Mỗ")
    assert search_key("Xã Ya Ly") == "xa ya ly"
    assert search_key("Thành phố Đà Nẵng") == "thanh pho da nang"
    assert search_key("Đào tạo") == "dao tao"
    assert search_key("ĐẮK LẮK") == "dak lak"


def test_decomposed_input_folds_like_composed():
    decomposed = unicodedata.normalize("NFD", "Phường Tây Mỗ")
    assert decomposed != "Phường Tây Mỗ"
    assert search_key(decomposed) == search_key("Phường Tây Mỗ") == "phuong tay mo"


def test_normalize_text_collapses_spaces_and_composes():
    assert normalize_text("  Tổ\u00a0dân   phố\tsố 1 ") == "Tổ dân phố số 1"
    assert normalize_text(unicodedata.normalize("NFD", "Mỗ")) == "Mỗ"


VIETNAMESE = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ "


@given(st.text(alphabet=VIETNAMESE + VIETNAMESE.upper()))
def test_folded_vietnamese_is_plain_ascii(text):
    folded = search_key(text)
    assert folded.isascii()
    assert folded == folded.lower()


@given(st.text())
def test_folding_is_idempotent_and_never_raises(text):
    once = search_key(text)
    assert search_key(once) == once
    assert not any(unicodedata.combining(ch) for ch in once)
