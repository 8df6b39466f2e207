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
COMMENT_WORKFLOW = ROOT / ".github" / "workflows" / "komentar-ringkasan.yml"
COMMENT_ARTIFACT = "ringkasan-pr"  # periksa-data.yml → komentar-ringkasan.yml
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
    assert {p.name for p in WORKFLOWS} >= {"periksa-data.yml", "terbitkan.yml", "komentar-ringkasan.yml"}
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


USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?P<rest>.*)$")
PINNED = re.compile(r"(?P<action>[\w.-]+/[\w.-]+(?:/[\w./-]+)?)@(?P<sha>[0-9a-f]{40})")
VERSION_COMMENT = re.compile(r"\s+# (?P<version>v\d+(?:\.\d+){0,2})\s*$")


def _all_uses(workflow: dict) -> list[str]:
    """Every `uses:` of a workflow: steps and reusable-workflow jobs."""
    out = [job["uses"] for job in workflow["jobs"].values() if "uses" in job]
    return out + [s["uses"] for s in steps(workflow) if "uses" in s]


def test_actions_are_pinned_to_a_commit_with_the_version_in_a_comment():
    """A tag can be moved to other code; a commit cannot. The comment says which release it is."""
    by_action: dict[str, set[tuple[str, str]]] = {}
    for path in WORKFLOWS:
        lines = [m for ln in path.read_text(encoding="utf-8").splitlines() if (m := USES_LINE.match(ln))]
        assert sorted(m["ref"] for m in lines) == sorted(_all_uses(load(path))), path.name  # no `uses` missed
        for m in lines:
            pin, comment = PINNED.fullmatch(m["ref"]), VERSION_COMMENT.fullmatch(m["rest"])
            assert pin, f"{path.name}: {m['ref']} is not pinned to a full commit SHA"
            assert comment, f"{path.name}: {m['ref']} has no '# vX.Y.Z' comment"
            by_action.setdefault(pin["action"], set()).add((pin["sha"], comment["version"]))
    assert by_action
    for action, pins in by_action.items():  # one action, one pinned release across the workflows
        assert len(pins) == 1, (action, pins)


def _triggers(workflow: dict) -> set[str]:
    on = workflow["on"]
    return {on} if isinstance(on, str) else set(on)


# Which jobs may write, and what: nothing else gets a write permission.
WRITERS = {
    ("terbitkan.yml", "terbitkan"): {"pages", "id-token"},
    ("komentar-ringkasan.yml", "komentar"): {"pull-requests"},
    ("nasional.yml", "terbitkan"): {"pages", "id-token"},  # the national portal (generator/nasional)
}


def test_permissions_are_least_privilege_per_job():
    writes_seen = {}
    for path in WORKFLOWS:
        wf = load(path)
        assert wf.get("permissions") == {}, f"{path.name}: top-level permissions must be {{}}; each job asks for its own"
        for name, job in wf["jobs"].items():
            perms = job.get("permissions")
            assert isinstance(perms, dict), f"{path.name}/{name}: no explicit permissions"
            assert set(perms.values()) <= {"read", "write"}, (path.name, name, perms)
            writes = {scope for scope, level in perms.items() if level == "write"}
            assert writes == WRITERS.get((path.name, name), set()), (path.name, name, perms)
            if writes:
                writes_seen[(path.name, name)] = writes
    assert writes_seen == WRITERS


