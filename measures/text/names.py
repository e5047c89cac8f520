"""Names and aliases of records (parks) and where a text mentions them: the one matcher the seed checker, ingest
and the extraction quality measure share."""

import re


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
        self.pattern = re.compile("|".join(map(re.escape, longest_first))) if longest_first else None

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
            {"slug": self.slug_by_name[match.group()], "name": match.group(), "offset": match.start()}
            for match in self.pattern.finditer(text)
        ]

    def mentioned_in(self, text):
        return {mention["slug"] for mention in self.mentions(text)}
