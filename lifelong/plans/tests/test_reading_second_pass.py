"""The plan reader on texts that are not the signed document (issue 19): pages and articles that restate a
document, name their unit in a title, masthead or lede, PDFs with interleaved header columns, symbols of
unusual shapes, themes and weeks of other years, and dates that disagree with their own year.

The sentences here are written for these tests and differ from the benchmark corpus (benchmarks/reading_corpus),
so that the rules are tested, not the corpus.
"""

import pytest

from lifelong.plans.reading import read_text
from lifelong.plans.reading.files import normalise
from lifelong.plans.reading.header import split_columns


def _fields(text: str) -> dict:
    return read_text(normalise(text))["fields"]


def _read(text: str) -> dict:
    return {name: found["value"] for name, found in _fields(text).items()}


def _subject(values: dict) -> tuple:
    return (values["doc_kind"], values["issuing_body"], values["number"], values["symbol"], values["issue_date"])


# The subject document and the legal basis -------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Chiều 23/9/2024, UBND huyện Mường Nhé đã ban hành Kế hoạch số 77/KH-UBND về Tuần lễ năm 2024.",
     ("Kế hoạch", "UBND huyện Mường Nhé", "77", "KH-UBND", "2024-09-23")),
    ("Ngày 3 tháng 9 năm 2018, Sở Giáo dục và Đào tạo Bến Tre có văn bản số 1711/SGDĐT-GDTX gửi các phòng "
     "giáo dục về Tuần lễ năm 2018.",
     ("Công văn", "Sở Giáo dục và Đào tạo Bến Tre", "1711", "SGDĐT-GDTX", "2018-09-03")),
    ("Hội Liên hiệp Phụ nữ tỉnh vừa gửi Thông báo số 12/TB-HLHPN ngày 28/9/2022 đến các cơ sở hội.",
     ("Thông báo", "Hội Liên hiệp Phụ nữ tỉnh", "12", "TB-HLHPN", "2022-09-28")),
    ("Theo Kế hoạch số 66/KH-PGDĐT ngày 19/9/2021 của phòng GD&ĐT quận Hải Châu, các trường tổ chức Tuần lễ "
     "năm 2021.", ("Kế hoạch", "Phòng GD&ĐT quận Hải Châu", "66", "KH-PGDĐT", "2021-09-19")),
])
def test_the_document_a_text_restates_is_its_subject(text, expected):
    assert _subject(_read(text)) == expected


def test_a_restated_document_is_marked_for_checking():
    fields = _fields("Ngày 2/9/2019, UBND tỉnh Hậu Giang ban hành Kế hoạch số 140/KH-UBND về Tuần lễ năm 2019.")
    for name in ("doc_kind", "issuing_body", "number", "symbol", "issue_date"):
        assert fields[name]["uncertain"] and fields[name]["note"], name


def test_a_document_only_cited_is_a_legal_basis_not_the_subject():
    values = _read("Căn cứ Công văn số 4012/BGDĐT-GDTX ngày 1/9/2022 của Bộ GDĐT và Kế hoạch số 98/KH-UBND "
                   "ngày 12/9/2022 của UBND tỉnh, các xã trên địa bàn tổ chức Tuần lễ năm 2022.")
    assert _subject(values) == (None, None, None, None, None)


def test_the_subject_after_its_legal_basis_in_one_sentence():
    values = _read("Triển khai Công văn số 4012/BGDĐT-GDTX ngày 1/9/2022 của Bộ GDĐT, ngày 16/9/2022 Sở GD&ĐT "
                   "tỉnh Bình Phước có Công văn số 1456/SGDĐT-GDTX hướng dẫn tổ chức Tuần lễ năm 2022.")
    assert _subject(values) == ("Công văn", "Sở GD&ĐT tỉnh Bình Phước", "1456", "SGDĐT-GDTX", "2022-09-16")


