"""The ranking's rules on their own: two-syllable words, the rarest word, weak words; typo mending; where a
location is."""

from lifelong.assistant.geography import nearest_province
from lifelong.assistant.ranking import Document, Query, rank, tokens
from lifelong.assistant.vocabulary import is_syllable, mend


def _ranked(question: str, texts: list[str], **query) -> list[str]:
    return [texts[i] for i, _score in rank(Query(sequence=question.split(), **query), [Document(t) for t in texts])]


def test_punctuation_is_not_part_of_a_word():
    assert tokens("lop tin hoc van phong: soan thao") == [
        "lop", "tin", "hoc", "van", "phong", "soan", "thao", "lop_tin", "tin_hoc", "hoc_van", "van_phong",
        "phong_soan", "soan_thao"]


def test_two_syllables_apart_do_not_answer_the_word_they_make():
    texts = ["tham gia cuoc thi bang dien thoai", "bang gia dien sinh hoat"]
    assert _ranked("gia dien", texts) == ["bang gia dien sinh hoat"]
    # A pair the candidates know must be held as a pair: "ký" of "kỹ năng" is not "đăng ký".
    assert _ranked("dang ky", ["lop ky nang so", "cach dang ky tham gia"]) == ["cach dang ky tham gia"]
    # Foreign words stand alone.
    assert _ranked("robot stem", ["ngay hoi robot va stem"]) == ["ngay hoi robot va stem"]


def test_the_rarest_word_must_be_held_unless_nearly_all_are():
    texts = ["ket qua hoc tap cua toi", "bao cao ket qua tuan le"]
    assert _ranked("ket qua bong da", texts) == []
    assert _ranked("ket qua hoc tap", texts)[0] == "ket qua hoc tap cua toi"


def test_weak_words_alone_ask_nothing_beyond_the_filters():
    texts = ["ban hang truc tuyen", "lop excel co ban"]
    query = Query(sequence=["co", "lop", "gi"])
    filtered = [Document(t, filtered=True) for t in texts]
    assert len(rank(query, filtered)) == 2
    assert [texts[i] for i, _s in rank(query, [Document(t) for t in texts])] == ["lop excel co ban"]


def test_other_ways_of_saying_a_word_answer_it():
    texts = ["hoc truc tuyen cung con huong dan phu huynh", "lop nau an"]
    assert _ranked("bo me hoc", texts, alternatives={"me": [["phu", "huynh"]]}) == [texts[0]]


def test_typos_are_mended_only_when_sure():
    known = {"lap", "trinh", "ky", "nang", "so", "thoi", "thiet", "tay", "mo", "excel"}
    pairs = {"lap trinh", "ky nang", "nang so", "tay mo"}
    assert mend(["ky", "nag", "so"], known, pairs)[0] == ["ky", "nang", "so"]  # "nag" is no syllable
    assert mend(["lap", "trin"], known, pairs)[0] == ["lap", "trinh"]  # a syllable, but "lap trinh" is known
    assert mend(["thoi", "tiet"], known, pairs) == (["thoi", "tiet"], {})  # "thoi thiet" is not
    assert mend(["excell"], known, pairs, titles={"excel"})[0] == ["excel"]  # a word of the platform's titles
    assert mend(["tour"], known | {"tor"}, pairs, titles={"excel"}) == (["tour"], {})  # not into interface junk
    assert is_syllable("nghieng") and is_syllable("khuyen") and not is_syllable("trnh")


def test_a_location_is_in_the_province_of_the_nearest_centre():
    assert nearest_province(21.0, 105.8) == "ha noi"
    assert nearest_province(10.03, 105.78) == "can tho"
    assert nearest_province(48.85, 2.35) is None
    assert nearest_province(91, 0) is None
