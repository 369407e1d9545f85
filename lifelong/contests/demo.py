"""The contests demo: Hà Nội's online contest about the Week, with a question bank written for the demo.

Two rounds: the Week's round of October 2025 (closed, sat by the demo learners, so its results and the answer key
can be seen) and a round open now for thirty days (so anyone can enter or practise). Made through the services by
Hà Nội's demo official; the past round's attempts are written as they were then (the services only start an
attempt now). Idempotent: a second run finds the contest and adds nothing.
"""

import random
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from lifelong.campaigns.models import Campaign
from lifelong.contests import attempts, services
from lifelong.contests.models import Answer, Attempt, Contest, Question
from lifelong.orgs.models import OrgUnit, User

TITLE = "Cuộc thi trực tuyến tìm hiểu về Tuần lễ hưởng ứng học tập suốt đời năm 2025"
RULES = ("Mỗi người dự thi bằng tài khoản đã xác nhận e-mail hoặc số điện thoại.\n"
         "Mỗi vòng có một lượt thi chính thức gồm 10 câu hỏi trong 10 phút; được thi thử không giới hạn.\n"
         "Xếp hạng theo điểm, rồi câu dự đoán số người tham gia, rồi thời gian làm bài.")
PRIZES = "01 giải Nhất, 02 giải Nhì, 03 giải Ba và 10 giải Khuyến khích mỗi vòng (giấy chứng nhận)."
# (question, kind, choices, key): written for the demo, about the Week and lifelong learning.
BANK = [
    ("Tuần lễ hưởng ứng học tập suốt đời năm 2025 diễn ra trong những ngày nào?", "single",
     ["Từ 01/10 đến 07/10", "Từ 15/10 đến 21/10", "Từ 20/11 đến 26/11", "Từ 01/6 đến 07/6"], [0]),
    ("Chủ đề Tuần lễ năm 2025 là gì?", "single",
     ["Học tập suốt đời trong kỷ nguyên số: làm chủ tri thức và công nghệ", "Học tập để lập nghiệp",
      "Đọc sách vì tương lai", "Chuyển đổi số trong nông nghiệp"], [0]),
    ("Khẩu hiệu của UNESCO về bốn trụ cột của học tập gồm những vế nào?", "multiple",
     ["Học để biết", "Học để làm", "Học để chung sống", "Học để thi cử"], [0, 1, 2]),
    ("Vế còn lại của khẩu hiệu UNESCO: \"Học để biết, học để làm, học để chung sống, học để …\"?", "single",
     ["tự khẳng định mình", "làm giàu", "đi du học", "thăng tiến"], [0]),
    ("Những mô hình học tập nào được đánh giá, công nhận hằng năm?", "multiple",
     ["Cộng đồng học tập", "Đơn vị học tập", "Gia đình học tập", "Công dân học tập"], [0, 1, 2, 3]),
    ("Học tập suốt đời chỉ dành cho người đang đi học.", "truefalse", ["Đúng", "Sai"], [1]),
    ("Người cao tuổi cũng là đối tượng của các lớp kỹ năng số trong Tuần lễ.", "truefalse", ["Đúng", "Sai"], [0]),
    ("Từ ngày 1/7/2025, Việt Nam có bao nhiêu tỉnh, thành phố trực thuộc trung ương?", "number", [], "34"),
    ("Một tuần lễ có bao nhiêu ngày? (Tuần lễ học tập kéo dài đúng một tuần)", "number", [], "7"),
    ("Hoạt động nào thuộc nội dung \"kỹ năng số\" của Tuần lễ?", "single",
     ["Tập huấn sử dụng dịch vụ công trực tuyến", "Thi đấu bóng đá", "Liên hoan ẩm thực", "Hội chợ nông sản"], [0]),
    ("Thư viện số, tủ sách số giúp người dân điều gì?", "multiple",
     ["Đọc sách, tài liệu mọi lúc, mọi nơi", "Chia sẻ học liệu giữa các trường", "Thay thế hoàn toàn giáo viên"],
     [0, 1]),
    ("Không nên chia sẻ mã OTP với người khác, kể cả người tự xưng là nhân viên ngân hàng.", "truefalse",
     ["Đúng", "Sai"], [0]),
    ("Khi nhận tin nhắn yêu cầu chuyển tiền gấp kèm đường link lạ, nên làm gì?", "single",
     ["Không bấm vào link, gọi lại cho người thân để kiểm tra", "Chuyển tiền ngay", "Bấm link để xem thử",
      "Gửi mã OTP để xác minh"], [0]),
    ("Khóa học trực tuyến mở đại chúng được viết tắt là gì?", "single", ["MOOC", "OTP", "VNeID", "PDF"], [0]),
    ("Xây dựng xã hội học tập là nhiệm vụ của ai?", "single",
     ["Của cả hệ thống chính trị và toàn xã hội", "Chỉ của ngành giáo dục", "Chỉ của nhà trường",
      "Chỉ của học sinh"], [0]),
    ("Những việc nào là học tập suốt đời?", "multiple",
     ["Tự học qua sách, báo, internet", "Tham gia câu lạc bộ, nhóm học tập", "Học nghề khi đã đi làm"],
     [0, 1, 2]),
    ("Ứng dụng định danh điện tử quốc gia có tên là gì?", "single", ["VNeID", "Zalo", "Excel", "MOOC"], [0]),
    ("Kết nối nhà trường với doanh nghiệp giúp học sinh hướng nghiệp tốt hơn.", "truefalse", ["Đúng", "Sai"], [0]),
    ("Tuần lễ hưởng ứng học tập suốt đời được tổ chức mấy lần mỗi năm?", "number", [], "1"),
    ("Lễ khai mạc Tuần lễ thường được tổ chức vào ngày nào?", "single",
     ["Ngày đầu tiên của Tuần lễ", "Ngày cuối cùng", "Sau khi Tuần lễ kết thúc", "Không tổ chức"], [0]),
]


