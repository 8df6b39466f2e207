"""Render stage: computed results → a docs folder of Markdown, SVG and JSON (in memory).

Modules: views (what each page shows), pages (templates → files), charts (SVG),
escape (data text made literal), format (Indonesian numbers and dates), kebijakan
(policies in words), urls (page addresses).
"""

from .pages import Rendered, count_pages, render_site

__all__ = ["Rendered", "count_pages", "render_site"]
