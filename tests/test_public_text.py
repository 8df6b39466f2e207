"""No internal text on a public page: no raw data key (a field name of the data model or a
policy value as written in site.yml), no backtick and no source-line reference ("L204")
outside the collapsed auditor section ("Catatan sumber (untuk pemeriksa)", class
kj-pemeriksa). The auditor detail stays in that section and in the downloads.

The two pages written for data staff and developers (API dan Data, Panduan kontributor)
document the data format itself and are left out."""

from __future__ import annotations

import re
from pathlib import Path

from site_fixtures import Node, content, parse

from generator.compute.policy import DESCRIPTIONS
from generator.model import Model
from generator.model import ppid as _ppid  # noqa: F401  (registers the PPID models)
from generator.render.pemeriksa import Pemeriksa, publik

DOCUMENTATION = {"api-dan-data", "panduan-kontributor"}
LINE_REF = re.compile(r"\bL\d+\b")
SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")


def _data_keys() -> set[str]:
    """Field names of every data model and the policy names and values, where written
    with an underscore: what a YAML file says and a reader never should see."""
    keys: set[str] = set()
    stack: list[type] = [Model]
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        keys.update(n for n in getattr(cls, "model_fields", {}) if "_" in n)
    for name, values in DESCRIPTIONS.items():
        keys.add(name)
        keys.update(v for v in values if "_" in v)
    return keys


KEYS = _data_keys()


def _public_texts(node: Node, out: list[str]) -> None:
    """Visible text and alt/title texts of the article, without the auditor section."""
    for child in node.children:
        if isinstance(child, str):
            out.append(child)
            continue
        if child.tag in ("script", "style") or "kj-pemeriksa" in (child.attrs.get("class") or "").split():
            continue
        out.extend(v for k, v in child.attrs.items() if k in ("alt", "title", "aria-label") and v)
        _public_texts(child, out)


def _problems(text: str) -> list[str]:
    found = []
    if "`" in text:
        found.append("backtick")
    found += [f"source line {m.group(0)}" for m in LINE_REF.finditer(text)]
    found += [f"data key {m.group(0)}" for m in SNAKE.finditer(text) if m.group(0) in KEYS]
    return found


def test_no_raw_key_backtick_or_line_reference_on_public_pages(bundled_site):
    site: Path = bundled_site.site
    pages = sorted(p for p in site.rglob("index.html") if p.parent.name not in DOCUMENTATION)
    assert len(pages) > 150
    bad: list[str] = []
    auditor_sections = 0
    for path in pages:
        doc = parse(path.read_text(encoding="utf-8"))
        body = content(doc)
        auditor_sections += sum(1 for d in body.iter("details") if "kj-pemeriksa" in (d.attrs.get("class") or ""))
        texts: list[str] = []
        _public_texts(body, texts)
        for text in texts:
            for problem in _problems(text):
                bad.append(f"{path.relative_to(site).parent}: {problem} in {' '.join(text.split())[:120]!r}")
    assert bad == [], f"{len(bad)} pieces of internal text on public pages:\n" + "\n".join(bad[:40])
    # the detail is not lost: it is in the auditor sections
    assert auditor_sections > 100


def test_kepala_dinas_auditor_section_keeps_the_detail(bundled_site):
    body = content(parse((bundled_site.site / "kota-pekalongan/dinperinaker/jabatan/kepala-dinas/index.html").read_text()))
    sections = [d for d in body.iter("details") if "kj-pemeriksa" in (d.attrs.get("class") or "")]
    assert len(sections) == 1
    section = sections[0]
    assert section.find("summary").text() == "Catatan sumber (untuk pemeriksa)"
    assert "open" not in section.attrs  # collapsed
    text = " ".join(section.text().split())
    assert LINE_REF.search(text)  # source lines are for the auditor
    assert "Kepala Dinperinaker Kota Pekalongan" in text  # the title as printed
    assert "`" not in text  # code is shown as code, never as backticks


def test_a_note_loses_its_line_references_or_moves_whole():
    assert publik("Unit kerja disimpulkan dari tanda tangan atasan (L396).") == "Unit kerja disimpulkan dari tanda tangan atasan."
    assert publik("Capaian tercetak 196 (L4171, L4172): 96/49 = 195,92.") == "Capaian tercetak 196: 96/49 = 195,92."
    assert publik("Lampiran I dan II (L3-5).") == "Lampiran I dan II."
    assert publik("Sel sasaran terpotong: ekornya tercetak di L1268; digabung.") is None
    assert publik("Rumus seperti tercetak di `formula.tertulis`.") is None
    assert publik("Lihat indikator_tertulis.") is None
    assert publik("Teks hasil konversi PDF: seeds/lkj.txt.") is None
    assert publik("Realisasi dari rilis BPS.") == "Realisasi dari rilis BPS."
    pem = Pemeriksa()
    shown = pem.notes("Catatan", ["Rilis BPS.", "Tercetak 196 (L41).", "Lihat `catatan_sumber`."])
    assert shown == ["Rilis BPS.", "Tercetak 196."]
    assert pem.groups == [{"judul": "Catatan", "items": ["Rilis BPS.", "Tercetak 196 (L41).", "Lihat `catatan_sumber`."]}]
