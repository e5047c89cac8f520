"""The parks a new document is about, read from its title: a measure whose quote names no park is linked to them, as
curators link a district's measures to its part of the zone. Plain data in and out, for ingest and the quality
measure alike."""

import re
from collections import namedtuple

from measures.choices import ParkKind
from measures.text.names import NameIndex

# What a title names parks by: their names, and a sub-park its district's.
TitleIndex = namedtuple("TitleIndex", "names districts")
# A district named after a city other than Beijing is that city's (南通市通州区, not 通州园).
OTHER_CITY = re.compile(r"(?<!北京)市$")


def title_index(parks):
    """From (slug, kind, district, names) rows, what a title names a park by: a part of the zone by its names, a
    sub-park also by its district (the zone is one area in sixteen parts, 一区十六园, a district's part being its
    sub-park). The zone itself is left out: every record of the registry is about it, so a link to it says nothing."""
    parts = [
        (slug, kind, district, names) for slug, kind, district, names in parks if kind != ParkKind.DEMONSTRATION_ZONE
    ]
    return TitleIndex(
        names=NameIndex((slug, names) for slug, _, _, names in parts),
        districts=NameIndex(
            (slug, [district]) for slug, kind, district, _ in parts if kind == ParkKind.SUB_PARK and district
        ),
    )


def parks_in_title(title, index):
    """The parks a document is about, by its title (`title_index`): 石景山区…支持办法 is about 石景山园,
    南通市通州区… is not about 通州园."""
    districts = index.districts.mentions(title)
    in_beijing = {mention["slug"] for mention in districts if not OTHER_CITY.search(title, 0, mention["offset"])}
    return sorted(index.names.mentioned_in(title) | in_beijing)
