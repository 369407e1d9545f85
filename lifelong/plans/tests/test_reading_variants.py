"""The plan reader on the ways real documents differ from the seeds (issue 6, "Real-world text"):
header columns laid out with tabs or spaces, long and spaced symbols, letters with "V/v", themes with and
without quotes, compact date ranges without a year, typos, web pages with their own dates."""

import pytest

from lifelong.plans.reading import read_text
from lifelong.plans.reading.files import normalise


def _read(text: str) -> dict:
    reading = read_text(normalise(text))
    return {name: found["value"] for name, found in reading["fields"].items()}


LETTER = """UBND TỈNH QUẢNG NGÃI          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ GIÁO DỤC VÀ ĐÀO TẠO         Độc lập - Tự do - Hạnh phúc
Số: 2859/SGDĐT-GDTX-CN         Quảng Ngãi, ngày 26 tháng 9 năm 2025
V/v tổ chức Tuần lễ hưởng ứng học tập
suốt đời năm 2025

Kính gửi:
- Các phòng, ban thuộc Sở;
- Các cơ sở giáo dục trực thuộc.

Thực hiện Công văn số 3589/BGDĐT - GDTX ngày 05/9/2025 của Bộ Giáo dục và Đào tạo về việc tổ chức Tuấn lễ \
hưởng ứng học tập suốt đời năm 2025, Sở Giáo dục và Đào tạo hướng dẫn như sau:
1. Tuấn lễ được tổ chức từ 1-7/10/2025 với chủ đề "Học tập suốt đời trong kỷ nguyên số".
2. Lễ khai mạc tổ chức vào ngày 02/10 tại Nhà văn hóa tỉnh.
3. Các đơn vị gửi báo cáo kết quả về Sở Giáo dục và Đào tạo (qua Phòng GDTX-CN) chậm nhất ngày 15/10/2025.

Nơi nhận:\t\tKT. GIÁM ĐỐC
- Như trên;\t\tPHÓ GIÁM ĐỐC
- Lưu: VT, GDTX-CN.
\t\t(Đã ký)
\t\tTrần Văn Bình
"""


