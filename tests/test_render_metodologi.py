"""The Metodologi page is generated from the active policies, so it changes when the
configuration changes and can never disagree with the numbers."""

from __future__ import annotations

import html
import re

import yaml
from site_fixtures import copy_minimal

from generator.check import check
from generator.compute.policy import DEFAULT, DESCRIPTIONS
from generator.render.kebijakan import nilai
from generator.site.compose import render_site


def _metodologi(data) -> str:
    result = check(data)
    assert not result.errors
    md = render_site(result).files["metodologi.md"].decode("utf-8")
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", md)).split())


def _set_site_policy(data, **kebijakan) -> None:
    site = yaml.safe_load((data / "site.yml").read_text(encoding="utf-8"))
    site["kebijakan"] = kebijakan
    (data / "site.yml").write_text(yaml.safe_dump(site, allow_unicode=True), encoding="utf-8")


def test_default_page_states_every_active_policy(tmp_path):
    text = _metodologi(copy_minimal(tmp_path))
    for name in (
        "polaritas_turun",
        "dasar_target",
        "data_tidak_tersedia",
        "target_nol",
        "rata_rata_dari",
        "anggaran_total",
        "efisiensi",
        "pembulatan_capaian",
        "pembulatan_rata_rata",
        "batas_capaian",
    ):
        assert nilai(name, getattr(DEFAULT, name)) in text, name
    assert DESCRIPTIONS["data_tidak_tersedia"]["kecualikan"] in text
    # the printed scale had gaps; the engine's bands are gap-free
    assert "90,1 s.d. lebih" in text and "berlubang" in text
    assert "lebih dari 90 Sangat Tinggi" in text and "lebih dari 75 s.d. 90 Tinggi" in text
    assert "0 s.d. 50 Sangat Rendah" in text


def test_changing_a_policy_changes_the_page(tmp_path):
    data = copy_minimal(tmp_path)
    before = _metodologi(data)
    _set_site_policy(
        data, data_tidak_tersedia="skor_100", efisiensi="selisih", pembulatan_rata_rata={"cara": "potong", "desimal": 2}
    )
    after = _metodologi(data)
    assert DESCRIPTIONS["data_tidak_tersedia"]["skor_100"] in after
    assert DESCRIPTIONS["data_tidak_tersedia"]["skor_100"] not in before
    assert "Efisiensi penggunaan sumber daya (K = rata-rata capaian kinerja, A = capaian anggaran total): K − A" in after
    assert "dipotong (tanpa pembulatan) pada 2 desimal" in after
    assert after.count("diatur di site.yml") == 3


def test_reports_with_their_own_policy_are_listed(tmp_path):
    data = copy_minimal(tmp_path)
    year = data / "kota-contoh" / "dinas-contoh" / "2025" / "kepala-dinas.yml"
    doc = yaml.safe_load(year.read_text(encoding="utf-8"))
    doc["laporan"][1]["kebijakan"] = {"pembulatan_rata_rata": {"cara": "potong", "desimal": 2}}
    year.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    text = _metodologi(data)
    assert "Kepala Dinas Contoh (BUDI SANTOSO, ST), Triwulan IV 2025 Pembulatan rata-rata capaian: dipotong" in text


def test_changed_scale_is_used(tmp_path):
    data = copy_minimal(tmp_path)
    _set_site_policy(
        data, skala_predikat=[{"di_atas": 100, "predikat": "Melampaui"}, {"di_atas": None, "predikat": "Belum tercapai"}]
    )
    text = _metodologi(data)
    assert "lebih dari 100 Melampaui" in text and "0 s.d. 100 Belum tercapai" in text
    assert "Skala diatur khusus" in text
