"""`kinerja nasional`: a national portal built from many regional sites' published API.

Each region keeps its own repository, CI and site; its site publishes ``api/v1/`` (the
open-data API of generator/opendata) and a Pagefind index at ``pagefind/``. The portal
reads every region's catalogue named in a config file (nasional.yml), from a folder or
over HTTP, and writes a small site: the national index of regions and agencies, the
comparison of the same kind of agency across regions, the index as CSV, and one search
box over every regional site (Pagefind's multisite search merges each region's own index
in the visitor's browser).

    config.py   the config file (nasional.yml)
    fetch.py    one region's catalogue, read and checked (folder or URL)
    summary.py  the figures: per region, per agency, per kind of agency
    pages.py    the portal's Markdown pages, CSV and search script
    build.py    docs folder → MkDocs → Pagefind → swapped into place
"""

from generator.nasional.build import PortalError, build_portal

__all__ = ["PortalError", "build_portal"]
