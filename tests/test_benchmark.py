"""The benchmark command runs end to end at a tiny size (2 agencies × 3 positions) and
reports every figure of issue 7. No timing is asserted: CI machines differ."""

from __future__ import annotations

import json

from benchmarks import run, synth
from generator.check import check


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
    assert run.main(["--agencies", "2", "--positions", "3", "--workdir", str(tmp_path / "bench")]) == 0
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
