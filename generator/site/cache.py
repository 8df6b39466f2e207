"""Work only where data changed, and spread the rest over all cores.

Used by the site stage (generator/site/build.py, compose.py); everything here is a cache or a scheduler:
the files a build produces are byte-identical with or without it (tests/test_cache.py).
Caches live under ``build/cache/`` and are keyed by content, never by time:

- ``data/``: every data file as parsed and validated, by its bytes (``cached_loads``).
- ``grafik/``: charts by their numbers, labels and the code that draws them (``ChartCache``).
- ``xlsx/``: open-data workbooks by the pickled rows, provenance and date they are made
  from (``XlsxCache``): a changed agency makes again only the workbooks whose rows changed.
- ``halaman/``: for each agency, the key of everything its pages and downloads depend on,
  the list of files they produced and a few facts (``AgencyMemo``): an agency whose data
  folder, site settings, comparison groups, commit, site address and code are unchanged
  is not made again; its files stay in the docs folder, which the previous build left
  identical. ``semua.json``: the same for the downloads that depend on every agency.
- ``situs.json``: what the previous site was built from (``DirtySite``): when only pages
  changed, MkDocs rebuilds only those pages (``dirty``) in a copy of the previous site made
  of hard links, and every output that will be rewritten is unlinked first, so the site
  being served is never modified.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import pickle
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from generator.check import read_file
from generator.core.fingerprint import code_digest
from generator.core.fingerprint import digest as _digest

if TYPE_CHECKING:
    from generator.render.siteindex import ChartSpec


def code_fingerprint() -> str:
    """All of the generator's code and templates, and the versions of what renders with them."""
    return code_digest("", libraries=("jinja2", "openpyxl", "xlsxwriter", "matplotlib", "pydantic", "mkdocs", "mkdocs-material"))


class _Store:
    """Content-addressed files: folder/ab/abcdef….ext; remembers what this build used."""

    def __init__(self, folder: Path, ext: str):
        self.folder, self.ext = folder, ext
        self.used: set[str] = set()

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}{self.ext}"

    def get(self, key: str) -> bytes | None:
        p = self.path(key)
        if p.is_file():
            self.used.add(key)
            return p.read_bytes()
        return None

    def put(self, key: str, data: bytes) -> None:
        p = self.path(key)
        p.parent.mkdir(parents=True, exist_ok=True)
        tmp = p.with_name(p.name + f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, p)
        self.used.add(key)

    def prune(self) -> int:
        """Remove entries this build did not use (keeps the cache the size of one site)."""
        removed = 0
        if not self.folder.is_dir():
            return 0
        for p in self.folder.rglob(f"*{self.ext}"):
            if p.stem not in self.used:
                p.unlink()
                removed += 1
        return removed


# --------------------------------------------------------------------------- data files

