import pytest
from hypothesis import given
from hypothesis import strategies as st

from lifelong.orgs import paths


@given(st.integers(min_value=0, max_value=paths.MAX_CHILDREN - 1))
def test_segments_round_trip_and_sort_like_numbers(number):
    segment = paths.encode_segment(number)
    assert len(segment) == 4
    assert paths.decode_segment(segment) == number
    if number + 1 < paths.MAX_CHILDREN:
        assert paths.encode_segment(number + 1) > segment


def test_next_child_number():
    assert paths.next_child_number(None) == 0
    assert paths.next_child_number("0000000Z") == 36
    assert paths.child_path("0000", 36) == "00000010"


def test_out_of_range_segment_is_refused():
    with pytest.raises(ValueError):
        paths.encode_segment(paths.MAX_CHILDREN)


def test_subtree_is_one_prefix_query(tree, django_assert_num_queries):
    from lifelong.orgs.selectors import unit_subtree

    with django_assert_num_queries(1):
        names = {u.name for u in unit_subtree(tree.hanoi)}
    assert names == {"Thành phố Hà Nội", "Sở Y tế Hà Nội", "Phường Tây Mỗ", "Trường THCS Nguyễn Quý Đức",
                     "Tổ dân phố số 1"}


def test_breadcrumbs_come_from_the_path(tree, django_assert_num_queries):
    from lifelong.orgs.selectors import unit_breadcrumbs

    with django_assert_num_queries(1):
        crumbs = [u.name for u in unit_breadcrumbs(tree.school)]
    assert crumbs == ["Bộ Giáo dục và Đào tạo", "Thành phố Hà Nội", "Phường Tây Mỗ"]
