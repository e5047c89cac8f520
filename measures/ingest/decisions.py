"""What curators decided on earlier proposals, as ingest uses it: a finding they rejected is not offered again, in
any source. Plain data in and out, so the quality measure replays the same rules without a database."""

from measures.choices import ProposalKind, ProposalState

# What a target proposal reads in its quote: one quote may hold several goals (a figure shared by subjects, a
# 分别 pair), each its own finding.
TARGET_READING = ("indicator", "value")


def finding(kind, data, quote):
    """What makes two proposals the same finding, in any source: a measure's title; a target's quote with what it
    reads there."""
    if kind == ProposalKind.MEASURE:
        return (kind, data["title"])
    return (kind, quote, *(data.get(field) for field in TARGET_READING))


def same_finding(kind, data, quote):
    """The lookups that select the proposals of the same `finding` from the database."""
    if kind == ProposalKind.MEASURE:
        return {"kind": kind, "data__title": data.get("title")}
    return {"kind": kind, "quote": quote, **{f"data__{field}": data.get(field) for field in TARGET_READING}}


# A shorter title (新区, 双减) is found inside other words and names; 4 characters keep “双减” and 城市更新行动.
SEARCHED_TITLE_LENGTH = 4


def searched_titles(titles):
    """The titles of measures taken from earlier documents that a new document is searched for."""
    return sorted({title for title in titles if len(title) >= SEARCHED_TITLE_LENGTH})


def rejected_among(decisions):
    """The findings of (finding, state) decisions that were rejected and never accepted."""
    states = {}
    for key, state in decisions:
        states.setdefault(key, set()).add(state)
    return frozenset(key for key, seen in states.items() if seen == {ProposalState.REJECTED})


def withhold(proposal, rejected):
    """The proposal without the measures and targets curators already rejected, and what was withheld."""
    kept, withheld = dict(proposal), []
    for kind, key in ((ProposalKind.MEASURE, "measures"), (ProposalKind.TARGET, "targets")):
        kept[key] = []
        for candidate in proposal[key]:
            rejected_before = finding(kind, candidate, candidate["quote"]) in rejected
            if rejected_before:
                withheld.append({"kind": kind.value, **candidate})
            else:
                kept[key].append(candidate)
    return kept, withheld
