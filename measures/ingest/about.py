"""The parks a new document is about, read from its title: a measure whose quote names no park is linked to them, as
curators link a district's measures to its part of the zone. Plain data in and out, for ingest and the quality
measure alike."""

from measures.choices import ParkKind
from measures.text.names import NameIndex


def title_index(parks):
    """From (slug, kind, district, names) rows, what a title names a park by: a part of the zone by its names, a
    sub-park also by its district (the zone is one area in sixteen parts, 一区十六园, a district's part being its
    sub-park). The zone itself is left out: every record of the registry is about it, so a link to it says nothing."""
    return NameIndex(
        (slug, [*names, *([district] if kind == ParkKind.SUB_PARK and district else [])])
        for slug, kind, district, names in parks
        if kind != ParkKind.DEMONSTRATION_ZONE
    )


def parks_in_title(title, parks_of_titles):
    """The parks a document is about, by its title (`title_index`): 石景山区…支持办法 is about 石景山园."""
    return sorted(parks_of_titles.mentioned_in(title))
