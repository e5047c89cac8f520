"""Ordering tree records parents first, in plain Python: for writing records whose parents must exist first
(the seed's fixture records, a spreadsheet's rows). Queries over the stored trees use django-tree-queries."""


def parents_first(items, key, parent, tiebreak=None):
    """`items` sorted by depth (then by `tiebreak`); `key(item)` and `parent(item)` name an item and its parent.

    A parent outside `items` counts as a root, and a loop is walked at most once around, so the sort ends.
    """
    items = list(items)
    parent_of = {key(item): parent(item) for item in items}

    def depth(item):
        level, above, seen = 0, parent(item), set()
        while above is not None and above in parent_of and above not in seen:
            seen.add(above)
            level, above = level + 1, parent_of[above]
        return level

    return sorted(items, key=lambda item: (depth(item), tiebreak(item) if tiebreak else 0))
