"""Pieces of the DOCX documents (word.py): tables with their numbered notes, numbered
lists, sentences with bold figures, the organisation chart and the signature blocks."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt


def heading(doc, text: str, level: int) -> None:
    """A heading (style Heading 1/2, so the word processor's table of contents finds it),
    its style set by id: python-docx's lookup by name scans every style each time."""
    doc.add_paragraph(text)._p.style = f"Heading{level}"


def caption(doc, number: str, title: str) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(f"Tabel {number}")
    run.bold = True
    for line in title.split("\n"):
        p.add_run().add_break()
        p.add_run(line).bold = True


def numbered(doc, intro: str | None, items: list[str]) -> None:
    if not items:
        return
    if intro:
        doc.add_paragraph(intro)
    for i, item in enumerate(items, 1):
        p = doc.add_paragraph(f"{i}. {item}")
        p.paragraph_format.left_indent = Pt(18)
        p.paragraph_format.first_line_indent = Pt(-14)


def bold_sentence(doc, pieces: list[str] | None) -> None:
    """A sentence whose odd pieces are figures, printed bold (as the documents do)."""
    if not pieces:
        return
    p = doc.add_paragraph()
    for i, piece in enumerate(pieces):
        p.add_run(piece).bold = i % 2 == 1


def _cell(cell, text: str, bold: bool = False, right: bool = False, size: float = 9) -> None:
    cell.text = ""
    p = cell.paragraphs[0]
    run = p.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)
    if right:
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _runs(text: str, bold: bool) -> str:
    props = f'<w:rPr>{"<w:b/>" if bold else ""}<w:sz w:val="18"/></w:rPr>'
    lines = [f'<w:r>{props}<w:t xml:space="preserve">{escape(line)}</w:t></w:r>' for line in text.split("\n")]
    return f"<w:r>{props}<w:br/></w:r>".join(lines)


def _tc(text: str, bold: bool = False, right: bool = False, span: int = 1) -> str:
    tcpr = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
    ppr = '<w:pPr><w:spacing w:before="0" w:after="0"/>' + ('<w:jc w:val="right"/>' if right else "") + "</w:pPr>"
    return f"<w:tc>{tcpr}<w:p>{ppr}{_runs(text, bold)}</w:p></w:tc>"


def table(doc, head: list[str], rows: list[list[str]], numeric: list[int], notes: list[str] | None = None) -> None:
    """A bordered table: a header row (repeated on every page), then ``rows`` (a row of one
    cell spans the width: a section row such as "Tujuan :"); numeric columns right-aligned.
    ``notes``: the printed-vs-computed notes, numbered under the table. Written as one piece
    of XML (python-docx's cell-by-cell calls cost a few ms per cell)."""
    n = len(head)
    xml = [
        f'<w:tbl {_W}><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/>',
        '<w:jc w:val="center"/></w:tblPr><w:tblGrid>' + '<w:gridCol w:w="1000"/>' * n + "</w:tblGrid>",
        "<w:tr><w:trPr><w:tblHeader/></w:trPr>" + "".join(_tc(h, bold=True) for h in head) + "</w:tr>",
    ]
    for row in rows:
        if len(row) == 1:
            xml.append(f"<w:tr>{_tc(row[0], bold=True, span=n)}</w:tr>")
        else:
            xml.append("<w:tr>" + "".join(_tc(v, right=i in numeric) for i, v in enumerate(row)) + "</w:tr>")
    xml.append("</w:tbl>")
    body = doc.element.body
    body.find(qn("w:sectPr")).addprevious(parse_xml("".join(xml)))
    for i, note in enumerate(notes or [], 1):
        p = doc.add_paragraph()
        r = p.add_run(f"{i}) {note}")
        r.font.size = Pt(8.5)


class _Notes:
    """Numbered notes of one table: a cell gets its markers (¹ …), the notes go below."""

    def __init__(self):
        self.items: list[str] = []

    def mark(self, value: str, notes: list[str]) -> str:
        marks = []
        for n in notes:
            self.items.append(n)
            marks.append(f"{len(self.items)})")
        return value + (" " + " ".join(marks) if marks else "")