def test_a_date_without_a_year_takes_the_year_of_the_week():
    values = _read("Ngày 24/9, UBND quận Ngô Quyền ban hành Kế hoạch số 205/KH-UBND tổ chức Tuần lễ hưởng ứng "
                   "học tập suốt đời năm 2020.")
    assert values["issue_date"] == "2020-09-24"


def test_a_plan_mentioned_without_a_number_gives_no_document():
    values = _read("Ngày 21/9/2022, UBND huyện Tam Nông ban hành kế hoạch tổ chức Tuần lễ năm 2022.")
    assert (values["number"], values["issue_date"], values["doc_kind"]) == (None, None, None)


# The issuer of a page ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "issuer"), [
    ("Trường Mầm non Họa Mi tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2023\nCác cháu đọc thơ, kể chuyện.",
     "Trường Mầm non Họa Mi"),
    ("Ngày hội đọc sách năm 2022 - Trường Tiểu học Chu Văn An\nHọc sinh giới thiệu sách hay.",
     "Trường Tiểu học Chu Văn An"),
    ("Trung tâm học tập cộng đồng xã Ea Tiêu\nTin hoạt động\nCác lớp học tiếng Anh cho người lớn tuổi.",
     "Trung tâm học tập cộng đồng xã Ea Tiêu"),
    ("PLO - Sáng 30/9, tại nhà văn hóa khu phố 3, UBND phường Thủ Dầu Một đã tổ chức lễ phát động Tuần lễ năm 2025.",
     "UBND phường Thủ Dầu Một"),
    ("Nhân dịp Tuần lễ học tập suốt đời năm 2021, Hội Cựu giáo chức huyện Ba Vì phát động phong trào đọc sách.",
     "Hội Cựu giáo chức huyện Ba Vì"),
])
def test_the_unit_a_page_is_about(text, issuer):
    assert _read(text)["issuing_body"] == issuer


@pytest.mark.parametrize("text", [
    "NLĐ\nKHAI MẠC TUẦN LỄ HỌC TẬP SUỐT ĐỜI\nĐông đảo người dân tham gia các hoạt động đọc sách.",
    "QĐND\nLỄ PHÁT ĐỘNG TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2024\nTuần lễ diễn ra sôi nổi.",
    "Báo Thanh Niên\nThời sự\nTuần lễ học tập suốt đời: người dân háo hức học kỹ năng số.",
    "VIỆT HÙNG\nCác lớp học kỹ năng số được mở tại nhà văn hóa thôn.",
])
def test_a_newspaper_a_ceremony_or_a_byline_is_not_the_issuer(text):
    values = _read(text)
    assert values["issuing_body"] is None and values["parent_body"] is None


def test_the_fuller_name_of_a_masthead_completes_the_issuer_of_the_text():
    values = _read("Sở Giáo dục và Đào tạo Long An\nSở Giáo dục và Đào tạo đã ban hành Kế hoạch số 2210/KH-SGDĐT "
                   "ngày 14/9/2023 về Tuần lễ năm 2023.")
    assert values["issuing_body"] == "Sở Giáo dục và Đào tạo Long An"


# Interleaved header columns ----------------------------------------------------------------------------------


INTERLEAVED = ("UBND TỈNH HÀ TĨNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
               "SỞ GIÁO DỤC VÀ Độc lập - Tự do - Hạnh phúc\n"
               "ĐÀO TẠO\n"
               "Số: 1290/KH-SGDĐT Hà Tĩnh, ngày 12 tháng 9 năm 2024\n"
               "KẾ HOẠCH\nTổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\n")


def test_interleaved_header_columns_are_read():
    values = _read(INTERLEAVED)
    assert (values["parent_body"], values["issuing_body"]) == ("UBND TỈNH HÀ TĨNH", "SỞ GIÁO DỤC VÀ\nĐÀO TẠO")
    assert (values["number"], values["symbol"]) == ("1290", "KH-SGDĐT")
    assert (values["issue_place"], values["issue_date"]) == ("Hà Tĩnh", "2024-09-12")


