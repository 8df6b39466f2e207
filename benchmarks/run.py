"""One command, every figure of issues 7 and 21:

    python -m benchmarks.run --agencies 40 --positions 70

1. writes a synthetic province (benchmarks/synth.py) into WORKDIR/data, and builds it once
   in WORKDIR/prep for the docs folder of the floor (not measured);
2. the floor before: a bare `mkdocs build` of that docs folder (build/mkdocs.yml);
3. cold build: `kinerja build` in a subprocess with empty caches;
4. the floor after: the same bare `mkdocs build` again. The floor is the mean of the two;
   the run fails (exit 2, after printing and writing every figure) when the two differ by
   more than --floor-tolerance (25 %) or were not back to back with the cold build
   (the rule and why: benchmarks/floor.py);
5. warm rebuild after changing one position's TW IV realisation, right after;
6. the ratios of both builds to the floor; every run with the CPU seconds of its process
   tree (user + system, getrusage RUSAGE_CHILDREN) and the load averages before and after;
7. peak memory of the build process and its children: ru_maxrss of the children
   (getrusage RUSAGE_CHILDREN: the largest single process) and the largest sum of the
   proportional set size (PSS) of the whole process tree (sampled from /proc every 0.5 s);
8. HTML bytes of the median and the largest position page; the size of the whole site;
9. in headless Chromium (benchmarks/browser.py): the bytes a visitor downloads from opening
   the home page to the first search result for "penempatan" (as served, and
   gzip-compressed as a static host such as nginx or GitHub Pages sends text), and whether
   the results hold the positions whose indicators say "ditempatkan";
10. the official documents made by a CI matrix (issue 18, benchmarks/matrix.py): in a fresh
   folder each part `kinerja dokumen --bagian K/N --cache-saja` alone, one after another,
   then the cold build with only that document cache filled;
11. the targets of issue 21 (and issue 18's for the official documents) with met / not met
   (benchmarks/targets.py).

The figures are printed and written to WORKDIR/benchmark.json. Nothing is timed in tests:
tests/test_benchmark.py runs this at 2 × 3 and checks that every figure and verdict is there.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from benchmarks import floor, matrix, synth, targets
from benchmarks.browser import chromium_problem, search_download

REPO = Path(__file__).resolve().parent.parent


# --------------------------------------------------------------------------- processes


def _pss(pid: int) -> int:
    """Proportional set size: resident memory with pages shared between processes (forked
    render workers share the parent's data) counted once across them, not once per process."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _tree_rss(pid: int) -> int:
    """Memory of ``pid`` and all its descendants (Linux /proc): the sum of their PSS."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
            ppid = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        total += _pss(p)
        stack.extend(children.get(p, []))
    return total


def run_timed(cmd: list[str], cwd: Path | None = None) -> dict:
    """Run ``cmd``; wall seconds, CPU seconds of its process tree, load averages before and
    after (benchmarks/floor.py) and the largest process-tree PSS seen."""
    peak = 0
    env = dict(os.environ)  # this repository's generator, whatever is installed
    env["PYTHONPATH"] = os.pathsep.join([str(REPO)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    meter = floor.Meter().__enter__()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.5):
            peak = max(peak, _tree_rss(proc.pid))

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    out, err = proc.communicate()
    meter.__exit__()
    done.set()
    t.join()
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{out[-3000:]}\n{err[-3000:]}")
    return {**meter.figures(), "tree_rss_peak_bytes": peak, "stdout": out.strip(), "stderr": err.strip()}


def kinerja_build(data: Path, work: Path) -> dict:
    r = run_timed(
        [
            sys.executable,
            "-m",
            "generator",
            "build",
            "--data",
            str(data),
            "--out",
            str(work / "site"),
            "--build-dir",
            str(work / "build"),
            "--config",
            str(REPO / "mkdocs.yml"),
            "-q",
        ],
        cwd=work,
    )
    stages = work / "build" / "cache" / "waktu.json"
    r["stages"] = json.loads(stages.read_text(encoding="utf-8")) if stages.is_file() else {}
    return r


def agencies_made(build: dict) -> tuple[int, int]:
    """(agencies made again, agencies) from a build's last line ("… halaman (N dari M
    perangkat daerah dibuat ulang) …", generator/site/commands.py)."""
    found = re.search(r"\((\d+) dari (\d+) perangkat daerah dibuat ulang\)", build["stdout"])
    if found is None:
        raise RuntimeError(f"the build did not say how many agencies it made: {build['stdout'][-300:]!r}")
    return int(found[1]), int(found[2])


