"""Frozen period archives: ``arsip/<periode>/`` holds the API documents and CSVs of a
published period exactly as they were at the commit that published it.

Which periods and commits: arsip_terbit.py (a ``terbit/2025-tw4`` tag or a line of
data/terbit.yml). For each, once:

1. the data folder as it was at that commit is read out of git (``git archive``) into a
   temporary folder;
2. the project's own check and open-data generation run on it (``open_data``: the site
   layer passes opendata.open_data_files; workbooks are not made, only their names, so
   the documents link what the site had), with that commit as the provenance commit;
3. the files of that period are kept (below) and stored in a permanent cache under the
   build folder, ``<build>/cache/arsip/<commit>/<periode>/``, with a manifest of their
   sha256 written last.

Every later build verifies the stored files against the manifest and copies them into the
site byte for byte: it never makes them again, so an archive does not change when the
generator changes later. (A stored file that fails its digest, or a lost cache, makes the
archive again from the same commit.) If today's generator cannot read that commit's data
(the format changed), the archive is skipped with a notice: the build never fails for it.

Which files belong to a period. The API report document of a report is one period's
(``api/v1/laporan/.../2025-tw4.json``): of those, only the period's. Every other file holds
a scope (position, unit, agency, region, the whole dataset) with all the periods it had at
that commit, and cannot be split without changing its bytes; so the archive keeps, whole,
the API documents and CSVs of every position with a report of that period, of its agency
(with all the agency's units), of its region and of the whole dataset (with the schemas).
In those, the period's rows are those whose ``tahun`` and ``triwulan`` columns name it.
Workbooks, the zip and the JSON bundles are not archived: they hold the same figures as
the CSVs. The documents' links are the site addresses they had; under arsip/<periode>/
each archived file keeps that same path.

The build folder must persist between builds for "made once" to hold (in CI: cache
``build/cache/arsip``); without it, an archive is made again from the same commit.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.core import addresses, fmt
from generator.core.diagnostics import Diagnostic
from generator.core.fingerprint import code_digest
from generator.history.arsip_terbit import Declared, Period, declared, extract_data, repository

MANIFEST = "manifest.json"
SKIPPED = "dilewati.json"  # why the archive could not be made, and by which code
FILES = "berkas"
SUMS = "sha256sums.txt"  # in each archive of the site: `sha256sum -c` checks a download
CSV_LINKS = ("csv", "csv_ringkasan", "csv_anggaran")


@dataclass
class Archive:
    """One archived period: its declaration, its files (docs-relative path → sha256) in
    ``folder``, the positions with a report of the period, and whether this build made it
    (False: taken from the cache as it was)."""

    declared: Declared
    folder: Path
    files: dict[str, str]
    positions: set[tuple[str, str, str]]
    made: bool = False

    @property
    def slug(self) -> str:
        return self.declared.period.slug

    def read(self, rel: str) -> bytes:
        return (self.folder / FILES / rel).read_bytes()


@dataclass
class Archives:
    """The archives of one build, what the site shows of them, and what went wrong."""

    items: list[Archive] = field(default_factory=list)
    skipped: list[tuple[Declared, str]] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)  # data/terbit.yml
    notices: list[str] = field(default_factory=list)
    site_url: str | None = None  # mkdocs.yml's, when data/site.yml gives none (permalinks)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.problems if d.severity == "error"]

    def __bool__(self) -> bool:
        return bool(self.items or self.skipped)

    def key(self) -> str:
        """What the pages take from the archives (agency memo: site/cache.py AgencyMemo)."""
        return json.dumps([(a.slug, a.declared.commit, _digest_of(a.files)) for a in self.items])

    def position(self, region_id: str, agency_id: str, position_id: str) -> list[dict]:
        """The archived periods of one position: ctx["arsip"] of its page (_arsip.md.j2)."""
        out = []
        for a in self.items:
            if (region_id, agency_id, position_id) in a.positions:
                p = a.declared.period
                report = addresses.api_report(region_id, agency_id, position_id, p.tahun, p.triwulan)
                out.append(
                    {
                        "label": p.label,
                        "halaman": addresses.arsip(a.slug),
                        "laporan": addresses.arsip_file(a.slug, report),
                        "tanggal": _date(a.declared.tanggal),
                    }
                )
        return out

    def site_files(self) -> dict[str, bytes]:
        """Every archived file under arsip/<periode>/, and each archive's sha256 list."""
        out: dict[str, bytes] = {}
        for a in self.items:
            for rel in a.files:
                out[addresses.arsip_file(a.slug, rel)] = a.read(rel)
            sums = "".join(f"{h}  {rel}\n" for rel, h in a.files.items())
            out[addresses.arsip_file(a.slug, SUMS)] = sums.encode("utf-8")
        return out

    def pages(self, page: Callable[[str, str, dict, dict], None], nav: list, site_url: str | None = None) -> None:
        """The archive index and one page per archived period (``page``: the composer's)."""
        if not self:
            return
        base = (site_url or self.site_url or "").rstrip("/")
        rows = []
        for a in self.items:
            d = a.declared
            rows.append(
                {
                    "label": d.period.label,
                    "slug": a.slug,
                    "commit": d.commit,
                    "tanggal": _date(d.tanggal),
                    "sumber": d.sumber,
                    "halaman": addresses.arsip(a.slug),
                    "permalink": f"{base}/{addresses.url(addresses.arsip(a.slug))}" if base else None,
                    "berkas": len(a.files),
                    "ukuran": _size(sum(len(a.read(rel)) for rel in a.files)),
                }
            )
        skipped = [{"label": d.period.label, "commit": d.commit, "alasan": why} for d, why in self.skipped]
        page(
            addresses.ARSIP,
            "arsip.md.j2",
            {"page_path": addresses.ARSIP, "arsip": rows, "dilewati": skipped},
            {"title": "Arsip periode terbit"},
        )
        for a, row in zip(self.items, rows):
            files = [
                {"nama": rel, "path": addresses.arsip_file(a.slug, rel), "ukuran": _size(len(a.read(rel))), "sha256": h}
                for rel, h in a.files.items()
            ]
            path = addresses.arsip(a.slug)
            ctx = {"page_path": path, "a": row, "berkas": files, "sums": addresses.arsip_file(a.slug, SUMS)}
            page(path, "arsip_periode.md.j2", ctx, {"title": f"Arsip {row['label']}", "hide": ["navigation"]})
        nav.append({"Arsip": addresses.ARSIP})


