"""The screen on candidate measure names (`measures.text.name_model`) and the training that ships its weights."""

import pytest

from measures.ingest import name_training
from measures.seed.files import name_records, read_seed
from measures.text import name_model
from measures.text.extraction import propose
from measures.text.names import NameIndex

# Devset sentences' kinds of candidate: a named reform, action and regime, an emphasised phrase (“卡脖子”) and a kind
# of platform.
TEXT = (
    "打造“卡脖子”技术攻关高地，深化“放管服”改革，深入实施城市更新行动，建设人工智能创新平台。"
    "全面推行“揭榜挂帅”“赛马”制度。"
)


def titles(text, **options):
    return [measure["title"] for measure in propose(text, NameIndex(), **options)["measures"]]


def test_the_screen_keeps_names_and_drops_emphasis_and_kinds_the_rules_found():
    assert titles(TEXT, screen_names=False) == [
        "“卡脖子”",
        "“放管服”改革",
        "城市更新行动",
        "人工智能创新平台",
        "“揭榜挂帅”“赛马”制度",
    ]
    assert titles(TEXT) == ["“放管服”改革", "城市更新行动", "“揭榜挂帅”“赛马”制度"]


def test_a_name_the_registry_knows_is_proposed_whatever_the_screen_says():
    # A curator took 人工智能创新平台 from an earlier document: ingest searches for it and keeps it, also inside a
    # longer name the rules found (全市人工智能创新平台).
    known = NameIndex([(None, ["人工智能创新平台"])])
    measures = propose(TEXT, NameIndex(), known_names=known)["measures"]
    assert "人工智能创新平台" in [measure["title"] for measure in measures]
    measures = propose("建设全市人工智能创新平台。人工智能创新平台要加快。", NameIndex(), known_names=known)["measures"]
    assert [measure["title"] for measure in measures] == ["全市人工智能创新平台"]
    # A policy of the registry's keeps its link, quoted or not.
    policies = NameIndex(name_records(read_seed().policies))
    measures = propose("办好“中关村论坛”。", NameIndex(), known_names=policies)["measures"]
    assert [(measure["title"], measure["policy"]) for measure in measures] == [("“中关村论坛”", "zgc-forum")]


@pytest.mark.django_db
def test_the_shipped_weights_are_what_the_development_set_trains(capsys):
    """Retraining on devset/ reproduces name_model.json: a rule or an annotation changed without retraining fails here
    (run `python -m measures.ingest.name_training --write`)."""
    name_training.main([])
    table = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in table if line.endswith("<- shipped")] == [f"{name_training.THRESHOLD:.2f}"]
    shipped = name_model.model()
    assert shipped["threshold"] == name_training.THRESHOLD
    rows, _ = name_training.candidates()
    trained = name_training.weights(rows, name_training.THRESHOLD)
    assert trained["intercept"] == pytest.approx(shipped["intercept"], abs=1e-4)
    assert trained["weights"].keys() == shipped["weights"].keys()
    for feature, weight in trained["weights"].items():
        assert weight == pytest.approx(shipped["weights"][feature], abs=1e-4), feature