def _past_attempt(user, round_, *, at: datetime, right: int, seconds: int, prediction: int) -> None:
    seed = random.Random(user.pk * 7919 + round_.pk).getrandbits(62)
    questions = {q.pk: q for q in Question.objects.filter(contest=round_.contest, active=True)}
    paper = attempts.draw(seed, list(questions), {pk: len(q.choices) for pk, q in questions.items()},
                          round_.question_count)
    attempt = Attempt.objects.create(round=round_, user=user, seed=seed, paper=paper, started_at=at,
                                     deadline_at=at + timedelta(minutes=round_.duration_minutes),
                                     prediction=prediction)
    for position, (question_id, _order) in enumerate(paper):
        question = questions[question_id]
        wrong = [0] if question.key != [0] else [1]
        value = question.key if position < right else ("0" if question.kind == "number" else wrong)
        Answer.objects.create(attempt=attempt, question=question, value=value,
                              answered_at=at + timedelta(seconds=10 * (position + 1)))
    attempts._close(attempt, at + timedelta(seconds=seconds), late=False)


@transaction.atomic
def load_demo_contests() -> dict[str, int]:
    campaign = Campaign.objects.filter(year=2025).first()
    hanoi_official = User.objects.filter(username="hanoi").first()
    hanoi = OrgUnit.objects.filter(code="01").first()
    if campaign is None or hanoi_official is None or hanoi is None or Contest.objects.filter(title=TITLE).exists():
        return {"contests": 0, "questions": 0, "attempts": 0}
    contest = services.contest_create(actor=hanoi_official, unit=hanoi, campaign=campaign, data={
        "title": TITLE, "rules": RULES, "prizes": PRIZES,
        "prediction_question": "Dự đoán số người tham gia vòng thi chính thức"})
    Question.objects.bulk_create([Question(contest=contest, text=text, kind=kind, choices=choices, key=key)
                                  for text, kind, choices, key in BANK])
    tz = timezone.get_current_timezone()
    week = services.round_save(actor=hanoi_official, contest=contest, data={
        "name": "Vòng thi Tuần lễ (01–07/10/2025)", "opens_at": datetime(2025, 10, 1, 8, tzinfo=tz),
        "closes_at": datetime(2025, 10, 7, 17, tzinfo=tz), "question_count": 10, "duration_minutes": 10,
        "official_attempts": 1})
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    services.round_save(actor=hanoi_official, contest=contest, data={
        "name": "Vòng mở rộng", "opens_at": today, "closes_at": today + timedelta(days=30), "question_count": 10,
        "duration_minutes": 10, "official_attempts": 1})
    contest = services.contest_update(actor=hanoi_official, contest=contest, version=contest.version, data={
        "title": TITLE, "rules": RULES, "prizes": PRIZES, "prediction_question": contest.prediction_question},
        published=True, prediction_answer=3)
    sat = 0
    for n, username in enumerate(["hocvien.lan", "hocvien.minh"]):
        user = User.objects.filter(username=username).first()
        if user is not None:
            _past_attempt(user, week, at=datetime(2025, 10, 2 + n, 9, tzinfo=tz), right=9 - n, seconds=240 + 30 * n,
                          prediction=3 + n)
            sat += 1
    return {"contests": 1, "questions": len(BANK), "attempts": sat}


