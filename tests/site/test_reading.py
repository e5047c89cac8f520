"""The source reader's runs: corrections placed in the cleaned text, quotes anchored where they start."""

from types import SimpleNamespace

from measures.site.reading import cleaned_positions, runs


def correction(position, original, replacement, flagged=False):
    return SimpleNamespace(position=position, original=original, replacement=replacement, flagged=flagged, reason="")


def test_positions_shift_by_the_corrections_before():
    # raw "aXXbcYd" -> cleaned "abcZd": XX removed, Y replaced by Z, a flagged one left as it was.
    removed, replaced, flagged = correction(1, "XX", ""), correction(5, "Y", "Z"), correction(0, "a", "A", True)
    placed = cleaned_positions([replaced, removed, flagged])
    assert [(item[1], item[2]) for item in placed] == [(0, 1), (1, 1), (3, 4)]


def test_runs_split_at_quotes_and_corrections():
    text = "abcZd"
    found = runs(text, [correction(1, "XX", ""), correction(5, "Y", "Z")], [("q-x", 2, 2)])
    assert "".join(run.text for run in found) == text
    assert [run.text for run in found] == ["a", "b", "c", "Z", "d"]
    by_text = {run.text: run for run in found}
    assert by_text["b"].removed[0].original == "XX"
    assert by_text["c"].starts == ["q-x"] and by_text["c"].quotes == ["q-x"]
    assert by_text["Z"].quotes == ["q-x"] and by_text["Z"].correction.replacement == "Z"
    assert by_text["d"].quotes == []
