"""One command, every figure of issue 7:

    python -m benchmarks.run --agencies 40 --positions 70

1. writes a synthetic province (benchmarks/synth.py) into WORKDIR/data;
2. cold build: `kinerja build` in a subprocess with empty caches;
3. warm rebuild after changing one position's TW IV realisation;
4. the floor: a bare `mkdocs build` of the same generated docs folder (build/mkdocs.yml);
5. the ratios of our builds to that floor;
6. peak memory of the build process and its children: ru_maxrss of the children
   (getrusage RUSAGE_CHILDREN: the largest single process) and the largest sum of the
   proportional set size (PSS) of the whole process tree (sampled from /proc every 0.5 s);
7. HTML bytes of the median and the largest position page; the size of the whole site;
8. in headless Chromium: the bytes a visitor downloads from opening the home page to the
   first search result for "penempatan" (as served, and gzip-compressed as a static host
   such as nginx or GitHub Pages sends text), and whether the results hold the positions
   whose indicators say "ditempatkan".

The figures are printed and written to WORKDIR/benchmark.json. Nothing is timed in tests:
tests/test_benchmark.py runs this at 2 × 3 and checks that every figure is there.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from benchmarks import synth

REPO = Path(__file__).resolve().parent.parent
TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg", "application/xml")


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
    """Run ``cmd``; wall seconds and the largest process-tree RSS seen."""
    peak = 0
    started = time.perf_counter()
    env = dict(os.environ)  # this repository's generator, whatever is installed
    env["PYTHONPATH"] = os.pathsep.join([str(REPO)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.5):
            peak = max(peak, _tree_rss(proc.pid))

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    done.set()
    t.join()
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{out[-3000:]}\n{err[-3000:]}")
    return {"seconds": round(seconds, 2), "tree_rss_peak_bytes": peak, "stdout": out.strip(), "stderr": err.strip()}


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


def documents_made(work: Path) -> int:
    """Official documents (PDF + DOCX) made so far: the entries of their cache (never pruned
    within a benchmark run), so the difference between two builds is what the second re-made."""
    return sum(1 for _ in (work / "build" / "cache" / "dokumen").rglob("*.pdf"))


def mkdocs_floor(work: Path) -> dict:
    target = work / "floor-site"
    shutil.rmtree(target, ignore_errors=True)
    r = run_timed(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(work / "build" / "mkdocs.yml"), "-d", str(target)], cwd=work
    )
    shutil.rmtree(target, ignore_errors=True)
    return r


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


def search_download(site: Path, expected: list[str], query: str = "penempatan") -> dict:
    """Open the home page in headless Chromium, type ``query`` into the header search and
    count every byte received until the first result is on screen."""
    sys.path.insert(0, str(REPO / "tests"))
    from playwright.sync_api import sync_playwright
    from site_fixtures import CHROMIUM, CHROMIUM_ARGS, serve

    responses: list[tuple[str, str, bytes]] = []
    with serve(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        ctx = browser.new_context(viewport={"width": 1280, "height": 900})
        page = ctx.new_page()

        def finished(req) -> None:
            r = req.response()
            if r is not None:
                try:
                    responses.append((req.url, r.headers.get("content-type", ""), r.body()))
                except Exception:  # body gone (redirect, aborted)
                    pass

        page.on("requestfinished", finished)
        page.goto(url, wait_until="load")
        page.click("input.md-search__input")
        page.type("input.md-search__input", query, delay=20)
        page.wait_for_selector(".md-search-result__item", timeout=30000)
        before = list(responses)
        shown = page.eval_on_selector_all(".md-search-result__item a", "as => as.map(a => a.getAttribute('href'))")
        found = page.evaluate(
            """async (q) => {
            const results = await window.kjCari.cari(q);
            return Promise.all(results.map(x => x.data().then(d => d.url)));
        }""",
            query,
        )
        foreign = [u for u, _t, _b in responses if not u.startswith(url)]
        ctx.close()
        browser.close()
    raw = sum(len(b) for _u, _t, b in before)
    packed = sum(len(gzip.compress(b, 6)) if t.startswith(TEXT_TYPES) else len(b) for _u, t, b in before)
    hits = [e for e in expected if "/" + e in found]
    return {
        "query": query,
        "requests_before_first_result": len(before),
        "bytes_before_first_result": raw,
        "bytes_before_first_result_gzip": packed,
        "results": len(found),
        "results_shown": shown[:3],
        "ditempatkan_positions": len(expected),
        "ditempatkan_positions_found": len(hits),
        "third_party_requests": len(foreign),
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
    args = ap.parse_args(argv)

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

    cold = kinerja_build(s.data, work)
    print(f"cold build: {cold['seconds']:.1f} s", flush=True)
    made_cold = documents_made(work)  # official documents (issue 18): each made one is a new cache entry
    synth.change_realisation(s)
    warm = kinerja_build(s.data, work)
    print(f"warm rebuild (one realisation changed): {warm['seconds']:.1f} s", flush=True)
    figures["documents"] = {"cold_made": made_cold, "warm_remade": documents_made(work) - made_cold}
    remade = figures["documents"]["warm_remade"]
    print(f"official documents: {made_cold} made cold, {remade} re-made after one change", flush=True)
    floor = mkdocs_floor(work)
    print(f"bare mkdocs build of the same docs: {floor['seconds']:.1f} s", flush=True)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)

    figures.update(
        {
            "cold_build_seconds": cold["seconds"],
            "warm_rebuild_seconds": warm["seconds"],
            "mkdocs_floor_seconds": floor["seconds"],
            "warm_to_floor": round(warm["seconds"] / floor["seconds"], 3),
            "cold_to_floor": round(cold["seconds"] / floor["seconds"], 3),
            "peak_rss_largest_process_bytes": children.ru_maxrss * 1024,  # Linux: KiB
            "peak_rss_process_tree_bytes": max(cold["tree_rss_peak_bytes"], warm["tree_rss_peak_bytes"]),
            "cold_build_output": cold["stdout"].splitlines()[-1:] if cold["stdout"] else [],
            "cold_stages_seconds": cold["stages"],
            "warm_stages_seconds": warm["stages"],
        }
    )
    figures.update(page_sizes(work / "site"))
    if args.history:  # the history pass alone: cold (every commit), nothing new, one new commit
        figures.update(history.measure(s.data, work / "riwayat-cache"))
    if not args.no_browser:
        # in its own thread: Playwright's sync API refuses to start where an asyncio loop
        # runs (a caller such as pytest may already drive a browser)
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(1) as one:
            figures["search"] = one.submit(search_download, work / "site", s.placement_pages).result()
    try:
        figures["load_average_after"] = os.getloadavg()
    except OSError:
        pass

    (work / "benchmark.json").write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    rows = [
        (
            "size",
            f"{args.agencies} agencies × {args.positions} positions = {args.agencies * args.positions} positions, "
            f"{figures['html_pages']} HTML pages, {os.cpu_count()} cores",
        ),
        ("cold build (empty caches)", f"{cold['seconds']:.1f} s"),
        ("warm rebuild (one realisation changed)", f"{warm['seconds']:.1f} s"),
        ("bare mkdocs build (floor)", f"{floor['seconds']:.1f} s"),
        ("warm / floor", f"{figures['warm_to_floor']:.2f}"),
        ("cold / floor", f"{figures['cold_to_floor']:.2f}"),
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
    print(f"\n(figures also in {work / 'benchmark.json'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