def test_pull_request_code_never_runs_with_a_token_or_write_access():
    for path in WORKFLOWS:
        wf = load(path)
        triggers = _triggers(wf)
        assert "pull_request_target" not in triggers, path.name  # would run fork code with a write token
        for name, job in wf["jobs"].items():
            checkouts = [s for s in job.get("steps", []) if s.get("uses", "").startswith("actions/checkout@")]
            for step in checkouts:
                # no token left in .git/config for the steps after it (PR code, pip install -e .)
                assert (step.get("with") or {}).get("persist-credentials") is False, (path.name, name)
            if triggers & {"pull_request", "pull_request_target"}:
                assert "write" not in (job.get("permissions") or {}).values(), (path.name, name)
            if "workflow_run" in triggers:
                # a privileged follow-up: never checks out or runs the pull request's code
                assert not checkouts and not any("run" in s for s in job.get("steps", [])), (path.name, name)


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
        commands = kinerja_commands(path.read_text(encoding="utf-8"))
        if path in (TESTS_WORKFLOW, COMMENT_WORKFLOW):  # pytest; and the comment job runs nothing of the repository
            assert commands == [], path
            continue
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
    assert wf["permissions"] == {} and wf["jobs"]["periksa"]["permissions"] == {"contents": "read"}
    all_steps = steps(wf)
    checkout = next(s for s in all_steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0 and checkout["with"]["persist-credentials"] is False
    runs = "\n".join(s.get("run", "") for s in all_steps)
    assert "kinerja check --format github" in runs and "kinerja build" in runs and "kinerja diff" in runs
    assert "pip install" in runs
    assert not any(s.get("uses", "").startswith("actions/github-script@") for s in all_steps)  # no comment from here
    # the summary and the pull request's number go to the comment workflow as an artifact
    handoff = next(s for s in all_steps if s.get("with", {}).get("name") == COMMENT_ARTIFACT)
    assert handoff["uses"].startswith("actions/upload-artifact@") and "steps.diff.outcome == 'success'" in handoff["if"]
    prepare = all_steps[all_steps.index(handoff) - 1]
    assert "ringkasan.md" in prepare["run"] and "nomor-pr.txt" in prepare["run"] and "${{" not in prepare["run"]
    assert prepare["env"]["PR_NUMBER"] == "${{ github.event.pull_request.number }}"
    upload = next(s for s in all_steps if s.get("with", {}).get("name") == "pratinjau-situs")
    assert upload["with"]["path"].rstrip("/") == "site"
    # the job still fails when the data has errors, after the summary was written
    last = all_steps[-1]
    assert "steps.check.outcome == 'failure'" in last["if"] and "exit 1" in last["run"]


def test_comment_workflow_writes_the_summary_for_every_pull_request_including_forks():
    wf = load(COMMENT_WORKFLOW)
    pr = load(PR_WORKFLOW)
    assert wf["on"] == {"workflow_run": {"workflows": [pr["name"]], "types": ["completed"]}}
    job = wf["jobs"]["komentar"]
    assert job["permissions"] == {"actions": "read", "pull-requests": "write"}
    assert "workflow_run.event == 'pull_request'" in job["if"]
    download, comment = job["steps"]
    assert download["uses"].startswith("actions/download-artifact@")
    assert download["with"]["name"] == COMMENT_ARTIFACT
    assert download["with"]["run-id"] == "${{ github.event.workflow_run.id }}"
    script = comment["with"]["script"]
    assert comment["uses"].startswith("actions/github-script@") and "steps.unduh.outcome == 'success'" in comment["if"]
    assert kdiff.MARKER in script  # updates its own comment
    assert "updateComment" in script and "createComment" in script and "github-actions[bot]" in script
    # the artifact comes from pull-request code: its number must name the pull request whose
    # head is the commit that was checked, and it must be a plain number
    assert "pr.head.sha !== run.head_sha" in script and "/^[1-9][0-9]{0,9}$/" in script
    assert "nomor-pr.txt" in script and "ringkasan.md" in script
    assert "eval(" not in script and "exec" not in script


def test_deploy_workflow():
    wf = load(DEPLOY_WORKFLOW)
    assert wf["on"]["push"]["branches"] == ["main"]
    assert wf["permissions"] == {}
    assert wf["jobs"]["bangun"]["permissions"] == {"contents": "read"}
    assert wf["jobs"]["terbitkan"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert wf["jobs"]["terbitkan"]["needs"] == "bangun"
    uses = [s.get("uses", "") for s in steps(wf)]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert wf["jobs"]["terbitkan"]["environment"]["name"] == "github-pages"
    assert [s.get("uses", "").split("@")[0] for s in wf["jobs"]["terbitkan"]["steps"]] == ["actions/deploy-pages"]


def _step(job: dict, uses: str) -> dict:
    return next(s for s in job["steps"] if s.get("uses", "").startswith(uses + "@"))


def test_deploy_workflow_can_make_the_documents_in_a_matrix_first(tmp_path):
    """Issue 18: with the repository variable DOKUMEN_BAGIAN = N > 1, N jobs each make one
    part of the official documents into the cache before `bangun`, which merges their
    entries into build/cache/dokumen; without it the matrix is skipped and `bangun` (and
    the deployment after it) still run."""
    import subprocess

    jobs = load(DEPLOY_WORKFLOW)["jobs"]
    assert list(jobs) == ["bagian", "dokumen", "bangun", "terbitkan"]
    bagian, dokumen, bangun = jobs["bagian"], jobs["dokumen"], jobs["bangun"]
    assert bagian["if"] == "${{ vars.DOKUMEN_BAGIAN != '' && vars.DOKUMEN_BAGIAN != '1' }}"  # off by default
    assert bagian["permissions"] == {} and bagian["outputs"]["daftar"] == "${{ steps.daftar.outputs.daftar }}"
    (split,) = bagian["steps"]
    assert split["id"] == "daftar" and split["env"]["N"] == "${{ vars.DOKUMEN_BAGIAN }}"
    for n, expected in (("2", "daftar=[1,2]"), ("5", "daftar=[1,2,3,4,5]"), ("abc", None), ("0", None), ("-3", None)):
        output = tmp_path / f"output-{n}"
        output.touch()
        r = subprocess.run(
            ["bash", "-e", "-c", split["run"]],
            env={"PATH": "/usr/bin:/bin", "N": n, "GITHUB_OUTPUT": str(output)},
            capture_output=True,
            text=True,
        )
        if expected is None:  # the job fails with an annotation: a wrong setting is never silently ignored
            assert r.returncode == 1 and r.stdout.startswith("::error::DOKUMEN_BAGIAN harus bilangan bulat positif"), n
        else:
            assert r.returncode == 0 and output.read_text().strip() == expected, (n, r.stderr)

    assert dokumen["needs"] == "bagian" and dokumen["permissions"] == {"contents": "read"}
    assert dokumen["strategy"]["matrix"]["bagian"] == "${{ fromJSON(needs.bagian.outputs.daftar) }}"
    assert dokumen["env"]["BAGIAN"] == "${{ matrix.bagian }}/${{ vars.DOKUMEN_BAGIAN }}"
    assert _step(dokumen, "actions/checkout")["with"]["fetch-depth"] == 0  # the data commit is in every document
    restore, saved = _step(dokumen, "actions/cache/restore"), _step(bangun, "actions/cache")
    assert restore["uses"].split("@")[1] == saved["uses"].split("@")[1]  # one repository, one pinned commit
    assert restore["with"] == saved["with"]  # the same build/cache, read only
    runs = [s["run"] for s in dokumen["steps"] if "run" in s]
    assert runs[-1] == 'kinerja dokumen --bagian "$BAGIAN" --cache-saja --salin-cache bagian-dokumen'
    upload = _step(dokumen, "actions/upload-artifact")
    assert upload["with"]["name"] == "dokumen-${{ matrix.bagian }}" and upload["with"]["path"] == "bagian-dokumen/"
    assert upload["with"]["retention-days"] == 1

    assert bangun["needs"] == ["bagian", "dokumen"]
    assert bangun["if"] == "${{ !cancelled() && !contains(needs.*.result, 'failure') }}"  # also when skipped
    names = [s.get("uses", s.get("run", "")).split("@")[0] for s in bangun["steps"]]
    download = _step(bangun, "actions/download-artifact")
    assert download["if"] == "${{ needs.dokumen.result == 'success' }}"
    assert download["with"] == {"pattern": "dokumen-*", "merge-multiple": True, "path": "build/cache/dokumen/"}
    # restored cache first, then the parts merged into it, then the build
    assert names.index("actions/cache") < names.index("actions/download-artifact") < names.index("kinerja build --quiet")
    # a skipped matrix must not skip the deployment (GitHub skips a job whose ancestor was skipped)
    assert jobs["terbitkan"]["if"] == "${{ !cancelled() && needs.bangun.result == 'success' }}"


def test_gitlab_equivalent():
    ci = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    assert str(ci["variables"]["GIT_DEPTH"]) == "0"
    script = ci["periksa"]["script"]
    assert any("kinerja diff" in line for line in script)
    assert ci["pages"]["artifacts"]["paths"] == ["public"]
    # findings as a Code Quality report on both sides of the comparison (merge request, main)
    for job in ("periksa", "pages"):
        report = ci[job]["artifacts"]["reports"]["codequality"]
        assert any(f"kinerja check --format gitlab > {report}" in line for line in ci[job]["script"]), job
        assert ci[job]["artifacts"]["when"] == "always"
    # the merge request job still fails on errors, after the report and the summary were written
    marker = next(line for line in script if "--format gitlab" in line).split("touch ")[1]
    fail = next(i for i, line in enumerate(script) if marker in line and "exit 1" in line)
    assert fail > next(i for i, line in enumerate(script) if "kinerja diff" in line)
    assert "kinerja build" in script[-1]


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
    assert wf["permissions"] == {} and wf["jobs"]["tests"]["permissions"] == {"contents": "read"}
