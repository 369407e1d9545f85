"""The organiser's pages: a unit's contests, one contest's settings, rounds and question bank, a round's results."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lifelong.contests import questions, selectors, services
from lifelong.contests.forms import ContestCreateForm, ContestForm, QuestionImportForm, RoundForm, WinnersForm
from lifelong.contests.models import Contest, Round
from lifelong.contests.ranking import ranking
from lifelong.core import exports
from lifelong.core.errors import ServiceError
from lifelong.core.web import add_service_errors, flash_form_errors, flash_service_error
from lifelong.orgs import selectors as org_selectors
from lifelong.orgs.models import OrgUnit
from lifelong.orgs.permissions import can_edit, can_view


@login_required
def unit_contests(request, pk: int):
    unit = get_object_or_404(OrgUnit, pk=pk)
    if not can_view(request.user, unit):
        raise Http404
    form = ContestCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            contest = services.contest_create(actor=request.user, unit=unit, campaign=form.cleaned_data["campaign"],
                                              data={"title": form.cleaned_data["title"]})
        except ServiceError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Contest made. Add a round and the questions, then publish it."))
            return redirect("contest_manage", pk=contest.pk)
    return render(request, "contests/unit_contests.html", {
        "unit": unit, "breadcrumbs": org_selectors.unit_breadcrumbs(unit), "form": form,
        "contests": selectors.unit_contests(request.user, unit), "can_edit": can_edit(request.user, unit)},
        status=400 if request.method == "POST" else 200)


def _contest_for(request, pk: int) -> Contest:
    contest = get_object_or_404(Contest.objects.select_related("unit", "campaign"), pk=pk)
    if not can_view(request.user, contest.unit):
        raise Http404
    return contest


def _manage_page(request, contest, *, contest_form=None, round_form=None, status=200):
    contest_form = contest_form or ContestForm(contest=contest, initial={
        "version": contest.version, "title": contest.title, "rules": contest.rules, "prizes": contest.prizes,
        "prediction_question": contest.prediction_question, "prediction_answer": contest.prediction_answer,
        "activity": contest.activity_id, "residents_only": contest.residents_of_id is not None,
        "published": contest.published})
    return render(request, "contests/manage.html", {
        "contest": contest, "unit": contest.unit, "breadcrumbs": org_selectors.unit_breadcrumbs(contest.unit),
        "contest_form": contest_form, "round_form": round_form or RoundForm(), "import_form": QuestionImportForm(),
        "rounds": contest.rounds.all(), "bank": contest.questions.filter(active=True).count(),
        "can_edit": can_edit(request.user, contest.unit)}, status=status)


@login_required
def contest_manage(request, pk: int):
    contest = _contest_for(request, pk)
    if request.method != "POST":
        return _manage_page(request, contest)
    form = ContestForm(request.POST, contest=contest)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.contest_update(actor=request.user, contest=contest, version=data["version"], data=data,
                                    published=data["published"], prediction_answer=data["prediction_answer"],
                                    activity=data["activity"], residents_only=data["residents_only"])
        except ServiceError as exc:
            add_service_errors(form, exc)
            return _manage_page(request, contest, contest_form=form, status=exc.status)
        messages.success(request, _("Saved."))
        return redirect("contest_manage", pk=contest.pk)
    return _manage_page(request, contest, contest_form=form, status=400)


@login_required
@require_POST
def round_add(request, pk: int):
    contest = _contest_for(request, pk)
    form = RoundForm(request.POST)
    if form.is_valid():
        try:
            services.round_save(actor=request.user, contest=contest, data=form.round_data())
        except ServiceError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Round added."))
            return redirect("contest_manage", pk=contest.pk)
    return _manage_page(request, contest, round_form=form, status=400)


@login_required
@require_POST
def questions_upload(request, pk: int):
    contest = _contest_for(request, pk)
    form = QuestionImportForm(request.POST, request.FILES)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("contest_manage", pk=contest.pk)
    upload = form.cleaned_data["file"]
    try:
        made = questions.questions_import(actor=request.user, contest=contest, filename=upload.name,
                                          data=upload.read())
    except ServiceError as exc:
        flash_service_error(request, exc)
    else:
        messages.success(request, _("%(n)s questions added to the bank.") % {"n": len(made)})
    return redirect("contest_manage", pk=contest.pk)


def questions_sample(request, pk: int):
    rows = [["Tuần lễ hưởng ứng học tập suốt đời năm 2025 diễn ra từ ngày nào?", "một đáp án", "1/10 đến 7/10",
             "15/10 đến 21/10", "20/11 đến 26/11", "", "A", 1],
            ["Những việc nào giúp xây dựng xã hội học tập?", "nhiều đáp án", "Đọc sách mỗi ngày",
             "Tham gia lớp kỹ năng số", "Bỏ học sớm", "", "A, B", 2],
            ["Học tập suốt đời chỉ dành cho người đang đi học.", "đúng/sai", "", "", "", "", "Sai", 1],
            ["Việt Nam có bao nhiêu tỉnh, thành phố từ ngày 1/7/2025?", "số", "", "", "", "", "34", 1]]
    return exports.xlsx_response("mau-cau-hoi.xlsx", [exports.Sheet(
        "Cau hoi", questions.TEMPLATE_HEADER, rows, column_widths={"A": 50, "B": 14, "C": 22, "D": 22, "E": 22,
                                                                   "G": 12})])


def _round_for(request, pk: int) -> Round:
    round_ = get_object_or_404(Round.objects.select_related("contest__unit", "contest__campaign"), pk=pk)
    if not can_view(request.user, round_.contest.unit):
        raise Http404
    return round_


@login_required
def round_results(request, pk: int):
    round_ = _round_for(request, pk)
    form = WinnersForm(request.POST or None)
    if request.method == "POST":
        if not can_edit(request.user, round_.contest.unit):
            raise PermissionDenied
        if form.is_valid():
            try:
                made = services.winners_certify(actor=request.user, round_=round_,
                                                awards=form.cleaned_data["awards"].splitlines())
            except ServiceError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("%(n)s certificates issued to the winners.") % {"n": len(made)})
                return redirect("contest_results", pk=round_.pk)
    return render(request, "contests/results.html", {
        "round": round_, "contest": round_.contest, "places": ranking(round_), "winners_form": form,
        "can_edit": can_edit(request.user, round_.contest.unit), "closed": round_.closes_at <= timezone.now(),
        "breadcrumbs": org_selectors.unit_breadcrumbs(round_.contest.unit)}, status=400 if form.errors else 200)


@login_required
def round_results_xlsx(request, pk: int):
    round_ = _round_for(request, pk)
    header = ["Hạng", "Họ tên", "Điểm", "Thời gian làm bài (giây)", "Nộp lúc", "Dự đoán", "Chênh lệch dự đoán",
              "Ghi chú"]
    rows = [[p.rank, p.name, p.score, p.seconds, timezone.localtime(p.submitted_at).replace(tzinfo=None),
             p.prediction, p.prediction_gap, p.flag]
            for p in ranking(round_)]
    return exports.xlsx_response(f"ket-qua-vong-{round_.pk}.xlsx", [exports.Sheet(
        "Ket qua", header, rows, column_widths={"B": 30, "D": 14, "E": 20, "H": 40})])


def unit_page_section(request, unit: OrgUnit) -> str:
    """The unit page's part on contests (settings.UNIT_PAGE_EXTRAS): its public contests, and its officials' page."""
    public = list(selectors.public_contests().filter(unit=unit)[:5])
    viewer = can_view(request.user, unit)
    if not public and not viewer:
        return ""
    return render_to_string("contests/_unit_section.html", {"unit": unit, "contests": public, "can_view": viewer},
                            request=request)
