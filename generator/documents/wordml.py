"""A small WordprocessingML (DOCX) writer: the document body as XML text, and the package
with only the parts a word processor needs ([Content_Types].xml, the relationships,
document.xml, a styles.xml with just the styles used, settings.xml asking to update the
fields on opening, the page-number footer, core and app properties). About 1 ms and
a few KB per document; python-docx made ~0.1 s and ~40 KB (its template's styles and theme).

Every text of the data goes through ``esc`` (XML-escaped, characters XML cannot hold
dropped): the data is untrusted. The bytes are deterministic (fixed entry times and
properties: the document's own date, core/archive.StableZipFile).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from xml.sax.saxutils import escape

from generator.core.archive import StableZipFile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Text width (twips) of the pages: A4, margins 3 cm left and 2.5 cm elsewhere.
WIDTH = {False: 8787, True: 13720}


def esc(text: str) -> str:
    return escape(_INVALID.sub("", text))


def run(text: str, bold: bool = False, size: float | None = None, underline: bool = False) -> str:
    """One run: a line break for each newline, a tab for each tab (as python-docx did)."""
    props = ("<w:b/>" if bold else "") + (f'<w:sz w:val="{round(size * 2)}"/>' if size else "")
    props += '<w:u w:val="single"/>' if underline else ""
    inner = []
    for i, line in enumerate(text.split("\n")):
        if i:
            inner.append("<w:br/>")
        for j, part in enumerate(line.split("\t")):
            if j:
                inner.append("<w:tab/>")
            if part:
                inner.append(f'<w:t xml:space="preserve">{esc(part)}</w:t>')
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{''.join(inner)}</w:r>"


def para(content: str = "", *, align: str | None = None, style: str | None = None) -> str:
    """A paragraph of runs (``content``: XML); ``align`` left | center | right."""
    ppr = (f'<w:pStyle w:val="{style}"/>' if style else "") + (f'<w:jc w:val="{align}"/>' if align else "")
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{content}</w:p>"


def field(instruction: str, placeholder: str = "") -> str:
    """A field (PAGE, TOC …) as runs: computed by the word processor."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{esc(instruction)}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{run(placeholder)}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


def cell(content: str, width: int, span: int = 1, header: bool = False) -> str:
    """A table cell of one or more paragraphs (``content``: XML), ``width`` in twips."""
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>' + (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "")
    props += '<w:shd w:val="clear" w:color="auto" w:fill="E8E8E8"/>' if header else ""
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content or '<w:p/>'}</w:tc>"


def table(widths: list[int], rows: list[str], *, grid: bool = True, header_rows: int = 0) -> str:
    """A table; ``rows``: the XML of each row's cells; the first ``header_rows`` repeat on
    every page. ``grid``: bordered (style TableGrid), else without borders."""
    style = '<w:tblStyle w:val="TableGrid"/>' if grid else ""
    out = [
        f'<w:tbl><w:tblPr>{style}<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        '<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>',
        "".join(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
    ]
    for i, cells in enumerate(rows):
        head = "<w:trPr><w:tblHeader/></w:trPr>" if i < header_rows else ""
        out.append(f"<w:tr>{head}{cells}</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def widths(weights: list[float], landscape: bool = False) -> list[int]:
    """Column widths (twips) in proportion to ``weights``, filling the text width."""
    total = sum(weights)
    return [int(WIDTH[landscape] * w / total) for w in weights]


_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W}">'
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
    'w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="23"/><w:szCs w:val="23"/>'
    '<w:lang w:val="id-ID"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" '
    'w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
    '<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="240"/>'
    '<w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>'
    '<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="120"/>'
    '<w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Sel"><w:name w:val="Isi Tabel"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Catatan"><w:name w:val="Catatan Tabel"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:spacing w:after="60"/></w:pPr><w:rPr><w:sz w:val="17"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Daftar"><w:name w:val="Daftar Bernomor"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:ind w:left="360" w:hanging="280"/></w:pPr></w:style>'
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr>'
    '<w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="80" w:type="dxa"/>'
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>'
    "<w:tblPr><w:tblBorders>"
    + "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="auto"/>' for s in ("top", "left", "bottom", "right"))
    + "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="auto"/>' for s in ("insideH", "insideV"))
    + "</w:tblBorders></w:tblPr></w:style></w:styles>"
)
_SETTINGS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings xmlns:w="{W}">'
    '<w:defaultTabStop w:val="720"/><w:updateFields w:val="true"/><w:compat><w:compatSetting '
    'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>'
)
_FOOTER = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr xmlns:w="{W}">'
    + para(field("PAGE", "1"), align="center")
    + "</w:ftr>"
)
_CT = "application/vnd.openxmlformats-officedocument."
_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/word/document.xml" ContentType="{_CT}wordprocessingml.document.main+xml"/>'
    f'<Override PartName="/word/styles.xml" ContentType="{_CT}wordprocessingml.styles+xml"/>'
    f'<Override PartName="/word/settings.xml" ContentType="{_CT}wordprocessingml.settings+xml"/>'
    f'<Override PartName="/word/footer1.xml" ContentType="{_CT}wordprocessingml.footer+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    f'<Override PartName="/docProps/app.xml" ContentType="{_CT}extended-properties+xml"/></Types>'
)


