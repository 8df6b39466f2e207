"""The bundled IKI documents of Kota Probolinggo (2023, 52 sheets) and Kabupaten Gresik
(2017, 30 sheets): each source case that needed a decision during conversion is checked
against what the source text says. Line numbers (L…) refer to
seeds/iki_kota_probolinggo_2023.txt and seeds/iki_kabupaten_gresik_2017.txt; the expected
values below were read from those lines, not taken from the converter."""

from decimal import Decimal
from pathlib import Path

import pytest

from generator.check import check
from generator.model import pembuat

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def result():
    res = check(DATA)
    assert res.errors == [], "\n".join(d.format() for d in res.errors)
    return res


def agency(result, region, opd):
    return result.dataset.regions[region].agencies[opd]


@pytest.fixture(scope="module")
def prob(result):
    return agency(result, "kota-probolinggo", "disperinaker")


@pytest.fixture(scope="module")
def gresik(result):
    return agency(result, "kabupaten-gresik", "disnaker")


def iki(ag, position_id, tahun):
    return ag.positions[position_id].years[tahun].model.iki


def by_name(indicators, name):
    found = [i for i in indicators if i.indikator == name]
    assert len(found) == 1, f"{name!r}: {[i.indikator for i in indicators]}"
    return found[0]


# --------------------------------------------------------------------------- sheet counts


def test_one_position_and_one_iki_per_sheet(prob, gresik):
    # 52 sheets "INDIKATOR KINERJA INDIVIDU" in the Probolinggo file (L19 … L1950), 30 in Gresik (L9 … L575).
    assert len(prob.positions) == 52
    assert len(gresik.positions) == 30
    for ag, tahun in ((prob, 2023), (gresik, 2017)):
        for pid, pos in ag.positions.items():
            assert list(pos.years) == [tahun], pid
            assert pos.years[tahun].model.iki is not None, pid
            assert pos.years[tahun].model.laporan == [], pid  # no realisation exists in either document


def test_holders_of_one_jabatan_are_numbered_in_sheet_order(prob, gresik):
    # 6 Penyuluh Ahli Muda (L414, L432, L452, L468, L489, L514), 6 Instruktur Ahli Muda (L597, L1291,
    # L1337, L1386, L1489, L1508), 5 Mediator HI Ahli Muda (L934, L969, L1004, L1039, L1071).
    ids = set(prob.positions)
    assert {f"penyuluh-perindustrian-perdagangan-ahli-muda-{n}" for n in range(1, 7)} <= ids
    assert {f"instruktur-ahli-muda-{n}" for n in range(1, 7)} <= ids
    assert {f"mediator-hubungan-industrial-ahli-muda-{n}" for n in range(1, 6)} <= ids
    assert "penyuluh-perindustrian-perdagangan-ahli-muda-7" not in ids
    # Gresik: two sheets "PENGADMINISTRASI UMUM DINAS TENAGA KERJA KABUPATEN GRESIK" (L467, L482).
    assert {"pengadministrasi-umum-1", "pengadministrasi-umum-2"} <= set(gresik.positions)
    # Sheet order: L1487 (no table) is the 5th Instruktur Ahli Muda, L1508 (SAMPEKNO) the 6th.
    assert iki(prob, "instruktur-ahli-muda-5", 2023).indikator == []
    assert prob.positions["instruktur-ahli-muda-6"].model.pemangku[0].nama.startswith("SAMPEKNO")


def test_indicator_totals(prob, gresik):
    # Probolinggo: 284 table rows, minus 3 rows split by a page break (L104+106, L146+148, L1665+1667),
    # plus 13 indicators unpacked from shared cells (L447 +3, L465 +2, L466 +1, L527 +2, L528 +1,
    # L543 +2, L544 +1, L1662 +1) = 294. Gresik: 41 rows plus 22 unpacked (L145 +5, L146 +3, L166 +1,
    # L183 +2, L443 +2, L461 +4, L478 +2, L492 +2, L526 +1) = 63.
    assert sum(len(iki(prob, p, 2023).indikator) for p in prob.positions) == 294
    assert sum(len(iki(gresik, p, 2017).indikator) for p in gresik.positions) == 63


