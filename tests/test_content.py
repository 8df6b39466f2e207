"""The hand-written pages (content/) go into every region's site, whatever its data: they
may link to pages and downloads every site has, never to one of the bundled regions' own
pages or files (a region that replaces the data would publish a broken link)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINK = re.compile(r"\]\(([^)\s]+)")


def test_hand_written_pages_link_to_nothing_of_the_bundled_regions():
    regions = sorted(p.parent.name for p in (ROOT / "data").glob("*/wilayah.yml"))
    assert len(regions) >= 3
    found = []
    for page in sorted((ROOT / "content").rglob("*.md")):
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            parts = target.split("#")[0].split("/")
            if any(region in parts for region in regions):
                found.append(f"{page.relative_to(ROOT)}: {target}")
    assert found == [], "links that exist only with the bundled data:\n" + "\n".join(found)
