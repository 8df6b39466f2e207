"""Charts are deterministic SVG: unchanged data gives identical bytes, changed data
different bytes; text stays text and no date is written."""

from __future__ import annotations

from decimal import Decimal as D

from site_fixtures import copy_minimal

from generator.check import check
from generator.render.charts import Bar, Series, capaian_bars, persen_bars, quarter_lines
from generator.site.compose import render_site

SCALE = ([D(90), D(75), D(65), D(50)], ["Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"])


def _bars(value=D("108.58")):
    return [
        Bar("Indeks kepuasan masyarakat", value, 0, "Sangat Tinggi"),
        Bar("Tingkat Partisipasi Angkatan Kerja", None, note="n/a, tidak dihitung"),
        Bar("Jumlah pencari kerja", D("55.2"), 3, "Rendah"),
    ]


def test_same_input_same_bytes():
    assert capaian_bars(_bars(), "Capaian (%)", *SCALE) == capaian_bars(_bars(), "Capaian (%)", *SCALE)
    assert persen_bars([("Program A", D("94.67"))], "x") == persen_bars([("Program A", D("94.67"))], "x")
    s = [Series("IKM", "indeks", [(2, D("87.62"), D(90)), (4, D("87.62"), D("95.14"))])]
    assert quarter_lines(s, {2: "II", 4: "IV"}) == quarter_lines(s, {2: "II", 4: "IV"})


def test_changed_value_changes_bytes():
    assert capaian_bars(_bars(), "Capaian (%)", *SCALE) != capaian_bars(_bars(D("108.59")), "Capaian (%)", *SCALE)
    assert persen_bars([("Program A", D("94.67"))], "x") != persen_bars([("Program A", D("94.68"))], "x")


def test_svg_keeps_text_and_has_no_date():
    svg = capaian_bars(_bars(), "Capaian (%)", *SCALE).decode("utf-8")
    assert "108,58% · Sangat Tinggi" in svg  # value labels as real text (svg.fonttype none)
    assert "Jumlah pencari kerja" in svg
    assert "<dc:date>" not in svg


def test_whole_render_is_reproducible(tmp_path):
    data = copy_minimal(tmp_path)
    first = render_site(check(data)).files
    second = render_site(check(data)).files
    charts = {k: v for k, v in first.items() if k.endswith(".svg")}
    assert len(charts) >= 4
    assert all(second[k] == v for k, v in charts.items())
    assert first == second


def test_chart_cache_gives_the_same_bytes_and_follows_changes(tmp_path):
    data = copy_minimal(tmp_path)
    cache = tmp_path / "cache"
    plain = render_site(check(data)).files
    cold = render_site(check(data), cache_dir=cache).files
    warm = render_site(check(data), cache_dir=cache).files
    assert cold == plain and warm == plain
    # one cache entry per distinct drawing (a region and its only agency draw the same quadrant chart)
    assert len(list(cache.rglob("*.svg"))) == len({v for k, v in plain.items() if k.endswith(".svg")})
    # a changed realisation redraws that report's chart
    year = data / "kota-contoh" / "dinas-contoh" / "2025" / "kepala-dinas.yml"
    year.write_text(year.read_text(encoding="utf-8").replace("ikm: 95,14", "ikm: 96,14"), encoding="utf-8")
    changed = render_site(check(data), cache_dir=cache).files
    chart = "kota-contoh/dinas-contoh/grafik/kepala-dinas-2025-tw4-capaian.svg"
    assert changed[chart] != plain[chart]
    assert changed[chart] == render_site(check(data)).files[chart]