# --------------------------------------------------------------------------- Probolinggo cases


def test_L38_misspelt_denominator_corrected_raw_kept(prob):
    # L38: "…}{\sum \text{Pencari Kerja yang Teredaftar}} \times 100\%$"
    ind = by_name(
        iki(prob, "kepala-dinas", 2023).indikator, "Persentase pencari kerja yang ditempatkan pada sektor formal dan informal"
    )
    f = ind.formula
    assert f.jenis == "rasio_x100" and f.pengali == Decimal(100)
    assert "Terdaftar" in f.penyebut and "Teredaftar" not in f.penyebut
    assert "Ditempatkan pada Sektor Formal dan Informal" in f.pembilang
    assert "Teredaftar" in f.tertulis and "\\frac" in f.tertulis


def test_L39_L40_inherited_sasaran_difference_formula_stated_polarity(prob):
    inds = iki(prob, "kepala-dinas", 2023).indikator
    # L39: own sasaran cell "Meningkatnya perlindungan tenaga kerja", formula followed by
    # "Ket: Perusahaan adalah perusahaan dengan kategori menengah keatas".
    l39 = by_name(inds, "Persentase perusahaan yang memenuhi persyaratan kerja")
    assert l39.sasaran == "Meningkatnya perlindungan tenaga kerja" and not l39.sasaran_diwarisi
    assert "kategori menengah keatas" in l39.penjelasan
    assert "Ket" not in l39.formula.tertulis and "menengah" not in l39.formula.tertulis
    assert l39.formula.jenis == "rasio_x100"
    # L40: sasaran cell empty (merged with L39); (Σ kasus tahun n − Σ kasus tahun n-1) / Σ kasus tahun n-1 × 100%.
    l40 = by_name(inds, "Persentase penurunan kasus perselisihan hubungan industrial")
    assert l40.sasaran == "Meningkatnya perlindungan tenaga kerja" and l40.sasaran_diwarisi
    assert l40.formula.jenis == "selisih_tahunan" and l40.formula.pengali == Decimal(100)
    assert "tahun n" in l40.formula.pembilang and "n-1" in l40.formula.pembilang
    assert "n-1" in l40.formula.penyebut and "tahun n)" not in l40.formula.penyebut
    assert l40.polaritas == "turun" and l40.polaritas_dinyatakan


def test_only_L40_states_lower_is_better(prob, gresik):
    # "penurunan" appears in exactly one indicator name in both documents (L40).
    turun = [
        (p, i.indikator)
        for ag, t in ((prob, 2023), (gresik, 2017))
        for p in ag.positions
        for i in iki(ag, p, t).indikator
        if i.polaritas == "turun" or i.polaritas_dinyatakan
    ]
    assert turun == [("kepala-dinas", "Persentase penurunan kasus perselisihan hubungan industrial")]


def test_L104_L106_page_break_row_joined(prob):
    # L104 ends "…Surat Pertanggungjawaban (SPTJM) dan"; L106 continues "Daftar himpunan pengeluaran …".
    inds = iki(prob, "verifikatur-keuangan", 2023).indikator
    assert len(inds) == 5  # L102, L103, L104+106, L107, L108
    joined = [i for i in inds if i.indikator.startswith("Jumlah berkas surat perintah pembayaran (SPM)")]
    assert len(joined) == 1
    assert joined[0].indikator.endswith("dan Daftar himpunan pengeluaran dan surat perhitungan anggaran yang diverifikasi")
    assert joined[0].formula.tertulis.endswith("yang diverifikasi dalam 1 (satu) tahun")
    assert "Analisis Standar Belanja" in joined[0].sumber_data  # second half of the cell, L106
    assert not any(i.indikator.startswith("Daftar himpunan") for i in inds)