@contextmanager
def cached_loads(folder: Path):
    """A file reader for ``check(data_dir, load=…)``: every data file whose bytes (and the
    code of the packages that read and validate it) are unchanged since the last build is
    taken from ``folder`` as it was parsed and validated then, diagnostics included; the
    rules across files and the computations still run on everything. Parsing YAML is most
    of the check's time. Entries this build did not use are removed on exit."""
    store = _Store(folder, ".pickle")
    # whole packages: the loader, the model, the validator and what they use
    salt = _digest(code_digest("core", "load", "model", "validate", "compute", libraries=("pydantic", "pyyaml")).encode(),
                   os.getcwd().encode())

    def load(path: Path, root: Path, model, out: list):
        try:
            raw = path.read_bytes()
        except OSError:
            return read_file(path, root, model, out)
        key = _digest(salt.encode(), f"{model.__module__}.{model.__qualname__}".encode(), str(path).encode(),
                      str(root).encode(), raw)
        hit = store.get(key)
        if hit is not None:
            try:
                value, doc, problems = pickle.loads(hit)
                out.extend(problems)
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
        from generator.opendata.xlsxfile import xlsx_bytes

        self.make = xlsx_bytes
        self.store = _Store(folder, ".xlsx") if folder else None
        self.hits = self.misses = 0
        self.last_keys: list[str] = []  # of the last call: an agency's workbooks, kept while it is skipped
        self.salt = code_digest("core", "opendata", libraries=("openpyxl", "xlsxwriter"))

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
    folder (the commit and site address the downloads cite). ``REST`` in place of an
    agency: the downloads of regions and the whole dataset, unchanged while no agency
    (and nothing shared) changed."""

    def __init__(self, folder: Path, data_dir: Path, docs, result, code: str | None = None, settings: str = ""):
        self.folder, self.data_dir, self.docs = folder, data_dir.resolve(), docs  # docs: build.DocsWriter
        self.code = code or code_fingerprint()
        self.keys: dict[tuple[str, str], str] = {}
        self.agencies = [(a.region_id, a.id) for a in result.dataset.agencies()]
        self.produced: dict[tuple[str, str], tuple[list[str], dict]] = {}  # files and facts
        self.reused = self.rendered = 0
        self.shared = _digest(self.code.encode(), settings.encode(), self._global_facts(result).encode(),
                              *self._site_files())

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
            return _digest(self.shared.encode(), *[f"{r}/{a} {self.key(r, a)}".encode() for r, a in self.agencies])
        if k not in self.keys:
            region_dir = self.data_dir / region_id
            parts = [self.shared.encode()]
            parts += [p.name.encode() + b"\0" + p.read_bytes() for p in sorted(region_dir.iterdir()) if p.is_file()]
            agency_dir = region_dir / agency_id
            parts += [p.relative_to(agency_dir).as_posix().encode() + b"\0" + p.read_bytes()
                      for p in sorted(agency_dir.rglob("*")) if p.is_file()]
            self.keys[k] = _digest(*parts)
        return self.keys[k]

    def _manifest(self, region_id: str, agency_id: str) -> Path:
        return self.folder / ("semua.json" if (region_id, agency_id) == REST else f"{region_id}__{agency_id}.json")

    def reuse(self, region_id: str, agency_id: str, step=None) -> dict | None:
        """The agency's facts when its files from the previous build still hold (they
        join the docs writer), else None."""
        try:
            doc = json.loads(self._manifest(region_id, agency_id).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if doc.get("key") != self.key(region_id, agency_id):
            return None
        files, facts = doc["files"], doc.get("facts") or {}
        if not all((self.docs.root / rel).is_file() for rel in files):
            return None
        self.docs.keep(files)
        for rel in files:
            if step and rel.endswith(".md"):
                step(rel)
        self.produced[(region_id, agency_id)] = (files, facts)
        self.reused += 1
        return facts

    def done(self, region_id: str, agency_id: str, produced: list[str], facts: dict | None = None) -> None:
        self.produced[(region_id, agency_id)] = (sorted(produced), facts or {})
        self.rendered += 1

    def save(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        wanted = set()
        for (region_id, agency_id), (produced, facts) in self.produced.items():
            path = self._manifest(region_id, agency_id)
            wanted.add(path)
            text = json.dumps({"key": self.key(region_id, agency_id), "files": produced, "facts": facts},
                              ensure_ascii=False)
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
        for p in self.folder.glob("*.json"):
            if p not in wanted:
                p.unlink()


# --------------------------------------------------------------------------- MkDocs, dirty

def output_paths(rel: str) -> list[str]:
    """Where MkDocs (use_directory_urls) writes a docs file: a/b.md → a/b/index.html."""
    if rel.endswith(".md"):
        stem = rel[:-3]
        if stem == "index" or stem.endswith("/index"):
            return [stem + ".html"]
        return [stem + "/index.html"]
    return [rel]


class DirtySite:
    """Build the new site from a hard-linked copy of the previous one when only docs files
    changed: MkDocs then renders only the changed pages (``build(dirty=True)``)."""

    STAMP = "situs.json"
    ALWAYS = ("404.html", "sitemap.xml", "sitemap.xml.gz")  # MkDocs writes these on every build

    def __init__(self, cache: Path, config_text: str, theme_dirs: list[Path]):
        self.stamp_path = cache / self.STAMP
        import material
        import mkdocs

        parts = [config_text.encode(), f"{mkdocs.__version__} {getattr(material, '__version__', '')}".encode()]
        for d in theme_dirs:
            if d.is_dir():
                parts += [p.relative_to(d).as_posix().encode() + b"\0" + p.read_bytes() for p in sorted(d.rglob("*")) if p.is_file()]
        self.stamp = _digest(*parts)

    def usable(self, out: Path) -> bool:
        try:
            doc = json.loads(self.stamp_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return doc.get("stamp") == self.stamp and doc.get("site") == str(out) and out.is_dir()

    def prepare(self, out: Path, tmp: Path, changed: list[str], removed: list[str]) -> None:
        """Fill ``tmp`` with hard links to ``out``, minus everything that will change."""
        drop = set(self.ALWAYS)
        for rel in changed + removed:
            drop.update(output_paths(rel))
        drop.add("pagefind")
        for root, dirs, names in os.walk(out):
            rel_root = os.path.relpath(root, out)
            rel_root = "" if rel_root == "." else rel_root + "/"
            if rel_root.rstrip("/") in drop:
                dirs[:] = []
                continue
            dirs[:] = [d for d in dirs if rel_root + d not in drop]
            keep = [n for n in names if rel_root + n not in drop]
            if keep:
                target = tmp / rel_root
                target.mkdir(parents=True, exist_ok=True)
                for n in keep:
                    os.link(os.path.join(root, n), target / n)

    def record(self, out: Path) -> None:
        self.stamp_path.parent.mkdir(parents=True, exist_ok=True)
        self.stamp_path.write_text(json.dumps({"stamp": self.stamp, "site": str(out)}), encoding="utf-8")

    def forget(self) -> None:
        self.stamp_path.unlink(missing_ok=True)


def clear(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


# --------------------------------------------------------------------------- charts

class ChartCache:
    """Drawn charts by the chart's numbers and labels and the code that draws them."""

    def __init__(self, folder: Path):
        self.folder = folder
        # every package that draws a chart, whole (core/fingerprint.py)
        self.salt = code_digest("core", "render", "ppid", libraries=("matplotlib",))

    def draw(self, spec: ChartSpec) -> bytes:
        digest = hashlib.sha256((self.salt + spec.key).encode("utf-8")).hexdigest()
        path = self.folder / digest[:2] / f"{digest}.svg"
        if path.is_file():
            return path.read_bytes()
        svg = spec.draw()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")  # render workers may draw the same chart
        tmp.write_bytes(svg)
        tmp.replace(path)
        return svg
