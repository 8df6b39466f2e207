"""The README's promises: its example files validate, and its policy table matches the code."""

import re
from dataclasses import fields
from pathlib import Path

from generator.check import check
from generator.compute.policy import DEFAULT, Policy

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _yaml_blocks() -> list[str]:
    """The YAML examples of the data-format part (other sections show other files)."""
    return re.findall(r"```yaml\n(.*?)```", README.split("### Example: one complete position", 1)[1], re.S)


def test_example_position_files_are_valid_and_compute(minimal_data):
    jabatan, tahunan = _yaml_blocks()[:2]
    agency = minimal_data / "kota-contoh/dinas-contoh"
    (agency / "jabatan/kepala-dinas.yml").write_text(jabatan, encoding="utf-8")
    (agency / "2025/kepala-dinas.yml").write_text(tahunan, encoding="utf-8")
    (minimal_data / "site.yml").write_text("judul: Uji\ndata_per: 2026-01-31\n", encoding="utf-8")
    result = check(minimal_data)
    assert result.errors == [], [d.format() for d in result.errors]
    # 4.815.596.097 / 5.084.795.000 = 94,7058… → 94,71, as printed
    res = next(r for a, p, y, lap, r in result.reports if p.id == "kepala-dinas" and r.triwulan == 4)
    assert str(res.rata_rata) == "164.07"  # the override in the example reproduces the printed average
    assert str(res.anggaran_total) == "94.71"
    assert [d.angka for d in res.discrepancies] == []


def test_every_policy_is_documented_with_its_default():
    for f in fields(Policy):
        row = next((ln for ln in README.splitlines() if ln.startswith(f"| `{f.name}` |")), None)
        assert row, f"policy {f.name} missing from README"
        default = getattr(DEFAULT, f.name)
        if isinstance(default, str):
            assert f"`{default}`" in row.split("|")[2], f"{f.name}: default {default} not in README row"


def test_quick_start_test_command_is_what_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    quick = re.search(r"## Quick start.*?```sh\n(.*?)```", README, re.S).group(1)
    test_line = [ln.split("#")[0].strip() for ln in quick.splitlines() if "pytest" in ln][0]
    assert ci.rstrip().splitlines()[-1].strip() == test_line