def test_L447_four_packed_indicators_split(prob):
    inds = iki(prob, "penyuluh-perindustrian-perdagangan-ahli-muda-2", 2023).indikator
    first4 = inds[:4]
    # L447: four <p> indicators, four formula <p> each followed by a "Penjelasan" <p>, four sources.
    assert [i.indikator for i in first4] == [
        "Jumlah layanan jasa konsultasi Usaha Indag secara langsung",
        "Jumlah terjemahan makalah dibidang usaha Indag yang tidak dipublikasikan secara Individu",
        "Jumlah katalog & bahan promosi",
        "Jumlah kunjungan tatap muka/anjangsana kepada pengusaha Indag Menengah Tingkat Kesulitan I",
    ]
    assert first4[3].indikator_tertulis.endswith("anjingiana kepada pengusaha Indag Menengah Tingkat Kesulitan I")
    assert [i.formula.tertulis for i in first4] == [
        "Jumlah laporan layanan jasa konsultasi Usaha Indag secara langsung",
        "Jumlah terjemahan/saduran makalah dibidang usaha Indag yang tidak dipublikasikan secara Individu",
        "Jumlah katalog & bahan promosi",
        "Jumlah laporan kunjungan tatap muka/anjingiana kepada pengusaha Indag Menengah Tingkat Kesulitan I",
    ]
    assert [i.sumber_data for i in first4][:3] == [
        "laporan layanan jasa konsultasi Usaha Indag secara langsung",
        "terjemahan/saduran makalah dibidang usaha Indag yang tidak dipublikasikan secara Individu",
        "Database IKM",
    ]
    assert first4[3].sumber_data.startswith("laporan kunjungan tatap muka/")
    assert first4[2].penjelasan == "katalog & bahan promosi produk IKM"
    for i in first4:
        assert i.formula.jenis == "jumlah"
        assert i.penjelasan and i.penjelasan not in i.formula.tertulis
        assert i.sasaran == "Penyusunan pelaporan dan pengelolaan sistem Informasi Industri Daerah"
    assert len({i.id for i in first4}) == 4
    assert [i.sasaran_diwarisi for i in first4] == [False, True, True, True]


def test_L620_linearised_fraction_is_a_ratio_times_100(prob):
    # L620: "Jumlah peserta pelatihan yang mengikuti X 100% Jumlah Peserta yang mendaftar"
    ind = by_name(iki(prob, "instruktur-ahli-muda-1", 2023).indikator, "Persentase peserta pelatihan berbasis kompetensi")
    assert ind.formula.jenis == "rasio_x100"
    assert ind.formula.pembilang == "Jumlah peserta pelatihan yang mengikuti"
    assert ind.formula.penyebut == "Jumlah Peserta yang mendaftar"
    assert ind.formula.pengali == Decimal(100)


def test_L1158_L1159_target_144_peserta(prob):
    # L1159: "…di UPTD Balai Latihan Kerja\t144 peserta yang mengikuti pelatihan di UPTD BLK"
    inds = iki(prob, "kepala-uptd-blk", 2023).indikator
    assert len(inds) == 1
    ind = inds[0]
    assert ind.indikator == "Jumlah peserta yang mengikuti pelatihan di UPTD Balai Latihan Kerja"
    assert ind.target == Decimal(144) and ind.satuan == "peserta"
    assert ind.target_tertulis == "144 peserta yang mengikuti pelatihan di UPTD BLK"
    assert ind.sumber_data is None  # three-column table, no SUMBER DATA (L1158)


def test_L566_pil_is_plt(prob):
    # L566: "*Pil. Kepala Bidang Penempatan, Pelatihan dan Produktivitas Tenaga Kerja*"; holder PIPIN WAHYUDI (L590-592).
    pos = prob.positions["kabid-penempatan-pelatihan-produktivitas"].model
    assert "Pil. Kepala Bidang Penempatan, Pelatihan dan Produktivitas Tenaga Kerja" in pos.jabatan_tertulis
    assert "Pil" not in pos.jabatan
    holder = pos.pemangku[0]
    assert holder.plt is True
    assert holder.nama.startswith("PIPIN WAHYUDI") and holder.nip == "197806072005011012"
    signer = pembuat(iki(prob, "kabid-penempatan-pelatihan-produktivitas", 2023).penandatangan)
    assert signer is not None and signer.peran == "pihak_pertama"  # the sheet's "Pihak Pertama"
    assert signer.jabatan.startswith("Plt. Kepala Bidang")


