"""Demo data, continued: Quảng Ngãi's letter 2996/UBND-KGVX and Xã Ya Ly's plan (see demo_data.py)."""

from datetime import date

QUANG_NGAI_PLANS = [
    #    (Xã Ya Ly) says when citing it is filled in, everything else is left empty.
    {
        "unit_code": "51",
        "unit_name": None,
        "doc_kind": "letter",
        "number": "2996",
        "symbol": "UBND-KGVX",
        "issue_date": date(2025, 9, 30),
        "issue_place": "",
        "parent_body_line": "",
        "issuing_body_line": "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI",
        "title": "tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025",
        "addressees": [],
        "legal_bases": [],
        "purposes": "",
        "theme": "",
        "time_and_venue": "",
        "week_start": None,
        "week_end": None,
        "opening_date": None,
        "opening_venue": "",
        "activities": {},
        "budget_state": "",
        "budget_social": "",
        "assignments": [],
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
    # 6. UBND Xã Ya Ly (Quảng Ngãi): plan with the number and date left blank (seed 004).
    {
        "unit_code": "23548",
        "unit_name": None,
        "doc_kind": "plan",
        "number": "",
        "symbol": "KH-UBND",
        "issue_date": None,
        "issue_place": "Ya Ly",
        "parent_body_line": "",
        "issuing_body_line": "ỦY BAN NHÂN DÂN\nXÃ YA LY",
        "title": "Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025",
        "addressees": [],
        "legal_bases": [
            {
                "intro": "Căn cứ",
                "kind": "Công văn",
                "number": "2996/UBND-KGVX",
                "date": date(2025, 9, 30),
                "issuer": "Ủy ban nhân dân tỉnh",
                "subject": "tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025",
            },
            {
                "intro": "Căn cứ",
                "kind": "Công văn",
                "number": "1306/SGDĐT-GDTXHSSV",
                "date": None,
                "issuer": "Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi",
                "subject": "tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025",
            },
        ],
        "purposes": (
            "Nâng cao nhận thức của các tầng lớp Nhân dân, cán bộ, công chức, viên chức, người lao động về vai "
            "trò, ý nghĩa của việc học tập, đặc biệt là tự học và học tập suốt đời gắn với việc làm chủ tri thức "
            "và công nghệ đối với sự phát triển của mỗi cá nhân; từ đó phát huy sức mạnh con người Việt Nam, phục "
            "vụ sự nghiệp phát triển nhanh, bền vững của đất nước trong bối cảnh chuyển đổi số, hội nhập quốc tế. "
            "Qua đó, góp phần nâng cao năng lực cạnh tranh quốc gia, phát triển nguồn nhân lực chất lượng cao đáp "
            "ứng yêu cầu công nghiệp hóa, hiện đại hóa đất nước.\n"
            "Tăng cường sự lãnh đạo, chỉ đạo của cấp ủy Đảng, chính quyền; sự phối hợp chặt chẽ, hiệu quả của các "
            "tổ chức chính trị - xã hội, tổ chức xã hội - nghề nghiệp, cộng đồng doanh nghiệp và toàn xã hội trong "
            "việc triển khai các hoạt động hưởng ứng Tuần lễ, bảo đảm tính thiết thực, hiệu quả, lan tỏa sâu rộng.\n"
            "Tổ chức các hoạt động của Tuần lễ với nội dung, hình thức phong phú, đa dạng, sáng tạo, phù hợp với "
            "điều kiện thực tiễn của từng đơn vị. Chú trọng ứng dụng công nghệ thông tin, truyền thông và các nền "
            "tảng số nhằm tạo cơ hội học tập bình đẳng, thuận lợi cho mọi người dân."
        ),
        "theme": (
            "Học để phát triển bản thân, làm chủ tri thức và công nghệ, góp phần xây dựng đất nước hùng cường, "
            "thịnh vượng"
        ),
        "time_and_venue": "Tuần lễ được tổ chức từ ngày 01/10/2025 đến ngày 07/10/2025.",
        "week_start": date(2025, 10, 1),
        "week_end": date(2025, 10, 7),
        "opening_date": None,
        "opening_venue": "",
        "activities": {
            "awareness": (
                "Đẩy mạnh và đổi mới các hoạt động thông tin, tuyên truyền trên các phương tiện thông tin đại "
                "chúng, Trang thông tin điện tử, các trang mạng xã hội về tầm quan trọng và vai trò của tự học, "
                "học tập suốt đời gắn với việc chủ động làm chủ tri thức và công nghệ. Treo băng rôn, khẩu hiệu "
                "tại trụ sở cơ quan, cơ sở giáo dục và nơi công cộng. Việc tuyên truyền cần gắn với khẩu hiệu của "
                "UNESCO: “Học để biết, học để làm, học để chung sống, học để tự khẳng định mình” và các khẩu hiệu "
                "phù hợp khác, tạo nên thông điệp học tập đa chiều, toàn diện."
            ),
            "digital_skills": (
                "Tổ chức các lớp tập huấn, bồi dưỡng kỹ năng số cơ bản và nâng cao cho mọi đối tượng, bao gồm: Sử "
                "dụng công cụ trực tuyến (văn phòng điện tử, mạng xã hội học tập), khai thác tài nguyên giáo dục "
                "mở (OER), bảo mật thông tin cá nhân, nhận diện và phòng tránh rủi ro trên không gian mạng; bước "
                "đầu tiếp cận và thực hành các công nghệ mới (phân tích dữ liệu, trí tuệ nhân tạo, dữ liệu mở...). "
                "Huy động doanh nghiệp, tổ chức giáo dục phối hợp tổ chức các buổi tư vấn, trải nghiệm nghề nghiệp "
                "trong lĩnh vực công nghệ thông tin, giúp học sinh được rèn luyện kỹ năng số trong môi trường làm "
                "việc thực tế."
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
                "Phối hợp tổ chức các cuộc thi và hoạt động trải nghiệm về công nghệ số và tri thức mới, như: Lập "
                "trình, sáng tạo nội dung số, thiết kế rô-bốt, ứng dụng trí tuệ nhân tạo, khoa học dữ liệu... "
                "Khuyến khích tổ chức các cuộc thi lập trình, các lớp thực hành trải nghiệm công nghệ, diễn đàn "
                "đổi mới sáng tạo nhằm thu hút đông đảo người học tham gia, rèn luyện tinh thần sáng tạo, tự học, "
                "khởi nghiệp và làm chủ công nghệ."
            ),
            "other": (
                "Triển khai các hoạt động của Tuần lễ với các hình thức phù hợp, hiệu quả; nhằm tạo sự hưởng ứng "
                "của xã hội một cách sâu rộng, đưa chủ đề của Tuần lễ vào cuộc sống một cách thiết thực."
            ),
        },
        "budget_state": "",
        "budget_social": "",
        "assignments": [
            {
                "assignee": "Phòng Văn hóa - Xã hội",
                "role": "lead",
                "task": (
                    "Chủ trì, đôn đốc và phối hợp các cơ quan, đơn vị có liên quan triển khai thực hiện Kế hoạch "
                    "tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025 đảm bảo phù hợp, hiệu quả thiết thực, "
                    "tiết kiệm.\n"
                    "Đẩy mạnh các hoạt động tuyên truyền và đưa tin, bài về các hoạt động hưởng ứng Tuần lễ, tuyên "
                    "truyền vai trò, ý nghĩa và tầm quan trọng của học tập suốt đời, xây dựng xã hội học.\n"
                    "Tham mưu Ủy ban nhân dân xã tổ chức kiểm tra, đánh giá kết quả thực hiện Tuần lễ; đồng thời "
                    "tổng hợp, tham mưu Ủy ban nhân dân xã báo cáo Ủy ban nhân dân tỉnh theo quy định."
                ),
            },
            {
                "assignee": "Các cơ quan, đơn vị theo chức năng, nhiệm vụ được giao",
                "role": "support",
                "task": (
                    "Triển khai thực hiện Kế hoạch thực hiện Tuần lễ hưởng ứng học tập suốt đời năm 2025 theo chỉ "
                    "đạo, hướng dẫn của Bộ Giáo dục và Đào tạo tại Công văn 5607/BGDĐT-GDNNGDTX và các văn bản "
                    "liên quan.\n"
                    'Tiếp tục triển khai các hoạt động xây dựng "Đơn vị học tập", "Cộng đồng học tập" phù hợp với '
                    "điều kiện thực tiễn."
                ),
            },
            {
                "assignee": "Ủy ban Mặt trận Tổ quốc Việt Nam xã và các tổ chức chính trị, xã hội",
                "role": "support",
                "task": (
                    "Tuyên truyền, vận động đoàn viên, hội viên, các tầng lớp Nhân dân tham gia hưởng ứng Tuần lễ "
                    "bằng các hình thức phù hợp, thiết thực nhằm đẩy mạnh phong trào học tập suốt đời."
                ),
            },
        ],
        "report_due": date(2025, 10, 13),
        "report_to": "Phòng Văn hóa - Xã hội",
        "recipients": [
            "Như trên",
            "Thường trực Đảng ủy",
            "Chủ tịch, các PCT UBND xã",
            "BTT Ủy ban MTTQVN xã",
            "Các ban, ngành, đoàn thể xã",
            "Thôn trưởng các thôn, làng",
            "Lưu: VT, HTTD",
        ],
        "signature": {
            "mode": "",
            "authority": "",
            "title": "",
            "name": "",
        },
    },
]
