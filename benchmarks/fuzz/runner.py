"""One mutant through the stages: check (load → validate → compute), the JSON of
`kinerja compute` for what check accepts, the open data and the pages (open_data_files,
render_site) for a sample of those, and the command line (`python3 -m generator check`, then `compute`) for another sample.

A worker keeps its own copy of the data, one folder per region (site.yml, hari-libur/ and
that region), builds it once and swaps one file per mutant. To stay fast, a region's copy
holds every file except most year files: the mutated file's own year files and the first
two of each agency (``trim=False`` keeps them all). Unchanged files are parsed once per
worker (a reader that caches by content; the mutated file always goes through the real
one).
"""

from __future__ import annotations

import json
import pickle
import random
import shutil
import signal
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.fuzz.mutate import mutate
from generator.check import CheckResult, check, read_file
from generator.core.diagnostics import CODES
from generator.core.layout import AGENCY_FILE, HOLIDAYS_DIR, POSITIONS_DIR, PPID_DIR, REGION_FILE, SITE_FILE

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
INTERNAL_EXIT = 2  # generator/cli.py main(): an exception escaped a command
CATEGORIES = ("site", "holidays", "region", "agency", "position", "year", "ppid")
WEIGHTS = (1, 1, 1, 1, 2, 4, 1)


def category(rel: Path) -> str:
    parts = rel.parts
    if rel.as_posix() == SITE_FILE:
        return "site"
    if parts[0] == HOLIDAYS_DIR:
        return "holidays"
    if len(parts) == 2 and parts[1] == REGION_FILE:
        return "region"
    if len(parts) == 3 and parts[2] == AGENCY_FILE:
        return "agency"
    if parts[2] == POSITIONS_DIR:
        return "position"
    if parts[2] == PPID_DIR:
        return "ppid"
    return "year"


def data_files(data: Path = DATA) -> dict[str, list[Path]]:
    """The real data files by category (paths relative to ``data``)."""
    out: dict[str, list[Path]] = {c: [] for c in CATEGORIES}
    for p in sorted(data.rglob("*.y*ml")):
        out[category(p.relative_to(data))].append(p.relative_to(data))
    return out


@dataclass
class Outcome:
    index: int
    target: str
    kinds: list[str]
    accepted: bool = False
    errors: int = 0
    rendered: bool = False
    cli: bool = False
    seconds: float = 0.0
    failure: str | None = None  # stage: message and traceback
    mutant: bytes | None = field(default=None, repr=False)  # kept when it failed


class _Timeout(Exception):
    pass


def _alarm(_signum, _frame):
    raise _Timeout


class Worker:
    """A copy of the data to mutate, and the reader that parses unchanged files once."""

    def __init__(self, folder: Path, data: Path = DATA, trim: bool = True, timeout: int = 120):
        self.data, self.folder, self.trim, self.timeout = data, folder, trim, timeout
        self.files = data_files(data)
        self.sizes = {c: [(data / p).stat().st_size for p in ps] for c, ps in self.files.items()}
        self.regions = sorted(p.parent.name for p in self.files["region"])
        self.years = {r: [p for p in self.files["year"] if p.parts[0] == r] for r in self.regions}
        self._cache: dict[tuple[str, str, bytes], bytes] = {}
        self._mutant: Path | None = None
        for region in self.regions:
            root = folder / region
            if root.exists():
                shutil.rmtree(root)
            root.mkdir(parents=True)
            shutil.copy2(data / SITE_FILE, root / SITE_FILE)
            shutil.copytree(data / HOLIDAYS_DIR, root / HOLIDAYS_DIR)
            shutil.copytree(data / region, root / region)

    def load(self, path: Path, root: Path, model, out: list):
        """check()'s reader: the real one, with unchanged files parsed once."""
        if path == self._mutant:
            return read_file(path, root, model, out)
        key = (str(path), model.__qualname__, path.read_bytes())
        hit = self._cache.get(key)
        if hit is None:
            problems: list = []
            value, doc = read_file(path, root, model, problems)
            hit = self._cache[key] = pickle.dumps((value, doc, problems))
        value, doc, problems = pickle.loads(hit)  # a fresh copy: nothing leaks between mutants
        out.extend(problems)
        return value, doc

    def root_for(self, target: Path, rng: random.Random) -> Path:
        """The region copy holding ``target``, with the year files this mutant keeps."""
        region = target.parts[0] if target.parts[0] in self.regions else rng.choice(self.regions)
        root = self.folder / region
        keep = set(self.years[region])
        if self.trim:
            by_agency: dict[str, list[Path]] = {}
            for y in self.years[region]:
                by_agency.setdefault(y.parts[1], []).append(y)
            keep = {y for ys in by_agency.values() for y in ys[:2]}
            keep |= {y for y in self.years[region] if y == target or (y.stem == target.stem and target.parts[2] == POSITIONS_DIR)}
        for y in self.years[region]:
            there = root / y
            if y in keep and not there.exists():
                shutil.copy2(self.data / y, there)
            elif y not in keep and there.exists():
                there.unlink()
        return root

    def run(self, seed: int, index: int, render_every: int, cli_every: int) -> Outcome:
        rng = random.Random(f"{seed}:{index}")
        cat = rng.choices(CATEGORIES, WEIGHTS)[0]
        target = rng.choices(self.files[cat], self.sizes[cat])[0]  # the larger a file, the more there is to break
        donor = (self.data / rng.choice([p for ps in self.files.values() for p in ps])).read_bytes()
        original = (self.data / target).read_bytes()
        try:
            kinds, mutant = mutate(original, rng, donor)
        except Exception:  # a bug of the fuzzer itself: reported like the others, the run goes on
            return Outcome(index, target.as_posix(), ["?"], failure=f"mutate (the fuzzer): {traceback.format_exc()}")
        root = self.root_for(target, rng)
        path = root / target
        out = Outcome(index, target.as_posix(), kinds)
        start = time.perf_counter()
        stage = "check"
        path.write_bytes(mutant)
        self._mutant = path
        old = signal.signal(signal.SIGALRM, _alarm)
        signal.alarm(self.timeout)
        try:
            result = check(root, self.load)
            stage = "diagnostics"
            _diagnostics_ok(result, root)
            out.errors = len(result.errors)
            out.accepted = not result.errors
            if out.accepted:
                stage = "compute"
                _compute_json(result)
                if index % render_every == 0:
                    stage = "render"
                    _render(result)
                    out.rendered = True
            signal.alarm(0)
            if index % cli_every == 0:
                stage = "cli"
                _cli(root, out.accepted, index)
                out.cli = True
        except _Timeout:
            out.failure = f"{stage}: no answer within {self.timeout} s"
        except Exception:  # the finding: any exception that escapes is a failure
            out.failure = f"{stage}: {traceback.format_exc()}"
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, old)
            self._mutant = None
            path.write_bytes(original)
        out.seconds = time.perf_counter() - start
        if out.failure:
            out.mutant = mutant
        return out


