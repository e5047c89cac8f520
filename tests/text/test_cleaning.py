"""Cleaning raw scraped text: corrections are checked against the raw text and recorded."""

import pytest

from measures.text.cleaning import Correction, CorrectionError, apply_corrections, find_spam, whitespace_corrections

RAW = "\n\t\t北京市app技术委员会作了手机版。\n"


def test_whitespace_around_the_document_is_trimmed_and_recorded():
    corrections = whitespace_corrections(RAW)
    assert [(c.position, c.original) for c in corrections] == [(0, "\n\t\t"), (len(RAW) - 1, "\n")]
    assert apply_corrections(RAW, corrections) == RAW.strip()


def test_applied_and_flagged_corrections():
    corrections = [
        Correction(RAW.index("app"), "app", "科学", "spam for 科学"),
        Correction(RAW.index("手机版"), "手机版", "报告", "spam, word uncertain", flagged=True),
    ]
    assert apply_corrections(RAW, corrections) == "\n\t\t北京市科学技术委员会作了手机版。\n"


@pytest.mark.parametrize(
    "corrections",
    [
        [Correction(0, "app", "科学", "wrong position")],
        [Correction(6, "app", "x", "a"), Correction(7, "pp", "y", "overlaps")],
    ],
)
def test_a_correction_that_does_not_match_the_raw_text_is_an_error(corrections):
    with pytest.raises(CorrectionError):
        apply_corrections(RAW, corrections)


def test_find_spam_ignores_english_words_containing_app():
    assert find_spam("北京市app技术委员会、明升m88线、手机版") == [
        (3, "app"),
        (12, "明升"),
        (14, "m88"),
        (19, "手机版"),
    ]
    assert find_spam("An application for approval") == []