def _date(iso: str) -> str:
    import datetime as dt

    try:
        return fmt.tanggal(dt.datetime.fromisoformat(iso).date())
    except ValueError:
        return iso


def _size(n: int) -> str:
    return (
        f"{n} B" if n < 1024 else f"{fmt.angka(round(n / 1024))} KB" if n < 1024 * 1024 else f"{n / 1e6:.1f} MB".replace(".", ",")
    )


def _digest_of(files: Mapping[str, str]) -> str:
    return hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest()


# --------------------------------------------------------------------------- the cache


def _write(path: Path, data: bytes) -> None:
    """Under a temporary name, then renamed: a killed build leaves no half file in place
    (guard.clean_leftovers removes the *.tmp ones)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _stored(folder: Path, d: Declared) -> Archive | None:
    """The archive in ``folder`` when its manifest is intact, names this commit and period,
    and every file still holds the bytes it lists; else None."""
    try:
        head, _, text = (folder / MANIFEST).read_bytes().partition(b"\n")
        doc = json.loads(text) if head == hashlib.sha256(text).hexdigest().encode() else None
    except (OSError, ValueError):
        return None
    if not isinstance(doc, dict) or doc.get("commit") != d.commit or doc.get("periode") != d.period.slug:
        return None
    files = doc.get("files") or {}
    for rel, h in files.items():
        try:
            if hashlib.sha256((folder / FILES / rel).read_bytes()).hexdigest() != h:
                return None
        except OSError:
            return None
    return Archive(d, folder, files, {tuple(p) for p in doc.get("jabatan", [])})  # type: ignore[misc]


def _store(folder: Path, d: Declared, files: dict[str, bytes], positions: set[tuple[str, str, str]]) -> Archive:
    """Write the files, then the manifest that vouches for them."""
    for rel, data in files.items():
        _write(folder / FILES / rel, data)
    sums = {rel: hashlib.sha256(data).hexdigest() for rel, data in files.items()}
    body = {
        "periode": d.period.slug,
        "commit": d.commit,
        "tanggal": d.tanggal,
        "sumber": d.sumber,
        "files": sums,
        "jabatan": sorted(positions),
    }
    text = json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8")
    _write(folder / MANIFEST, hashlib.sha256(text).hexdigest().encode() + b"\n" + text)
    return Archive(d, folder, sums, positions, made=True)


def _skipped_before(folder: Path) -> str | None:
    """Why this generator (the same code) could not make the archive last time: not tried
    again on every build; a changed generator tries again."""
    try:
        doc = json.loads((folder / SKIPPED).read_bytes())
    except (OSError, ValueError):
        return None
    ok = isinstance(doc, dict) and doc.get("kode") == code_digest("") and isinstance(doc.get("alasan"), str)
    return doc["alasan"] if ok else None


# --------------------------------------------------------------------------- making one


def _no_workbooks(jobs: list) -> list[bytes]:
    """Workbooks are not archived: only their names are needed (the documents link them)."""
    return [b"" for _ in jobs]


def period_files(made: Mapping[str, bytes], result, period: Period) -> tuple[dict[str, bytes], set[tuple[str, str, str]]]:
    """The files of ``made`` (every open-data file of a build) that the period's archive
    keeps (see the module docstring), and the positions with a report of that period."""
    ds = result.dataset
    positions = {
        (agency.region_id, agency.id, pos.id)
        for agency, pos, _year, _lap, res in result.reports
        if (res.tahun, res.triwulan) == (period.tahun, period.triwulan)
    }
    keep: set[str] = set()

    def scope(kind: str, region: str | None = None, agency: str | None = None, id: str | None = None) -> None:
        links = addresses.download_links(kind, region, agency, id)
        keep.update(links[k] for k in CSV_LINKS)
        keep.add(links["api"])

    for r, a, p in positions:
        keep.add(addresses.api_report(r, a, p, period.tahun, period.triwulan))
        scope("jabatan", r, a, p)
    for r, a in {(r, a) for r, a, _p in positions}:
        scope("perangkat_daerah", r, a)
        for unit_id in ds.regions[r].agencies[a].units:
            scope("unit", r, a, unit_id)
    for r in {r for r, _a, _p in positions}:
        scope("wilayah", r)
    if positions:
        scope("semua")
        keep.add(addresses.JABATAN_CSV)
        keep.update(addresses.api_schema(name) for name in addresses.SCHEMAS)
    return {rel: made[rel] for rel in sorted(keep) if rel in made}, positions


def _make(top: Path, data_dir: Path, d: Declared, open_data: Callable, config_url: str | None) -> tuple[dict, set] | str:
    """The period's files made from the data at its commit, or why they cannot be."""
    from generator.check import check

    with tempfile.TemporaryDirectory(prefix="kinerja-arsip-") as tmp:
        old = extract_data(top, data_dir, d.commit, Path(tmp))
        if old is None or not old.is_dir():
            return f"folder data tidak ada pada commit {d.commit[:12]}"
        result = check(old)
        if result.errors or result.dataset is None:
            first = result.errors[0].format() if result.errors else "data tidak dapat dibaca"
            return (
                f"generator versi sekarang tidak dapat membaca data pada commit {d.commit[:12]} "
                f"({len(result.errors)} galat; yang pertama: {first.splitlines()[0]})"
            )
        site_url = result.dataset.situs.site_url or config_url
        made = open_data(result, commit=d.commit, site_url=site_url, xlsx_many=_no_workbooks)
        files, positions = period_files(made, result, d.period)
    if not files:
        return f"tidak ada laporan {d.period.label} pada commit {d.commit[:12]}"
    return files, positions


