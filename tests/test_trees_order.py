"""measures.trees.parents_first: parents before children, and an end even on a loop (plain Python)."""

from operator import itemgetter

from measures.trees import parents_first

SLUG, PARENT = itemgetter("slug"), itemgetter("parent")


def test_parents_come_first():
    records = [{"slug": "c", "parent": "b"}, {"slug": "b", "parent": "a"}, {"slug": "a", "parent": None}]
    assert [record["slug"] for record in parents_first(records, key=SLUG, parent=PARENT)] == ["a", "b", "c"]


def test_a_loop_is_walked_once_and_an_outside_parent_is_a_root():
    records = [{"slug": "a", "parent": "b"}, {"slug": "b", "parent": "a"}, {"slug": "x", "parent": "elsewhere"}]
    ordered = parents_first(records, key=SLUG, parent=PARENT, tiebreak=SLUG)
    assert [record["slug"] for record in ordered] == ["x", "a", "b"]