def documents_made(work: Path) -> int:
    """Official documents (PDF + DOCX) the last build made: its document ledger
    (generator/documents/site.py; the cache keeps only the site's current documents, so
    counting its entries would not tell)."""
    from generator.documents.site import cpu_ledger, ledger_totals

    return int((ledger_totals(cpu_ledger(work / "build")) or {}).get("made", 0))


def mkdocs_floor(build: Path, target: Path) -> dict:
    """A bare `mkdocs build` of ``build``/mkdocs.yml into ``target`` (left in place: deleting
    it between the floor and the build would be work between them, benchmarks/floor.py)."""
    return run_timed(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(build / "mkdocs.yml"), "-d", str(target)], cwd=build
    )


def position_documents(s: synth.Synthetic, site: Path) -> int:
    """The official documents (PDF) of the position the warm rebuild changes."""
    year = s.probe_file.parent
    agency, region = year.parent.name, year.parent.parent.name
    return sum(1 for _ in (site / "dokumen").rglob(f"{region}_{agency}_{s.probe_file.stem}_*.pdf"))


def same_markdown(a: Path, b: Path) -> int:
    """How many Markdown pages of two docs folders differ (or exist in one only)."""
    pages = {p.relative_to(a) for p in a.rglob("*.md")} | {p.relative_to(b) for p in b.rglob("*.md")}
    return sum(1 for p in pages if not ((a / p).is_file() and (b / p).is_file() and (a / p).read_bytes() == (b / p).read_bytes()))


# --------------------------------------------------------------------------- sizes


def page_sizes(site: Path) -> dict:
    pages = sorted(site.glob("*/*/jabatan/*/index.html"), key=lambda p: p.stat().st_size)
    sizes = [p.stat().st_size for p in pages]
    files = [p for p in site.rglob("*") if p.is_file()]
    return {
        "position_pages": len(pages),
        "median_position_page_bytes": int(statistics.median(sizes)) if sizes else 0,
        "largest_position_page_bytes": sizes[-1] if sizes else 0,
        "largest_position_page": pages[-1].parent.relative_to(site).as_posix() + "/" if pages else None,
        "html_pages": sum(1 for p in files if p.name == "index.html"),
        "site_files": len(files),
        "site_bytes": sum(p.stat().st_size for p in files),
        "search_bundle_bytes": sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file()),
    }


# --------------------------------------------------------------------------- main