def make_archives(
    data_dir: Path,
    cache_dir: Path,
    open_data: Callable,
    *,
    config_url: str | None = None,
    note: Callable[[str], None] | None = None,
) -> Archives:
    """The archive of every declared period: taken from ``cache_dir`` when stored and
    intact, else made (``open_data``: opendata.open_data_files, passed by the site layer;
    ``config_url``: the site address of mkdocs.yml, used when the old site.yml has none).
    Never raises for git or old data; problems of data/terbit.yml are in ``problems``,
    notices go to ``note`` (default: standard error, one line each)."""
    say = note or (lambda line: print(f"Arsip: {line}", file=sys.stderr))
    decls, problems, notices = declared(data_dir)
    out = Archives(problems=problems, notices=notices, site_url=config_url)
    top = repository(data_dir)[0] if decls else None
    for d in decls:
        assert top is not None
        folder = cache_dir / d.commit / d.period.slug
        found = _stored(folder, d)
        if found is None:
            if (folder / MANIFEST).exists():
                out.notices.append(f"arsip {d.period.slug} di cache tidak utuh: dibuat ulang dari commit {d.commit[:12]}.")
            before = _skipped_before(folder)
            made = before or _make(top, data_dir, d, open_data, config_url)
            if isinstance(made, str):
                if before is None:
                    _write(folder / SKIPPED, json.dumps({"kode": code_digest(""), "alasan": made}).encode("utf-8"))
                out.skipped.append((d, made))
                out.notices.append(f"arsip {d.period.slug} dilewati: {made}.")
                continue
            found = _store(folder, d, *made)
        out.items.append(found)
    for line in out.notices:
        say(line)
    return out
