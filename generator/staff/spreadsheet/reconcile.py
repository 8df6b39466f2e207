"""Deciding, cell by cell, what the sheet asks for (import). Three values meet: what the
cell says now, what export wrote there (the snapshot stored in the workbook) and what the
file holds now.

- A cell that still says what export wrote was left alone: the file's value stays, even
  when the file changed since the export.
- A locked cell (ids, the Perjanjian Kinerja's sasaran, indicators, units and targets,
  the budget's names and pagu) that was changed is refused.
- A cleared cell is never a deletion: the stored value stays and a note names the cell.
  Only the word ``hapus`` deletes, and every deletion is listed.
- A changed cell whose value in the file also changed since the export, to something
  else, is a conflict: refused, with both values.
- A percent-formatted number (Excel stores "95,5%" as 0.955) is a percentage for an
  indicator measured in percent, and refused for any other unit.

The result is the rows as the file should hold them (current values with the sheet's
changes), for ``merge`` to write."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from generator.core.numbers import format_id
from generator.staff.spreadsheet.cells import DELETE, UNREADABLE, Cell, plain
from generator.staff.spreadsheet.messages import Messages, Where, quoted, shown
from generator.staff.spreadsheet.rows import Row
from generator.staff.spreadsheet.sheets import ANGGARAN, HAPUS, NARASI_PARTS, REALISASI, Col, is_percent_unit

CLEARED = "sel dikosongkan, tetapi {what} {value} tetap disimpan (sel kosong tidak menghapus apa pun); tulis hapus di sel ini bila memang ingin menghapusnya"
CONFLICT = "sejak lembar ini diekspor, isinya di berkas berubah dari {base} menjadi {current}, sedangkan lembar berisi {sheet}; ekspor ulang lembar ini, atau selaraskan dulu dengan berkasnya"


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip() or None
    return value


def equal(a: Any, b: Any) -> bool:
    """The same value (text compared without surrounding spaces; ``hapus`` equals a stored "hapus")."""
    a, b = _norm(a), _norm(b)
    if a is DELETE:
        a = HAPUS
    if b is DELETE:
        b = HAPUS
    if isinstance(a, str) and isinstance(b, str):
        return a == b or (a.lower() == HAPUS and b.lower() == HAPUS)
    if isinstance(a, Decimal) and isinstance(b, Decimal):
        return a == b
    return a is None and b is None


def _locked(what: tuple[str, str], base: Any, sheet: Any) -> str:
    return (
        f"kolom ini dikunci karena berisi {what[0]}: tertulis {shown(base)}, di lembar diubah menjadi {shown(sheet)}; "
        f"perubahan ini ditolak. Kembalikan isinya; {what[1]}"
    )


PK_LOCKED = (
    "perjanjian kinerja",
    "perubahan perjanjian kinerja dicatat di berkas data sebagai perjanjian versi perubahan, lengkap dengan alasannya",
)
BUDGET_LOCKED = ("susunan anggaran dan pagunya", "perubahan pagu dicatat di berkas data")


def row_labels(title: str, base: dict[str, Row]) -> dict[str, str]:
    """Row key → how messages name the row: the indicator, the budget row or the narrative item."""
    out = {}
    for key, b in base.items():
        if title == ANGGARAN:
            label = quoted(str(b.get("jenis") or "pos").replace("_", " "), b.get("nama"))
        elif title == REALISASI:
            label = quoted("indikator", b.get("indikator"))
        else:
            label = f"butir {key}"
        if label:
            out[key] = label
    return out


class Reconcile:
    def __init__(self, msgs: Messages):
        self.msgs = msgs

    # ----------------------------------------------------------------------- one cell

    def _value(self, cell: Cell, base: Any, where: Where, unit: str | None) -> Any:
        """The cell's value in the indicator's unit: a percent-formatted number is a percentage."""
        v = cell.value
        if cell.percent is None or not isinstance(v, Decimal) or equal(v, base):
            return v  # a cell only formatted as percent, its figure untouched, is left alone
        percent_unit = unit is not None and is_percent_unit(unit)
        if cell.percent == "format":
            if percent_unit:
                return plain(v * 100)
            display = format_id(plain(v * 100)) + "%"
        elif percent_unit:
            return v
        else:
            display = format_id(v) + "%"
        what = f"satuannya {unit}" if unit and unit != "Rupiah" else "isinya Rupiah" if unit else "satuannya tidak disebut"
        self.msgs.problem(
            where,
            f"sel ini tampil sebagai persen ({display}), padahal {what}; hapus format persennya (Format Cells → Number/General) lalu ketik angkanya saja",
        )
        return UNREADABLE

    def row(
        self,
        cols: list[Col],
        cells: dict[str, Cell],
        base: Row,
        current: Row | None,
        label: str | None,
        unit: str | None,
        locked_what: tuple[str, str],
    ) -> tuple[Row, dict[str, tuple[Where, Any]], dict[str, Where], bool]:
        """(resolved row, cleared cells that keep a stored value, deleted cells, whether anything changes)."""
        cur_row = current or {}
        resolved: Row = dict(cur_row)
        cleared: dict[str, tuple[Where, Any]] = {}
        deleted: dict[str, Where] = {}
        changed = False
        for c in cols:
            if c.kind == "info" or c.key not in cells:
                continue
            cell = cells[c.key]
            where = cell.where.labelled(label)
            resolved["@" + c.key] = where
            b, cur = base.get(c.key), cur_row.get(c.key)
            s = cell.value if cell.value is UNREADABLE else self._value(cell, b, where, unit)
            if s is UNREADABLE or equal(s, b):
                continue
            if not c.editable:
                self.msgs.problem(where, _locked(locked_what, b, s))
                continue
            if current is None:
                self.msgs.problem(where, "baris ini tidak ada lagi di berkas sejak lembar diekspor; ekspor ulang lembar ini")
                continue
            if s is None:
                if cur is not None:
                    cleared[c.key] = (where, cur)
                continue
            if s is DELETE:
                if cur is not None:
                    deleted[c.key] = where
                    resolved[c.key] = None
                    changed = True
                continue
            if not equal(cur, b) and not equal(cur, s):
                self.msgs.problem(where, CONFLICT.format(base=shown(b), current=shown(cur), sheet=shown(s)))
                continue
            resolved[c.key] = s
            changed = True
        return resolved, cleared, deleted, changed

    def rows(
        self, title: str, cols: list[Col], sheet_rows: list[dict[str, Cell]], base: dict[str, Row], current: list[Row]
    ) -> list[Row]:
        """The resolved rows that change something, in sheet order."""
        by_id = {str(r["id"]): r for r in current}
        seen: set[str] = set()
        out = []
        for cells in sheet_rows:
            id_cell = cells["id"]
            rid = id_cell.value
            if not isinstance(rid, str) or rid not in base or rid in seen:
                what = "muncul dua kali" if rid in seen else "tidak dikenal" if rid else "kosong"
                self.msgs.problem(
                    id_cell.where,
                    f"id baris ini {what}; jangan menambah, menyalin atau menghapus baris di lembar {title} dan jangan mengubah kolom id",
                )
                continue
            seen.add(rid)
            b = base[rid]
            label = id_cell.where.label
            if title == ANGGARAN:
                out += self._budget(cols, cells, b, by_id.get(rid), label)
            else:
                out += self._indicator(cols, cells, b, by_id.get(rid), label)
        for rid, b in base.items():
            if rid not in seen:
                name = b.get("indikator") or b.get("nama")
                self.msgs.note(
                    None, f"baris {shown(name)} (id {rid}) tidak ada lagi di lembar {title}; datanya di berkas tidak diubah"
                )
        return out

    def _cleared(self, cleared: dict[str, tuple[Where, Any]], names: dict[str, str]) -> None:
        for key, (where, cur) in cleared.items():
            self.msgs.note(where, CLEARED.format(what=names[key], value=shown(cur)))

    # ----------------------------------------------------------------------- Realisasi

    def _indicator(self, cols: list[Col], cells: dict[str, Cell], b: Row, cur: Row | None, label: str | None) -> list[Row]:
        unit = b.get("satuan")
        resolved, cleared, deleted, changed = self.row(cols, cells, b, cur, label, unit, PK_LOCKED)
        if cur is None:
            return []
        if "realisasi" in cleared and resolved.get("na") is not None and cur.get("na") is None and "na" not in cleared:
            where, old = cleared.pop("realisasi")
            resolved["realisasi"] = None
            self.msgs.deleted(where, f"realisasi {shown(old)} diganti alasan data belum tersedia {shown(resolved['na'])}")
        if "na" in cleared and resolved.get("realisasi") is not None and cur.get("realisasi") is None:
            where, old = cleared.pop("na")
            resolved["na"] = None
            self.msgs.deleted(where, f"alasan data belum tersedia {shown(old)} diganti realisasi {shown(resolved['realisasi'])}")
        whole = resolved.get("realisasi") is None and resolved.get("na") is None
        for key, where in deleted.items():
            what = {"realisasi": "realisasi", "na": "alasan data belum tersedia", "catatan": "catatan"}[key]
            rest = " (seluruh isian indikator ini untuk triwulan ini ikut terhapus)" if whole and key != "catatan" else ""
            self.msgs.deleted(where, f"{what} {shown(cur[key])} dihapus{rest}")
        self._cleared(cleared, {"realisasi": "realisasi", "na": "alasan data belum tersedia", "catatan": "catatan"})
        s = resolved.get("realisasi")
        target = b.get("target")
        if (
            changed
            and "realisasi" in cells
            and cells["realisasi"].percent is None
            and isinstance(s, Decimal)
            and unit is not None
            and is_percent_unit(unit)
            and 0 < abs(s) < 1
            and isinstance(target, Decimal)
            and abs(target) >= 1
        ):
            hundred = format_id(plain(s * 100))
            self.msgs.note(
                resolved["@realisasi"],
                f"realisasi {shown(s)} untuk indikator bersatuan {unit} dengan target {shown(target)}; bila maksudnya {hundred}%, ketik {hundred}",
            )
        return [resolved] if changed else []

    # ----------------------------------------------------------------------- Anggaran

    def _budget(self, cols: list[Col], cells: dict[str, Cell], b: Row, cur: Row | None, label: str | None) -> list[Row]:
        resolved, cleared, deleted, changed = self.row(cols, cells, b, cur, label, "Rupiah", BUDGET_LOCKED)
        if cur is None:
            return []
        for key, where in deleted.items():
            if key == "realisasi":
                self.msgs.deleted(
                    where, f"realisasi anggaran {shown(cur[key])} triwulan ini dihapus (beserta targetnya, bila ada)"
                )
            else:
                resolved["target"] = cur.get("pagu")
                self.msgs.deleted(
                    where, f"target {shown(cur[key])} dihapus; target kembali sama dengan pagu {shown(cur.get('pagu'))}"
                )
        self._cleared(cleared, {"realisasi": "realisasi anggaran", "target": "target anggaran"})
        return [resolved] if changed else []

    # ----------------------------------------------------------------------- Narasi

    def narasi(self, sheet_rows: list[dict[str, Cell]], base: dict[str, Row], current: list[Row]) -> dict[str, list[str]] | None:
        """Each part's items as the file should hold them, or None to leave the narrative as it is."""
        stale = [(r["bagian"], r["teks"]) for r in current] != [(b.get("bagian"), b.get("teks")) for b in base.values()]
        wanted: dict[str, list[str]] = {part: [] for part in NARASI_PARTS}
        seen: set[str] = set()
        changed = False
        stale_text = (
            "narasi di berkas sudah berubah sejak lembar ini diekspor; ekspor ulang lembar ini lalu isi lagi perubahannya"
        )
        for cells in sheet_rows:
            label_cell, part_cell, text_cell = cells["butir"], cells["bagian"], cells["teks"]
            label, part, text = label_cell.value, part_cell.value, text_cell.value
            if label is None:  # a new item
                if text is None or text is DELETE or text is UNREADABLE:
                    continue
                where = text_cell.where.labelled("butir baru")
                if part not in NARASI_PARTS:
                    self.msgs.problem(
                        part_cell.where.labelled("butir baru"),
                        f"bagian {shown(part)} tidak dikenal; pilih salah satu: {', '.join(NARASI_PARTS)}",
                    )
                elif stale:
                    self.msgs.problem(where, stale_text)
                else:
                    wanted[part].append(text)
                    changed = True
                continue
            if not isinstance(label, str) or label not in base or label in seen:
                what = "muncul dua kali" if label in seen else "tidak dikenal"
                self.msgs.problem(
                    label_cell.where, f"butir {shown(label)} {what}; jangan menyalin baris atau mengubah kolom Butir tersimpan"
                )
                continue
            seen.add(label)
            b = base[label]
            tag = f"butir {label}"
            if part is DELETE or text is DELETE:
                where = (text_cell if text is DELETE else part_cell).where.labelled(tag)
                if stale:
                    self.msgs.problem(where, stale_text)
                else:
                    self.msgs.deleted(where, f"butir narasi {shown(b.get('teks'))} dihapus")
                    changed = True
                continue
            if part is None or part is UNREADABLE or equal(part, b.get("bagian")):
                if part is None:
                    self.msgs.note(
                        part_cell.where.labelled(tag), f"bagian dikosongkan; butir ini tetap di bagian {b.get('bagian')}"
                    )
                part = b.get("bagian")
            elif part not in NARASI_PARTS:
                self.msgs.problem(
                    part_cell.where.labelled(tag),
                    f"bagian {shown(part)} tidak dikenal; pilih salah satu: {', '.join(NARASI_PARTS)}",
                )
                continue
            else:
                changed = True
            if text is None:
                self.msgs.note(text_cell.where.labelled(tag), CLEARED.format(what="butir narasi", value=shown(b.get("teks"))))
                text = b.get("teks")
            elif text is UNREADABLE or equal(text, b.get("teks")):
                text = b.get("teks")
            else:
                changed = True
            if stale and (part != b.get("bagian") or text != b.get("teks")):
                self.msgs.problem(text_cell.where.labelled(tag), stale_text)
                continue
            wanted[str(part)].append(str(text))
        for label, b in base.items():
            if label not in seen:
                self.msgs.problem(
                    f"Narasi ({label})",
                    f"baris butir {shown(b.get('teks'))} tidak ada lagi di lembar; baris tidak dihapus: kembalikan barisnya, lalu tulis hapus di kolom Teks untuk menghapus butirnya",
                )
        return wanted if changed and not stale else None
