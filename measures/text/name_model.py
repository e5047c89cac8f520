"""Whether a candidate measure name is one a curator would take: a logistic regression over what the candidate looks
like (its head word, a quote or a title, the words before the head, the verb before it, how often it recurs).

The rules in `phrases` and `extraction` find candidates broadly (every quoted phrase, every noun chain ending in a
head word such as 改革 or 机制); alone they offer as many emphasised phrases and kinds of thing (“卡脖子”, 体制机制改革)
as names. The weights are learned from the development set's hand annotations by `measures.ingest.name_training`,
which also reports their quality on batches held out of training, and ship with the code (`name_model.json`):
nothing is fetched or trained at run time. Scoring is a dot product, so it needs no numerical library.
"""

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from measures.text.phrases import FRAME_VERB, MEASURE_HEADS, SCOPE, is_proper, tagged

MODEL = Path(__file__).with_name("name_model.json")
HEAD_AT_END = re.compile(rf"(?:{MEASURE_HEADS})$")
DIGIT = re.compile(r"\d")
NUMERAL = re.compile(r"[二三四五六七八九十两百千万]")  # counts; 一 is apart, one and only as often (“一网通办”)
LONGEST_BUCKET = 16
MOST_MENTIONS = 4
VERB_REACH = 6


def features(measure, mentions):
    """The candidate's features, named as strings (one-hot) or with a value: `measure` is a proposal (title, quote)
    and `mentions` how often its name occurs in the document."""
    title, quote = measure["title"], measure["quote"]
    name = title.strip("《》“”")
    at = quote.find(title)
    before, after = (
        (quote[max(0, at - VERB_REACH) : at], quote[at + len(title) : at + len(title) + 1]) if at >= 0 else ("", "")
    )
    head = HEAD_AT_END.search(name)
    head_word = head.group() if head else "none"
    modifier = name[: head.start()] if head else name
    words = tagged(modifier, True)
    kind = "title" if title.startswith("《") else "quote" if "“" in title else "chain"
    proper = int(any(is_proper(word, tag) for word, tag in words))
    verb = int(bool(FRAME_VERB.search(before)))
    found = {
        f"kind={kind}": 1,
        f"head={head_word}": 1,
        f"length={min(len(name), LONGEST_BUCKET) // 3}": 1,
        f"words={min(len(words), 5)}": 1,
        f"before={before[-1:]}": 1,
        f"after={after}": 1,
        f"mentions={min(mentions, MOST_MENTIONS)}": 1,
        f"head={head_word} proper={proper}": 1,
        f"head={head_word} verb={verb}": 1,
        f"head={head_word} kind={kind}": 1,
        "proper": proper,
        "verb_before": verb,
        "scope_share": sum(len(word) for word, _ in words if SCOPE.fullmatch(word)) / max(1, len(modifier)),
        "digit": int(bool(DIGIT.search(name))),
        "numeral": int(bool(NUMERAL.search(name))),
        "one": int("一" in name),
        "parks": int(bool(measure.get("parks"))),
    }
    for _, tag in words:
        found[f"tag={tag}"] = 1
    if words:
        found[f"first_tag={words[0][1]}"] = found[f"last_tag={words[-1][1]}"] = 1
        found[f"last_word={words[-1][0]}"] = found[f"first_word={words[0][0]}"] = 1
    return found


@lru_cache(maxsize=1)
def model():
    return json.loads(MODEL.read_text(encoding="utf-8"))


def likelihood(found):
    """The probability the model gives a candidate with these features of being a measure's name."""
    weights = model()["weights"]
    score = model()["intercept"] + sum(weights.get(feature, 0.0) * value for feature, value in found.items())
    return 1 / (1 + math.exp(-score))


def is_name(measure, mentions):
    return likelihood(features(measure, mentions)) >= model()["threshold"]