# Three more contests open now or soon, for the public list and the learning assistant: (unit code, unit name or
# None, official, title, rules, days from today it opens and closes, questions).
MORE = [
    ("00634", "Trường THCS Nguyễn Quý Đức", "truong", "Cuộc thi lập trình Scratch cho học sinh",
     "Dành cho học sinh THCS. Mỗi lượt 5 câu hỏi về lập trình Scratch trong 10 phút.", 0, 21, [
         ("Trong Scratch, khối lệnh nào lặp lại mãi mãi?", "single", ["forever", "if", "say", "wait"], [0]),
         ("Nhân vật trong Scratch được gọi là gì?", "single", ["Sprite", "Stage", "Block", "Script"], [0]),
         ("Scratch là ngôn ngữ lập trình kéo thả.", "truefalse", ["Đúng", "Sai"], [0]),
         ("Sân khấu trong Scratch rộng bao nhiêu điểm ảnh?", "number", [], "480"),
         ("Muốn nhân vật nói, dùng khối lệnh nào?", "single", ["say", "move", "turn", "hide"], [0]),
     ]),
    ("23548", None, "yaly", "Hội thi tìm hiểu an toàn thông tin trên mạng",
     "Mọi người dân trong xã đều được dự thi. Mỗi lượt 5 câu hỏi trong 10 phút.", 0, 14, [
         ("Có nên cho người khác biết mã OTP không?", "truefalse", ["Có", "Không"], [1]),
         ("Tin nhắn báo trúng thưởng kèm đường link lạ thường là gì?", "single",
          ["Lừa đảo", "Quà thật", "Thông báo của xã", "Tin nhắn của ngân hàng"], [0]),
         ("Mật khẩu mạnh nên có những gì?", "multiple",
          ["Chữ hoa", "Chữ số", "Ký tự đặc biệt", "Ngày sinh của mình"], [0, 1, 2]),
         ("Xác thực hai lớp giúp bảo vệ tài khoản tốt hơn.", "truefalse", ["Đúng", "Sai"], [0]),
         ("Mật khẩu nên dài ít nhất bao nhiêu ký tự?", "number", [], "8"),
     ]),
    ("51", None, "quangngai", "Cuộc thi Đại sứ văn hóa đọc tỉnh Quảng Ngãi",
     "Dành cho học sinh và thanh niên trong tỉnh. Mỗi lượt 5 câu hỏi về sách và văn hóa đọc.", 5, 40, [
         ("Ngày Sách và Văn hóa đọc Việt Nam là ngày nào?", "single", ["21/4", "1/10", "20/11", "2/9"], [0]),
         ("Đọc sách điện tử cũng là đọc sách.", "truefalse", ["Đúng", "Sai"], [0]),
         ("Tủ sách số giúp gì cho người ở xa thư viện?", "single",
          ["Đọc sách trên điện thoại", "Mua sách rẻ hơn", "Không cần đọc", "In sách miễn phí"], [0]),
         ("Một tuần có bao nhiêu ngày để đọc sách?", "number", [], "7"),
         ("Truyện Kiều do ai viết?", "single", ["Nguyễn Du", "Nguyễn Trãi", "Hồ Xuân Hương", "Tố Hữu"], [0]),
     ]),
]


def load_demo_more_contests() -> dict[str, int]:
    campaign = Campaign.objects.filter(year=2025).first()
    if campaign is None:
        return {"contests": 0}
    made = 0
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    for code, name, official, title, rules, opens, closes, bank in MORE:
        actor = User.objects.filter(username=official).first()
        unit = OrgUnit.objects.filter(code=code).first()
        if name and unit is not None:
            unit = OrgUnit.objects.filter(parent=unit, name=name).first()
        if actor is None or unit is None or Contest.objects.filter(title=title).exists():
            continue
        with transaction.atomic():
            contest = services.contest_create(actor=actor, unit=unit, campaign=campaign,
                                              data={"title": title, "rules": rules, "prizes": PRIZES})
            Question.objects.bulk_create([Question(contest=contest, text=text, kind=kind, choices=choices, key=key)
                                          for text, kind, choices, key in bank])
            services.round_save(actor=actor, contest=contest, data={
                "name": "Vòng thi trực tuyến", "opens_at": today + timedelta(days=opens),
                "closes_at": today + timedelta(days=closes), "question_count": 5, "duration_minutes": 10,
                "official_attempts": 1})
            services.contest_update(actor=actor, contest=contest, version=contest.version,
                                    data={"title": title, "rules": rules, "prizes": PRIZES}, published=True)
        made += 1
    return {"contests": made}
