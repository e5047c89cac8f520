"""Names and aliases of records (parks) and where a text mentions them: the one matcher the seed checker, ingest
and the extraction quality measure share."""

import ahocorasick

# Chinese text joins the parts of a name with whichever dash or middle dot came to hand: 天津滨海—中关村科技园 is
# 天津滨海-中关村科技园, 保定·中关村创新中心 is 保定•中关村创新中心.
JOINERS = ("-－‐–—", "·•・")
SAME_JOINER = {ord(char): joiner[0] for joiner in JOINERS for char in joiner}


class NameIndex:
    """Every name and alias of some records, each pointing at its record's slug.

    `records` are (slug, names) pairs. A name two records claim is kept for the first and listed in `conflicts`
    as (name, slug, other slug), for a caller that must refuse it. Names are found with an Aho-Corasick automaton, in
    one pass over a text whatever the number of names (the registry's measure titles run to thousands).
    """

    def __init__(self, records=()):
        self.slug_by_name, self.conflicts = {}, []
        for slug, names in records:
            for name in names:
                other = self.slug_by_name.setdefault(name, slug)
                if other != slug:
                    self.conflicts.append((name, slug, other))
        self.automaton = ahocorasick.Automaton()
        for name in sorted(self.slug_by_name, key=len, reverse=True):
            self.automaton.add_word(self.key(name), name)  # a name written with another dash is the same name
        self.automaton.make_automaton()

    def resolve(self, name_or_slug):
        """The slug a name, alias or slug stands for, or None."""
        if name_or_slug in self.slug_by_name.values():
            return name_or_slug
        return self.slug_by_name.get(name_or_slug)

    def mentions(self, text):
        """Every mention, left to right; at each position the longest name wins, so 海淀园 inside 中关村海淀园 is
        one mention of the longer name, not two."""
        if not self.slug_by_name:
            return []
        return [
            {
                "slug": self.slug_by_name[name],
                "name": text[end + 1 - len(name) : end + 1],
                "offset": end + 1 - len(name),
            }
            for end, name in self.automaton.iter_long(self.key(text))
        ]

    @staticmethod
    def key(name):
        """The name with every dash and middle dot written alike (one character for one, so offsets hold)."""
        return name.translate(SAME_JOINER)

    def mentioned_in(self, text):
        return {mention["slug"] for mention in self.mentions(text)}