def test_interleaved_columns_with_the_motto_first_and_the_date_before_the_number():
    values = _read("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM ỦY BAN NHÂN DÂN\n"
                   "Độc lập - Tự do - Hạnh phúc XÃ NAM ĐÀN\n"
                   "Nam Đàn, ngày 29 tháng 9 năm 2025 Số: 71/KH-UBND\nKẾ HOẠCH\nTổ chức Tuần lễ năm 2025\n")
    assert values["issuing_body"] == "ỦY BAN NHÂN DÂN\nXÃ NAM ĐÀN"
    assert (values["number"], values["symbol"], values["issue_date"]) == ("71", "KH-UBND", "2025-09-29")


def test_splitting_columns_keeps_every_offset():
    text = normalise(INTERLEAVED)
    split = split_columns(text)
    assert len(split) == len(text) and split.replace("\t", " ") == text.replace("\t", " ")
    reading = read_text(text)
    start, end = reading["fields"]["issue_date"]["span"]
    assert "12 tháng 9 năm 2024" in reading["text"][start:end]


def test_a_prose_line_near_the_top_is_not_split():
    text = normalise("Người dân Hà Nội, ngày càng nhiều người học kỹ năng số trong Tuần lễ năm 2024.\n")
    assert split_columns(text) == text


# Symbols of unusual shapes -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("line", "number", "symbol", "kind"), [
    ("Số 37-KH/HKH", "37", "KH/HKH", "Kế hoạch"),
    ("Số: 08-CV/HKH", "08", "CV/HKH", "Công văn"),
    ("Số: 9/KH-THCS", "9", "KH-THCS", "Kế hoạch"),
])
def test_header_symbols_of_associations_and_schools(line, number, symbol, kind):
    values = _read(f"HỘI KHUYẾN HỌC HUYỆN YÊN THẾ\n{line}\nV/v Tuần lễ năm 2023\n")
    assert (values["number"], values["symbol"]) == (number, symbol)
    assert values["doc_kind"] == kind


@pytest.mark.parametrize(("sentence", "number", "symbol"), [
    ("Ngày 11/9/2023, Ban Thường vụ Hội Khuyến học huyện ban hành Kế hoạch số 55-HKH/BTV về Tuần lễ năm 2023.",
     "55", "HKH/BTV"),
    ("Ngày 11/9/2023, Trường THCS Yên Lạc ban hành Kế hoạch số 19/KH-THCS về Tuần lễ năm 2023.", "19", "KH-THCS"),
    ("Ngày 11/9/2023, Phòng GD&ĐT ban hành Kế hoạch số 203 về Tuần lễ năm 2023.", "203", None),
    ("Ngày 11/9/2023, Sở GD&ĐT có Công văn số 880/SGDĐT-GDTX&CN về Tuần lễ năm 2023.", "880", "SGDĐT-GDTX&CN"),
])
def test_restated_symbols_of_every_shape(sentence, number, symbol):
    values = _read(sentence)
    assert (values["number"], values["symbol"]) == (number, symbol)


# Themes of other years ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Tuần lễ năm 2019 được tổ chức với chủ đề Học tập suốt đời vì một cộng đồng văn minh, từ ngày 30/9/2019.",
    "Tuần lễ hưởng ứng học tập suốt đời năm 2019 với chủ đề Học tập suốt đời vì một cộng đồng\nvăn minh.",
    "Tuần lễ năm 2019 có chủ đề: “Học tập suốt đời vì một\ncộng đồng văn minh”.",
    "- Chủ đề: Học tập suốt đời vì một cộng đồng văn minh.\n- Thời gian: từ 30/9 đến 6/10/2019.",
    "Chủ đề Tuần lễ năm nay: «Học tập suốt đời vì một cộng đồng văn minh».",
])
def test_themes_without_quotes_or_over_lines(text):
    assert _read(text)["theme"] == "Học tập suốt đời vì một cộng đồng văn minh"


