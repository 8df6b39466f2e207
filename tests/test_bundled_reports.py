"""The 42 bundled Laporan Kinerja of Dinperinaker Kota Pekalongan (TW IV 2025): every
computable printed average capaian, predikat, budget total and efficiency equals the
engine's value under that report's policy, except the real source errors listed below,
whose correct values were worked out by hand from the report's own inputs."""

from decimal import Decimal as D
from pathlib import Path

import pytest

from generator.check import check

DATA = Path(__file__).resolve().parent.parent / "data"

# (position, figure) → the correct value, with the arithmetic from the source text.
KNOWN_SOURCE_ERRORS = {
    # Rows (2 decimals): 41,37/41,22 = 100,36; 40/30 = 133,33; eight rows at 100 (L5459-5483).
    # (100,36 + 133,33 + 8 × 100) / 10 = 103,369 → 103,37; the report prints "100 %" and "lebih dari 100%".
    ("kabid-hubungan-industrial-jaminan-sosial", "rata_rata_capaian"): D("103.37"),
    ("kabid-hubungan-industrial-jaminan-sosial", "narasi.rata_rata_capaian"): D("103.37"),
    # Budget: the table and its first sentence say 96,82 (L6578, L6580); the kesimpulan says 96,84 (L6586).
    ("kabid-perindustrian", "narasi.anggaran_total"): D("96.82"),
    # 100 % is above 90: "Sangat Tinggi" on the report's own scale; printed "Tinggi" (L624).
    ("kasubbag-perencanaan-evaluasi-keuangan", "predikat"): "Sangat Tinggi",
    # 120,03 % printed with "Tinggi/Berhasil" (L841).
    ("kasubbag-umum-kepegawaian", "predikat"): "Sangat Tinggi",
    # 100 % printed with "Tinggi / Berhasil".
    ("penyuluh-perindustrian-perdagangan-ahli-pertama", "predikat"): "Sangat Tinggi",
    # Tabel 2.3 is missing from the source (L2268-2270): the printed 100 % cannot be recomputed.
    ("operator-layanan-operasional-1", "rata_rata_capaian"): None,
    ("operator-layanan-operasional-1", "predikat"): None,
    # The table's average is 118 (integer, truncated: mean 118,58); the kesimpulan prints 118,5 (L1766).
    ("penelaah-teknis-kebijakan-4", "narasi.rata_rata_capaian"): D("118"),
    # 44,44/40 = 111,10; 62,5/30 = 208,33; 101,27: (111,10 + 208,33 + 101,27) / 3 = 140,233 → 140,23.
    # The report averaged rows it had printed as integers (111, 208) and prints 140,09 (L6759).
    ("penyuluh-perindustrian-perdagangan-ahli-muda", "rata_rata_capaian"): D("140.23"),
}

FIGURES = (
    "rata_rata_capaian",
    "narasi.rata_rata_capaian",
    "predikat",
    "anggaran_total",
    "narasi.anggaran_total",
    "efisiensi",
    "narasi.efisiensi",
)


@pytest.fixture(scope="module")
def bundled():
    result = check(DATA)
    assert result.errors == [], "\n".join(d.format() for d in result.errors)
    return result


def _printed(lap, figure):
    t = lap.tercetak
    if figure == "predikat":
        return t.predikat
    holder = t.narasi if figure.startswith("narasi.") else t
    cetak = getattr(holder, figure.split(".")[-1])
    return None if cetak is None else cetak.nilai


def _computed(res, figure):
    name = figure.split(".")[-1]
    if name == "rata_rata_capaian":
        return res.rata_rata
    if name == "predikat":
        return res.predikat.predikat if res.predikat else None
    return getattr(res, name)


def test_all_42_reports_are_bundled(bundled):
    assert len(bundled.reports) == 42
    assert len({p.id for a, p, y, lap, r in bundled.reports}) == 42


def test_printed_figures_match_the_engine(bundled):
    checked, seen_known = 0, set()
    for agency, position, year, lap, res in bundled.reports:
        for figure in FIGURES:
            printed = _printed(lap, figure)
            if printed is None:
                continue
            computed = _computed(res, figure)
            key = (position.id, figure)
            if key in KNOWN_SOURCE_ERRORS:
                seen_known.add(key)
                assert computed == KNOWN_SOURCE_ERRORS[key], key
                assert computed != printed, f"{key}: listed as a source error but the engine reproduces it"
                continue
            checked += 1
            assert computed == printed, f"{position.id} {figure}: printed {printed}, computed {computed}"
    assert seen_known == set(KNOWN_SOURCE_ERRORS)
    assert checked >= 80  # 42 averages and predikat, 7 budget totals and efficiencies, narrative repeats


def test_known_figures_of_the_head_of_agency(bundled):
    res = next(r for a, p, y, lap, r in bundled.reports if p.id == "kepala-dinas")
    # Rows 108,58 / 100 (n/a) / 100 (n/a) / 100,27 / 101,52 / 100 (n/a); the report scores n/a as 100,
    # averages and truncates: 101,72; budget 12.565.548.704 / 13.273.572.000 = 94,67; efficiency 100 − 94,67.
    assert res.rata_rata == D("101.72")
    assert res.predikat.predikat == "Sangat Tinggi"
    assert res.anggaran_realisasi == D(12565548704) and res.anggaran_target == D(13273572000)
    assert res.anggaran_total == D("94.67")
    assert res.efisiensi == D("5.33")


def test_real_discrepancies_are_warned(bundled):
    warnings = [d for d in bundled.warnings if d.code == "PRINTED_DIFFERS"]
    surat = [d for d in warnings if "kasubbag-umum-kepegawaian" in d.path and "Surat Menyurat" in d.message.id]
    assert len(surat) == 1
    # 1.720.000 / 3.000.000 = 57,33 %, printed 59,72 %
    assert "tercetak 59,72, hasil hitung 57,33" in surat[0].message.id
    assert "tidak ada kebijakan" in surat[0].hint.id


def test_policy_overrides_are_explained(bundled):
    """Every report that overrides a policy says why in a YAML comment next to it."""
    for agency, position, year, lap, res in bundled.reports:
        if year.model.kebijakan.model_fields_set or lap.kebijakan.model_fields_set:
            text = year.doc.path.read_text(encoding="utf-8")
            block = text.split("kebijakan:", 1)[1].split("\nperjanjian_kinerja:", 1)[0]
            assert "#" in block, f"{position.id}: policy override without a comment"