def pk_table(doc, rows: list[dict[str, Any]], second: str = "Tujuan/Sasaran Strategis") -> None:
    body = [
        [r["kelompok"]] if "kelompok" in r else [r["no"], r["sasaran"], "  " * r["kedalaman"] + r["indikator"], r["target"]]
        for r in rows
    ]
    table(doc, ["No", second, "Indikator Kinerja", "Target"], body, [3])


def measurement_table(doc, p: dict[str, Any]) -> None:
    notes = _Notes()
    body = []
    for r in p["rows"]:
        if "kelompok" in r:
            body.append([r["kelompok"]])
            continue
        body.append(
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
    body.append(["", "", "Rata-rata Capaian", "", "", "", notes.mark(p["rata_rata"], p["catatan"])])
    head = [
        "No",
        "Tujuan/Sasaran Strategis",
        "Indikator Kinerja",
        "Target Tahunan",
        f"Target {p['sd']}",
        f"Realisasi {p['sd']}",
        "Capaian %",
    ]
    table(doc, head, body, [3, 4, 5, 6], notes.items)


def budget_table(doc, a: dict[str, Any], sd: str) -> None:
    notes = _Notes()
    body = [["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"]]
    for r in a["rows"]:
        body.append(
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
    body.append(["", "Jumlah", j["pagu"], j["target"], j["realisasi"], notes.mark(j["persen"], a["total_catatan"])])
    head = [
        "No",
        "Sasaran Strategis dan Program",
        "Pagu Anggaran Tahunan (Rp)",
        f"Target {sd} (Rp)",
        f"Realisasi {sd} (Rp)",
        "% Capaian (5)/(4) × 100",
    ]
    table(doc, head, body, [2, 3, 4, 5], notes.items + a["efisiensi_catatan"])


def formula_text(f: dict[str, Any] | None) -> str:
    if not f:
        return ""
    if f["pecahan"]:
        text = f"({f['pembilang']}) ÷ ({f['penyebut']})" + (f" {f['pengali']}" if f["pengali"] else "")
    else:
        text = f["teks"]
    return text + (f"\n{f['penjelasan']}" if f["penjelasan"] else "")


def chart(doc, s: dict[str, Any]) -> None:
    """Gambar 1.1 as a small table: the superior, the position, its subordinates."""

    def label(b: dict[str, str]) -> str:
        return b["jabatan"] + (f"\n{b['nama']}" if b["nama"] else "")

    width = max(1, min(len(s["bawahan"]), 4))
    t = doc.add_table(rows=0, cols=width)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for box, bold in ((s["atasan"], False), (s["jabatan"], True)):
        if box:
            cells = t.add_row().cells
            _cell(cells[0].merge(cells[-1]), label(box), bold=bold)
    for i in range(0, len(s["bawahan"]), width):
        cells = t.add_row().cells
        for j, b in enumerate(s["bawahan"][i : i + width]):
            _cell(cells[j], label(b))


def _block(cell, p: dict[str, Any]) -> None:
    lines = [(p.get("kepala") or "", False), (p["jabatan"], False), ("", False), ("", False), ("", False), (p["nama"], True)]
    lines += [(p.get("pangkat") or "", False), (p.get("nip") or "", False)]
    cell.text = ""
    para = cell.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for i, (text, bold) in enumerate(lines):
        if not text and i in (0, 6, 7):
            continue
        if i:
            para.add_run().add_break()
        run = para.add_run(text)
        run.bold = bold
        run.underline = bold


def signatures(doc, tempat_tanggal: str, people: list[dict[str, Any]]) -> None:
    """Every signatory in order, two side by side (the first on the left); place and date
    above the right-hand column."""
    if not people:
        return
    t = doc.add_table(rows=1, cols=2)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.rows[0].cells[1].text = tempat_tanggal
    t.rows[0].cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    if len(people) == 1:
        _block(t.add_row().cells[1], people[0])
        return
    for i in range(0, len(people), 2):
        cells = t.add_row().cells
        pair = people[i : i + 2]
        if len(pair) == 2:
            _block(cells[0], pair[0])
            _block(cells[1], pair[1])
        else:
            _block(cells[0].merge(cells[1]), pair[0])
