"""`kinerja new triwulan`: the next quarter's report entry, inserted into the year file as
text (so the file's comments and layout stay) with the figures still to fill in written
as comments, and the site's ``data_per`` moved to the quarter's end when needed."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from generator.compute.engine import active_pk, measured_indicators, walk_budget, walk_indicators
from generator.core.fmt import ROMAWI
from generator.core.layout import SITE_FILE
from generator.core.numbers import format_id
from generator.load import display_path
from generator.model import Laporan, Situs, Tahunan
from generator.staff.datafile import data_root, require_year_file
from generator.staff.quarters import quarter_target
from generator.staff.scaffold.files import ScaffoldError, load
from generator.staff.scaffold.yamltext import rupiah, scalar
from generator.validate.rules import quarter_end


def _signer_lines(lap: Laporan, pad: str) -> list[str]:
    """The previous report's signatories, in their order, as the list form."""
    if not lap.penandatangan:
        return []
    out = [f"{pad}penandatangan:"]
    for person in lap.penandatangan:
        out.append(f"{pad}  - peran: {person.peran}")
        for key in ("peran_tertulis", "nama", "jabatan", "jabatan_id", "pangkat", "golongan", "nip"):
            value = getattr(person, key)
            if value is not None:
                out.append(f"{pad}    {key}: {json.dumps(value) if key == 'nip' else scalar(value)}")
    return out


def _year(t: Tahunan) -> int:
    if t.tahun is None:
        raise ScaffoldError("laporan triwulan memerlukan tahun; berkas ini bertanda `tahun: tidak_tercantum`")
    return t.tahun


def laporan_text(t: Tahunan, tw: int, previous: Laporan | None, signer_from: Laporan | None, dash: str) -> str:
    """A report entry whose figures are still to be filled in: written as comments with the
    target for the quarter and the previous period's value beside each line. ``previous``
    is the report before this one, possibly last year's TW IV (shown, never carried)."""
    pad = dash + "  "
    c = f"{pad}# "
    tahun = _year(t)
    same_year = previous is not None and any(lap is previous for lap in t.laporan)
    before = None
    if previous is not None:
        before = f"s.d. TW {ROMAWI[previous.triwulan]}" + ("" if same_year else f" {tahun - 1}")
    lines = [
        f"{dash}# Triwulan {ROMAWI[tw]} {tahun}: disiapkan dengan `kinerja new triwulan`. Isi realisasi KUMULATIF s.d. triwulan {ROMAWI[tw]}",
        f"{dash}# (jumlah sejak awal tahun), lalu hapus tanda # dan satu spasi di depan baris yang sudah diisi.",
        f"{dash}# Data belum tersedia? Tulis mis. `tpak: {{na: dirilis BPS tahun berikutnya}}`. Angka desimal memakai koma: 95,14.",
        f"{dash}- triwulan: {tw}",
        f"{c}tanggal: {tahun if tw < 4 else tahun + 1}-{(tw * 3 + 1) % 12:02d}-05  # tanggal laporan ditandatangani (TTTT-BB-HH)",
    ]
    if signer_from is not None and signer_from.tempat:
        lines.append(f"{pad}tempat: {scalar(signer_from.tempat)}")
    lines += _realisasi_lines(t, tw, previous, before, c)
    lines += _anggaran_lines(t, previous if same_year else None, before, c)
    lines.append(f"{c}narasi:")
    for part in ("faktor_pendukung", "faktor_penghambat", "upaya", "kesimpulan", "rekomendasi"):
        lines += [f"{c}  {part}:", f"{c}    - …"]
    lines += _signer_lines(signer_from, pad) if signer_from else []
    return "\n".join(lines) + "\n"


def _realisasi_lines(t: Tahunan, tw: int, previous: Laporan | None, before: str | None, c: str) -> list[str]:
    """One commented line per measured indicator: its target s.d. the quarter and the previous value."""
    indicators = [ind for ind, _parent, _depth in walk_indicators(measured_indicators(t))]
    if not indicators:
        return []
    lines = [f"{c}realisasi:"]
    for ind in indicators:
        target = quarter_target(ind, tw)
        if target is None:
            target = ind.target
        unit = f" {ind.satuan}" if ind.satuan else ""
        info = [f"target s.d. TW {ROMAWI[tw]}: {format_id(target)}{unit}" if target is not None else "belum ada target"]
        old = previous.realisasi.get(ind.id) if previous else None
        if old is not None:
            info.append(f"{before}: " + (f"n/a ({old.na})" if old.na else format_id(old.nilai)))
        lines.append(f"{c}  {ind.id}:  # {_one_line(ind.indikator)} — {'; '.join(info)}")
    return lines


def _anggaran_lines(t: Tahunan, previous: Laporan | None, before: str | None, c: str) -> list[str]:
    """One commented line per budget row; ``previous`` only when it is this year's report."""
    budget = [pos for pos, _parent, _depth in walk_budget(t.anggaran)]
    if not budget:
        return []
    lines = [f"{c}anggaran:"]
    for pos in budget:
        old = previous.anggaran.get(pos.id) if previous else None
        target = old.target if old is not None and old.target is not None else pos.pagu
        info = f"pagu {format_id(pos.pagu)}" + (f"; realisasi {before}: {format_id(old.realisasi)}" if old is not None else "")
        lines.append(f"{c}  {pos.id}: {{target: {rupiah(target)}, realisasi: }}  # {_one_line(pos.nama)} — {info}")
    return lines


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 90 else text[:87] + "…"


