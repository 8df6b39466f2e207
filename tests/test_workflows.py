"""CI and the people around it: workflows lint clean and do what the issue asks; GitHub
annotations follow the documented workflow-command syntax; CODEOWNERS, the pull-request
template and the contributor guide are in place."""

import re
import shlex
import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli import build_parser
from generator.core.diagnostics import CODES
from generator.staff import diff as kdiff

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
TESTS_WORKFLOW = ROOT / ".github" / "workflows" / "tests.yml"  # developers' suite: runs pytest, not kinerja
PR_WORKFLOW = ROOT / ".github" / "workflows" / "periksa-data.yml"
DEPLOY_WORKFLOW = ROOT / ".github" / "workflows" / "terbitkan.yml"
GITLAB = ROOT / ".gitlab-ci.yml"
GUIDE = ROOT / "content" / "panduan-kontributor.md"
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"


def load(path: Path) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); GitHub reads it as "on".
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in doc:
        doc["on"] = doc.pop(True)
    return doc


def steps(workflow: dict) -> list[dict]:
    return [s for job in workflow["jobs"].values() for s in job.get("steps", [])]


# --------------------------------------------------------------------------- lint


def check_jsonschema(*args: str) -> tuple[int, str]:
    """check-jsonschema's command, in-process (an interpreter start per file type is slow)."""
    cli = pytest.importorskip("check_jsonschema.cli", reason="pip install check-jsonschema")
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        try:
            code = cli.main_command.main(list(args), standalone_mode=False)
        except SystemExit as e:
            code = e.code
    return code or 0, out.getvalue()


