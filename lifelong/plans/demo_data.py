"""Demo data: one cascade of the 2025 Lifelong Learning Week (Tuần lễ hưởng ứng học tập suốt đời năm 2025).

``DEMO_PLANS`` holds six documents as plain dicts, parents before children:

    Bộ GDĐT (Công văn 5607/BGDĐT-GDNNGDTX, 15/9/2025)
    ├── UBND Thành phố Hà Nội (Kế hoạch 262/KH-UBND, 25/9/2025)
    │   ├── Sở Y tế Hà Nội (its plan, number and date unknown)
    │   └── UBND Phường Tây Mỗ (its plan, number and date left blank)
    └── UBND tỉnh Quảng Ngãi (Công văn 2996/UBND-KGVX, 30/9/2025)
        └── UBND Xã Ya Ly (its plan, number and date left blank)

The content is taken from the real documents in ../shared/seeds (plain text extracted from Word/PDF, see its
README.md; vocabulary and the activity categories a-g in ../shared/GLOSSARY.md). Nothing is invented:

* Text is verbatim (NFC): only line breaks inside paragraphs are joined and runs of spaces collapsed. Paragraphs
  are separated by a newline; leading "- " bullets and item numbers ("a)", "1.1.", "4.2.", "5.1.") are dropped.
  Typos of the originals are kept, e.g. "Tuấn lễ" in Sở Y tế's citation of 262/KH-UBND, "giai đoạn 2025-2030"
  in Tây Mỗ's citation of 1315/QĐ-TTg, "07/10/2025, , trong đó" in the Hà Nội summary, "xây dựng xã hội học."
  in Ya Ly's tasks, "Lưu: VT, TCCBÁNH" in Sở Y tế's distribution list. Quotes are as in each source (the
  Hà Nội portal summary and parts of Ya Ly's plan use straight quotes).
* ``activities`` maps each activity item to the category of the Ministry's letter (a opening, b awareness,
  c digital_skills, d online_learning, đ digital_library, e competition, g career); items that fit none go to
  "other". The introductory sentence of each "Các hoạt động" section is not an item and is not kept.
* ``issuing_body_line`` is the header as shown; where the header is missing (Bộ GDĐT, Hà Nội, Sở Y tế,
  Quảng Ngãi) it is the issuer's name as the texts and citations give it, in upper case. ``title`` of a letter
  is its subject as cited ("về việc tổ chức ..."), so it starts in lower case as after "V/v".
* ``budget_state`` / ``budget_social`` split the "Kinh phí thực hiện" sentence at its ";" (state budget part,
  then the sponsorship/contribution part; Sở Y tế's closing sentence on using the funds stays with the second).
* ``assignments``: role "lead" for the body that leads (chủ trì) or owns the work, "support" for those that
  coordinate or take part. Sở Y tế's three "Tổ chức thực hiện" bullets share one assignee and form one entry.
* ``report_to`` names the body the reports go to: "Bộ GDĐT" is spelled out; Ya Ly's plan says "gửi Ủy ban nhân
  dân xã (qua Phòng Văn hóa - Xã hội)", given as the office. Hà Nội's ``time_and_venue`` is the summary's whole
  first sentence, which also carries the theme.
* ``signature``: Tây Mỗ's block reads "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"; the schema has no
  slot for the middle "KT. CHỦ TỊCH" line.

Left empty ("", None, [], {}) because the documents do not state it:

* every entry: ``parent_body_line`` (no seed shows a parent-body header line; Sở Y tế's header is missing).
* Bộ GDĐT 5607: ``issue_place``, ``opening_venue``, ``signature`` (header and signature block missing),
  ``budget_*`` (no "Kinh phí" section; funding is a task of "UBND tỉnh" in ``assignments``).
* Hà Nội 262 (portal summary only): ``issue_place``, ``legal_bases``, ``report_due``, ``report_to``,
  ``recipients``, ``signature``, ``budget_*``, ``opening_venue``; no "opening" activity item.
* Sở Y tế: ``number``, ``symbol``, ``issue_date``, ``issue_place``, ``opening_venue``; no "career" item.
* Tây Mỗ: ``number``, ``issue_date`` (blank in the document).
* Quảng Ngãi 2996: everything except ``number``, ``symbol``, ``issue_date``, ``issuing_body_line`` and ``title``
  (known only from Ya Ly's citation).
* Ya Ly: ``number``, ``issue_date`` (blank), ``opening_date``, ``opening_venue``, ``budget_*``, ``signature``
  (not in the document); no "opening" or "career" item; the date of 1306/SGDĐT-GDTXHSSV is not cited.
"""

from datetime import date

from lifelong.plans.demo_data_quang_ngai import QUANG_NGAI_PLANS

