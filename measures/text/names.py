"""Names and aliases of records (parks) and where a text mentions them: the one matcher the seed checker, ingest
and the extraction quality measure share."""

import re

# Chinese text joins the parts of a name with whichever dash or middle dot came to hand: 天津滨海—中关村科技园 is
# 天津滨海-中关村科技园, 保定·中关村创新中心 is 保定•中关村创新中心.
JOINERS = ("-－‐–—", "·•・")


def name_pattern(name):
    """A regular expression for `name` that accepts any dash for a dash and any middle dot for a dot."""
    classes = {char: f"[{joiner}]" for joiner in JOINERS for char in joiner}
    return "".join(classes.get(char) or re.escape(char) for char in name)


class NameIndex:
    """Every name and alias of some records, each pointing at its record's slug.

    `records` are (slug, names) pairs. A name two records claim is kept for the first and listed in `conflicts`
    as (name, slug, other slug), for a caller that must refuse it.
    """

    def __init__(self, records=()):
        self.slug_by_name, self.conflicts = {}, []
        for slug, names in records:
            for name in names:
                other = self.slug_by_name.setdefault(name, slug)
                if other != slug:
                    self.conflicts.append((name, slug, other))
        longest_first = sorted(self.slug_by_name, key=len, reverse=True)
        self.pattern = re.compile("|".join(map(name_pattern, longest_first))) if longest_first else None
        self.canonical = {self.key(name): name for name in longest_first}

    def resolve(self, name_or_slug):
        """The slug a name, alias or slug stands for, or None."""
        if name_or_slug in self.slug_by_name.values():
            return name_or_slug
        return self.slug_by_name.get(name_or_slug)

    def mentions(self, text):
        """Every mention, left to right; at each position the longest name wins, so 海淀园 inside 中关村海淀园 is
        one mention of the longer name, not two."""
        if self.pattern is None:
            return []
        return [
            {"slug": self.slug_of(match.group()), "name": match.group(), "offset": match.start()}
            for match in self.pattern.finditer(text)
        ]

    def slug_of(self, written):
        return self.slug_by_name[self.canonical[self.key(written)]]

    @staticmethod
    def key(name):
        """The name with every dash and middle dot written alike."""
        return name.translate({ord(char): joiner[0] for joiner in JOINERS for char in joiner})

    def mentioned_in(self, text):
        return {mention["slug"] for mention in self.mentions(text)}
