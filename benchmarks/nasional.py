"""The national portal (generator/nasional) on one machine: N synthetic regions, each with
its own data folder, built one after another as a CI matrix would build them (one job
per region), served under one local root as their public URLs, then the portal built from
their published api/v1 and searched across all of them in headless Chromium.

    python -m benchmarks.nasional --regions 20 --agencies 2 --positions 5 --workdir /tmp/nasional

Prints (and writes to WORKDIR/nasional.json): each region's build time, the portal's build
time (total and per region, split into reading, MkDocs and Pagefind), its size, and the
bytes downloaded before the first cross-site search result, per host (the portal's, the
regions'), with the number of third-party requests (must be 0).

The regions are served from a second local origin that sends CORS headers, as a regional
host must for the portal's search (README, "National portal").
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.browser import record_responses
from benchmarks.synth import REGION_ID, REGION_NAME, generate

REPO = Path(__file__).resolve().parent.parent
TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg", "application/xml")


def make_region(out: Path, i: int, agencies: int, positions: int) -> tuple[str, str]:
    """A synthetic data folder for region ``i``: synth's province renamed to its own
    kabupaten (id and name), with its own seed. Returns (id, name)."""
    generate(out, agencies, positions, seed=100 + i)
    rid, name = f"kabupaten-sintetis-{i:02d}", f"Kabupaten Sintetis {i:02d}"
    (out / REGION_ID).rename(out / rid)
    for path in out.rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        new = text.replace(REGION_NAME, name).replace(REGION_ID, rid)
        if path.name == "wilayah.yml":
            new = new.replace("jenis: provinsi", "jenis: kabupaten")
        if new != text:
            path.write_text(new, encoding="utf-8")
    return rid, name


def build_region(data: Path, site: Path, build_dir: Path, code: Path = REPO) -> float:
    """One matrix job: `kinerja build` of one region's data folder (with the generator in
    ``code``: in a federation each region may run its own release)."""
    t = time.perf_counter()
    cmd = [sys.executable, "-m", "generator", "build", "--data", str(data), "--out", str(site)]
    cmd += ["--build-dir", str(build_dir), "--config", str(REPO / "mkdocs.yml"), "-q"]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=code)
    if done.returncode != 0:
        raise SystemExit(f"building {data} failed:\n{done.stderr[-3000:]}")
    return time.perf_counter() - t


class _Handler(http.server.SimpleHTTPRequestHandler):
    cors = False

    def end_headers(self) -> None:
        if self.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def log_message(self, *args) -> None:
        pass


class _Cors(_Handler):
    cors = True


def serve(root: Path, cors: bool = False):
    """``root`` on a local port (the tests' server), with CORS headers when ``cors``."""
    sys.path.insert(0, str(REPO / "tests"))
    from site_fixtures import serve as serving

    return serving(root, handler=_Cors if cors else _Handler)


def write_config(path: Path, regions_url: str, names: list[str], sources: dict[str, Path] | None = None) -> None:
    lines = ["judul: Portal Kinerja Nasional (sintetis)", "wilayah:"]
    for n in names:
        lines.append(f"  - url: {regions_url}{n}/")
        if sources:
            lines.append(f"    sumber: {sources[n]}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def build_portal(config: Path, out: Path, build_dir: Path):
    from generator.nasional import build_portal as build
    from generator.site.search import index_site

    return build(config, out, build_dir, mkdocs_config=REPO / "mkdocs.yml", index=index_site)


def cross_search(portal_url: str, query: str) -> dict:
    """Open the portal's search page, search ``query``; every byte received (per host)
    until the first result is on screen, then every result's region."""
    sys.path.insert(0, str(REPO / "tests"))
    from playwright.sync_api import sync_playwright
    from site_fixtures import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        ctx = browser.new_context(viewport={"width": 412, "height": 915})  # a phone
        page = ctx.new_page()
        responses = record_responses(page)
        t = time.perf_counter()
        page.goto(portal_url + "cari/", wait_until="load")
        page.fill("#kj-nasional-q", query)
        page.press("#kj-nasional-q", "Enter")
        page.wait_for_selector(".kj-nasional-hasil li:not([hidden]) a", timeout=60000)
        seconds = time.perf_counter() - t
        before = list(responses)
        found = page.evaluate("async (q) => (await window.kjNasional.cari(q)).map(d => d.url)", query)
        failed = page.evaluate("() => window.kjNasional.gagal.slice()")
        ctx.close()
        browser.close()
    by_host: dict[str, dict] = {}
    by_kind: dict[str, dict] = {}  # what the bytes are: page, theme, Pagefind code, entry, meta, index, fragment
    for u, ctype, body in before:
        host = re.sub(r"^(https?://[^/]+/).*$", r"\1", u)
        packed = len(gzip.compress(body, 6)) if ctype.startswith(TEXT_TYPES) else len(body)
        for table, key in ((by_host, host), (by_kind, _kind(u))):
            h = table.setdefault(key, {"requests": 0, "bytes": 0, "bytes_gzip": 0})
            h["requests"] += 1
            h["bytes"] += len(body)
            h["bytes_gzip"] += packed
    return {
        "query": query,
        "seconds_to_first_result": round(seconds, 2),
        "requests_before_first_result": len(before),
        "bytes_before_first_result": sum(h["bytes"] for h in by_host.values()),
        "bytes_before_first_result_gzip": sum(h["bytes_gzip"] for h in by_host.values()),
        "by_host": by_host,
        "by_kind": by_kind,
        "results": found,
        "regions_failed": failed,
    }


def _kind(url: str) -> str:
    name = url.split("?")[0].rsplit("/", 1)[-1]
    for suffix, kind in (
        (".pf_fragment", "fragment"),
        (".pf_index", "index chunk"),
        (".pf_meta", "meta"),
        ("pagefind-entry.json", "entry"),
    ):
        if name.endswith(suffix):
            return kind
    if "/pagefind/" in url:
        return "pagefind code (js, wasm)"
    return "page and theme"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--regions", type=int, default=20)
    ap.add_argument("--agencies", type=int, default=2)
    ap.add_argument("--positions", type=int, default=5)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/kinerja-nasional"))
    ap.add_argument("--query", default="sekretaris")
    ap.add_argument("--reuse", action="store_true", help="keep regional sites already built in WORKDIR")
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--kode", type=Path, default=REPO, help="folder of the generator that builds the regions (default: this one)")
    args = ap.parse_args(argv)
    work = args.workdir
    root = work / "situs"  # the regional sites, served as <url>/rNN/
    root.mkdir(parents=True, exist_ok=True)
    names, region_seconds = [], {}
    for i in range(1, args.regions + 1):
        name = f"r{i:02d}"
        names.append(name)
        if args.reuse and (root / name / "api/v1/index.json").exists():
            continue
        data = work / "data" / name
        make_region(data, i, args.agencies, args.positions)
        region_seconds[name] = round(build_region(data, root / name, work / "build" / name, args.kode), 1)
        print(f"{name}: {region_seconds[name]} s", file=sys.stderr)
    figures: dict = {"regions": args.regions, "agencies": args.agencies, "positions": args.positions}
    figures["region_build_seconds"] = region_seconds
    with serve(root, cors=True) as regions_url, serve(_portal_root(work)) as portal_url:
        config = work / "nasional.yml"
        write_config(config, regions_url, names, {n: root / n for n in names})
        res = build_portal(config, _portal_root(work) / "portal", work / "build-portal")
        pagefind = sum(p.stat().st_size for p in (res.out / "pagefind").rglob("*") if p.is_file())
        pages = sum(p.stat().st_size for p in res.out.rglob("*.html"))
        figures["portal"] = {
            "regions_in_portal": res.regions,
            "missing": res.missing,
            "seconds": {k: round(v, 2) for k, v in res.seconds.items()},
            "seconds_per_region": round(res.seconds["total"] / args.regions, 3),
            "pages": res.pages,
            "bytes": res.bytes,
            "bytes_html": pages,
            "bytes_pagefind": pagefind,
        }
        if not args.no_browser:
            s = cross_search(portal_url + "portal/", args.query)
            hit = sorted({n for n in names if any(f"/{n}/" in u for u in s["results"])})
            s["regions_with_results"] = len(hit)
            s["results"] = len(s["results"])
            s["third_party_requests"] = sum(
                h["requests"] for host, h in s["by_host"].items() if host not in (regions_url, portal_url)
            )
            names_of = {portal_url: "portal", regions_url: "regions"}
            s["by_host"] = {names_of.get(k, k): v for k, v in s["by_host"].items()}
            figures["search"] = s
    figures["load_average"] = os.getloadavg()
    (work / "nasional.json").write_text(json.dumps(figures, indent=2, ensure_ascii=False), encoding="utf-8")
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    return 0


def _portal_root(work: Path) -> Path:
    path = work / "portal-root"
    path.mkdir(parents=True, exist_ok=True)
    return path


if __name__ == "__main__":
    raise SystemExit(main())
