"""Render stage: computed results → Markdown pages and SVG charts (in memory).

env (the Jinja environment, its filters, what a page is made of), siteindex (the index of
the checked data every view reads, and the pieces all views share), position, agency,
indicators and metodologi (what each page shows), downloads (the "Unduh data" links),
charts and svgchart (SVG), escape (data text made literal), formula (formulas as
fractions), kebijakan (policies in words), perbandingan (comparison pages). Which pages
make up the site, and in which process, is the site stage's business (generator/site).
"""
