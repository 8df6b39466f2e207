"""The benchmark command runs end to end at a tiny size (2 agencies × 3 positions) and
reports every figure of issues 7 and 21, each target with a verdict that agrees with its
figure. No timing is asserted: CI machines differ (the floor's tolerance is lifted for the
end-to-end run; the back-to-back rule itself is tested on made-up runs)."""

from __future__ import annotations

import json

import pytest

from benchmarks import floor, run, synth, targets
from generator.check import check

KB, MB, GB = 1024, 1024**2, 1024**3


def test_synthetic_data_is_valid_and_has_the_search_target(tmp_path):
    s = synth.generate(tmp_path / "data", 2, 30)
    result = check(s.data)
    assert result.errors == [] and result.warnings == []
    assert len(result.reports) == 2 * 30 * 4  # four quarters for every position
    assert s.placement_pages
    texts = [p.read_text(encoding="utf-8") for p in s.data.rglob("*.yml")]
    assert any("ditempatkan" in t for t in texts)
    assert not any("penempatan" in t.lower() for t in texts)  # only a stemmer can match the query
    # the same arguments give the same files
    again = synth.generate(tmp_path / "again", 2, 30)
    assert {p.relative_to(s.data): p.read_bytes() for p in s.data.rglob("*.yml")} == {
        p.relative_to(again.data): p.read_bytes() for p in again.data.rglob("*.yml")
    }
    # the warm-rebuild edit keeps the data valid
    synth.change_realisation(s)
    assert check(s.data).errors == []


def test_benchmark_reports_every_figure(tmp_path, capsys):
    argv = ["--agencies", "2", "--positions", "3", "--workdir", str(tmp_path / "bench"), "--floor-tolerance", "1000"]
    assert run.main(argv) == 0
    out = capsys.readouterr().out
    for label in (
        "cold build",
        "warm rebuild",
        "bare mkdocs build (floor)",
        "warm / floor",
        "peak memory",
        "median position page",
        "largest position page",
        "site",
        "before the first search result",
    ):
        assert label in out, label
    fig = json.loads((tmp_path / "bench" / "benchmark.json").read_text(encoding="utf-8"))
    for key in (
        "cold_build_seconds",
        "warm_rebuild_seconds",
        "mkdocs_floor_seconds",
        "warm_to_floor",
        "peak_rss_process_tree_bytes",
        "peak_rss_largest_process_bytes",
        "median_position_page_bytes",
        "largest_position_page_bytes",
        "site_bytes",
    ):
        assert fig[key] > 0, key
    assert fig["position_pages"] == 6
    search = fig["search"]
    assert search["bytes_before_first_result_gzip"] > 0
    assert search["ditempatkan_positions_found"] == search["ditempatkan_positions"] >= 1
    assert search["third_party_requests"] == 0
    _check_runs_and_floor(fig)
    _check_targets(fig, out, tmp_path)


def _check_runs_and_floor(fig: dict) -> None:
    """Every run with its CPU seconds and load averages; the floor is the mean of the two
    around the cold build, which ran back to back."""
    runs = fig["measured_runs"]
    assert [r["name"] for r in runs] == ["floor before", "cold", "floor after", "warm"]
    for r in runs:
        assert r["seconds"] > 0 and r["cpu_seconds"] > 0, r
        assert r["cpu_seconds"] == pytest.approx(r["cpu_user_seconds"] + r["cpu_sys_seconds"], abs=0.02)
        assert len(r["load_before"]) == len(r["load_after"]) == 3
        assert r["orphans_not_reaped"] == 0  # every process of the tree was reaped: its CPU counted
    assert [r["start"] for r in runs] == sorted(r["start"] for r in runs) and runs[0]["start"] == 0
    before, cold, after, warm = runs
    f = fig["floor"]
    assert (f["before_seconds"], f["after_seconds"]) == (before["seconds"], after["seconds"])
    assert f["seconds"] == fig["mkdocs_floor_seconds"] == pytest.approx((before["seconds"] + after["seconds"]) / 2, abs=0.01)
    assert f["spread"] == pytest.approx(
        max(before["seconds"], after["seconds"]) / min(before["seconds"], after["seconds"]) - 1, abs=1e-4
    )
    assert f["back_to_back"] is True and f["problems"] == [] and max(f["gaps_seconds"]) <= f["gap_limit_seconds"]
    # each run started after the previous one ended: nothing overlapped
    for a, b in zip(runs, runs[1:], strict=False):
        assert b["start"] >= a["start"] + a["seconds"] - 0.02
    assert f["docs_pages_differing_from_cold"] == 0  # the floor built the cold build's pages
    assert (fig["cold_build_seconds"], fig["cold_cpu_seconds"]) == (cold["seconds"], cold["cpu_seconds"])
    assert (fig["warm_rebuild_seconds"], fig["warm_cpu_seconds"]) == (warm["seconds"], warm["cpu_seconds"])