def test_the_theme_of_an_activity_is_not_the_week_s():
    values = _read("Hưởng ứng Tuần lễ năm 2022, thư viện huyện tổ chức hội thảo với chủ đề Sách và người đọc trẻ.")
    assert values["theme"] is None


# Weeks -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "start", "end"), [
    ("Tuần lễ năm 2022 diễn ra từ ngày 3 đến 9/10/2022.", "2022-10-03", "2022-10-09"),
    ("Tuần lễ hưởng ứng học tập suốt đời năm 2022 được tổ chức từ 03/10 đến 09/10.", "2022-10-03", "2022-10-09"),
    ("Trong những ngày từ 3/10 đến 9/10/2022, các thư viện mở cửa miễn phí nhân Tuần lễ năm 2022.",
     "2022-10-03", "2022-10-09"),
    ("Thời gian: từ ngày 03/10 đến ngày 09/10/2022.\nNội dung: đọc sách.", "2022-10-03", "2022-10-09"),
])
def test_weeks_in_every_form(text, start, end):
    values = _read(text)
    assert (values["week_start"], values["week_end"]) == (start, end)


def test_a_week_named_in_another_sentence_than_its_days_is_marked_for_checking():
    fields = _fields("Huyện hưởng ứng Tuần lễ học tập suốt đời năm 2018. Các hoạt động diễn ra từ ngày 1/10 đến "
                     "ngày 7/10/2018 tại các trung tâm học tập cộng đồng.")
    assert (fields["week_start"]["value"], fields["week_end"]["value"]) == ("2018-10-01", "2018-10-07")
    assert fields["week_start"]["uncertain"]


def test_dates_of_another_year_than_the_week_s_are_flagged_not_chosen():
    fields = _fields("Tuần lễ hưởng ứng học tập suốt đời năm 2024 diễn ra từ ngày 30/9 đến 6/10/2023.")
    assert fields["year"]["value"] == 2024
    for name in ("week_start", "week_end"):
        assert fields[name]["value"] is None and fields[name]["uncertain"] and fields[name]["note"]


def test_last_year_s_week_named_in_passing_does_not_flag_this_year_s():
    values = _read("Tiếp nối Tuần lễ năm 2023, Tuần lễ hưởng ứng học tập suốt đời năm 2024 diễn ra từ ngày 30/9 "
                   "đến 6/10/2024.")
    assert (values["year"], values["week_start"], values["week_end"]) == (2024, "2024-09-30", "2024-10-06")


def test_a_report_period_is_not_the_week():
    values = _read("Tuần lễ năm 2023 đã kết thúc. Các đơn vị tổng hợp báo cáo từ ngày 10/10 đến 14/10/2023.")
    assert values["week_start"] is None


# A portal's record of the document, and a document named in a page's title -----------------------------------


def test_a_portal_record_of_the_document():
    values = _read("Chi tiết văn bản\nSố ký hiệu\t512/KH-UBND\nNgày ban hành\t20/09/2022\n"
                   "Cơ quan ban hành\tỦy ban nhân dân huyện Hải Hậu\nLoại văn bản\tKế hoạch\n"
                   "Trích yếu\tTổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2022\n")
    assert _subject(values) == ("Kế hoạch", "Ủy ban nhân dân huyện Hải Hậu", "512", "KH-UBND", "2022-09-20")


def test_a_document_named_in_the_title_of_a_page():
    values = _read("Công văn 1420/SGDĐT-GDTX ngày 18/9/2024 về việc hưởng ứng Tuần lễ học tập suốt đời năm 2024\n"
                   "Trường THPT Hoàng Văn Thụ\nNhà trường triển khai tới toàn thể giáo viên, học sinh.\n")
    assert _subject(values) == ("Công văn", "Trường THPT Hoàng Văn Thụ", "1420", "SGDĐT-GDTX", "2024-09-18")


