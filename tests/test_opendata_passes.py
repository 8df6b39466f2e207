"""OpenData's two passes: the region and whole-dataset CSVs are the agencies' CSVs joined
(OpenData._joined); encoding every row again must give the same bytes."""

from __future__ import annotations

from site_fixtures import DATA

from generator.check import check
from generator.opendata import files


def test_joined_csvs_equal_the_rows_encoded_again():
    result = check(DATA)
    od = files.OpenData(result)
    facts = {key: od.agency(*key) for key in od.of_agency}
    rows = files._Rows(od.common)
    whole = od.scopes[0]
    assert len(whole.agencies) > 1 and whole.definitions and whole.entries  # both parts of the indicator CSV
    for s, _sheets in od._summaries():
        joined = od._joined(s, facts, rows)
        agencies, s.agencies = s.agencies, list(reversed(s.agencies))  # not agency after agency: encoded again
        try:
            assert od._joined(s, facts, rows) == joined
        finally:
            s.agencies = agencies
