"""Status pelaporan and Analisis (issue 20): pages for oversight across positions.

A feature beside opendata, ppid and staff (it imports none of them; the site layer calls
it from site/compose.py). ``status``: which PK, quarterly reports and annual LKj are in the
data and whether they met the region's deadlines (model/tenggat.py). ``tables``: the
cross-cutting tables with pandas, every figure the engine's Decimal. ``charts``: the
quadrant chart (matplotlib). ``pages`` and ``analisis``: the page contexts and CSVs.
"""