def test_letter_with_space_laid_header_spaced_symbol_and_signature_beside_the_list():
    values = _read(LETTER)
    assert values["doc_kind"] == "Công văn"
    assert (values["parent_body"], values["issuing_body"]) == ("UBND TỈNH QUẢNG NGÃI", "SỞ GIÁO DỤC VÀ ĐÀO TẠO")
    assert (values["number"], values["symbol"]) == ("2859", "SGDĐT-GDTX-CN")
    assert (values["issue_place"], values["issue_date"]) == ("Quảng Ngãi", "2025-09-26")
    assert values["subject"] == "tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025"
    assert [a["name"] for a in values["addressees"]] == ["Các phòng, ban thuộc Sở", "Các cơ sở giáo dục trực thuộc"]
    [basis] = values["legal_bases"]
    assert (basis["intro"], basis["kind"], basis["number"], basis["date"], basis["issuer"]) == (
        "Thực hiện", "Công văn", "3589/BGDĐT-GDTX", "2025-09-05", "Bộ Giáo dục và Đào tạo")
    assert values["theme"] == "Học tập suốt đời trong kỷ nguyên số"
    assert (values["week_start"], values["week_end"]) == ("2025-10-01", "2025-10-07")
    assert (values["opening_date"], values["opening_venue"]) == ("2025-10-02", "Nhà văn hóa tỉnh")
    assert values["report_due"] == "2025-10-15"
    assert values["report_to"] == "Sở Giáo dục và Đào tạo (qua Phòng GDTX-CN)"
    assert [r["name"] for r in values["recipients"]] == ["Như trên", "Lưu: VT, GDTX-CN"]
    assert (values["signature_mode"], values["signature_authority"], values["signature_title"],
            values["signer_name"]) == ("KT.", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Văn Bình")


NEWS_PAGE = """Cập nhật: 10:20 28/09/2017
Trường THCS Lê Lợi tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2017
TRƯỜNG THCS LÊ LỢI
KẾ HOẠCH
Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2017
I. MỤC ĐÍCH
Nâng cao nhận thức.
II. NỘI DUNG
1. Chủ đề: Học tập suốt đời góp phần xây dựng xã hội học tập
2. Thời gian: từ ngày 02/10 đến hết ngày 08/10
3. Các hoạt động
a) Treo băng rôn, tuyên truyền trên loa phát thanh.
b) Tổ chức cuộc thi đọc sách.
"""


def test_web_page_date_is_not_the_issue_date_and_missing_years_come_from_the_document():
    values = _read(NEWS_PAGE)
    assert values["issue_date"] is None
    assert values["year"] == 2017
    assert values["theme"] == "Học tập suốt đời góp phần xây dựng xã hội học tập"
    assert (values["week_start"], values["week_end"]) == ("2017-10-02", "2017-10-08")
    assert [(a["category"], a["text"]) for a in values["activities"]] == [
        ("awareness", "Treo băng rôn, tuyên truyền trên loa phát thanh."),
        ("competition", "Tổ chức cuộc thi đọc sách.")]


@pytest.mark.parametrize(("line", "number", "symbol"), [
    ("Số: 41 /KH-TTr", "41", "KH-TTr"),
    ("Số:     /KH-UBND", "", "KH-UBND"),
    ("Số: ......./KH-UBND", "", "KH-UBND"),
    ("Số: 3589/BGDĐT - GDTX", "3589", "BGDĐT-GDTX"),
    ("Số 2859/SGDĐT-GDTX-CN", "2859", "SGDĐT-GDTX-CN"),
])
def test_numbers_and_symbols(line, number, symbol):
    values = _read(f"SỞ Y TẾ\n{line}\nKẾ HOẠCH\nTổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025\n")
    assert (values["number"], values["symbol"]) == (number, symbol)


@pytest.mark.parametrize("body", [
    "Tuần lễ năm 2024 với chủ đề: “Học tập suốt đời để thích ứng”.",
    "Tuần lễ năm 2024 với chủ đề \"Học tập suốt đời để thích ứng\".",
    "2. Chủ đề: Học tập suốt đời để thích ứng\n3. Thời gian",
    "2. Chủ đề\nChủ đề của Tuần lễ năm 2024: «Học tập suốt đời để thích ứng».\n3. Thời gian",
    "Chủ đề của Tuần lễ: 'x' không; chủ đề năm 2024 là: “Học tập suốt đời để thích ứng”",
])
def test_themes_in_every_form(body):
    assert _read(f"KẾ HOẠCH\nTổ chức Tuần lễ năm 2024\n{body}\n")["theme"] == "Học tập suốt đời để thích ứng"


def test_slogan_in_quotes_is_not_a_theme():
    values = _read("KẾ HOẠCH\nTuyên truyền khẩu hiệu của UNESCO: “Học để biết, học để làm”.\n")
    assert values["theme"] is None


def test_two_different_weeks_are_not_guessed():
    reading = read_text(normalise("Tuần lễ được tổ chức từ ngày 01/10/2025 đến ngày 07/10/2025.\n"
                                  "Tuần lễ được tổ chức từ ngày 02/10/2025 đến ngày 08/10/2025.\n"))
    week_start = reading["fields"]["week_start"]
    assert week_start["value"] is None and week_start["uncertain"]


def test_header_with_tabs_and_issuing_body_over_two_lines():
    values = _read("\tỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\tHUYỆN BA TƠ\t\tĐộc lập - Tự do - "
                   "Hạnh phúc\nSố: 12/KH-UBND\t\tBa Tơ, ngày 3 tháng 10 năm 2024\nKẾ HOẠCH\nTổ chức Tuần lễ\n")
    assert values["parent_body"] is None
    assert values["issuing_body"] == "ỦY BAN NHÂN DÂN\nHUYỆN BA TƠ"
    assert (values["issue_place"], values["issue_date"]) == ("Ba Tơ", "2024-10-03")
    assert values["doc_kind"] == "Kế hoạch"


def test_kind_from_the_symbol_when_there_is_no_title():
    assert _read("PHÒNG GD&ĐT\nSố: 5/BC-PGDĐT\nKết quả Tuần lễ\n")["doc_kind"] == "Báo cáo"
    assert _read("PHÒNG GD&ĐT\nSố: 5/PGDĐT-GDTX\nV/v Tuần lễ\n")["doc_kind"] == "Công văn"


def test_news_item_restating_a_plan_gives_only_what_it_states():
    values = _read("Hưởng ứng Tuần lễ học tập suốt đời năm 2018\n"
                   "Ngày 20-9, UBND tỉnh ban hành kế hoạch tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2018 với chủ "
                   "đề “Học ở trường, học ở sách vở, học lẫn nhau”.\n"
                   "Tuần lễ được tổ chức đồng loạt trên toàn tỉnh từ ngày 1 đến ngày 7-10-2018.\n"
                   "09:45, 27/09/2018 [GMT+7]\n")
    assert values["theme"] == "Học ở trường, học ở sách vở, học lẫn nhau"
    assert (values["year"], values["week_start"], values["week_end"]) == (2018, "2018-10-01", "2018-10-07")
    assert values["issuing_body"] is None and values["issue_date"] is None and values["number"] is None
    assert values["doc_kind"] is None


def test_upper_case_signer_name_and_deadline_with_an_hour():
    values = _read("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nKẾ HOẠCH\nTổ chức Tuần lễ năm 2023\n"
                   "I. NỘI DUNG VÀ HÌNH THỨC\n1. Chủ đề: Học tập suốt đời\n2. Thời gian: từ 2-8/10/2023\n"
                   "3. Tổ chức các lớp tập huấn kỹ năng số cho phụ huynh.\n"
                   "II. TỔ CHỨC THỰC HIỆN\nCác trường báo cáo kết quả về Phòng GDĐT trước 17h00 ngày 16/10/2023.\n"
                   "Nơi nhận:\tTRƯỞNG PHÒNG\n- Như trên;\n- Lưu: VT.\t\n\tNGUYỄN THỊ HOA\n")
    assert values["signature_title"] == "TRƯỞNG PHÒNG" and values["signer_name"] == "NGUYỄN THỊ HOA"
    assert (values["report_due"], values["report_to"]) == ("2023-10-16", "Phòng GDĐT")
    assert [(a["category"], a["text"]) for a in values["activities"]] == [
        ("digital_skills", "Tổ chức các lớp tập huấn kỹ năng số cho phụ huynh.")]
    assert (values["week_start"], values["week_end"]) == ("2023-10-02", "2023-10-08")