def test_L1641_liptd_is_uptd(prob):
    # L1641: "INSTRUKTUR MAHIR (PELAKSANA LANJUTAN) LIPTD BALAI LATIHAN KERJA"
    pos = prob.positions["instruktur-mahir-2"].model
    assert pos.unit == "uptd-blk" and prob.units["uptd-blk"].nama == "UPTD Balai Latihan Kerja"
    assert "INSTRUKTUR MAHIR (PELAKSANA LANJUTAN) LIPTD BALAI LATIHAN KERJA" in pos.jabatan_tertulis
    assert pos.unit_disimpulkan and "LIPTD" in pos.dasar_penyimpulan
    # L1657: sumber data "DPTD, BIK, Instruktur" is the same OCR confusion.
    first = iki(prob, "instruktur-mahir-2", 2023).indikator[0]
    assert first.sumber_data == "UPTD, BLK, Instruktur" and first.tertulis["sumber_data"] == "DPTD, BIK, Instruktur"


def test_instructor_allocations_set_targets(prob):
    # L1258: "Laporan TNA = Σ DUDI Target TNA / Σ Instruktur" divides the unit's plan among instructors.
    ind = by_name(iki(prob, "instruktur-ahli-madya-2", 2023).indikator, "Laporan Identifikasi Kebutuhan Pelatihan")
    assert ind.formula.jenis == "alokasi_target"
    assert ind.formula.pembilang == "Σ DUDI Target TNA" and ind.formula.penyebut == "Σ Instruktur"


def test_inferred_units_and_superiors_say_why(prob, gresik):
    for ag in (prob, gresik):
        for pid, pos in ag.positions.items():
            m = pos.model
            if m.unit_disimpulkan or m.atasan_disimpulkan:
                assert m.dasar_penyimpulan, pid
    # Mediators: the unit is stated nowhere; the superior signs as "Kepala Bidang Hubungan Industrial" (L950).
    med = prob.positions["mediator-hubungan-industrial-ahli-muda-1"].model
    assert med.unit == "bidang-hubungan-industrial" and med.atasan == "kabid-hubungan-industrial"
    assert med.unit_disimpulkan and med.atasan_disimpulkan
    # Gresik Kasi: "…diberikan oleh Kepala Bidang Hubungan Industrial dan Jaminan Sosial Tenaga Kerja." (L424)
    kasi = gresik.positions["kasi-penyelesaian-perselisihan-hubungan-industrial"].model
    assert kasi.atasan == "kabid-hubungan-industrial-jaminan-sosial-tenaga-kerja" and kasi.atasan_disimpulkan
    assert "diberikan oleh Kepala Bidang" in kasi.dasar_penyimpulan


# --------------------------------------------------------------------------- Gresik cases


