"""`kinerja new tahun` carries the year's calculation policies (`kebijakan`) to the next
year's file, as written and with their comments, and says which ones it carried."""

import re
import shutil
from pathlib import Path

import pytest

from generator.check import check
from generator.cli import main
from generator.staff.scaffold import tahun as scaffold_tahun

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
PEKALONGAN = ROOT / "data" / "kota-pekalongan"


def new(*args: str) -> int:
    return main(["new", *args])


def _year_files_with_policies() -> list[Path]:
    return sorted(
        p
        for p in (ROOT / "data").glob("*/*/[0-9][0-9][0-9][0-9]/*.yml")
        if re.search(r"(?m)^kebijakan:", p.read_text(encoding="utf-8"))
    )


def _loaded(path: Path):
    from generator.model import Tahunan
    from generator.staff.datafile import load_valid

    return load_valid(path, Tahunan, path.as_posix(), AssertionError)[0]


def test_new_year_keeps_the_policies_with_their_comments(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(ROOT / "data" / "site.yml", data / "site.yml")
    shutil.copytree(PEKALONGAN, data / "kota-pekalongan")
    source = data / "kota-pekalongan/dinperinaker/2025/kepala-dinas.yml"
    capsys.readouterr()
    assert new("tahun", str(source)) == 0
    out = capsys.readouterr().out
    assert (
        "Kebijakan perhitungan berkas tahun sebelumnya ikut disalin: data_tidak_tersedia, rata_rata_dari, "
        "pembulatan_rata_rata, efisiensi." in out
    )
    text = (data / "kota-pekalongan/dinperinaker/2026/kepala-dinas.yml").read_text(encoding="utf-8")
    # the block as written in 2025, comments and flow style included, between tahun and the PK
    assert (
        "tahun: 2026\n"
        "# Kebijakan perhitungan disalin dari berkas 2025 beserta komentarnya. Periksa apakah masih\n"
        "# berlaku untuk 2026; hapus yang tidak berlaku lagi (tanpa kebijakan, berlaku aturan baku).\n"
        "kebijakan:\n"
        "  # Indikator n/a (TPAK, Pertumbuhan PDRB industri pengolahan, Pertumbuhan Industri: data BPS 2025 terbit 2026)\n"
    ) in text
    assert (
        "  # Rata-rata dipotong, tidak dibulatkan (101,7295 → 101,72).\n  pembulatan_rata_rata: {cara: potong, desimal: 2}\n"
        in text
    )
    assert "  efisiensi: sisa_anggaran\nperjanjian_kinerja:\n" in text
    new_year = _loaded(data / "kota-pekalongan/dinperinaker/2026/kepala-dinas.yml")
    assert new_year.kebijakan.efisiensi == "sisa_anggaran" and new_year.kebijakan.rata_rata_dari == "nilai_penuh"
    assert new_year.kebijakan.pembulatan_rata_rata.cara == "potong"
    assert check(data).errors == []


def test_every_bundled_year_with_policies_carries_them(tmp_path):
    files = _year_files_with_policies()
    assert len(files) >= 12
    data = tmp_path / "data"
    for source in files:
        rel = source.relative_to(ROOT / "data")
        copy = data / rel
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, copy)
        path, names = scaffold_tahun.new_tahun_with_policies(copy, None)
        before, after = _loaded(source), _loaded(path)
        assert names and after.kebijakan == before.kebijakan, rel
        block = source.read_text(encoding="utf-8").split("\nkebijakan:\n")[1].split("\nperjanjian_kinerja:")[0]
        text = path.read_text(encoding="utf-8")
        for line in block.splitlines():
            assert line in text.splitlines(), (rel, line)  # every line of the block, comments included
        assert "disalin dari berkas 2025 beserta komentarnya" in text


YEAR_WITH = """\
jabatan: kepala-dinas
tahun: 2025
{before}perjanjian_kinerja:
  - versi: penetapan
    indikator:
      - id: ikm
        indikator: Indeks kepuasan masyarakat
        target: 87,62
        satuan: indeks
{after}"""

SCALE = """\
kebijakan:
  batas_capaian: 120,5  # dibatasi
  skala_predikat:
    - {di_atas: 80, predikat: Baik}
    - predikat: Kurang
"""


@pytest.mark.parametrize(
    ("before", "after", "written"),
    [
        # at the end of the file, with a column-0 comment above it and one after it (not its own)
        ("", "laporan: []\n# Kebijakan dari Perwal 12/2024.\n" + SCALE + "# catatan akhir berkas\n", True),
        # an anchor: the block is written afresh from its values
        (SCALE.replace("skala_predikat:", "skala_predikat: &skala"), "laporan: []\n", False),
        # flow-style top level
        ("kebijakan: {efisiensi: selisih, batas_capaian: 150}\n", "laporan: []\n", True),
    ],
)
def test_policies_carried_from_any_layout(tmp_path, before, after, written):
    source = tmp_path / "data/kota-contoh/dinas-contoh/2025/kepala-dinas.yml"
    source.parent.mkdir(parents=True)
    source.write_text(YEAR_WITH.format(before=before, after=after), encoding="utf-8")
    path, names = scaffold_tahun.new_tahun_with_policies(source, None)
    old, new_year = _loaded(source), _loaded(path)
    assert new_year.kebijakan == old.kebijakan and names == [
        n for n in ("batas_capaian", "efisiensi", "skala_predikat") if getattr(old.kebijakan, n) is not None
    ]
    text = path.read_text(encoding="utf-8")
    assert ("# Kebijakan dari Perwal 12/2024." in text) == ("Perwal" in after)
    assert ("  batas_capaian: 120,5  # dibatasi" in text) == (written and "dibatasi" in after)
    assert "catatan akhir berkas" not in text and "&" not in text
    assert ("beserta komentarnya" in text) == written


def test_new_year_without_policies_says_nothing_about_them(tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    capsys.readouterr()
    assert new("tahun", str(data / "kota-contoh/dinas-contoh/2025/kepala-dinas.yml")) == 0
    assert "Kebijakan" not in capsys.readouterr().out
    assert "kebijakan" not in (data / "kota-contoh/dinas-contoh/2026/kepala-dinas.yml").read_text(encoding="utf-8")
