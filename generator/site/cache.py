"""Work only where data changed, and spread the rest over all cores.

Used by the site stage (generator/site/build.py, compose.py); everything here is a cache or a scheduler:
the files a build produces are byte-identical with or without it (tests/test_cache.py).
Caches live under ``build/cache/`` and are keyed by content, never by time. Nothing is
reused on trust: each entry, and each file a manifest lists, is used only if its bytes
match the sha256 recorded when it was made; whatever a killed build or a failing disk left
is made again (generator/site/integrity.py, tests/test_build_integrity.py):

- ``data/``: every data file as parsed and validated, by its bytes (``cached_loads``).
- ``grafik/``: charts by their numbers, labels and the code that draws them (``ChartCache``).
- ``xlsx/``: open-data workbooks by the pickled rows, provenance and date they are made
  from (``XlsxCache``): a changed agency makes again only the workbooks whose rows changed.
- ``halaman/``: for each agency, the key of everything its pages and downloads depend on,
  the files they produced with their sha256, and a few facts (``AgencyMemo``): an agency
  whose data folder, site settings, comparison groups, data commit, site address and code are
  unchanged is not made again when its files in the docs folder still hold those bytes.
  ``semua.json``: the same for the downloads that depend on every agency.
- ``situs.json``: what the previous site was built from (generator/site/dirty.py).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import pickle
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.check import read_file
from generator.core.fingerprint import code_digest
from generator.core.layout import agency_inputs
from generator.core.fingerprint import digest as _digest
from generator.site.integrity import digests, read_manifest, seal, unseal, write_atomic, write_manifest

if TYPE_CHECKING:
    from generator.render.siteindex import ChartSpec


def code_fingerprint() -> str:
    """All of the generator's code and templates, and the versions of what renders with them."""
    libraries = ("jinja2", "openpyxl", "xlsxwriter", "matplotlib", "pydantic", "mkdocs", "mkdocs-material")
    return code_digest("", libraries=(*libraries, "typst"))  # typst: the PDF documents (the DOCX: our own code)


class _Store:
    """Content-addressed files: folder/ab/abcdef….ext, each sealed with the sha256 of its
    content (integrity.seal): an entry that does not verify is a miss, and is made again.
    Remembers what this build used."""

    def __init__(self, folder: Path, ext: str):
        self.folder, self.ext = folder, ext
        self.used: set[str] = set()

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}{self.ext}"

    def get(self, key: str) -> bytes | None:
        p = self.path(key)
        try:
            data = unseal(p.read_bytes())
        except OSError:
            return None
        if data is None:  # truncated or garbled (a killed build, a failing disk): made again
            p.unlink(missing_ok=True)
            return None
        self.used.add(key)
        return data

    def put(self, key: str, data: bytes) -> None:
        write_atomic(self.path(key), seal(data))  # workers may write the same entry: each renames its own
        self.used.add(key)

    def prune(self, keep: set[str] | None = None) -> int:
        """Remove entries this build did not use, nor are in ``keep`` (keeps the cache the
        size of one site)."""
        removed = 0
        if not self.folder.is_dir():
            return 0
        wanted = self.used | (keep or set())
        for p in self.folder.rglob(f"*{self.ext}"):
            if p.stem not in wanted:
                p.unlink()
                removed += 1
        return removed


# --------------------------------------------------------------------------- data files


@contextmanager
def cached_loads(folder: Path) -> Iterator[Callable[..., Any]]:
    """A file reader for ``check(data_dir, load=…)``: every data file whose bytes (and the
    code of the packages that read and validate it) are unchanged since the last build is
    taken from ``folder`` as it was parsed and validated then, diagnostics included; the
    rules across files and the computations still run on everything. Parsing YAML is most
    of the check's time. Entries this build did not use are removed on exit."""
    store = _Store(folder, ".pickle")
    # whole packages: the loader, the model, the validator and what they use
    salt = _digest(
        code_digest("core", "load", "model", "validate", "compute", libraries=("pydantic", "pyyaml")).encode(),
        os.getcwd().encode(),
    )

    def load(path: Path, root: Path, model, out: list):
        try:
            raw = path.read_bytes()
        except OSError:
            return read_file(path, root, model, out)
        key = _digest(
            salt.encode(), f"{model.__module__}.{model.__qualname__}".encode(), str(path).encode(), str(root).encode(), raw
        )
        hit = store.get(key)
        if hit is not None:
            try:
                value, doc, found = pickle.loads(hit)
                out.extend(found)
                return value, doc
            except Exception:  # an unreadable entry: parse again
                pass
        problems: list = []
        value, doc = read_file(path, root, model, problems)
        out.extend(problems)
        try:
            store.put(key, pickle.dumps((value, doc, problems), protocol=5))
        except Exception:  # not picklable: simply not cached
            pass
        return value, doc

    yield load
    store.prune()


# --------------------------------------------------------------------------- workbooks


def _canonical(obj) -> bytes:
    """Bytes that depend on the value only: pickle without its memo, so that two equal
    values give the same bytes whether or not their parts are shared objects (they are
    after the data cache, and need not be after a fresh parse)."""
    buf = io.BytesIO()
    p = pickle.Pickler(buf, protocol=5)
    p.fast = True
    p.dump(obj)
    return buf.getvalue()


