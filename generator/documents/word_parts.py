"""Pieces of the DOCX documents (word.py), as WordprocessingML (wordml.py): headings,
tables with their numbered notes, numbered lists, sentences with bold figures, the
organisation chart and the signature blocks. Each appends XML to a document body."""

from __future__ import annotations

from typing import Any

from generator.documents.wordml import PAGE_BREAK, cell, para, run, table, widths

Body = list[str]


def p(body: Body, text: str = "", *, align: str | None = None, style: str | None = None) -> None:
    body.append(para(run(text) if text else "", align=align, style=style))


def centered(body: Body, text: str, bold: bool = True, size: float | None = None) -> None:
    body.append(para(run(text, bold=bold, size=size), align="center"))


def page_break(body: Body) -> None:
    body.append(PAGE_BREAK)


def add_table(body: Body, xml: str) -> None:
    """A table; after another table, an empty paragraph between (adjacent tables merge)."""
    if body and body[-1].startswith("<w:tbl>"):
        body.append("<w:p/>")
    body.append(xml)


def heading(body: Body, text: str, level: int) -> None:
    """A heading (style Heading 1/2: the word processor's table of contents finds it)."""
    p(body, text, style=f"Heading{level}")


def caption(body: Body, number: str, title: str) -> None:
    body.append(para(run(f"Tabel {number}\n{title}", bold=True), align="center"))


def numbered(body: Body, intro: str | None, items: list[str]) -> None:
    if not items:
        return
    if intro:
        p(body, intro)
    for i, item in enumerate(items, 1):
        p(body, f"{i}. {item}", style="Daftar")


def bold_sentence(body: Body, pieces: list[str] | None) -> None:
    """A sentence whose odd pieces are figures, printed bold (as the documents do)."""
    if pieces:
        body.append(para("".join(run(piece, bold=i % 2 == 1) for i, piece in enumerate(pieces))))


def _tc(text: str, width: int, bold: bool = False, right: bool = False, span: int = 1, header: bool = False) -> str:
    return cell(para(run(text, bold=bold), style="Sel", align="right" if right else None), width, span, header)


def grid_table(
    body: Body,
    head: list[str],
    rows: list[list[str]],
    numeric: list[int],
    weights: list[float],
    notes: list[str] | None = None,
    landscape: bool = False,
) -> None:
    """A bordered table: a header row (repeated on every page), then ``rows`` (a row of one
    cell spans the width: a section row such as "Tujuan :"); numeric columns right-aligned.
    ``notes``: the printed-vs-computed notes, numbered under the table."""
    w = widths(weights, landscape)
    xml = ["".join(_tc(h, w[i], bold=True, header=True) for i, h in enumerate(head))]
    for row in rows:
        if len(row) == 1:
            xml.append(_tc(row[0], sum(w), bold=True, span=len(w)))
        else:
            xml.append("".join(_tc(v, w[i], right=i in numeric) for i, v in enumerate(row)))
    add_table(body, table(w, xml, header_rows=1))
    for i, note in enumerate(notes or [], 1):
        p(body, f"{i}) {note}", style="Catatan")