def _rels(items: list[tuple[str, str, str]]) -> str:
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in items)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}</Relationships>'
    )


_PACKAGE_RELS = _rels(
    [
        ("rId1", _REL + "officeDocument", "word/document.xml"),
        ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
        ("rId3", _REL + "extended-properties", "docProps/app.xml"),
    ]
)
_DOCUMENT_RELS = _rels(
    [
        ("rId1", _REL + "styles", "styles.xml"),
        ("rId2", _REL + "settings", "settings.xml"),
        ("rId3", _REL + "footer", "footer1.xml"),
    ]
)


def _core(meta: dict, application: str) -> tuple[str, str]:
    y, m, d = meta["tanggal"]
    when = f"{y:04d}-{m:02d}-{d:02d}T00:00:00Z"
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{esc(meta['judul'])}</dc:title><dc:subject>{esc(meta['subjek'])}</dc:subject>"
        f"<dc:creator>{esc(meta['penulis'])}</dc:creator><cp:keywords>{esc(', '.join(meta['kata_kunci']))}</cp:keywords>"
        f"<dc:description>{esc(meta['subjek'])}</dc:description><cp:lastModifiedBy>{esc(meta['penulis'])}</cp:lastModifiedBy>"
        f"<cp:revision>1</cp:revision><cp:lastPrinted>{when}</cp:lastPrinted>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified></cp:coreProperties>'
    )
    app = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        f"<Application>{esc(application)}</Application></Properties>"
    )
    return core, app


def package(body: list[str], meta: dict, application: str, landscape: bool = False) -> bytes:
    """The DOCX file of a body (XML of its paragraphs and tables, in order)."""
    w, h = (16838, 11906) if landscape else (11906, 16838)
    section = (
        f'<w:sectPr><w:footerReference w:type="default" r:id="rId3"/><w:pgSz w:w="{w}" w:h="{h}"'
        + (' w:orient="landscape"' if landscape else "")
        + '/><w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1701" w:header="709" w:footer="709" '
        'w:gutter="0"/></w:sectPr>'
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>'
        + "".join(body)
        + ("<w:p/>" if body and body[-1].startswith("<w:tbl>") else "")
        + section
        + "</w:body></w:document>"
    )
    core, app = _core(meta, application)
    y, m, d = meta["tanggal"]
    buf = io.BytesIO()
    with StableZipFile(buf, dt.date(y, m, d)) as z:
        for name, xml in (
            ("[Content_Types].xml", _TYPES),
            ("_rels/.rels", _PACKAGE_RELS),
            ("docProps/core.xml", core),
            ("docProps/app.xml", app),
            ("word/document.xml", document),
            ("word/_rels/document.xml.rels", _DOCUMENT_RELS),
            ("word/styles.xml", _STYLES),
            ("word/settings.xml", _SETTINGS),
            ("word/footer1.xml", _FOOTER),
        ):
            z.writestr(name, xml.encode("utf-8"))
    return buf.getvalue()