def _expected(fig: dict, tmp_path) -> dict[str, tuple[float | None, float | None, str]]:
    """Each target's figure, limit and verdict, from the raw figures of benchmark.json."""
    mean = (fig["floor"]["before_seconds"] + fig["floor"]["after_seconds"]) / 2
    cold, warm = fig["cold_build_seconds"] / mean, fig["warm_rebuild_seconds"] / mean
    gz = fig["search"]["bytes_before_first_result_gzip"]
    doc_cpu = fig["cold_stages_seconds"].get("Dokumen resmi (CPU)")
    share = doc_cpu / fig["cores"] / fig["cold_build_seconds"] if doc_cpu is not None else None
    # the changed position's documents, counted here from the site: its file prefix
    probe = synth.generate(tmp_path / "probe", 2, 3).probe_file
    prefix = f"{probe.parents[2].name}_{probe.parents[1].name}_{probe.stem}_"
    own = [p for p in (tmp_path / "bench" / "site" / "dokumen").rglob("*.pdf") if p.name.startswith(prefix)]
    remade = fig["documents"]["warm_remade"]

    def le(x, limit):
        return "not measured" if x is None else ("met" if x <= limit else "not met")

    return {
        "cold_to_floor": (cold, 1.0, le(fig["cold_to_floor"], 1.0)),
        "warm_to_floor": (warm, 0.15, le(fig["warm_to_floor"], 0.15)),
        "peak_pss": (fig["peak_rss_process_tree_bytes"], GB, le(fig["peak_rss_process_tree_bytes"], GB)),
        "search_gzip": (gz, 250 * KB, le(gz, 250 * KB)),
        "site_bytes": (fig["site_bytes"], 700 * MB, le(fig["site_bytes"], 700 * MB)),
        "median_page": (fig["median_position_page_bytes"], 40 * KB, le(fig["median_position_page_bytes"], 40 * KB)),
        "documents_share": (share, 0.10 if share is not None else None, le(share, 0.10)),
        "documents_remade": (remade, len(own), "met" if 1 <= remade <= len(own) else "not met"),
    }


def _check_targets(fig: dict, out: str, tmp_path) -> None:
    assert "Targets (issue 21)" in out
    expected = _expected(fig, tmp_path)
    rows = {r["id"]: r for r in fig["targets"]}
    assert sorted(rows) == sorted(expected)
    for ident, (figure, limit, verdict) in expected.items():
        row = rows[ident]
        if figure is None:
            assert row["figure"] is None, ident
        else:
            assert row["figure"] == pytest.approx(figure, rel=0.01, abs=1e-3), ident
        assert row["limit"] == limit and row["verdict"] == verdict, (ident, row)
        line = next(ln for ln in out.splitlines() if ln.strip().startswith(row["target"]))
        assert verdict in line and row["shown"] in line, line
    assert len(rows["documents_remade"]["shown"]) and fig["documents"]["position_documents"] >= 1
    # without the browser part the search row says so, never "met"
    no_browser = {k: v for k, v in fig.items() if k != "search"}
    assert {r["id"]: r["verdict"] for r in targets.verdicts(no_browser)}["search_gzip"] == "not measured"


def _run(name: str, start: float, seconds: float, cpu: float = 1.0) -> dict:
    return {"name": name, "started": start, "ended": start + seconds, "seconds": seconds, "cpu_seconds": cpu}


def test_the_floor_must_be_steady_and_back_to_back():
    """The rule of benchmarks/floor.py on made-up runs: floors within the tolerance and the
    three runs back to back pass; a drifting machine, a run in between or a pause fail."""
    good = [_run("floor before", 0, 10), _run("cold", 10.1, 20), _run("floor after", 30.2, 12), _run("warm", 43, 3)]
    ok = floor.check(good)
    assert ok["problems"] == [] and ok["back_to_back"] and ok["seconds"] == 11 and ok["spread"] == pytest.approx(0.2)

    drift = [_run("floor before", 0, 10), _run("cold", 10.1, 20), _run("floor after", 30.2, 13)]
    (problem,) = floor.check(drift)["problems"]
    assert "30%" in problem and "25%" in problem
    assert floor.check(drift, tolerance=0.35)["problems"] == []

    between = [_run("floor before", 0, 10), _run("warm", 10, 3), _run("cold", 13, 20), _run("floor after", 33, 10)]
    result = floor.check(between)
    assert not result["back_to_back"] and any("warm ran between" in p for p in result["problems"])

    pause = [_run("floor before", 0, 10), _run("cold", 10.1, 20), _run("floor after", 40, 10)]
    result = floor.check(pause)
    assert not result["back_to_back"] and any("9.9 s passed between cold build → floor after" in p for p in result["problems"])
    assert floor.check([_run("cold", 0, 1)])["problems"]  # no floor at all: never a valid ratio