def test_a_week_whose_days_follow_in_the_next_sentence():
    values = _read("Tuần lễ hưởng ứng học tập suốt đời năm 2020 kéo dài một tuần. Cụ thể, từ ngày 28/9 đến 4/10/2020, "
                   "các thư viện mở cửa miễn phí.")
    assert (values["week_start"], values["week_end"]) == ("2020-09-28", "2020-10-04")


def test_interleaved_place_and_date_after_the_wrapped_subject_of_a_letter():
    values = _read("UBND TỈNH BẮC KẠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                   "SỞ GIÁO DỤC VÀ ĐÀO TẠO Độc lập - Tự do - Hạnh phúc\nSố: 903/SGDĐT-GDTX\n"
                   "V/v hưởng ứng Tuần lễ học tập Bắc Kạn, ngày 14 tháng 9 năm 2021\nsuốt đời năm 2021\n"
                   "Kính gửi: Các phòng GDĐT.\n")
    assert (values["issue_place"], values["issue_date"]) == ("Bắc Kạn", "2021-09-14")
    assert values["subject"] == "hưởng ứng Tuần lễ học tập suốt đời năm 2021"


def test_a_document_the_page_s_own_unit_issues():
    values = _read("Trung tâm GDNN-GDTX huyện Quỳnh Lưu xây dựng kế hoạch hưởng ứng Tuần lễ năm 2024\n"
                   "Thực hiện chỉ đạo của Sở GD&ĐT, ngày 25/9/2024 đơn vị đã ban hành Kế hoạch số 31/KH-TTGDNN về "
                   "Tuần lễ hưởng ứng học tập suốt đời năm 2024.\n")
    assert _subject(values) == ("Kế hoạch", "Trung tâm GDNN-GDTX huyện Quỳnh Lưu", "31", "KH-TTGDNN", "2024-09-25")


def test_the_body_a_person_signs_for_is_the_issuer():
    values = _read("Ngày 17/9/2021, Giám đốc Sở Giáo dục và Đào tạo Kon Tum đã ký ban hành Kế hoạch số 1190/KH-SGDĐT "
                   "về Tuần lễ năm 2021.")
    assert values["issuing_body"] == "Sở Giáo dục và Đào tạo Kon Tum"


def test_a_report_title_above_does_not_hide_the_week():
    values = _read("Báo cáo tổng kết Tuần lễ học tập suốt đời năm 2022 của nhà trường\n"
                   "Trong Tuần lễ (từ ngày 3/10 đến 9/10/2022), trường tổ chức 8 hoạt động.")
    assert (values["week_start"], values["week_end"]) == ("2022-10-03", "2022-10-09")


def test_a_motto_written_with_dashes_is_still_a_column():
    values = _read("UBND XÃ PHÚ NINH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                   "TRƯỜNG TIỂU HỌC PHÚ NINH Độc lập — Tự do — Hạnh phúc\n"
                   "Số: 14/KH-THPN Phú Ninh, ngày 25 tháng 9 năm 2025\nKẾ HOẠCH\nTuần lễ năm 2025\n")
    assert (values["parent_body"], values["issuing_body"]) == ("UBND XÃ PHÚ NINH", "TRƯỜNG TIỂU HỌC PHÚ NINH")


def test_the_kind_named_by_a_page_s_title():
    values = _read("Thông báo hưởng ứng Tuần lễ học tập suốt đời năm 2019\nCác lớp học mở cửa cho mọi người dân.\n")
    assert values["doc_kind"] == "Thông báo" and values["number"] is None


def test_a_letter_s_issuer_asks_in_its_opening_sentence():
    values = _read("Kính gửi: Các trường trên địa bàn.\nThực hiện hướng dẫn của Sở GD&ĐT, Phòng GD&ĐT huyện Hữu Lũng "
                   "đề nghị các trường tổ chức Tuần lễ năm 2023.\n")
    assert values["issuing_body"] == "Phòng GD&ĐT huyện Hữu Lũng"


