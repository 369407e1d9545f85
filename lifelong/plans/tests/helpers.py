"""Helpers shared by tests of plans and of the apps built on them (fixtures are in the root conftest)."""

from datetime import date

from lifelong.plans import services


def publish_plan(unit, campaign, *, number="", issue_date=None, report_due=None, **fields):
    """A published plan of `unit`, made through the services as a user would."""
    plan = services.plan_create_draft(actor=None, unit=unit, campaign=campaign)
    categories = {c.code: c.pk for c in campaign.categories.all()}
    plan = services.plan_update(
        actor=None, plan=plan, lock_version=plan.lock_version,
        fields={"number": number, "issue_date": issue_date, "report_due": report_due, **fields},
        legal_bases=[{"intro": "Căn cứ", "kind": "Quyết định", "number": "1373/QĐ-TTg", "date": date(2021, 7, 30),
                      "issuer": "Thủ tướng Chính phủ",
                      "subject": "phê duyệt Đề án “Xây dựng xã hội học tập giai đoạn 2021 - 2030”"}],
        activities=[{"category": categories["opening"], "text": "Tổ chức Lễ khai mạc Tuần lễ."},
                    {"category": categories["digital_skills"], "text": "Tập huấn kỹ năng số cho người dân."}])
    return services.plan_publish(actor=None, plan=plan, lock_version=plan.lock_version).plan


def posted_plan_form(page, **changes) -> dict:
    """The plan form of a rendered page (editor or import review) as a browser posts it back, some fields changed.

    The page's context holds `form` and `activities` (plain forms) and `bases` and `assignments` (formsets).
    """
    data = {}
    for form in (page.context["form"], page.context["activities"]):
        for name in form.fields:
            value = form[name].value()
            if isinstance(value, date):
                value = value.strftime("%d/%m/%Y")
            data[form.add_prefix(name)] = "" if value is None else value
    for formset in (page.context["bases"], page.context["assignments"]):
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        for sub in formset.forms:
            for name in sub.fields:
                value = sub[name].value()
                if isinstance(value, date):
                    value = value.strftime("%d/%m/%Y")
                if value is not None and value is not False:
                    data[sub.add_prefix(name)] = value
    data.update(changes)
    return data
