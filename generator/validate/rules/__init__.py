"""The rules that span files, in four parts: people (superiors and NIPs of positions),
definitions (an indicator's formula against its name, counts written as fractions),
year (the PK revisions, the IKI sheet and the budget tree of one year file) and reports
(periods, cumulative figures and references of each quarterly report)."""

from generator.validate.rules.definitions import COUNT_UNITS
from generator.validate.rules.people import position_rules
from generator.validate.rules.reports import quarter_end
from generator.validate.rules.year import year_rules

__all__ = ["COUNT_UNITS", "position_rules", "quarter_end", "year_rules"]