def test_gresik_L24_L29_penanggung_jawab_and_repeated_header(result, gresik):
    doc = iki(gresik, "kepala-dinas", 2017)
    assert doc.nomor_keputusan == "560/67/437.58/2017"  # L4 "NOMOR : 560/ 67 /437.58/2017"
    inds = doc.indikator
    # L24, L25, L26, L29: the header repeated at L28 is not a data row.
    assert [i.indikator for i in inds] == [
        "Persentase tenaga kerja yang bersertifikat",
        "Persentase lowongan kerja yang dipenuhi",
        "Persentase kasus perselisihan hubungan industrial yang diselesaikan",
        "Tingkat Partisipasi Angkatan Kerja",
    ]
    assert [i.penanggung_jawab for i in inds] == [
        "Bidang Pelatihan Kerja",
        "Bidang Informasi Pasar Kerja Dan Peningkatan Produktivitas",
        "Bidang Hubungan industrial dan jaminan sosial tenaga kerja",
        "Bidang Penempatan Tenaga Kerja Dan Perluasan Kesempatan Kerja",
    ]
    assert [i.nomor for i in inds] == ["1", None, "2", "3"]
    assert inds[1].sasaran_diwarisi and inds[1].sasaran == inds[0].sasaran
    # L26: "Jumlah Kasus yang diselesaikan / Jumlah Kasus yang terdaftar" (no "X 100%").
    l26 = inds[2].formula
    assert l26.jenis == "rasio" and l26.pengali is None
    assert l26.pembilang == "Jumlah Kasus yang diselesaikan" and l26.penyebut == "Jumlah Kasus yang terdaftar"
    warned = [
        d
        for d in result.warnings
        if d.code == "PERCENT_NO_100" and d.path.endswith("kabupaten-gresik/disnaker/2017/kepala-dinas.yml")
    ]
    assert len(warned) == 1


def test_gresik_L145_six_count_indicators(gresik):
    inds = iki(gresik, "kasubbag-umum-kepegawaian", 2017).indikator
    # L145: one cell "a. … b. … c. … d. … e. … f. …"; L146 four more (a-d).
    assert len(inds) == 10
    six = inds[:6]
    assert [i.indikator for i in six] == [
        "Jumlah ketersediaan barang cetakan dan penggandaan",
        "Jumlah ketersediaan bacaan dan peraturan perundang-undangan",
        "Jumlah ketersediaan mamin",
        "Jumlah perjalanan dinas",
        "Jumlah pembayaran jasa administrasi kantor",
        "Jumlah pembayaran jasa operasional kantor",
    ]
    assert [i.nomor for i in six] == list("abcdef")
    for i in six:
        assert i.formula.jenis == "jumlah"
        assert i.sasaran == "Terealisasinya administrasi perkantoran"
        assert i.sumber_data == "Laporan pertanggungjawaban administrasi"
    assert [i.sasaran_diwarisi for i in six] == [False] + [True] * 5


def test_gresik_presentase_is_corrected_with_text_kept(gresik):
    # L47: "b. Presentase fasilitasi terhadap sarana prasarana aparatur"
    ind = iki(gresik, "sekretaris", 2017).indikator[1]
    assert ind.indikator == "Persentase fasilitasi terhadap sarana prasarana aparatur"
    assert ind.indikator_tertulis == "Presentase fasilitasi terhadap sarana prasarana aparatur"


# --------------------------------------------------------------------------- comparison groups


def test_every_position_has_a_comparison_group(result):
    for region in result.dataset.regions.values():
        for ag in region.agencies.values():
            for pid, pos in ag.positions.items():
                assert pos.model.kelompok_pembanding, f"{region.id}/{pid}"


def test_comparison_groups_span_regions(result):
    groups: dict[str, set[str]] = {}
    for region in result.dataset.regions.values():
        for ag in region.agencies.values():
            for pos in ag.positions.values():
                groups.setdefault(pos.model.kelompok_pembanding, set()).add(region.id)
    three = {"kota-pekalongan", "kota-probolinggo", "kabupaten-gresik"}
    for g in (
        "kepala-dinas",
        "sekretaris",
        "kepala-bidang-hubungan-industrial",
        "kepala-subbagian-keuangan-program",
        "kepala-subbagian-umum-kepegawaian",
        "kepala-bidang-penempatan-pelatihan",
        "penelaah-teknis-kebijakan",
    ):
        assert groups[g] == three, g
    assert groups["mediator-hubungan-industrial"] == {"kota-pekalongan", "kota-probolinggo"}
    assert groups["pengantar-kerja"] == {"kota-pekalongan", "kota-probolinggo"}
    assert groups["penyuluh-perindustrian"] == {"kota-pekalongan", "kota-probolinggo"}
    assert groups["instruktur"] == {"kota-probolinggo"}
