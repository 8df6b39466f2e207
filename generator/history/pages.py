"""The history on the pages: the "Riwayat perubahan" section of a position page, the
"diubah setelah terbit" mark beside a corrected figure, the "Perubahan terbaru" pages of
each agency and of the whole site, and the line "Data terakhir diubah: …" every page ends
with. The site layer (site/compose.py) calls these; templates _riwayat.md.j2 and
perubahan_terbaru.md.j2 show them.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from markupsafe import Markup, escape

from generator.core import addresses, fmt
from generator.history import SHALLOW_NOTE, History

PAGE = "perubahan-terbaru.md"  # the whole site's list of changes
RECENT = 200  # entries on a "Perubahan terbaru" page (the CSV and the feed hold more)

JENIS = {
    "terbit": "Laporan terbit",
    "dihapus": "Laporan dihapus",
    "target": "Target",
    "realisasi": "Realisasi",
    "tercetak": "Angka tercetak",
    "kebijakan": "Kebijakan perhitungan",
    "indikator": "Indikator",
}


def agency_page(region: str, agency: str) -> str:
    return f"{region}/{agency}/{PAGE}"


def value(text: Any) -> str:
    """A stored value in Indonesian form (95.14 → 95,14); text as it is; – when empty."""
    if text is None or text == "":
        return "–"
    try:
        return fmt.angka(Decimal(str(text)))
    except (InvalidOperation, ValueError):
        return str(text)


def change_text(e: dict[str, Any]) -> str:
    """What changed, in one line: "Realisasi: 80 → 85"."""
    j = e["jenis"]
    if j in ("terbit", "dihapus"):
        return JENIS[j]
    if j == "kebijakan":
        return "Kebijakan perhitungan diubah"
    if j == "indikator":
        return "Indikator ditambahkan" if e["lama"] is None else "Indikator dihapus"
    return f"{JENIS[j]}: {value(e['lama'])} → {value(e['baru'])}"


def result_text(e: dict[str, Any]) -> str:
    """The capaian and predikat before and after: of the row, else the report's average."""
    if e["jenis"] in ("target", "realisasi", "tercetak", "indikator") and e.get("indikator_id"):
        cap = f"capaian {value(e['capaian_lama'])} → {value(e['capaian_baru'])}"
        if e["predikat_lama"] != e["predikat_baru"]:
            cap += f" ({e['predikat_lama'] or '–'} → {e['predikat_baru'] or '–'})"
        return cap
    if e["jenis"] == "terbit":
        return f"rata-rata {value(e['rata_rata_baru'])} ({e['predikat_laporan_baru'] or '–'})"
    avg = f"rata-rata {value(e['rata_rata_lama'])} → {value(e['rata_rata_baru'])}"
    if e["predikat_laporan_lama"] != e["predikat_laporan_baru"]:
        avg += f" ({e['predikat_laporan_lama'] or '–'} → {e['predikat_laporan_baru'] or '–'})"
    return avg


def view(e: dict[str, Any], page_path: str, names: dict[str, str] | None = None) -> dict[str, Any]:
    """One entry as the templates show it; links relative to ``page_path``."""
    pos = addresses.position(e["wilayah"], e["perangkat_daerah"], e["jabatan"])
    return {
        "tanggal": fmt.tanggal(dt.date.fromisoformat(e["tanggal"])),
        "iso": e["tanggal"],
        "periode": fmt.periode(e["tahun"], e["triwulan"]),
        "indikator": e.get("indikator") or "",
        "perubahan": change_text(e),
        "hasil": result_text(e),
        "setelah_terbit": e["setelah_terbit"],
        "commit": e["commit"],
        "pr": e["pr"],
        "jabatan": (names or {}).get(f"{e['wilayah']}/{e['perangkat_daerah']}/{e['jabatan']}", e["jabatan"]),
        "jabatan_href": Markup(escape(addresses.rel(page_path, pos) + "#riwayat-perubahan")),
    }


def newest_first(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(entries, key=lambda e: e["waktu"], reverse=True)  # stable: a commit's entries keep their order


class PositionHistory:
    """ctx["riwayat"] of a position page (template _riwayat.md.j2)."""

    def __init__(self, history: History, region: str, agency: str, position: str, page_path: str, downloads: dict[str, str]):
        entries = history.of_position(region, agency, position)
        self.dangkal = history.dangkal
        self.catatan_dangkal = SHALLOW_NOTE
        self.changes = [view(e, page_path) for e in newest_first([e for e in entries if e["jenis"] != "terbit"])]
        self.terbit = [view(e, page_path) for e in entries if e["jenis"] == "terbit"]
        self.unduh = downloads
        self.page_path = page_path
        self._marks: dict[tuple[int, int, str], list[str]] = {}
        for e in entries:
            if e["setelah_terbit"] and e.get("indikator_id"):
                key = (e["tahun"], e["triwulan"], e["indikator_id"])
                self._marks.setdefault(key, []).append(f"{fmt.tanggal(dt.date.fromisoformat(e['tanggal']))}: {change_text(e)}")

    def tanda(self, res: Any, row: Any) -> Markup:
        """The mark beside a figure changed after its first publication (text, not colour)."""
        found = self._marks.get((res.tahun, res.triwulan, row.id))
        if not found:
            return Markup("")
        title = escape("; ".join(found))
        return Markup(f'<br><a class="kj-diubah" href="#riwayat-perubahan" title="{title}">diubah setelah terbit</a>')


def footer(history: History | None, page_path: str) -> str:
    """The line every generated page ends with: when its data last changed (and the
    history's caveat in a shallow clone). Empty without a history."""
    if history is None:
        return ""
    parts = page_path.split("/")
    site_wide = parts[0] in ("perbandingan", "ppid") or len(parts) < 2
    scopes = [""]
    if not site_wide:
        scopes.insert(0, parts[0])
    under_agency = not site_wide and len(parts) >= 3
    if under_agency:
        scopes.insert(0, f"{parts[0]}/{parts[1]}")
        if len(parts) == 4 and parts[2] == "jabatan":
            scopes.insert(0, f"{parts[0]}/{parts[1]}/{parts[3][:-3]}")
    when = next((d for d in (history.last_changed(s) for s in scopes) if d), None)
    if when is None:
        return ""
    target = agency_page(parts[0], parts[1]) if under_agency else PAGE
    link = addresses.rel(page_path, target)
    text = f'\n<p class="kj-diubah-terakhir" data-pagefind-ignore>Data terakhir diubah: {fmt.tanggal(when)} · <a href="{escape(link)}">Perubahan terbaru</a></p>\n'
    if history.dangkal:
        text += f'<p class="kj-kecil kj-riwayat-dangkal" data-pagefind-ignore>{escape(SHALLOW_NOTE)}</p>\n'
    return text


def recent_page(
    history: History, entries: list[dict[str, Any]], page_path: str, names: dict[str, str], title: str, links: dict[str, str]
) -> dict[str, Any]:
    """The context of a "Perubahan terbaru" page (template perubahan_terbaru.md.j2)."""
    ordered = newest_first(entries)
    return {
        "page_path": page_path,
        "judul_halaman": title,
        "perubahan": [view(e, page_path, names) for e in ordered[:RECENT]],
        "jumlah": len(ordered),
        "terpotong": max(0, len(ordered) - RECENT),
        "dangkal": history.dangkal,
        "catatan_dangkal": SHALLOW_NOTE,
        "tautan": {k: Markup(escape(addresses.rel(page_path, v))) for k, v in links.items()},
    }