class XlsxCache:
    """``xlsx_many`` for opendata.OpenData: workbooks cached by content. (The build makes
    agencies side by side, so the workbooks of one call are made one after another.)"""

    def __init__(self, folder: Path | None):
        from generator.render.workbook import xlsx_bytes

        self.make = xlsx_bytes
        self.store = _Store(folder, ".xlsx") if folder else None
        self.hits = self.misses = 0
        self.last_keys: list[str] = []  # of the last call: an agency's workbooks, kept while it is skipped
        self.salt = code_digest("core", "opendata", "render", libraries=("openpyxl", "xlsxwriter"))

    def __call__(self, jobs: list[tuple]) -> list[bytes]:
        self.last_keys = [_digest(self.salt.encode(), _canonical(job)) for job in jobs]
        out = []
        for key, job in zip(self.last_keys, jobs):
            data = self.store.get(key) if self.store else None
            if data is None:
                self.misses += 1
                data = self.make(*job)
                if self.store:
                    self.store.put(key, data)
            else:
                self.hits += 1
            out.append(data)
        return out


# --------------------------------------------------------------------------- pages

REST = ("", "")  # in place of (region, agency): what depends on every agency (OpenData.rest)


class AgencyMemo:
    """Skip an agency whose inputs did not change (see the module docstring): its pages,
    charts and downloads are in the docs folder already, as the previous build left them.

    render_site calls ``reuse`` for every agency and, when that returns None, makes the
    agency's files and reports them with ``done``, with the agency's facts (the small
    results the rest of the build needs, opendata.OpenData.agency); ``reuse`` gives them
    back while the agency is skipped. The build stage calls ``save`` once the docs folder
    holds the new files. ``settings``: what an agency's files embed from outside the data
    folder (the site address the downloads cite); ``commit_of``: the data commit its
    downloads cite (opendata.provenance.CommitOf), its own, so that a commit to another
    agency does not make it again. ``REST`` in place of an
    agency: the downloads of regions and the whole dataset, unchanged while no agency
    (and nothing shared) changed.

    Each agency's manifest (integrity.write_manifest, atomic, under its own sha256) lists
    its files with their sha256; ``reuse`` hashes the files again (all agencies at once, on
    several threads) and takes an agency over only if every file still matches. So the
    files a killed build left behind, or a truncated page, are never reused."""

    def __init__(
        self, folder: Path, data_dir: Path, docs, result, code: str | None = None, settings: str = "", commit_of=None
    ):
        self.folder, self.data_dir, self.docs = folder, data_dir.resolve(), docs  # docs: docs.DocsWriter
        self.commit_of = commit_of or (lambda _region=None, _agency=None: None)  # opendata.provenance.CommitOf
        self.code = code or code_fingerprint()
        self.keys: dict[tuple[str, str], str] = {}
        self.agencies = [(a.region_id, a.id) for a in result.dataset.agencies()]
        self.produced: dict[tuple[str, str], tuple[list[str], dict]] = {}  # files and facts
        self.reused = 0
        self.made: set[tuple[str, str]] = set()  # the agencies (and REST) made, not reused
        self.shared = _digest(self.code.encode(), settings.encode(), self._global_facts(result).encode(), *self._site_files())
        self._valid: dict[tuple[str, str], tuple[dict[str, str], dict]] | None = None
        self.riwayat: dict[tuple[str, str], str] = {}  # per agency: what its pages show of the history (render_site)

    def _site_files(self) -> list[bytes]:
        out = []
        for p in sorted(self.data_dir.iterdir()):
            if p.is_file():
                out.append(p.name.encode() + b"\0" + p.read_bytes())
            elif p.is_dir() and p.name == "hari-libur":
                out += [q.name.encode() + b"\0" + q.read_bytes() for q in sorted(p.rglob("*")) if q.is_file()]
        return out

    @staticmethod
    def _global_facts(result) -> str:
        """What pages of one agency show about the others: the comparison groups."""
        from generator.render import perbandingan

        groups = perbandingan.groups(result.dataset)
        return json.dumps([(g.id, g.label, [(r.id, a.id, p.id) for r, a, p in g.members]) for g in groups])

    def key(self, region_id: str, agency_id: str) -> str:
        k = (region_id, agency_id)
        if k == REST:
            agencies = [f"{r}/{a} {self.key(r, a)}".encode() for r, a in self.agencies]
            return _digest(self.shared.encode(), str(self.commit_of(None, None)).encode(), *agencies)
        if k not in self.keys:
            region_files, agency_dir = agency_inputs(self.data_dir, region_id, agency_id)
            parts = [self.shared.encode(), self.riwayat.get(k, "").encode()]  # the agency's history digest
            parts.append(str(self.commit_of(region_id, agency_id)).encode())  # the data commit its downloads cite
            parts += [p.name.encode() + b"\0" + p.read_bytes() for p in region_files]
            parts += [
                p.relative_to(agency_dir).as_posix().encode() + b"\0" + p.read_bytes()
                for p in sorted(agency_dir.rglob("*"))
                if p.is_file()
            ]
            self.keys[k] = _digest(*parts)
        return self.keys[k]

    def _manifest(self, region_id: str, agency_id: str) -> Path:
        return self.folder / ("semua.json" if (region_id, agency_id) == REST else f"{region_id}__{agency_id}.json")

    def _still_valid(self) -> dict[tuple[str, str], tuple[dict[str, str], dict]]:
        """The agencies (and REST) whose manifest is intact, whose key is this build's and
        whose files still hold the bytes it lists: checked once, all together."""
        if self._valid is None:
            found: dict[tuple[str, str], tuple[dict[str, str], dict]] = {}
            for k in [*self.agencies, REST]:
                doc = read_manifest(self._manifest(*k))
                files, facts = (doc or {}).get("files"), (doc or {}).get("facts") or {}
                if doc and doc.get("key") == self.key(*k) and isinstance(files, dict) and isinstance(facts, dict):
                    found[k] = (files, facts)
            rels = sorted({rel for files, _facts in found.values() for rel in files})
            actual = dict(zip(rels, digests(self.docs.root / rel for rel in rels)))
            self._valid = {k: v for k, v in found.items() if all(actual[rel] == h for rel, h in v[0].items())}
        return self._valid

    def reuse(self, region_id: str, agency_id: str, step=None) -> dict | None:
        """The agency's facts when its files from the previous build still hold (they
        join the docs writer), else None."""
        found = self._still_valid().get((region_id, agency_id))
        if found is None:
            return None
        files, facts = found
        self.docs.keep(files, hashes=files)
        for rel in files:
            if step and rel.endswith(".md"):
                step(rel)
        self.produced[(region_id, agency_id)] = (sorted(files), facts)
        self.reused += 1
        return facts

    def done(self, region_id: str, agency_id: str, produced: list[str], facts: dict | None = None) -> None:
        self.produced[(region_id, agency_id)] = (sorted(produced), facts or {})
        self.made.add((region_id, agency_id))

    @property
    def rendered(self) -> int:
        """How many agencies (and REST) this build made."""
        return len(self.made)

    def agencies_made(self) -> tuple[int, int]:
        """(agencies made in this build, agencies): the build's last line tells it."""
        return len(self.made - {REST}), len(self.agencies)

    def save(self) -> None:
        """Write the manifests (after the files they list: the build stage calls this
        once the docs folder is complete), each atomically; remove the others."""
        self.folder.mkdir(parents=True, exist_ok=True)
        wanted = set()
        for (region_id, agency_id), (produced, facts) in self.produced.items():
            path = self._manifest(region_id, agency_id)
            wanted.add(path)
            files = {rel: self.docs.digest(rel) for rel in produced}
            if None in files.values():  # a file that went missing meanwhile: never reused
                path.unlink(missing_ok=True)
                continue
            write_manifest(path, {"key": self.key(region_id, agency_id), "files": files, "facts": facts})
        for p in self.folder.glob("*.json"):
            if p not in wanted:
                p.unlink()


