"""`kinerja check --format gitlab`: a GitLab Code Quality report (.gitlab-ci.yml puts it in
`artifacts: reports: codequality`), true to the same findings as the other formats."""

import json
import re
import shutil
from pathlib import Path

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"


def run_check(cwd: Path, data: str, fmt: str, monkeypatch, capsys) -> str:
    monkeypatch.chdir(cwd)  # report paths are relative to the working directory, as in CI
    capsys.readouterr()
    main(["check", "--data", data, "--format", fmt])
    return capsys.readouterr().out


def _data_with_findings(base: Path) -> None:
    """The minimal data with an error and a second, identical-looking finding."""
    data = base / "data"
    shutil.copytree(MINIMAL, data)
    year = data / "kota-contoh/dinas-contoh/2025/kepala-dinas.yml"
    text = year.read_text(encoding="utf-8")
    text = text.replace("        target: 700\n", "        target: 95 %\n")
    text = text.replace("tahun: 2025\n", "tahun: 2025\nkunci_asing: 1\n")
    year.write_text(text, encoding="utf-8")


def test_gitlab_code_quality_report(tmp_path, monkeypatch, capsys):
    """`--format gitlab`: the GitLab Code Quality (Code Climate subset) fields, one issue per
    finding, at the same file and line as the other formats; a finding that only moved keeps
    its fingerprint, so GitLab does not call it new."""

    _data_with_findings(tmp_path)
    js = json.loads(run_check(tmp_path, "data", "json", monkeypatch, capsys))["diagnostics"]
    issues = json.loads(run_check(tmp_path, "data", "gitlab", monkeypatch, capsys))
    assert len(issues) == len(js) >= 2
    for issue, d in zip(issues, js):
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["check_name"] == d["code"] and d["message"] in issue["description"]
        assert issue["severity"] == ("critical" if d["severity"] == "error" else "minor")
        assert issue["location"] == {"path": d["path"], "lines": {"begin": d["line"]}}
        assert issue["location"]["path"].startswith("data/")  # relative to the repository, as GitLab needs
        assert re.fullmatch(r"[0-9a-f]{32}", issue["fingerprint"])
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    year = tmp_path / "data/kota-contoh/dinas-contoh/2025/kepala-dinas.yml"
    year.write_text("# baris baru di atas\n" + year.read_text(encoding="utf-8"), encoding="utf-8")
    moved = json.loads(run_check(tmp_path, "data", "gitlab", monkeypatch, capsys))
    assert {i["fingerprint"] for i in moved} == {i["fingerprint"] for i in issues}
    shifted = [i for i in moved if i["location"]["path"].endswith("2025/kepala-dinas.yml")]
    before = {i["fingerprint"]: i["location"]["lines"]["begin"] for i in issues}
    assert shifted and all(i["location"]["lines"]["begin"] == before[i["fingerprint"]] + 1 for i in shifted)
