"""The unit import's sample .csv, written by the shared writer (lifelong.core.exports), imports as it is."""

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lifelong.orgs.models import Membership, OrgUnit


def test_sample_csv_is_utf8_with_bom_and_imports_cleanly(client, tree, make_user):
    client.force_login(make_user(tree.yaly, Membership.Role.ADMIN))
    sample = client.get(reverse("unit_import_template", args=[tree.yaly.pk]))
    assert sample["Content-Type"] == "text/csv; charset=utf-8"
    assert sample["Content-Disposition"] == 'attachment; filename="don-vi-mau.csv"'
    assert sample.content.startswith("\ufeffTên đơn vị,Loại,Mã,Mã đơn vị cấp trên".encode())
    rows = list(csv.reader(io.StringIO(sample.content.decode("utf-8-sig"), newline="")))
    # Vietnamese headers and kinds, as officials write them (issue 12: no English code in what they see).
    assert rows == [["Tên đơn vị", "Loại", "Mã", "Mã đơn vị cấp trên"], ["Trường Tiểu học Ví dụ", "Trường", "", ""],
                    ["Tổ dân phố số 1", "Tổ dân phố", "", ""]]
    response = client.post(reverse("unit_import", args=[tree.yaly.pk]),
                           {"file": SimpleUploadedFile("don-vi-mau.csv", sample.content, content_type="text/csv")})
    assert response.status_code == 302
    assert set(OrgUnit.objects.filter(parent=tree.yaly).values_list("name", flat=True)) == {
        "Thôn 1", "Trường Tiểu học Ví dụ", "Tổ dân phố số 1"}
