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
    # with a git history of 3 commits: the one-value change is then a commit, as staff make it
    argv = ["--agencies", "2", "--positions", "3", "--workdir", str(tmp_path / "bench"), "--floor-tolerance", "1000"]
    argv += ["--history", "3"]
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
        "documents by a CI matrix (2 parts)",
        "(checking the data ",
        "site build after the parts",
        "a CI runner's own start (checkout, Python, pip install) is not included",
        "agencies made again",
        "2 of 2 cold, 1 after one change (committed)",
        "history pass (4 commits)",
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
    # the warm rebuild's commit changes one realisation: its agency alone is made again
    assert fig["agencies"] == {"total": 2, "cold_made": 2, "warm_remade": 1}
    search = fig["search"]
    assert search["bytes_before_first_result_gzip"] > 0
    assert search["ditempatkan_positions_found"] == search["ditempatkan_positions"] >= 1
    assert search["third_party_requests"] == 0
    _check_runs_and_floor(fig)
    _check_matrix(fig, tmp_path)
    _check_targets(fig, out, tmp_path)


def _check_matrix(fig: dict, tmp_path) -> None:
    """The documents made by a CI matrix of 2 parts (one per agency): together every
    document once, each part with its own run figures; the site build after them made
    none, rewrote no cache entry and published the same documents as the ordinary build."""
    m = fig["matrix"]
    pdfs = sum(1 for _ in (tmp_path / "bench" / "site" / "dokumen").rglob("*.pdf"))
    parts = m["part_runs"]
    assert m["parts"] == 2 and [(p["part"], p["parts"]) for p in parts] == [(1, 2), (2, 2)]
    assert m["all_documents"] == m["documents_in_parts"] == sum(p["documents"] for p in parts) == pdfs > 0
    assert abs(parts[0]["documents"] - parts[1]["documents"]) <= 1
    for p in parts:
        assert p["made"] == p["documents"] and p["reused"] == 0  # empty caches: each part makes its own
        assert p["seconds"] > 0 and p["cpu_seconds"] > 0 and len(p["load_before"]) == len(p["load_after"]) == 3
        # the part's own split of its wall (printed to 0.1 s): checking the data, then the documents
        assert p["check_seconds"] is not None and p["documents_seconds"] is not None  # printed and read
        assert p["check_seconds"] >= 0 and p["documents_seconds"] >= 0
        assert p["check_seconds"] + p["documents_seconds"] <= p["seconds"] + 0.1
    assert m["longest_part_seconds"] == max(p["seconds"] for p in parts)
    longest = max(parts, key=lambda p: p["seconds"])
    assert m["longest_part_split"] == {
        "check_seconds": longest["check_seconds"],
        "documents_seconds": longest["documents_seconds"],
    }
    assert m["parts_cpu_seconds"] == pytest.approx(sum(p["cpu_seconds"] for p in parts), abs=0.02)
    assert m["site_documents_made"] == 0 and m["site_documents_reused"] == pdfs
    assert m["cache_entries_unchanged_by_site_build"] is True and m["documents_differing_from_reference"] == 0
    assert m["site_build_seconds"] > 0 and m["site_documents_cpu_seconds"] is not None
    runs = {r["name"]: r for r in fig["measured_runs"]}
    assert runs["matrix site build"]["seconds"] == m["site_build_seconds"]
    assert [runs[f"documents part {k}/2"]["seconds"] for k in (1, 2)] == [p["seconds"] for p in parts]


def _check_runs_and_floor(fig: dict) -> None:
    """Every run with its CPU seconds and load averages; the floor is the mean of the two
    around the cold build, which ran back to back."""
    runs = fig["measured_runs"]
    assert [r["name"] for r in runs] == [
        "floor before",
        "cold",
        "floor after",
        "warm",
        "documents part 1/2",
        "documents part 2/2",
        "matrix site build",
    ]
    for r in runs:
        assert r["seconds"] > 0 and r["cpu_seconds"] > 0, r
        assert r["cpu_seconds"] == pytest.approx(r["cpu_user_seconds"] + r["cpu_sys_seconds"], abs=0.02)
        assert len(r["load_before"]) == len(r["load_after"]) == 3
        assert r["orphans_not_reaped"] == 0  # every process of the tree was reaped: its CPU counted
    assert [r["start"] for r in runs] == sorted(r["start"] for r in runs) and runs[0]["start"] == 0
    before, cold, after, warm = runs[:4]
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
    m = fig["matrix"]  # the CI matrix: the longest part plus the site build's document CPU over its cores
    share = (m["longest_part_seconds"] + m["site_documents_cpu_seconds"] / fig["cores"]) / m["site_build_seconds"]
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
        "documents_share": (share, 0.10, le(share, 0.10)),
        "documents_matrix_made": (m["site_documents_made"], 0, le(m["site_documents_made"], 0)),
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
    # the single-machine figure stays in the documents row, as information
    doc_cpu = fig["cold_stages_seconds"]["Dokumen resmi (CPU)"]
    one_machine = doc_cpu / fig["cores"] / fig["cold_build_seconds"]
    assert fig["documents"]["wall_share_estimate"] == pytest.approx(one_machine, abs=1e-4)
    assert f"one machine: ~{fig['documents']['wall_share_estimate']:.1%} of the cold wall" in rows["documents_share"]["shown"]
    assert "with a CI matrix of 2 parts" in rows["documents_share"]["shown"]
    # without the browser part the search row says so, never "met"
    no_browser = {k: v for k, v in fig.items() if k != "search"}
    assert {r["id"]: r["verdict"] for r in targets.verdicts(no_browser)}["search_gzip"] == "not measured"
    # without the matrix phase (--doc-parts 0) its rows say so, never "met"
    no_matrix = {k: v for k, v in fig.items() if k != "matrix"}
    no_matrix["documents"] = {k: v for k, v in fig["documents"].items() if k != "matrix_share"}
    skipped = {r["id"]: r for r in targets.verdicts(no_matrix)}
    assert skipped["documents_share"]["verdict"] == skipped["documents_matrix_made"]["verdict"] == "not measured"
    assert "one machine: ~" in skipped["documents_share"]["shown"]


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


def test_no_browser_is_said_before_anything_is_built(tmp_path, capsys, monkeypatch):
    """A 40 x 70 run takes the better part of an hour: a missing Chromium must stop it at
    the start with what to do, not end it in a traceback after every build."""
    import site_fixtures

    monkeypatch.setattr(site_fixtures, "CHROMIUM", str(tmp_path / "no-chromium"))
    work = tmp_path / "bench"
    assert run.main(["--agencies", "1", "--positions", "1", "--workdir", str(work)]) == 2
    err = capsys.readouterr().err
    assert "Chromium not found" in err and "--no-browser" in err and "Traceback" not in err
    assert not work.exists()  # nothing was generated or built
