"""Each file in fixtures/broken/ is a mistake a staff member would really make. Dropped into
a valid dataset, it must produce its expected code on the line marked '# HERE'."""

import re
import shutil
from pathlib import Path

import pytest

from generator.check import check

BROKEN = Path(__file__).parent / "fixtures" / "broken"
CASES = sorted(BROKEN.glob("*.yml"))


def test_corpus_is_large_enough():
    assert len(CASES) >= 25


def _expectation(path: Path) -> tuple[str, str, int]:
    text = path.read_text(encoding="utf-8")
    target = re.search(r"^# target: (.+)$", text, re.M).group(1).strip()
    code = re.search(r"^# expect: (\w+)$", text, re.M).group(1)
    marked = [i for i, line in enumerate(text.splitlines(), 1) if "# HERE" in line]
    assert len(marked) == 1, f"{path.name}: mark exactly one line with '# HERE'"
    return target, code, marked[0]


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_broken_file_reports_code_and_line(case: Path, minimal_data: Path):
    target, code, line = _expectation(case)
    dest = minimal_data / target
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(case, dest)
    result = check(minimal_data)
    found = [d for d in result.diagnostics if d.code == code and d.path.endswith(target)]
    assert found, f"expected {code} in {target}; got:\n" + "\n".join(d.format() for d in result.diagnostics)
    assert line in {d.line for d in found}, f"expected {code} on line {line}; got lines {[d.line for d in found]}:\n" + "\n".join(
        d.format() for d in found
    )
    blocking = [d for d in found if d.line == line]
    # every case here is a real mistake: it must block (error) unless it is a known soft rule
    soft = {"NIP_FORMAT", "PERCENT_NO_100", "COUNT_TIMES_100", "DUPLICATE_INDICATOR", "FORMULA_REPEATS_NAME"}
    assert any(d.severity == "error" for d in blocking) or code in soft
    # and it never gets reported without a hint on how to fix it
    assert all(d.hint is not None for d in blocking)
