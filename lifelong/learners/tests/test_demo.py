"""The demo's learners: logins printed, a record to look at, certificates; a second run adds nothing."""

import io

from django.core.management import call_command

from lifelong.learners import selectors
from lifelong.orgs.models import User


def test_demo_learners_have_a_record(db):
    call_command("load_units", verbosity=0)
    out = io.StringIO()
    call_command("load_demo", "--print-logins", stdout=out)
    text = out.getvalue()
    assert "lan.hocvien@example.vn" in text and "0912000001" in text
    lan = User.objects.get(username="hocvien.lan")
    record = selectors.learning_record(lan)
    assert len(record.attended) >= 2 and record.total_hours > 0 and record.certificates
    assert record.upcoming and all(r.account == lan for r in record.upcoming)
    minh = User.objects.get(username="hocvien.minh")
    assert minh.learner.phone == "0912000001" and selectors.learning_record(minh).attended
    again = io.StringIO()
    call_command("load_demo", stdout=again)
    assert "0 learners, 0 registrations taken over, 0 certificates" in again.getvalue()
