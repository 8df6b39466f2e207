"""Issue 18's documents made by a CI matrix (.github/workflows/terbitkan.yml), measured here.

In a fresh folder with empty caches, each part ``kinerja dokumen --bagian K/N --cache-saja``
(whole agencies, reading only their own data: generator/documents/parts.py) runs alone, one after another, as separate runners would run them side by side; then the
cold ``kinerja build`` with only that document cache filled. Each run is timed as every
other run of the benchmark (wall, CPU seconds of its process tree, load averages:
run.run_timed). The build's document ledger (generator/documents/site.py) says how many
documents it made itself (0 when the parts did their work) and how many it reused.

What the pipeline's wall time then gains from the documents: the longest part (the parts
run in parallel, before the site job) plus the site build's own document stage (reading
and verifying the entries, its CPU seconds spread over the cores). A runner's own start
(checkout, Python, pip install) is not included: it cannot be measured on this machine.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import sys
from pathlib import Path

GITHUB_CONCURRENT_JOBS = 20  # GitHub Actions, free plan: jobs running at once
RUNNER_START = "a CI runner's own start (checkout, Python, pip install) is not included: it cannot be measured here"
_PART_LINE = re.compile(
    r"Bagian (\d+)/(\d+) \((\d+) dari (\d+) perangkat daerah\): (\d+) dokumen .*: (\d+) dibuat, (\d+) dari cache\."
)
_SPLIT_LINE = re.compile(r"Selesai dalam [\d,]+ detik: pemeriksaan data ([\d,]+) detik, dokumen ([\d,]+) detik\.")


def default_parts(agencies: int) -> int:
    return max(1, min(agencies, GITHUB_CONCURRENT_JOBS))


def _entries(cache: Path) -> dict[str, int]:
    """Every entry file of the document cache with its modification time (ns)."""
    return {p.relative_to(cache).as_posix(): p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()}


def _digests(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()
    }


def differing(a: Path, b: Path) -> int:
    """How many files of two folders differ (or exist in one only)."""
    da, db = _digests(a), _digests(b)
    return sum(1 for p in da.keys() | db.keys() if da.get(p) != db.get(p))


def measure(data: Path, work: Path, parts: int, runs, reference_site: Path) -> dict:
    """The matrix phase in ``work`` (made fresh): ``parts`` part runs, then the site build.
    ``runs``: the benchmark's floor.Runs, every run is added to it; ``reference_site``: a
    site of the same data built the ordinary way, whose documents must be byte-identical."""
    from benchmarks.run import _run_line, kinerja_build, run_timed  # run.py imports this module
    from generator.documents.site import LEDGER, ledger_totals

    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    cache = work / "build" / "cache" / "dokumen"
    part_runs = []
    for k in range(1, parts + 1):
        cmd = [sys.executable, "-m", "generator", "dokumen", "--data", str(data), "--bagian", f"{k}/{parts}"]
        r = runs.add(
            f"documents part {k}/{parts}", run_timed([*cmd, "--cache-saja", "--build-dir", str(work / "build")], cwd=work)
        )
        m = _PART_LINE.search(r["stdout"])
        if m is None:
            raise SystemExit(f"kinerja dokumen --bagian {k}/{parts}: no count line in its output:\n{r['stdout']}")
        part = {key: r[key] for key in ("seconds", "cpu_seconds", "load_before", "load_after")}
        part.update(
            dict(
                zip(
                    ("part", "parts", "agencies", "all_agencies", "documents", "made", "reused"),
                    map(int, m.groups()),
                    strict=True,
                )
            )
        )
        split = _SPLIT_LINE.search(r["stdout"])  # the part's own split of its wall: checking the data, the documents
        part["check_seconds"], part["documents_seconds"] = (
            (float(split.group(1).replace(",", ".")), float(split.group(2).replace(",", "."))) if split else (None, None)
        )
        part_runs.append(part)
        print(f"documents part {k}/{parts}: {part['documents']} documents, {part['made']} made: {_run_line(r)}", flush=True)
    before = _entries(cache)
    site = runs.add("matrix site build", kinerja_build(data, work))
    print(f"site build with the parts' document cache: {_run_line(site)}", flush=True)
    ledger = ledger_totals(work / "build" / "cache" / LEDGER) or {}
    longest = max(part_runs, key=lambda p: p["seconds"])
    return {
        "parts": parts,
        "part_runs": part_runs,
        "documents_in_parts": sum(p["documents"] for p in part_runs),
        "all_documents": (ledger.get("made") or 0) + (ledger.get("reused") or 0),  # the site build's own count
        "longest_part_seconds": longest["seconds"],
        "longest_part_split": {"check_seconds": longest["check_seconds"], "documents_seconds": longest["documents_seconds"]},
        "parts_cpu_seconds": round(sum(p["cpu_seconds"] for p in part_runs), 2),
        "site_build_seconds": site["seconds"],
        "site_build_cpu_seconds": site["cpu_seconds"],
        "site_build_load": [site["load_before"], site["load_after"]],
        "site_documents_cpu_seconds": ledger.get("cpu"),
        "site_documents_made": ledger.get("made"),
        "site_documents_reused": ledger.get("reused"),
        "site_documents_listed": ledger.get("listed"),  # of the reused: by a part's listed key, no content computed
        "cache_entries_unchanged_by_site_build": _entries(cache) == before,
        "documents_differing_from_reference": differing(work / "site" / "dokumen", reference_site / "dokumen"),
        "runner_start": RUNNER_START,
    }


def lines(m: dict, share: float | None) -> list[tuple[str, str]]:
    """The phase's rows for the benchmark's summary (``share``: targets.documents)."""
    return [
        (
            f"documents by a CI matrix ({m['parts']} parts)",
            f"{m['documents_in_parts']} of {m['all_documents']} documents in the parts; longest part "
            f"{m['longest_part_seconds']:.1f} s wall{_split(m.get('longest_part_split'))}; "
            f"the parts' CPU {m['parts_cpu_seconds']:.1f} CPU-s in all",
        ),
        (
            "  site build after the parts",
            f"{m['site_build_seconds']:.1f} s wall, {m['site_build_cpu_seconds']:.1f} CPU-s; its documents "
            f"{m['site_documents_cpu_seconds']} CPU-s, {m['site_documents_made']} made, {m['site_documents_reused']} reused "
            f"({m.get('site_documents_listed')} by the parts' listed keys); "
            f"cache entries unchanged: {'yes' if m['cache_entries_unchanged_by_site_build'] else 'NO'}; "
            f"documents differing from the ordinary build: {m['documents_differing_from_reference']}",
        ),
        (
            "  documents add",
            ("not measured" if share is None else f"{share:.1%} of the site build's wall") + f" ({m['runner_start']})",
        ),
    ]


def _split(split: dict | None) -> str:
    """The part's own split of its wall (as it printed it), when it did."""
    if not split or split.get("check_seconds") is None:
        return ""
    return f" (checking the data {split['check_seconds']:.1f} s, documents {split['documents_seconds']:.1f} s)"