def _diagnostics_ok(result: CheckResult, root: Path) -> None:
    """Every diagnostic names a file, a line and a column, a known code, and formats for
    every output of `kinerja check`; no errors means a dataset."""
    from generator.check.codequality import code_quality
    from generator.core.redact import public

    for d in result.diagnostics:
        if not (d.path and d.line >= 1 and d.column >= 1 and d.code in CODES and d.severity in ("error", "warning")):
            raise AssertionError(f"diagnostic without a proper place or code: {d!r}")
        if not (d.message.id and d.message.en):
            raise AssertionError(f"diagnostic without a message: {d!r}")
    shown = [public(d, {str(root): "data"}) for d in result.diagnostics]
    for lang in ("id", "en"):
        for d in shown:
            d.format(lang)
        json.dumps([d.as_dict(lang) for d in shown], ensure_ascii=False)
    code_quality(shown, "id")
    if not result.errors and result.dataset is None:
        raise AssertionError("no errors and no dataset")


def _compute_json(result: CheckResult) -> None:
    """What `kinerja compute` writes, and that it reads back as JSON."""
    from generator.compute.policy import DEFAULT
    from generator.compute.serialize import SCHEMA_VERSION, dumps, policy_dict, report_dict

    ds = result.dataset
    assert ds is not None
    document = {
        "schema": SCHEMA_VERSION,
        "data_per": ds.situs.data_per.isoformat(),
        "kebijakan_bawaan": policy_dict(DEFAULT),
        "laporan": [report_dict(a.region_id, a.id, p.id, res) for a, p, _y, _lap, res in result.reports],
    }
    json.loads(dumps(document))


def _render(result: CheckResult) -> None:
    """The docs folder as the build makes it: the open data (CSV, XLSX, JSON, API) and the
    pages that link it (MkDocs itself is left out: too slow, and it only sees Markdown)."""
    from generator.opendata.files import open_data_files
    from generator.site.compose import render_site

    out = render_site(result, open_data=open_data_files(result), workers=1)
    if not any(name.endswith(".md") for name in out.files):
        raise AssertionError("render_site made no pages")


FORMATS = ("human", "json", "github", "gitlab")


def _cli(root: Path, accepted: bool, index: int) -> None:
    """`python3 -m generator check` (one of its formats and languages), then `compute` when
    check accepts: never the INTERNAL exit, never a traceback."""
    fmt, lang = FORMATS[(index // 7) % len(FORMATS)], ("id", "en")[index % 2]
    commands = [["check", "--data", str(root), "--format", fmt, "--lang", lang]]
    if accepted:
        commands.append(["compute", "--data", str(root), "-o", str(root.parent / f"compute-{root.name}.json")])
    for args in commands:
        p = subprocess.run([sys.executable, "-m", "generator", *args], cwd=REPO, capture_output=True, text=True, timeout=300)
        expected = (0, 1)
        if p.returncode not in expected or "INTERNAL" in p.stderr or "Traceback" in p.stderr:
            raise AssertionError(f"`kinerja {' '.join(args)}` exited {p.returncode}:\n{p.stderr[-3000:]}")
        if args[0] == "check" and (p.returncode == 0) != accepted:
            raise AssertionError(f"`kinerja check` exited {p.returncode}, but check() found {'no ' if accepted else ''}errors")
