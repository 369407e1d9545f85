"""Dates as Vietnamese officials type them (issue 12): accepted in every form that uses the shared formats,
anything else answered with a message while the typed text stays in the field."""

from datetime import date

import pytest
from django import forms
from django.urls import reverse
from django.utils import translation

from lifelong.core.forms import DATE_INPUT_FORMATS, DATE_WIDGET, DayField
from lifelong.core.validation import parse_date_param
from lifelong.orgs.models import Membership

TYPED = ["06/12/2026", "6/12/2026", "06.12.2026", "6.12.2026", "06-12-2026", "6-12-2026", " 06/12/2026 ",
         "2026-12-06"]
REFUSED = ["6/12/26", "06.12.26", "12/2026", "06/13/2026", "31/11/2026", "6 12 2026", "06122026", "ngày 6/12",
           "2026/12/06", "6/12/2026 xx"]


class DayForm(forms.Form):
    day = DayField(label="Ngày")


class ModelStyleForm(forms.Form):
    # How plans and campaigns declare their dates: a plain DateField with the shared widget and formats.
    day = forms.DateField(widget=DATE_WIDGET, input_formats=DATE_INPUT_FORMATS)


@pytest.mark.parametrize("typed", TYPED)
def test_the_forms_officials_type_are_read_as_6_december_2026(typed):
    for form_class in (DayForm, ModelStyleForm):
        form = form_class({"day": typed})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["day"] == date(2026, 12, 6)
    assert parse_date_param(typed) == date(2026, 12, 6)  # the same forms in an address (?from=...)


@pytest.mark.parametrize("typed", REFUSED)
def test_anything_else_gets_a_message_and_keeps_the_typed_text(typed):
    with translation.override("vi"):
        for form_class in (DayForm, ModelStyleForm):
            form = form_class({"day": typed})
            assert not form.is_valid()
            assert form.errors["day"]
            assert f'value="{typed}"' in str(form["day"])
        message = DayForm({"day": typed}).errors["day"][0]
        assert "dd/mm/yyyy" in message or "/2026" in message  # how to write it, or the full date to write
    assert parse_date_param(typed) is None


def test_a_two_digit_year_is_refused_with_the_full_date_proposed():
    with translation.override("vi"):
        form = DayForm({"day": "6/12/26"})
        assert not form.is_valid()
        assert "06/12/2026" in form.errors["day"][0]
        assert "năm" in form.errors["day"][0]  # a Vietnamese sentence, not Django's English default
        form = DayForm({"day": "32/12/2026"})
        assert not form.is_valid() and "dd/mm/yyyy" in form.errors["day"][0]


def test_a_date_outside_the_window_is_refused_not_cleared():
    form = DayForm({"day": "01/01/1999"})
    assert not form.is_valid()
    assert 'value="01/01/1999"' in str(form["day"])


def test_campaign_form_rerenders_a_wrong_date_with_the_text_and_a_summary(client, tree, make_user):
    client.force_login(make_user(tree.ministry, Membership.Role.ADMIN))
    response = client.post(reverse("campaign_create"), {
        "year": 2027, "name": "", "theme": "", "start_date": "01/10/27", "end_date": "07.10.2027", "slogans": ""})
    assert response.status_code == 400
    body = response.content.decode()
    assert 'value="01/10/27"' in body  # kept as typed
    assert 'value="07.10.2027"' in body or 'value="07/10/2027"' in body
    summary = body.split('data-testid="error-summary"')[1].split("</div>")[0]
    assert 'href="#id_start_date"' in summary
    assert "end_date" not in summary  # 07.10.2027 was understood


def test_activity_form_keeps_a_wrong_session_date_and_links_to_it(client, tree, campaign, make_user):
    client.force_login(make_user(tree.taymo, Membership.Role.EDITOR))
    category = campaign.categories.get(code="awareness")
    response = client.post(reverse("activity_create", args=[tree.taymo.pk]), {
        "category": category.pk, "title": "Tọa đàm", "mode": "in_person", "day_1": "31/11/2026",
        "start_1": "08:00", "end_1": "10:00"})
    assert response.status_code == 400
    body = response.content.decode()
    assert 'value="31/11/2026"' in body
    summary = body.split('data-testid="error-summary"')[1].split("</div>")[0]
    assert 'href="#id_day_1"' in summary and "dd/mm/yyyy" in summary
