"""Render stage: computed results → Markdown pages and SVG charts (in memory).

Modules: env (the Jinja environment and its filters), views (what each page shows),
charts and svgchart (SVG), escape (data text made literal), formula (formulas as
fractions), kebijakan (policies in words), perbandingan (comparison pages). Which pages
make up the site, and in which process, is the site stage's business (generator/site).
"""