# --------------------------------------------------------------------------- charts


class ChartCache:
    """Drawn charts by the chart's numbers and labels and the code that draws them
    (sealed entries, like every cache here: a damaged one is drawn again)."""

    def __init__(self, folder: Path):
        self.store = _Store(folder, ".svg")
        # every package that draws a chart, whole (core/fingerprint.py)
        self.salt = code_digest("core", "render", "ppid", libraries=("matplotlib",))

    @contextmanager
    def recording(self, into: dict) -> Iterator[None]:
        """The keys of the charts drawn inside the block go to ``into["grafik"]`` (an agency's
        facts: the build that skips the agency still knows them, prune_agencies_caches)."""
        saved, self.store.used = self.store.used, set()
        try:
            yield
        finally:
            into["grafik"] = sorted(self.store.used)
            self.store.used = saved | self.store.used

    def draw(self, spec: ChartSpec) -> bytes:
        key = hashlib.sha256((self.salt + spec.key).encode("utf-8")).hexdigest()
        svg = self.store.get(key)
        if svg is None:
            svg = spec.draw()
            self.store.put(key, svg)  # render workers may draw the same chart: each renames its own file
        return svg


def prune_agencies_caches(memo: AgencyMemo, charts: ChartCache | None, documents) -> None:
    """After every agency is done (memo.produced holds each one's facts, from this build or
    the last): remove the chart and document cache entries no agency, and no page drawn in
    this process, uses now. A cache is left as it is when an agency's keys are unknown (a
    memo written before they were kept). ``documents``: documents.make.Maker."""
    facts = [f for key, (_files, f) in memo.produced.items() if key != REST]
    for name, prune, used in (
        ("grafik", charts.store.prune if charts else None, charts.store.used if charts else set()),
        ("dokumen", documents.prune, set()),
    ):
        lists: list[list[str]] = [f[name] for f in facts if isinstance(f.get(name), list)]
        if prune is not None and len(lists) == len(facts):
            prune(used.union(*lists))