def test_a_page_s_masthead_gives_no_parent_body():
    values = _read("SỞ GIÁO DỤC VÀ ĐÀO TẠO NINH BÌNH\nTRƯỜNG THCS ĐINH TIÊN HOÀNG\nTin hoạt động\n"
                   "Học sinh tham gia ngày hội đọc sách nhân Tuần lễ năm 2022.\n")
    assert (values["parent_body"], values["issuing_body"]) == (None, "TRƯỜNG THCS ĐINH TIÊN HOÀNG")


# A theme never swallows the next section (the tour's defect: "2. Thời gian, địa điểm…" read into "Chủ đề") ----

_PLAN_TOP = ("UBND XÃ ĐỨC PHỔ\nTRƯỜNG TIỂU HỌC ĐỨC PHỔ\nSố: 14/KH-THĐP\nKẾ HOẠCH\n"
             "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024\nII. NỘI DUNG\n")


@pytest.mark.parametrize("section", [
    "1. Chủ đề: Học tập để thích ứng với chuyển đổi số 2. Thời gian, địa điểm: từ ngày 01/10 đến 07/10/2024.",
    "1. Chủ đề\nHọc tập để thích ứng với chuyển đổi số III. TỔ CHỨC THỰC HIỆN\n",
    "1. Chủ đề\nHọc tập để thích ứng với chuyển đổi số\n2) Thời gian: từ ngày 01/10 đến 07/10/2024\n",
    "Nhà trường hưởng ứng Tuần lễ với chủ đề Học tập để thích ứng với chuyển đổi số 2. Thời gian: từ ngày 01/10 "
    "đến 07/10/2024.",
])
def test_a_theme_stops_before_the_next_numbered_section(section):
    assert _read(_PLAN_TOP + section)["theme"] == "Học tập để thích ứng với chuyển đổi số"


def test_a_number_inside_a_theme_is_kept():
    text = _PLAN_TOP + "1. Chủ đề: Học tập suốt đời cho 3 thế hệ trong gia đình\n2. Thời gian: tháng 10/2024\n"
    assert _read(text)["theme"] == "Học tập suốt đời cho 3 thế hệ trong gia đình"


# A name that a PDF's narrow column wrapped onto the next line is rejoined, and marked uncertain (the tour's
# "BỘ GIÁO DỤC VÀ ĐÀO" / "TẠO") ----------------------------------------------------------------------------------

_LETTER_REST = ("Số: 88/SGDĐT-GDTX Tuy Hòa, ngày 20 tháng 9 năm 2019\n"
                "V/v hưởng ứng Tuần lễ học tập suốt đời năm 2019\nKính gửi: Các phòng giáo dục\n")


@pytest.mark.parametrize(("top", "parent", "issuer"), [
    ("SỞ GIÁO DỤC VÀ ĐÀO CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTẠO Độc lập - Tự do - Hạnh phúc\n",
     None, "SỞ GIÁO DỤC VÀ ĐÀO TẠO"),
    ("UBND TỈNH PHÚ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nYÊN Độc lập - Tự do - Hạnh phúc\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n",
     "UBND TỈNH PHÚ YÊN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"),
])
def test_a_body_wrapped_by_a_pdf_column_is_rejoined_and_marked_uncertain(top, parent, issuer):
    fields = _fields(top + _LETTER_REST)
    assert (fields["parent_body"]["value"], fields["issuing_body"]["value"]) == (parent, issuer)
    rejoined = fields["parent_body"] if parent else fields["issuing_body"]
    assert rejoined["uncertain"] and "PDF" in rejoined["note"]


def test_a_newspaper_masthead_is_not_taken_for_a_wrapped_word():
    page = "QĐND\nTỉnh đoàn Phú Yên hưởng ứng Tuần lễ học tập suốt đời năm 2019 với nhiều hoạt động.\n"
    assert _read(page)["issuing_body"] != "QĐND"