def new_triwulan(year_file: Path, triwulan: int | None) -> tuple[int, int, str | None]:
    """Adds the report entry; returns (quarter, line of the entry, note about data_per)."""
    require_year_file(year_file, year_file.as_posix(), ScaffoldError)
    t, doc = load(year_file, Tahunan)
    if t.tahun is None:
        raise ScaffoldError(
            f"{year_file.as_posix()} tidak mencantumkan tahun (`tahun: tidak_tercantum`); laporan triwulan memerlukan "
            "tahun. Tulis tahunnya di berkas (dan pindahkan ke folder tahunnya) lebih dulu."
        )
    tahun: int = t.tahun
    triwulan = _quarter(year_file, t, triwulan)
    previous = max((lap for lap in t.laporan if lap.triwulan < triwulan), key=lambda lap: lap.triwulan, default=None)
    signer = previous or _last_report_of(year_file.parent.parent / str(tahun - 1) / year_file.name)
    text = year_file.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    at, dash, replace_empty = _insertion_point(lines, doc, t, triwulan)
    entry = laporan_text(t, triwulan, signer, signer, dash)
    if replace_empty is not None:
        lines[replace_empty] = "laporan:\n"
    if at == len(lines) and lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    if replace_empty is None and at == len(lines) and "laporan" not in (doc.data or {}):
        entry = "laporan:\n" + entry
    lines.insert(at, entry)
    year_file.write_text("".join(lines), encoding="utf-8")
    return triwulan, at + 1, _move_data_per(data_root(year_file) / SITE_FILE, quarter_end(tahun, triwulan))


def _quarter(year_file: Path, t: Tahunan, triwulan: int | None) -> int:
    """The quarter to add: the one asked for, or the one after the last report; refused
    when it exists already or there is no agreement to report against."""
    done = sorted(lap.triwulan for lap in t.laporan)
    if triwulan is None:
        if done and done[-1] == 4:
            raise ScaffoldError(
                f"laporan triwulan IV {_year(t)} sudah ada. Untuk triwulan I {_year(t) + 1}, buat dulu berkas tahunnya: "
                f"`kinerja new tahun {year_file.as_posix()}`, lalu jalankan perintah ini pada berkas baru itu."
            )
        triwulan = done[-1] + 1 if done else 1
    if triwulan in done:
        raise ScaffoldError(f"laporan triwulan {ROMAWI[triwulan]} {_year(t)} sudah ada di {year_file.as_posix()}; tidak ditimpa.")
    if active_pk(t) is None and t.iki is None:
        raise ScaffoldError(f"{year_file.as_posix()} belum punya perjanjian_kinerja: isi indikator dan targetnya dulu.")
    return triwulan


def _insertion_point(lines: list[str], doc, t: Tahunan, triwulan: int) -> tuple[int, str, int | None]:
    """(line index to insert at, indentation of the entry's dash, index of a `laporan: []` line to open)."""
    if "laporan" not in (doc.data or {}):
        return len(lines), "  ", None
    key_line = doc.key_positions[("laporan",)][0] - 1
    if not t.laporan:
        return key_line + 1, "  ", key_line
    first = doc.positions[("laporan", 0)][0] - 1
    dash = lines[first][: len(lines[first]) - len(lines[first].lstrip())]
    later = [i for i, lap in enumerate(t.laporan) if lap.triwulan > triwulan]
    if later:
        at = doc.positions[("laporan", later[0])][0] - 1
    else:  # the end of the laporan block: the next top-level key
        at = next((i for i in range(key_line + 1, len(lines)) if lines[i][:1] not in ("", " ", "#", "-", "\n", "\r")), len(lines))
    while at > key_line + 1 and (
        lines[at - 1].strip() == ""
        or (lines[at - 1].lstrip().startswith("#") and len(lines[at - 1]) - len(lines[at - 1].lstrip()) <= len(dash))
    ):
        at -= 1  # comments just above belong to what follows
    return at, dash, None


def _last_report_of(path: Path) -> Laporan | None:
    if not path.is_file():
        return None
    try:
        t, _ = load(path, Tahunan)
    except ScaffoldError:
        return None
    return max(t.laporan, key=lambda lap: lap.triwulan, default=None)


def _move_data_per(site_file: Path, end: dt.date) -> str | None:
    if not site_file.is_file():
        return None
    situs, _ = load(site_file, Situs)
    if situs.data_per >= end:
        return None
    text = site_file.read_text(encoding="utf-8")
    new, n = re.subn(r"(?m)^(data_per:\s*)[\"']?\d{4}-\d{2}-\d{2}[\"']?", rf"\g<1>{end.isoformat()}", text, count=1)
    if n != 1:
        return f"majukan `data_per` di {display_path(site_file)} menjadi {end.isoformat()} (tidak dapat diubah otomatis)"
    site_file.write_text(new, encoding="utf-8")
    return f"`data_per` di {display_path(site_file)} dimajukan dari {situs.data_per.isoformat()} ke {end.isoformat()} (akhir triwulan ini)"