DEMO_PLANS = [
    # 1. Bộ GDĐT: Công văn 5607/BGDĐT-GDNNGDTX, 15/9/2025 (seed 001; its header is missing, so number, symbol,
    #    date and subject come from the citations in seeds 002 and 004 and the seeds' README).
    {
        "unit_code": "BGDDT",
        "unit_name": None,
        "doc_kind": "letter",
        "number": "5607",
        "symbol": "BGDĐT-GDNNGDTX",
        "issue_date": date(2025, 9, 15),
        "issue_place": "",
        "parent_body_line": "",
        "issuing_body_line": "BỘ GIÁO DỤC VÀ ĐÀO TẠO",
        "title": "tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025",
        "addressees": [
            "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
        ],
        "legal_bases": [
            {
                "intro": "Căn cứ",
                "kind": "Quyết định",
                "number": "1373/QĐ-TTg",
                "date": date(2021, 7, 30),
                "issuer": "Thủ tướng Chính phủ",
                "subject": "phê duyệt Đề án “Xây dựng xã hội học tập giai đoạn 2021-2030”",
            },
            {
                "intro": "Căn cứ",
                "kind": "Quyết định",
                "number": "1315/QĐ-TTg",
                "date": date(2023, 11, 9),
                "issuer": "Thủ tướng Chính phủ",
                "subject": (
                    "ban hành Kế hoạch triển khai Phong trào “Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh "
                    "học tập suốt đời giai đoạn 2023-2030”"
                ),
            },
        ],
        "purposes": (
            "Nâng cao nhận thức của các tầng lớp nhân dân, cán bộ, công chức, viên chức, người lao động về vai "
            "trò, ý nghĩa của việc học tập, đặc biệt là tự học và học tập suốt đời gắn với việc làm chủ tri thức "
            "và công nghệ đối với sự phát triển của mỗi cá nhân; từ đó phát huy sức mạnh con người Việt Nam, phục "
            "vụ sự nghiệp phát triển nhanh, bền vững của đất nước trong bối cảnh chuyển đổi số, hội nhập quốc tế. "
            "Qua đó, góp phần nâng cao năng lực cạnh tranh quốc gia, phát triển nguồn nhân lực chất lượng cao đáp "
            "ứng yêu cầu công nghiệp hóa, hiện đại hóa đất nước.\n"
            "Tăng cường sự lãnh đạo, chỉ đạo của các cấp ủy Đảng, chính quyền; sự phối hợp chặt chẽ, hiệu quả của "
            "các tổ chức chính trị - xã hội, tổ chức xã hội - nghề nghiệp, cộng đồng doanh nghiệp và toàn xã hội "
            "trong việc triển khai các hoạt động hưởng ứng Tuần lễ, bảo đảm tính thiết thực, hiệu quả, lan tỏa sâu "
            "rộng.\n"
            "Tổ chức các hoạt động của Tuần lễ với nội dung, hình thức phong phú, đa dạng, sáng tạo, phù hợp với "
            "điều kiện thực tiễn của từng địa phương, đơn vị. Chú trọng ứng dụng công nghệ thông tin, truyền thông "
            "và các nền tảng số nhằm tạo cơ hội học tập bình đẳng, thuận lợi cho mọi người dân, đặc biệt là các "
            "đối tượng yếu thế, người dân ở vùng sâu, vùng xa, biên giới, hải đảo."
        ),
        "theme": (
            "Học để phát triển bản thân, làm chủ tri thức và công nghệ, góp phần xây dựng đất nước hùng cường, "
            "thịnh vượng"
        ),
        "time_and_venue": (
            "Tuần lễ được tổ chức từ ngày 01/10/2025 đến ngày 07/10/2025, trong đó Lễ khai mạc Tuần lễ được tổ "
            "chức đồng loạt tại các địa phương vào ngày 01/10/2025."
        ),
        "week_start": date(2025, 10, 1),
        "week_end": date(2025, 10, 7),
        "opening_date": date(2025, 10, 1),
        "opening_venue": "",
        "activities": {
            "opening": (
                "Tổ chức Lễ khai mạc Tuần lễ với chủ đề: “Học để phát triển bản thân, làm chủ tri thức và công "
                "nghệ, góp phần xây dựng đất nước hùng cường, thịnh vượng”."
            ),
            "awareness": (
                "Đẩy mạnh công tác tuyên truyền về vai trò của tự học, học tập suốt đời gắn với việc chủ động làm "
                "chủ tri thức và công nghệ. Hình thức đa dạng, phong phú (ấn phẩm báo chí, phóng sự truyền hình, "
                "trạm tư vấn học tập lưu động...). Tổ chức các buổi tọa đàm, diễn đàn với chuyên gia về xu hướng "
                "công nghệ, tri thức số và phương pháp học tập hiệu quả, giúp người dân nâng cao nhận thức, hình "
                "thành ý thức tự học thường xuyên. Việc tuyên truyền cần gắn với khẩu hiệu của UNESCO: “Học để "
                "biết, học để làm, học để chung sống, học để tự khẳng định mình” và các khẩu hiệu phù hợp khác, "
                "tạo nên thông điệp học tập đa chiều, toàn diện."
            ),
            "digital_skills": (
                "Tổ chức các lớp tập huấn, bồi dưỡng kỹ năng số cơ bản và nâng cao cho mọi đối tượng, bao gồm: sử "
                "dụng công cụ trực tuyến (văn phòng điện tử, mạng xã hội học tập), khai thác tài nguyên giáo dục "
                "mở (OER), bảo mật thông tin cá nhân, nhận diện và phòng tránh rủi ro trên không gian mạng; bước "
                "đầu tiếp cận và thực hành các công nghệ mới (phân tích dữ liệu, trí tuệ nhân tạo, dữ liệu mở...). "
                "Huy động doanh nghiệp, tổ chức giáo dục phối hợp tổ chức các buổi tư vấn, trải nghiệm nghề nghiệp "
                "trong lĩnh vực công nghệ thông tin, giúp học sinh, sinh viên được rèn luyện kỹ năng số trong môi "
                "trường làm việc thực tế."
            ),
            "online_learning": (
                "Giới thiệu và hướng dẫn sử dụng các nền tảng học tập trực tuyến, ứng dụng di động và kho học liệu "
                "số. Tổ chức các buổi trải nghiệm sử dụng khóa học trực tuyến đại chúng mở (MOOC), sách điện tử, "
                "công cụ tạo bài giảng, trợ lý ảo học tập, nền tảng dữ liệu tri thức... Kết hợp lớp học thử nghiệm "
                "và hướng dẫn trực tiếp để khuyến khích người dân hình thành thói quen khai thác tri thức số mọi "
                "lúc, mọi nơi, từng bước làm chủ các công cụ học tập hiện đại, mở rộng khả năng tự học trong môi "
                "trường số."
            ),
            "digital_library": (
                "Phát động phong trào xây dựng thư viện số, tủ sách số tại cơ sở giáo dục và cộng đồng; khuyến "
                "khích sử dụng thư viện điện tử dùng chung để mọi người dân thuận tiện tiếp cận tri thức. Đẩy mạnh "
                "xây dựng cộng đồng học tập trực tuyến qua các câu lạc bộ, diễn đàn, mạng lưới chia sẻ tri thức, "
                "góp phần hình thành môi trường học tập mở, bình đẳng cho tất cả mọi người."
            ),
            "competition": (
                "Tổ chức các cuộc thi và hoạt động trải nghiệm về công nghệ số và tri thức mới, như: lập trình, "
                "sáng tạo nội dung số, thiết kế rô-bốt, ứng dụng trí tuệ nhân tạo, khoa học dữ liệu... Khuyến "
                "khích tổ chức các cuộc thi lập trình, các lớp thực hành - trải nghiệm công nghệ, diễn đàn đổi mới "
                "sáng tạo nhằm thu hút đông đảo người học tham gia, rèn luyện tinh thần sáng tạo, tự học, khởi "
                "nghiệp và làm chủ công nghệ."
            ),
            "career": (
                "Tổ chức các hoạt động kết nối nhà trường - doanh nghiệp nhân dịp Tuần lễ, bao gồm: tham quan, "
                "kiến tập, thực tập tại doanh nghiệp công nghệ; tọa đàm hướng nghiệp với doanh nghiệp, chuyên gia. "
                "Mời doanh nghiệp giới thiệu cơ hội việc làm, chia sẻ kinh nghiệm, xu hướng tuyển dụng; mời doanh "
                "nhân, nghệ nhân địa phương chia sẻ câu chuyện khởi nghiệp, tự học, làm chủ công nghệ, truyền cảm "
                "hứng cho cộng đồng và định hướng nghề nghiệp cho học sinh, sinh viên, học viên tại các cơ sở giáo "
                "dục."
            ),
        },
        "budget_state": "",
        "budget_social": "",
        "assignments": [
            {
                "assignee": "UBND tỉnh",
                "role": "lead",
                "task": (
                    "Xây dựng và ban hành Kế hoạch tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025 trên địa "
                    "bàn; chỉ đạo các sở, ban ngành, đoàn thể, UBND cấp xã triển khai thực hiện.\n"
                    "Bố trí kinh phí từ ngân sách nhà nước và huy động các nguồn lực hợp pháp khác để tổ chức các "
                    "hoạt động của Tuần lễ.\n"
                    "Chỉ đạo các cơ quan truyền thông của địa phương tăng cường tuyên truyền về ý nghĩa, nội dung "
                    "của Tuần lễ.\n"
                    "Kiểm tra, đôn đốc việc triển khai; tổ chức tổng kết, đánh giá kết quả thực hiện Tuần lễ."
                ),
            },
            {
                "assignee": "Sở GDĐT",
                "role": "lead",
                "task": (
                    "Chủ trì, phối hợp Hội khuyến học và các đơn vị liên quan tham mưu cho UBND tỉnh ban hành kế "
                    "hoạch và chỉ đạo, hướng dẫn các sở, ban ngành, đoàn thể cấp tỉnh; UBND cấp xã và các cơ sở "
                    "giáo dục xây dựng kế hoạch và tổ chức các hoạt động hưởng ứng Tuần lễ.\n"
                    "Tổng hợp kết quả triển khai, báo cáo UBND tỉnh và gửi báo cáo về Bộ GDĐT (qua Cục Giáo dục "
                    "nghề nghiệp và Giáo dục thường xuyên) trước ngày 20/10/2025."
                ),
            },
            {
                "assignee": "Các sở, ban ngành, đoàn thể cấp tỉnh",
                "role": "support",
                "task": (
                    "Căn cứ chức năng, nhiệm vụ được giao, phối hợp với Sở GDĐT và các đơn vị liên quan triển khai "
                    "các hoạt động của Tuần lễ bảo đảm hiệu quả, thiết thực.\n"
                    "Chỉ đạo các đơn vị trực thuộc, các tổ chức thành viên hưởng ứng và tham gia tích cực các hoạt "
                    "động của Tuần lễ theo ngành, lĩnh vực phụ trách."
                ),
            },
        ],
        "report_due": date(2025, 10, 20),
        "report_to": "Bộ Giáo dục và Đào tạo",
        "recipients": [
            "Như trên",
            "Bộ trưởng (để báo cáo)",
            "Hội Khuyến học Việt Nam (để phối hợp)",
            "Các Sở GDĐT (để thực hiện)",
            "Cổng thông tin điện tử của Bộ GDĐT",
            "Lưu: VT, GDNNGDTX",
        ],
        "signature": {
            "mode": "",
            "authority": "",
            "title": "",
            "name": "",
        },
    },
    # 2. UBND Thành phố Hà Nội: Kế hoạch 262/KH-UBND, 25/9/2025 (seed 000 is only the city portal's summary;
    #    number, date and subject come from the citations in seeds 002 and 003).
    {
        "unit_code": "01",
        "unit_name": None,
        "doc_kind": "plan",
        "number": "262",
        "symbol": "KH-UBND",
        "issue_date": date(2025, 9, 25),
        "issue_place": "",
        "parent_body_line": "",
        "issuing_body_line": "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI",
        "title": "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025",
        "addressees": [],
        "legal_bases": [],
        "purposes": (
            "Kế hoạch nhằm nâng cao nhận thức của cán bộ, công chức, viên chức, người lao động và các tầng lớp "
            "nhân dân về ý nghĩa của việc tự học và học tập suốt đời trong bối cảnh chuyển đổi số, hội nhập quốc "
            "tế; từ đó phát huy trí tuệ, sức mạnh con người Thủ đô, góp phần phát triển nguồn nhân lực chất lượng "
            "cao, nâng cao năng lực cạnh tranh quốc gia và phục vụ sự nghiệp phát triển nhanh, bền vững của đất "
            "nước. Tăng cường sự lãnh đạo, chỉ đạo của cấp ủy, chính quyền; đẩy mạnh sự phối hợp đồng bộ, hiệu quả "
            "của các tổ chức chính trị - xã hội, nghề nghiệp, cộng đồng doanh nghiệp và toàn xã hội. Chú trọng ứng "
            "dụng công nghệ thông tin, truyền thông và các nền tảng số."
        ),
        "theme": (
            "Học để phát triển bản thân, làm chủ tri thức và công nghệ, góp phần xây dựng đất nước hùng cường, "
            "thịnh vượng"
        ),
        "time_and_venue": (
            'Chủ đề của Tuần lễ: "Học để phát triển bản thân, làm chủ tri thức và công nghệ, góp phần xây dựng đất '
            'nước hùng cường, thịnh vượng" được tổ chức từ ngày 01/10/2025 đến ngày 07/10/2025, , trong đó Lễ khai '
            "mạc Tuần lễ được tổ chức đồng loạt tại các địa phương, đơn vị vào ngày 01/10/2025."
        ),
        "week_start": date(2025, 10, 1),
        "week_end": date(2025, 10, 7),
        "opening_date": date(2025, 10, 1),
        "opening_venue": "",
        "activities": {
            "awareness": (
                "Đẩy mạnh công tác tuyên truyền về vai trò của tự học, học tập suốt đời gắn với việc chủ động làm "
                "chủ tri thức và công nghệ trên các ấn phẩm báo chí, phóng sự truyền hình, trạm tư vấn học tập lưu "
                "động... Tổ chức các buổi tọa đàm, diễn đàn với chuyên gia về xu hướng công nghệ, tri thức số và "
                'phương pháp học tập hiệu quả. Việc tuyên truyền cần gắn với khẩu hiệu của UNESCO: "Học để biết, '
                'học để làm, học để chung sống, học để tự khẳng định mình".'
            ),
            "digital_skills": (
                "Tổ chức các lớp tập huấn, bồi dưỡng kỹ năng số cơ bản và nâng cao cho mọi đối tượng, bao gồm: sử "
                "dụng công cụ trực tuyến (văn phòng điện tử, mạng xã hội học tập), khai thác tài nguyên giáo dục "
                "mở (OER), bảo mật thông tin cá nhân, nhận diện và phòng tránh rủi ro trên không gian mạng;…Huy "
                "động doanh nghiệp, tổ chức giáo dục phối hợp tổ chức các buổi tư vấn, trải nghiệm nghề nghiệp "
                "trong lĩnh vực công nghệ thông tin, giúp học sinh, sinh viên được rèn luyện kỹ năng số trong môi "
                "trường làm việc thực tế."
            ),
            "online_learning": (
                "Giới thiệu và hướng dẫn sử dụng các nền tảng học tập trực tuyến, ứng dụng di động và kho học liệu "
                "số. Tổ chức các buổi trải nghiệm sử dụng khóa học trực tuyến đại chúng mở (MOOC), sách điện tử, "
                "công cụ tạo bài giảng, trợ lý ảo học tập, nền tảng dữ liệu tri thức…"
            ),
            "digital_library": (
                "Phát động phong trào xây dựng thư viện số, tủ sách số tại cơ sở giáo dục và cộng đồng; khuyến "
                "khích sử dụng thư viện điện tử dùng chung. Đẩy mạnh xây dựng cộng đồng học tập trực tuyến qua các "
                "câu lạc bộ, diễn đàn, mạng lưới chia sẻ tri thức."
            ),
            "competition": (
                "Tổ chức các cuộc thi và hoạt động trải nghiệm về công nghệ số và tri thức mới, như: lập trình, "
                "sáng tạo nội dung số, thiết kế rô-bốt, ứng dụng trí tuệ nhân tạo, khoa học dữ liệu… Khuyến khích "
                "tổ chức các cuộc thi lập trình, các lớp thực hành - trải nghiệm công nghệ, diễn đàn đổi mới sáng "
                "tạo."
            ),
            "career": (
                "Mời doanh nghiệp giới thiệu cơ hội việc làm, chia sẻ kinh nghiệm, xu hướng tuyển dụng; mời doanh "
                "nhân, nghệ nhân địa phương chia sẻ câu chuyện khởi nghiệp, tự học, làm chủ công nghệ, truyền cảm "
                "hứng cho cộng đồng và định hướng nghề nghiệp cho học sinh, sinh viên, học viên tại các cơ sở giáo "
                "dục."
            ),
        },
        "budget_state": "",
        "budget_social": "",
        "assignments": [
            {
                "assignee": "Sở Giáo dục và Đào tạo",
                "role": "lead",
                "task": (
                    "chỉ đạo các cơ sở giáo dục trực thuộc tổ chức các hoạt động phù hợp, thiết thực, hiệu quả "
                    "hưởng ứng Tuần lễ."
                ),
            },
            {
                "assignee": "Hội Khuyến học Thành phố",
                "role": "support",
                "task": (
                    "chỉ đạo, hướng dẫn các Hội khuyến học xã, phường phối hợp xây dựng Kế hoạch, tổ chức khai mạc "
                    "và triển khai các hoạt động Tuần lễ."
                ),
            },
            {
                "assignee": "Các Sở, ngành, đoàn thể thuộc Thành phố",
                "role": "support",
                "task": (
                    "chỉ đạo các đơn vị trực thuộc, các tổ chức thành viên hưởng ứng và tham gia tích cực các hoạt "
                    "động của Tuần lễ theo ngành, lĩnh vực phụ trách."
                ),
            },
            {
                "assignee": "UBND các phường, xã",
                "role": "lead",
                "task": (
                    "xây dựng kế hoạch, tổ chức khai mạc và triển khai các hoạt động của Tuần lễ, đẩy mạnh các "
                    'hoạt động nhằm thực hiện các mục tiêu của Đề án "Xây dựng xã hội học tập giai đoạn 2021 - '
                    '2030" tại địa phương.'
                ),
            },
        ],
        "report_due": None,
        "report_to": "",
        "recipients": [],
        "signature": {
            "mode": "",
            "authority": "",
            "title": "",
            "name": "",
        },
    },
    # 3. Sở Y tế Hà Nội: its plan implementing 262/KH-UBND (seed 003; header missing: no number, date, place).
    {
        "unit_code": "01",
        "unit_name": "Sở Y tế Hà Nội",
        "doc_kind": "plan",
        "number": "",
        "symbol": "",
        "issue_date": None,
        "issue_place": "",
        "parent_body_line": "",
        "issuing_body_line": "SỞ Y TẾ",
        "title": "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025",
        "addressees": [],
        "legal_bases": [
            {
                "intro": "Thực hiện",
                "kind": "Kế hoạch",
                "number": "262/KH-UBND",
                "date": date(2025, 9, 25),
                "issuer": "Ủy ban nhân dân Thành phố",
                "subject": "tổ chức Tuấn lễ hưởng ứng học tập suốt đời năm 2025",
            },
        ],
        "purposes": (
            "Nâng cao nhận thức của công chức, viên chức, người lao động ngành y tế về ý nghĩa của việc tự học và "
            "học tập suốt đời trong bối cảnh chuyển đổi số, hội nhập quốc tế; từ đó phát huy trí tuệ, sức mạnh con "
            "người Thủ đô, góp phần phát triển nguồn nhân lực chất lượng cao, nâng cao năng lực cạnh tranh quốc "
            "gia và phục vụ sự nghiệp phát triển nhanh, bền vững của đất nước.\n"
            "Tăng cường sự lãnh đạo, chỉ đạo của cấp ủy, chính quyền; đẩy mạnh sự phối hợp đồng bộ, hiệu quả của "
            "các cơ quan, đơn vị và công chức, viên chức, người lao động ngành y tế, bảo đảm các hoạt động của "
            "Tuần lễ thiết thực, hiệu quả, lan tỏa sâu rộng\n"
            "Tổ chức các hoạt động của Tuần lễ với nội dung, hình thức phong phú, đa dạng, sáng tạo, phù hợp với "
            "điều kiện thực tiễn của từng cơ quan, đơn vị. Chú trọng ứng dụng công nghệ thông tin, truyền thông và "
            "các nền tảng số nhằm tạo cơ hội học tập bình đẳng, thuận lợi cho công chức, viên chức, người lao động "
            "ngành y tế."
        ),
        "theme": (
            "Học để phát triển bản thân, làm chủ tri thức và công nghệ, góp phần xây dựng đất nước hùng cường, "
            "thịnh vượng"
        ),
        "time_and_venue": (
            "Tuần lễ được tổ chức từ ngày 01/10/2025 đến ngày 07/10/2025, trong đó Lễ khai mạc Tuần lễ được tổ "
            "chức đồng loạt tại các địa phương, cơ quan, đơn vị vào ngày 01/10/2025."
        ),
        "week_start": date(2025, 10, 1),
        "week_end": date(2025, 10, 7),
        "opening_date": date(2025, 10, 1),
        "opening_venue": "",
        "activities": {
            "opening": (
                "Tổ chức Lễ khai mạc Tuần lễ với chủ đề: “Học để phát triển bản thân, làm chủ tri thức và công "
                "nghệ, góp phần xây dựng đất nước hùng cường, thịnh vượng”."
            ),
            "awareness": (
                "Đẩy mạnh công tác tuyên truyền về vai trò của tự học, học tập suốt đời gắn với việc chủ động làm "
                "chủ tri thức và công nghệ. Hình thức đa dạng, phong phú (ấn phẩm báo chí, phóng sự truyền hình, "
                "trạm tư vấn học tập lưu động…). Tổ chức các buổi tọa đàm, diễn đàn với chuyên gia về xu hướng "
                "công nghệ, tri thức số và phương pháp học tập hiệu quả, giúp công chức, viên chức, người lao động "
                "ngành y tế nâng cao nhận thức, hình thành ý thức tự học thường xuyên. Việc tuyên truyền cần gắn "
                "với khẩu hiệu của UNESCO: “Học để biết, học để làm, học để chung sống, học để tự khẳng định mình” "
                "và các khẩu hiệu phù hợp khác, tạo nên thông điệp học tập đa chiều, toàn diện."
            ),
            "digital_skills": (
                "Tổ chức các lớp tập huấn, bồi dưỡng kỹ năng số cơ bản và nâng cao cho mọi đối tượng, bao gồm: sử "
                "dụng công cụ trực tuyến (văn phòng điện tử, mạng xã hội học tập), khai thác tài nguyên giáo dục "
                "mở (OER), bảo mật thông tin cá nhân, nhận diện và phòng tránh rủi ro trên không gian mạng; bước "
                "đầu tiếp cận và thực hành các công nghệ mới (phân tích dữ liệu, trí tuệ nhân tạo, dữ liệu mở...). "
                "Huy động doanh nghiệp, tổ chức giáo dục phối hợp tổ chức các buổi tư vấn, trải nghiệm nghề nghiệp "
                "trong lĩnh vực công nghệ thông tin, giúp học sinh, sinh viên được rèn luyện kỹ năng số trong môi "
                "trường làm việc thực tế."
            ),
            "online_learning": (
                "Giới thiệu và hướng dẫn sử dụng các nền tảng học tập trực tuyến, ứng dụng di động và kho học liệu "
                "số. Tổ chức các buổi trải nghiệm sử dụng khóa học trực tuyến đại chúng mở (MOOC), sách điện tử, "
                "công cụ tạo bài giảng, trợ lý ảo học tập, nền tảng dữ liệu tri thức… Kết hợp lớp học thử nghiệm "
                "và hướng dẫn trực tiếp để khuyến khích người dân hình thành thói quen khai thác tri thức số mọi "
                "lúc, mọi nơi, từng bước làm chủ các công cụ học tập hiện đại, mở rộng khả năng tự học trong môi "
                "trường số."
            ),
            "digital_library": (
                "Phát động phong trào xây dựng thư viện số, tủ sách số tại cơ quan, đơn vị; khuyến khích sử dụng "
                "thư viện điện tử dùng chung để mọi người dân thuận tiện tiếp cận tri thức. Đẩy mạnh xây dựng cộng "
                "đồng học tập trực tuyến qua các câu lạc bộ, diễn đàn, mạng lưới chia sẻ tri thức, góp phần hình "
                "thành môi trường học tập mở, bình đẳng cho tất cả mọi người."
            ),
            "competition": (
                "Tổ chức các cuộc thi và hoạt động trải nghiệm về công nghệ số và tri thức mới, như: lập trình, "
                "sáng tạo nội dung số, thiết kế rô-bốt, ứng dụng trí tuệ nhân tạo, khoa học dữ liệu… Khuyến khích "
                "tổ chức các cuộc thi lập trình, các lớp thực hành - trải nghiệm công nghệ, diễn đàn đổi mới sáng "
                "tạo nhằm thu hút đông đảo người học tham gia, rèn luyện tinh thần sáng tạo, tự học, khởi nghiệp "
                "và làm chủ công nghệ."
            ),
        },
        "budget_state": (
            "Kinh phí thực hiện được trong dự toán chi ngân sách nhà nước hàng năm của các đơn vị theo phân cấp "
            "ngân sách hiện hành"
        ),
        "budget_social": (
            "huy động từ các nguồn tài trợ, đóng góp của doanh nghiệp, tổ chức, cá nhân và các nguồn tài trợ hợp "
            "pháp khác theo quy định của pháp luật. Việc sử dụng kinh phí phải đảm bảo chặt chẽ, đúng quy định."
        ),
        "assignments": [
            {
                "assignee": "Các cơ quan, đơn vị trực thuộc",
                "role": "lead",
                "task": (
                    "Căn cứ chức năng, nhiệm vụ được giao, các cơ quan, đơn vị trực thuộc phối hợp với các cơ "
                    "quan, đơn vị có liên quan (khi có yêu cầu) triển khai các hoạt động của Tuần lễ bảo đảm hiệu "
                    "quả, thiết thực.\n"
                    "Tập trung triển khai các chuyên đề thuộc lĩnh vực chuyên môn đơn vị được giao thực hiện đáp "
                    "ứng nhu cầu học tập của người dân.\n"
                    "Hưởng ứng và tham gia tích cực các hoạt động của Tuần lễ theo ngành, lĩnh vực được giao thực "
                    "hiện."
                ),
            },
        ],
        "report_due": date(2025, 10, 10),
        "report_to": "Sở Y tế",
        "recipients": [
            "Như trên",
            "Ban Giám đốc Sở",
            "Lưu: VT, TCCBÁNH",
        ],
        "signature": {
            "mode": "KT.",
            "authority": "GIÁM ĐỐC",
            "title": "PHÓ GIÁM ĐỐC",
            "name": "Nguyễn Đình Hưng",
        },
    },
    # 4. UBND Phường Tây Mỗ (Hà Nội): plan with the number left blank, "ngày ... tháng 9 năm 2025" (seed 002).
    {
        "unit_code": "00634",
        "unit_name": None,
        "doc_kind": "plan",
        "number": "",
        "symbol": "KH-UBND",
        "issue_date": None,
        "issue_place": "Tây Mỗ",
        "parent_body_line": "",
        "issuing_body_line": "ỦY BAN NHÂN DÂN\nPHƯỜNG TÂY MỖ",
        "title": "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025",
        "addressees": [],
        "legal_bases": [
            {
                "intro": "Căn cứ",
                "kind": "Quyết định",
                "number": "1373/QĐ-TTg",
                "date": date(2021, 7, 30),
                "issuer": "Thủ tướng Chính phủ",
                "subject": "phê duyệt Đề án “Xây dựng xã hội học tập giai đoạn 2021 - 2030”",
            },
            {
                "intro": "Căn cứ",
                "kind": "Quyết định",
                "number": "1315/QĐ-TTg",
                "date": date(2023, 11, 9),
                "issuer": "Thủ tướng Chính phủ",
                "subject": (
                    "ban hành Kế hoạch triển khai Phong trào “Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh "
                    "học tập suốt đời giai đoạn 2025-2030”"
                ),
            },
            {
                "intro": "Căn cứ",
                "kind": "Công văn",
                "number": "5607/BGDĐT-GDNNGDTX",
                "date": date(2025, 9, 15),
                "issuer": "Bộ Giáo dục và Đào tạo",
                "subject": "tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025",
            },
            {
                "intro": "Căn cứ",
                "kind": "Kế hoạch",
                "number": "52/KH-UBND",
                "date": date(2024, 2, 7),
                "issuer": "Ủy ban nhân dân Thành phố",
                "subject": (
                    "triển khai thực hiện Nghị quyết số 23-NQ/TU của Thành ủy Hà Nội về tăng cường sự lãnh đạo của "
                    "Đảng đối với công tác khuyến học, khuyến tài, xây dựng xã hội học tập trên địa bàn thành phố "
                    "Hà Nội từ nay đến năm 2030, tầm nhìn đến năm 2045"
                ),
            },
            {
                "intro": "Căn cứ",
                "kind": "Kế hoạch",
                "number": "262/KH-UBND",
                "date": date(2025, 9, 25),
                "issuer": "Ủy ban nhân dân Thành phố Hà Nội",
                "subject": "tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025",
            },
        ],
        "purposes": (
            "Nâng cao nhận thức của cán bộ, công chức, viên chức, người lao động và các tầng lớp Nhân dân về ý "
            "nghĩa của việc tự học và học tập suốt đời trong bối cảnh chuyển đổi số, hội nhập quốc tế; từ đó phát "
            "huy trí tuệ, sức mạnh con người Thủ đô, góp phần phát triển nguồn nhân lực chất lượng cao, nâng cao "
            "năng lực cạnh tranh quốc gia và phục vụ sự nghiệp phát triển nhanh, bền vững của đất nước.\n"
            "Tăng cường sự lãnh đạo, chỉ đạo của cấp ủy, chính quyền; đẩy mạnh sự phối hợp đồng bộ, hiệu quả của "
            "các tổ chức chính trị - xã hội, nghề nghiệp, cộng đồng doanh nghiệp và toàn xã hội, bảo đảm các hoạt "
            "động của Tuần lễ thiết thực, hiệu quả, lan tỏa sâu rộng\n"
            "Tổ chức các hoạt động của Tuần lễ với nội dung, hình thức phong phú, đa dạng, sáng tạo, phù hợp với "
            "điều kiện thực tiễn của địa phương, đơn vị. Chú trọng ứng dụng công nghệ thông tin, truyền thông và "
            "các nền tảng số nhằm tạo cơ hội học tập bình đẳng, thuận lợi cho mọi người dân, đặc biệt là các đối "
            "tượng yếu thế trên địa bàn phường."
        ),
        "theme": (
            "Học để phát triển bản thân, làm chủ tri thức và công nghệ, góp phần xây dựng đất nước hùng cường, "
            "thịnh vượng"
        ),
        "time_and_venue": (
            "Tuần lễ được tổ chức từ ngày 01/10/2025 đến ngày 07/10/2025 tại các đơn vị, các tổ dân phố trên địa "
            "bàn phường.\n"
            "Ngày Khai mạc và tổ chức điểm của UBND phường: ngày 01/10/2025 (thứ Tư).\n"
            "Địa điểm: Trường THCS Nguyễn Quý Đức."
        ),
        "week_start": date(2025, 10, 1),
        "week_end": date(2025, 10, 7),
        "opening_date": date(2025, 10, 1),
        "opening_venue": "Trường THCS Nguyễn Quý Đức",
        "activities": {
            "opening": (
                "Tổ chức Lễ khai mạc Tuần lễ với chủ đề: “Học để phát triển bản thân, làm chủ tri thức và công "
                "nghệ, góp phần xây dựng đất nước hùng cường, thịnh vượng”."
            ),
            "awareness": (
                "Đẩy mạnh công tác tuyên truyền về vai trò của tự học, học tập suốt đời gắn với việc chủ động làm "
                "chủ tri thức và công nghệ. Hình thức đa dạng, phong phú (ấn phẩm báo chí, phóng sự truyền hình, "
                "trạm tư vấn học tập lưu động…). Tổ chức các buổi tọa đàm, diễn đàn với chuyên gia về xu hướng "
                "công nghệ, tri thức số và phương pháp học tập hiệu quả, giúp người dân nâng cao nhận thức, hình "
                "thành ý thức tự học thường xuyên. Việc tuyên truyền cần gắn với khẩu hiệu của UNESCO: “Học để "
                "biết, học để làm, học để chung sống, học để tự khẳng định mình” và các khẩu hiệu phù hợp khác, "
                "tạo nên thông điệp học tập đa chiều, toàn diện."
            ),
            "digital_skills": (
                "Tổ chức các lớp tập huấn, bồi dưỡng kỹ năng số cơ bản và nâng cao cho mọi đối tượng, bao gồm: sử "
                "dụng công cụ trực tuyến (văn phòng điện tử, mạng xã hội học tập), khai thác tài nguyên giáo dục "
                "mở (OER), bảo mật thông tin cá nhân, nhận diện và phòng tránh rủi ro trên không gian mạng; bước "
                "đầu tiếp cận và thực hành các công nghệ mới (phân tích dữ liệu, trí tuệ nhân tạo, dữ liệu mở...). "
                "Huy động doanh nghiệp, tổ chức giáo dục phối hợp tổ chức các buổi tư vấn, trải nghiệm nghề nghiệp "
                "trong lĩnh vực công nghệ thông tin, giúp học sinh, sinh viên được rèn luyện kỹ năng số trong môi "
                "trường làm việc thực tế."
            ),
            "online_learning": (
                "Giới thiệu và hướng dẫn sử dụng các nền tảng học tập trực tuyến, ứng dụng di động và kho học liệu "
                "số. Tổ chức các buổi trải nghiệm sử dụng khóa học trực tuyến đại chúng mở (MOOC), sách điện tử, "
                "công cụ tạo bài giảng, trợ lý ảo học tập, nền tảng dữ liệu tri thức… Kết hợp lớp học thử nghiệm "
                "và hướng dẫn trực tiếp để khuyến khích người dân hình thành thói quen khai thác tri thức số mọi "
                "lúc, mọi nơi, từng bước làm chủ các công cụ học tập hiện đại, mở rộng khả năng tự học trong môi "
                "trường số."
            ),
            "digital_library": (
                "Phát động phong trào xây dựng thư viện số, tủ sách số tại cơ sở giáo dục và cộng đồng; khuyến "
                "khích sử dụng thư viện điện tử dùng chung để mọi người dân thuận tiện tiếp cận tri thức. Đẩy mạnh "
                "xây dựng cộng đồng học tập trực tuyến qua các câu lạc bộ, diễn đàn, mạng lưới chia sẻ tri thức, "
                "góp phần hình thành môi trường học tập mở, bình đẳng cho tất cả mọi người."
            ),
            "competition": (
                "Tổ chức các cuộc thi và hoạt động trải nghiệm về công nghệ số và tri thức mới, như: lập trình, "
                "sáng tạo nội dung số, thiết kế rô-bốt, ứng dụng trí tuệ nhân tạo, khoa học dữ liệu … Khuyến khích "
                "tổ chức các cuộc thi lập trình, các lớp thực hành - trải nghiệm công nghệ, diễn đàn đổi mới sáng "
                "tạo nhằm thu hút đông đảo người học tham gia, rèn luyện tinh thần sáng tạo, tự học, khởi nghiệp "
                "và làm chủ công nghệ."
            ),
            "career": (
                "Tổ chức các hoạt động kết nối nhà trường - doanh nghiệp nhân dịp Tuần lễ, bao gồm: tham quan, "
                "kiến tập, thực tập tại doanh nghiệp công nghệ; tọa đàm hướng nghiệp với doanh nghiệp, chuyên gia. "
                "Mời doanh nghiệp giới thiệu cơ hội việc làm, chia sẻ kinh nghiệm, xu hướng tuyển dụng; mời doanh "
                "nhân, nghệ nhân địa phương chia sẻ câu chuyện khởi nghiệp, tự học, làm chủ công nghệ, truyền cảm "
                "hứng cho cộng đồng và định hướng nghề nghiệp cho học sinh, sinh viên, học viên tại các cơ sở giáo "
                "dục."
            ),
        },
        "budget_state": (
            "Kinh phí thực hiện được đảm bảo trong dự toán chi ngân sách nhà nước hàng năm của các đơn vị theo "
            "phân cấp ngân sách hiện hành"
        ),
        "budget_social": (
            "huy động từ các nguồn tài trợ, đóng góp của doanh nghiệp, tổ chức, cá nhân và các nguồn tài trợ hợp "
            "pháp khác theo quy định của pháp luật."
        ),
        "assignments": [
            {
                "assignee": "Phòng Văn hoá - Xã hội",
                "role": "lead",
                "task": (
                    "Tham mưu xây dựng kế hoạch và triển khai tổ chức Tuần lễ, đẩy mạnh các hoạt động nhằm thực "
                    "hiện các mục tiêu của Đề án “Xây dựng xã hội học tập giai đoạn 2021-2030” tại các tổ dân phố, "
                    "các đơn vị.\n"
                    "Phối hợp các phòng, ban, đơn vị, các tổ dân phố tổ chức hưởng ứng và tham gia tích cực các "
                    "hoạt động của Tuần lễ theo ngành, lĩnh vực phụ trách.\n"
                    "Tổ chức kiểm tra, đôn đốc, tổng kết, rút kinh nghiệm nhằm phát hiện, nhân rộng, tuyên dương, "
                    "khen thưởng kịp thời các tập thể, cá nhân có những đóng góp tích cực trong việc học tập suốt "
                    "đời, xây dựng xã hội học tập.\n"
                    "Theo dõi, duy trì, thúc đẩy các hoạt động của Tuần lễ trong suốt năm học."
                ),
            },
            {
                "assignee": "Phòng Kinh tế, Hạ tầng và Đô thị",
                "role": "support",
                "task": "Tham mưu Ủy ban nhân dân phường bố trí kinh phí tổ chức các hoạt động hưởng ứng tuần lễ.",
            },
            {
                "assignee": "Các phòng ban, các đơn vị, các Tổ dân phố trực thuộc phường",
                "role": "support",
                "task": (
                    "Căn cứ chức năng, nhiệm vụ được giao, phối hợp với phòng VHXH và các đơn vị có liên quan "
                    "triển khai các hoạt động của Tuần lễ bảo đảm hiệu quả, thiết thực."
                ),
            },
            {
                "assignee": "Trường THCS Nguyễn Quý Đức",
                "role": "support",
                "task": "chuẩn bị cơ sở vật chất các nội dung liên quan đến tổ chức ngày khai mạc Tuần lễ.",
            },
        ],
        "report_due": date(2025, 10, 15),
        "report_to": "Phòng Văn hoá - Xã hội",
        "recipients": [
            "TT Đảng ủy, HĐND phường (để b/cáo)",
            "Đ/c Chủ tịch UBND phường (để b/cáo)",
            "Các đ/c Phó CT UBND phường",
            "Các phòng, ban, đơn vị",
            "Lưu: VT, VHXH",
        ],
        "signature": {
            "mode": "TM.",
            "authority": "ỦY BAN NHÂN DÂN",
            "title": "PHÓ CHỦ TỊCH",
            "name": "Nguyễn Mạnh Hùng",
        },
    },
    # 5. UBND tỉnh Quảng Ngãi: Công văn 2996/UBND-KGVX, 30/9/2025. No text of it is available; only what seed 004
    *QUANG_NGAI_PLANS,
]