class _Notes:
    """Numbered notes of one table: a cell gets its markers (1) …), the notes go below."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def mark(self, value: str, notes: list[str]) -> str:
        marks = []
        for n in notes:
            self.items.append(n)
            marks.append(f"{len(self.items)})")
        return value + (" " + " ".join(marks) if marks else "")


def pk_table(body: Body, rows: list[dict[str, Any]], second: str = "Tujuan/Sasaran Strategis") -> None:
    cells = [
        [r["kelompok"]] if "kelompok" in r else [r["no"], r["sasaran"], "  " * r["kedalaman"] + r["indikator"], r["target"]]
        for r in rows
    ]
    grid_table(body, ["No", second, "Indikator Kinerja", "Target"], cells, [3], [0.6, 3, 3, 1.4])


def measurement_table(body: Body, m: dict[str, Any]) -> None:
    notes = _Notes()
    rows = []
    for r in m["rows"]:
        if "kelompok" in r:
            rows.append([r["kelompok"]])
            continue
        rows.append(
            [
                r["no"],
                r["sasaran"],
                "  " * r["kedalaman"] + r["indikator"],
                r["target_tahunan"],
                r["target"],
                r["realisasi"],
                notes.mark(r["capaian"], r["catatan"]),
            ]
        )
    rows.append(["", "", "Rata-rata Capaian", "", "", "", notes.mark(m["rata_rata"], m["catatan"])])
    head = [
        "No",
        "Tujuan/Sasaran Strategis",
        "Indikator Kinerja",
        "Target Tahunan",
        f"Target {m['sd']}",
        f"Realisasi {m['sd']}",
        "Capaian %",
    ]
    grid_table(body, head, rows, [3, 4, 5, 6], [0.5, 2.2, 2.4, 1.1, 1, 1, 1], notes.items)


def budget_table(body: Body, a: dict[str, Any], sd: str) -> None:
    notes = _Notes()
    rows = [["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"]]
    for r in a["rows"]:
        rows.append(
            [
                r["no"],
                "  " * r["kedalaman"] + r["nama"],
                r["pagu"],
                r["target"],
                r["realisasi"],
                notes.mark(r["persen"], r["catatan"]),
            ]
        )
    j = a["jumlah"]
    rows.append(["", "Jumlah", j["pagu"], j["target"], j["realisasi"], notes.mark(j["persen"], a["total_catatan"])])
    head = [
        "No",
        "Sasaran Strategis dan Program",
        "Pagu Anggaran Tahunan (Rp)",
        f"Target {sd} (Rp)",
        f"Realisasi {sd} (Rp)",
        "% Capaian (5)/(4) × 100",
    ]
    grid_table(body, head, rows, [2, 3, 4, 5], [0.6, 2.6, 1.6, 1.6, 1.6, 1], notes.items + a["efisiensi_catatan"])


def formula_text(f: dict[str, Any] | None) -> str:
    if not f:
        return ""
    if f["pecahan"]:
        text = f"({f['pembilang']}) ÷ ({f['penyebut']})" + (f" {f['pengali']}" if f["pengali"] else "")
    else:
        text = f["teks"]
    return text + (f"\n{f['penjelasan']}" if f["penjelasan"] else "")


def chart(body: Body, s: dict[str, Any]) -> None:
    """Gambar 1.1 as a small table: the superior, the position, its subordinates."""

    def label(b: dict[str, str]) -> str:
        return b["jabatan"] + (f"\n{b['nama']}" if b["nama"] else "")

    n = max(1, min(len(s["bawahan"]), 4))
    w = widths([1] * n)
    rows = []
    for box, bold in ((s["atasan"], False), (s["jabatan"], True)):
        if box:
            rows.append(cell(para(run(label(box), bold=bold), style="Sel", align="center"), sum(w), n))
    for i in range(0, len(s["bawahan"]), n):
        chunk = s["bawahan"][i : i + n] + [None] * (n - len(s["bawahan"][i : i + n]))
        rows.append(
            "".join(cell(para(run(label(b)), style="Sel", align="center") if b else "", w[j]) for j, b in enumerate(chunk))
        )
    add_table(body, table(w, rows))


def _block(person: dict[str, Any]) -> str:
    """One signature block: caption, position, the space to sign, name (bold, underlined),
    rank and NIP."""
    lines = [(person.get("kepala") or "", False), (person["jabatan"], False), ("", False), ("", False), ("", False)]
    lines += [(person["nama"], True), (person.get("pangkat") or "", False), (person.get("nip") or "", False)]
    runs: list[str] = []
    for i, (text, bold) in enumerate(lines):
        if not text and i in (0, 6, 7):
            continue
        if runs:
            runs.append("<w:r><w:br/></w:r>")
        runs.append(run(text, bold=bold, underline=bold) if text else "")
    return para("".join(runs), align="center")


def signatures(body: Body, tempat_tanggal: str, people: list[dict[str, Any]]) -> None:
    """Every signatory in order, two side by side (the first on the left); place and date
    above the right-hand column."""
    if not people:
        return
    w = widths([1, 1])
    rows = [cell("", w[0]) + cell(para(run(tempat_tanggal), align="center"), w[1])]
    if len(people) == 1:
        rows.append(cell("", w[0]) + cell(_block(people[0]), w[1]))
    else:
        for i in range(0, len(people), 2):
            pair = people[i : i + 2]
            if len(pair) == 2:
                rows.append(cell(_block(pair[0]), w[0]) + cell(_block(pair[1]), w[1]))
            else:
                rows.append(cell(_block(pair[0]), sum(w), 2))
    add_table(body, table(w, rows, grid=False))