def kb(n: int) -> str:
    return f"{n / 1024:,.1f} KB"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="build a synthetic province and report the figures of issue 7")
    ap.add_argument("--agencies", type=int, default=40)
    ap.add_argument("--positions", type=int, default=70)
    ap.add_argument("--workdir", type=Path, default=Path("build") / "benchmark")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-browser", action="store_true", help="skip the search download measurement")
    ap.add_argument(
        "--history", type=int, default=0, help="give the data a synthetic git history of N commits (benchmarks/history.py)"
    )
    ap.add_argument(
        "--floor-tolerance",
        type=float,
        default=floor.TOLERANCE,
        help="largest difference of the floors before and after the cold build (0.25 = 25 %%, benchmarks/floor.py)",
    )
    ap.add_argument(
        "--doc-parts",
        type=int,
        default=None,
        help="parts of the CI matrix phase for the official documents (default: the number of agencies, at most "
        f"{matrix.GITHUB_CONCURRENT_JOBS}: the jobs GitHub Actions runs at once on the free plan; 0 skips the phase)",
    )
    args = ap.parse_args(argv)
    if not args.no_browser and (problem := chromium_problem()):
        print(f"benchmark not started: {problem}", file=sys.stderr)
        return 2
    parts = matrix.default_parts(args.agencies) if args.doc_parts is None else args.doc_parts

    work = args.workdir.resolve()
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    figures: dict = {"agencies": args.agencies, "positions_per_agency": args.positions, "cores": os.cpu_count()}
    try:
        figures["load_average_before"] = os.getloadavg()
    except OSError:
        pass

    t = time.perf_counter()
    s = synth.generate(work / "data", args.agencies, args.positions, args.seed)
    figures["generate_seconds"] = round(time.perf_counter() - t, 2)
    print(f"data: {args.agencies} perangkat daerah × {args.positions} jabatan → {work / 'data'}", flush=True)
    if args.history:  # the data folder becomes a repository with N commits (issue 19)
        from benchmarks import history

        history.synthetic_history(s.data, args.history, args.seed)

    # the docs folder for the floor before the cold build: the same data built once in a
    # folder of its own, so that the cold build still starts with empty caches
    prep = work / "prep"
    prep.mkdir()
    kinerja_build(s.data, prep)
    shutil.rmtree(prep / "site")
    runs = floor.Runs()  # floor before, cold, floor after: back to back (benchmarks/floor.py)
    first = runs.add("floor before", mkdocs_floor(prep / "build", work / "floor-site-1"))
    cold = runs.add("cold", kinerja_build(s.data, work))
    second = runs.add("floor after", mkdocs_floor(prep / "build", work / "floor-site-2"))
    print(f"bare mkdocs build of the same docs before the cold build: {_run_line(first)}", flush=True)
    print(f"cold build: {_run_line(cold)}", flush=True)
    print(f"bare mkdocs build after the cold build: {_run_line(second)}", flush=True)
    floor_figures = floor.check(runs.runs, args.floor_tolerance)
    for site_copy in ("floor-site-1", "floor-site-2"):
        shutil.rmtree(work / site_copy, ignore_errors=True)
    floor_figures["docs_pages_differing_from_cold"] = same_markdown(prep / "build" / "docs", work / "build" / "docs")
    made_cold = documents_made(work)  # official documents (issue 18) the cold build made
    own_documents = position_documents(s, work / "site")
    synth.change_realisation(s)
    if args.history:  # a repository: the change is a commit, as staff make it (documents name the commit)
        from benchmarks import history

        history.commit_all(s.data, "Perbarui satu realisasi")
    warm = runs.add("warm", kinerja_build(s.data, work))
    print(f"warm rebuild (one realisation changed): {_run_line(warm)}", flush=True)
    figures["documents"] = {"cold_made": made_cold, "warm_remade": documents_made(work)}
    remade = figures["documents"]["warm_remade"]
    print(f"official documents: {made_cold} made cold, {remade} re-made after one change", flush=True)
    figures["agencies"] = {
        "total": agencies_made(cold)[1],
        "cold_made": agencies_made(cold)[0],
        "warm_remade": agencies_made(warm)[0],
    }
    a = figures["agencies"]
    print(
        f"agencies' pages and downloads: {a['cold_made']} of {a['total']} made cold, {a['warm_remade']} re-made after one change",
        flush=True,
    )
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    floor_seconds = floor_figures.get("seconds") or float("nan")

    figures.update(
        {
            "cold_build_seconds": cold["seconds"],
            "cold_cpu_seconds": cold["cpu_seconds"],
            "warm_rebuild_seconds": warm["seconds"],
            "warm_cpu_seconds": warm["cpu_seconds"],
            "mkdocs_floor_seconds": floor_seconds,  # the mean of the floors before and after
            "floor": floor_figures,
            "measured_runs": runs.timeline(),
            "warm_to_floor": round(warm["seconds"] / floor_seconds, 3),
            "cold_to_floor": round(cold["seconds"] / floor_seconds, 3),
            "cold_cpu_to_floor_cpu": round(cold["cpu_seconds"] / floor_figures["cpu_seconds"], 3)
            if floor_figures.get("cpu_seconds")
            else None,
            "peak_rss_largest_process_bytes": children.ru_maxrss * 1024,  # Linux: KiB
            "peak_rss_process_tree_bytes": max(cold["tree_rss_peak_bytes"], warm["tree_rss_peak_bytes"]),
            "cold_build_output": cold["stdout"].splitlines()[-1:] if cold["stdout"] else [],
            "cold_stages_seconds": cold["stages"],
            "warm_stages_seconds": warm["stages"],
        }
    )
    figures.update(page_sizes(work / "site"))
    if not args.no_browser:
        # in its own thread: Playwright's sync API refuses to start where an asyncio loop
        # runs (a caller such as pytest may already drive a browser)
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(1) as one:
            figures["search"] = one.submit(search_download, work / "site", s.placement_pages).result()
    if parts > 0:  # documents made by a CI matrix, then the site build with their cache (issue 18)
        figures["matrix"] = matrix.measure(s.data, work / "matriks", parts, runs, work / "site")
        figures["measured_runs"] = runs.timeline()
    if args.history:  # the history pass alone: cold (every commit), nothing new, one new commit
        # (last: its new commit changes the data, which the matrix must find as the warm build left it)
        figures.update(history.measure(s.data, work / "riwayat-cache"))
    try:
        figures["load_average_after"] = os.getloadavg()
    except OSError:
        pass
    figures["documents"].update(targets.documents(figures, own_documents))
    figures["targets"] = targets.verdicts(figures)

    (work / "benchmark.json").write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    rows = [
        (
            "size",
            f"{args.agencies} agencies × {args.positions} positions = {args.agencies * args.positions} positions, "
            f"{figures['html_pages']} HTML pages, {os.cpu_count()} cores",
        ),
        ("cold build (empty caches)", _run_line(cold)),
        ("warm rebuild (one realisation changed)", _run_line(warm)),
        (
            "agencies made again",
            f"{figures['agencies']['cold_made']} of {figures['agencies']['total']} cold, "
            f"{figures['agencies']['warm_remade']} after one change" + (" (committed)" if args.history else ""),
        ),
        (
            "bare mkdocs build (floor)",
            f"{floor_seconds:.1f} s = mean of {first['seconds']:.1f} s before and {second['seconds']:.1f} s after "
            f"the cold build (differ by {floor_figures['spread']:.0%}, at most {args.floor_tolerance:.0%}; "
            f"{floor_figures['cpu_seconds']:.1f} CPU-s)",
        ),
        ("warm / floor", f"{figures['warm_to_floor']:.2f}"),
        (
            "cold / floor",
            f"{figures['cold_to_floor']:.2f} (CPU {figures['cold_cpu_to_floor_cpu']:.2f} ×)"
            if figures["cold_cpu_to_floor_cpu"] is not None
            else f"{figures['cold_to_floor']:.2f}",
        ),
        ("peak memory, process tree (PSS, sampled)", f"{figures['peak_rss_process_tree_bytes'] / 2**20:,.0f} MiB"),
        ("peak memory, largest process (ru_maxrss)", f"{figures['peak_rss_largest_process_bytes'] / 2**20:,.0f} MiB"),
        ("median position page", kb(figures["median_position_page_bytes"])),
        ("largest position page", f"{kb(figures['largest_position_page_bytes'])} ({figures['largest_position_page']})"),
        (
            "site",
            f"{figures['site_bytes'] / 2**20:,.1f} MiB in {figures['site_files']:,} files "
            f"(search bundle {figures['search_bundle_bytes'] / 2**20:,.1f} MiB)",
        ),
    ]
    if args.history:
        rows.append(
            (
                f"history pass ({figures['history_commits']} commits)",
                f"cold {figures['history_cold_seconds']:.1f} s; nothing new {figures['history_nothing_new_seconds']:.2f} s; "
                f"one new commit {figures['history_one_new_commit_seconds']:.2f} s; {figures['history_entries']} entries",
            )
        )
    for name in ("cold", "warm"):
        st = figures[f"{name}_stages_seconds"]
        rows.append((f"  {name} stages", "; ".join(f"{k} {v:.1f} s" for k, v in st.items() if k != "total")))
    if "matrix" in figures:
        rows += matrix.lines(figures["matrix"], figures["documents"].get("matrix_share"))
    if "search" in figures:
        sr = figures["search"]
        rows += [
            (
                "before the first search result",
                f"{kb(sr['bytes_before_first_result_gzip'])} gzip as served by a static host "
                f"({kb(sr['bytes_before_first_result'])} uncompressed, {sr['requests_before_first_result']} requests)",
            ),
            (
                f'search "{sr["query"]}"',
                f"{sr['results']} results; {sr['ditempatkan_positions_found']} of "
                f"{sr['ditempatkan_positions']} 'ditempatkan' positions found; "
                f"{sr['third_party_requests']} third-party requests",
            ),
        ]
    width = max(len(k) for k, _ in rows)
    print()
    for k, v in rows:
        print(f"{k:<{width}}  {v}")
    print()
    print("\n".join(targets.table(figures["targets"])))
    print(f"\n(figures also in {work / 'benchmark.json'})")
    if floor_figures["problems"]:  # the ratios to the floor mean nothing: say so, and fail
        print("\nBENCHMARK INVALID, the build was not compared with a steady floor (benchmarks/floor.py):", file=sys.stderr)
        for problem in floor_figures["problems"]:
            print(f"  - {problem}", file=sys.stderr)
        return 2
    return 0


def _run_line(r: dict) -> str:
    """Wall time with the CPU seconds of the process tree and the load averages around it."""
    load = "/".join(f"{x:.2f}" for x in r["load_before"] or []) + " → " + "/".join(f"{x:.2f}" for x in r["load_after"] or [])
    return f"{r['seconds']:.1f} s wall, {r['cpu_seconds']:.1f} CPU-s (load 1/5/15 min {load})"


if __name__ == "__main__":
    raise SystemExit(main())