def test_github_workflows_are_valid():
    assert {p.name for p in WORKFLOWS} >= {"periksa-data.yml", "terbitkan.yml"}
    code, out = check_jsonschema("--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS))
    assert code == 0, out
    code, out = check_jsonschema("--builtin-schema", "custom.github-workflows-require-timeout", *map(str, WORKFLOWS))
    assert code == 0, out


def test_gitlab_ci_is_valid():
    code, out = check_jsonschema("--builtin-schema", "vendor.gitlab-ci", "--data-transform", "gitlab-ci", str(GITLAB))
    assert code == 0, out


def test_expressions_refer_to_existing_steps():
    """What actionlint would catch and the schema cannot: `steps.<id>` must be an earlier step of the job."""
    for path in WORKFLOWS:
        for job in load(path)["jobs"].values():
            seen: set[str] = set()
            for step in job.get("steps", []):
                text = yaml.safe_dump(step)
                for ref in re.findall(r"steps\.([A-Za-z_][\w-]*)\.", text):
                    assert ref in seen or ref == step.get("id"), f"{path.name}: steps.{ref} is not an earlier step"
                if "id" in step:
                    seen.add(step["id"])
            url = str((job.get("environment") or {}).get("url", ""))
            for ref in re.findall(r"steps\.([A-Za-z_][\w-]*)\.", url):
                assert ref in seen, f"{path.name}: environment url refers to unknown step {ref}"


def test_actions_are_pinned_to_a_version():
    for path in WORKFLOWS:
        for step in steps(load(path)):
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", step["uses"]), step["uses"]


def kinerja_commands(text: str) -> list[list[str]]:
    out = []
    for line in text.splitlines():
        line = line.strip().removeprefix("- ").removeprefix("run: ")
        if line.startswith("kinerja "):
            out.append(shlex.split(line.split(" || ")[0].split(" >")[0])[1:])
    return out


def test_every_kinerja_command_in_ci_exists():
    parser = build_parser()
    for path in [*WORKFLOWS, GITLAB]:
        if path == TESTS_WORKFLOW:
            continue
        commands = kinerja_commands(path.read_text(encoding="utf-8"))
        assert commands, path
        for argv in commands:
            try:
                parser.parse_args(argv)
            except SystemExit:
                pytest.fail(f"{path.name}: `kinerja {' '.join(argv)}` is not a valid command")


# --------------------------------------------------------------------------- what the workflows do


def test_pull_request_workflow():
    wf = load(PR_WORKFLOW)
    assert "pull_request" in wf["on"] and "pull_request_target" not in wf["on"]  # forks run without secrets
    assert wf["permissions"]["pull-requests"] == "write"
    all_steps = steps(wf)
    checkout = next(s for s in all_steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    runs = "\n".join(s.get("run", "") for s in all_steps)
    assert "kinerja check --format github" in runs and "kinerja build" in runs and "kinerja diff" in runs
    assert "pip install" in runs
    comment = next(s for s in all_steps if s.get("uses", "").startswith("actions/github-script@"))
    assert kdiff.MARKER in comment["with"]["script"]  # updates its own comment
    assert "updateComment" in comment["with"]["script"] and "createComment" in comment["with"]["script"]
    assert comment.get("continue-on-error") is True and "head.repo.full_name == github.repository" in comment["if"]
    upload = next(s for s in all_steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "site"
    # the job still fails when the data has errors, after the summary was written
    last = all_steps[-1]
    assert "steps.check.outcome == 'failure'" in last["if"] and "exit 1" in last["run"]


def test_deploy_workflow():
    wf = load(DEPLOY_WORKFLOW)
    assert wf["on"]["push"]["branches"] == ["main"]
    assert wf["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    uses = [s.get("uses", "") for s in steps(wf)]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert wf["jobs"]["terbitkan"]["environment"]["name"] == "github-pages"


def test_gitlab_equivalent():
    ci = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    assert str(ci["variables"]["GIT_DEPTH"]) == "0"
    assert any("kinerja diff" in line for line in ci["periksa"]["script"])
    assert ci["pages"]["artifacts"]["paths"] == ["public"]


# --------------------------------------------------------------------------- annotations


def parse_workflow_command(line: str) -> tuple[str, dict[str, str], str]:
    """The GitHub runner's parser (ActionCommand.TryParseV2): `::name k=v,k=v::data`,
    properties and data unescaped as the runner does."""
    assert line.startswith("::")
    end = line.index("::", 2)
    info, data = line[2:end], line[end + 2 :]
    name, _, props_text = info.partition(" ")
    props = {}
    for prop in props_text.split(","):
        if prop:
            key, _, value = prop.partition("=")
            for esc, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
                value = value.replace(esc, raw)
            props[key] = value
    for esc, raw in (("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        data = data.replace(esc, raw)
    return name, props, data


def run_check(cwd: Path, data: str, fmt: str, monkeypatch, capsys) -> str:
    from generator.cli import main

    monkeypatch.chdir(cwd)  # annotation paths are relative to the working directory, as in CI
    capsys.readouterr()
    main(["check", "--data", data, "--format", fmt])
    return capsys.readouterr().out


def _nasty_data(base: Path, folder: str) -> None:
    data = base / folder
    shutil.copytree(MINIMAL, data)
    year = data / "kota-contoh/dinas-contoh/2025/kepala-dinas.yml"
    text = year.read_text(encoding="utf-8")
    text = text.replace("        target: 700\n", "        target: 95 %\n")  # a message with '%'
    text = text.replace("tahun: 2025\n", 'tahun: 2025\n"baris\\nbaru::x,y": 1\n')  # a key with a line break, '::' and ','
    year.write_text(text, encoding="utf-8")


def test_annotations_follow_the_workflow_command_syntax(tmp_path, monkeypatch, capsys):
    import json

    _nasty_data(tmp_path, "data")
    gh = run_check(tmp_path, "data", "github", monkeypatch, capsys)
    js = json.loads(run_check(tmp_path, "data", "json", monkeypatch, capsys))["diagnostics"]
    lines = gh.splitlines()
    assert len(lines) == len(js) >= 2  # one line per diagnostic: no raw line break in a message
    for line, d in zip(lines, js):
        name, props, data = parse_workflow_command(line)
        assert name == ("error" if d["severity"] == "error" else "warning")
        assert props == {"file": d["path"], "line": str(d["line"]), "col": str(d["column"]), "title": d["code"]}
        assert data == d["message"] + (f" — {d['hint']}" if d["hint"] else "")
    assert any("%" in d["message"] for d in js) and any("\n" in d["message"] for d in js)


def test_annotation_file_property_is_escaped(tmp_path, monkeypatch, capsys):
    folder = "data,uji:1"
    _nasty_data(tmp_path, folder)
    gh = run_check(tmp_path, folder, "github", monkeypatch, capsys)
    assert gh
    for line in gh.splitlines():
        _name, props, _data = parse_workflow_command(line)
        assert props["file"].startswith(folder + "/") and set(props) == {"file", "line", "col", "title"}


# --------------------------------------------------------------------------- people


def test_codeowners_covers_every_agency():
    lines = [
        ln.split()
        for ln in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.lstrip().startswith("#")
    ]
    for parts in lines:
        assert len(parts) >= 2 and all(re.fullmatch(r"@[\w.-]+(/[\w.-]+)?|[^@\s]+@[^@\s]+", o) for o in parts[1:]), parts
    patterns = [p[0] for p in lines]
    agencies = [a for a in (ROOT / "data").glob("*/*/") if (a / "perangkat-daerah.yml").is_file()]
    assert agencies
    for agency in agencies:
        rel = "/" + agency.relative_to(ROOT).as_posix() + "/"
        assert any(rel.startswith(p) and p != "*" and p.startswith("/data/") for p in patterns), (
            f"CODEOWNERS: no reviewers for {rel}"
        )


def test_pull_request_template():
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert text.count("- [ ]") >= 5 and "kumulatif" in text
    assert text.count("<!--") == text.count("-->")  # every hint is hidden


def test_contributor_guide():
    text = GUIDE.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Panduan Kontributor\n---\n")
    for step in (
        "Commit changes",
        "Create a new branch for this commit and start a pull request",
        "Propose changes",
        "Create pull request",
        "Files changed",
        "Ringkasan perubahan data kinerja",
        "Commit directly to",
        "kinerja spreadsheet export",
        "kinerja spreadsheet import",
        "yaml-language-server",
    ):
        assert step in text, step
    codes = set(re.findall(r"\| `([A-Z_]+)`(?:, `([A-Z_]+)`)? \|", text))
    mentioned = {c for pair in codes for c in pair if c}
    assert len(mentioned) >= 15 and mentioned <= set(CODES)
    parser = build_parser()
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        for argv in kinerja_commands(block):
            parser.parse_args(argv)


def test_the_tests_workflow_runs_the_readme_test_command_on_code_changes():
    wf = load(TESTS_WORKFLOW)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = re.search(r"## Quick start.*?```sh\n(.*?)```", readme, re.S).group(1)
    test_line = [ln.split("#")[0].strip() for ln in quick.splitlines() if "pytest" in ln][0]
    assert [s["run"].strip() for s in steps(wf) if "run" in s] == [test_line]
    for trigger in ("push", "pull_request"):
        assert "generator/**" in wf["on"][trigger]["paths"]
    assert wf["permissions"] == {"contents": "read"}
