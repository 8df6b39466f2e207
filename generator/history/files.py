"""The history as open data: a CSV per position and one for the whole dataset, a JSON
document per report in the static API (with its JSON Schema), and Atom feeds of changes
per agency and for the whole site.

CSV as the other downloads (UTF-8 with BOM, machine names, decimals with a point, text
cells safe to open in a spreadsheet: core.csvcell). Atom 1.0 (RFC 4287), newest first,
every text escaped by the XML writer, links absolute when data/site.yml gives site_url.
"""

from __future__ import annotations

import csv
import io
import json
import posixpath
from decimal import Decimal, InvalidOperation
from typing import Any
from xml.etree import ElementTree as ET

from generator.core import addresses
from generator.core.csvcell import safe_text
from generator.history import pages

API_DIR = f"{addresses.API}/riwayat"
SCHEMA = f"{addresses.API}/skema/riwayat.schema.json"
CSV_ALL = f"{addresses.UNDUH}/kinerja_riwayat.csv"
FEED = "perubahan-terbaru.xml"
FEED_ENTRIES = 100
VERSION = "kinerja-api/1"

COLUMNS = (
    "tanggal", "waktu", "commit", "pull_request", "laporan", "wilayah", "perangkat_daerah", "jabatan", "tahun",
    "triwulan", "jenis", "indikator_id", "indikator", "lama", "baru", "capaian_lama", "capaian_baru", "predikat_lama",
    "predikat_baru", "rata_rata_lama", "rata_rata_baru", "predikat_laporan_lama", "predikat_laporan_baru",
    "setelah_terbit", "berkas",
)  # fmt: skip
_NUMERIC = {"tahun", "triwulan", "pull_request", "capaian_lama", "capaian_baru", "rata_rata_lama", "rata_rata_baru"}


def position_csv(r: str, a: str, p: str) -> str:
    return f"{addresses.base('jabatan', r, a, p)}_riwayat.csv"


def report_json(r: str, a: str, p: str, tahun: int, triwulan: int) -> str:
    return f"{API_DIR}/{r}/{a}/{p}/{addresses.period_slug(tahun, triwulan)}.json"


def agency_feed(r: str, a: str) -> str:
    return f"{r}/{a}/{FEED}"


def _cell(name: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if name in _NUMERIC or name in ("lama", "baru"):
        try:
            Decimal(text)
            return text  # a number stays a number (a negative one too)
        except InvalidOperation:
            pass
    return safe_text(text)


def csv_bytes(entries: list[dict[str, Any]]) -> bytes:
    """The entries, oldest first, one row each."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(COLUMNS)
    for e in entries:
        row = {**e, "pull_request": e.get("pr")}
        w.writerow([_cell(c, row.get(c)) for c in COLUMNS])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _entry_doc(e: dict[str, Any]) -> dict[str, Any]:
    return {
        "tanggal": e["tanggal"],
        "waktu": e["waktu"],
        "commit": e["commit_penuh"],
        "commit_pendek": e["commit"],
        "pull_request": e["pr"],
        "jenis": e["jenis"],
        "indikator_id": e.get("indikator_id"),
        "indikator": e.get("indikator"),
        "lama": e.get("lama"),
        "baru": e.get("baru"),
        "capaian_lama": e.get("capaian_lama"),
        "capaian_baru": e.get("capaian_baru"),
        "predikat_lama": e.get("predikat_lama"),
        "predikat_baru": e.get("predikat_baru"),
        "rata_rata_lama": e["rata_rata_lama"],
        "rata_rata_baru": e["rata_rata_baru"],
        "predikat_laporan_lama": e["predikat_laporan_lama"],
        "predikat_laporan_baru": e["predikat_laporan_baru"],
        "setelah_terbit": e["setelah_terbit"],
    }


def report_doc(
    r: str, a: str, p: str, tahun: int, triwulan: int, entries: list[dict[str, Any]], first: tuple[Any, str] | None, dangkal: bool
) -> bytes:
    """The history document of one report (API, schema ``riwayat``): when it first
    appeared and every change since, oldest first. Numbers as text with a point ("95.14"),
    exactly as compared."""
    doc = {
        "skema": SCHEMA,
        "versi": VERSION,
        "url": report_json(r, a, p, tahun, triwulan),
        "halaman": addresses.url(addresses.position(r, a, p)),
        "laporan": addresses.api_report(r, a, p, tahun, triwulan),
        "id": f"{r}/{a}/{p}/{addresses.period_slug(tahun, triwulan)}",
        "terbit": {"tanggal": first[0].isoformat(), "commit": first[1]} if first else None,
        "riwayat_lengkap": not dangkal,
        "perubahan": [_entry_doc(e) for e in entries],
    }
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def schema(site_url: str | None = None) -> bytes:
    """JSON Schema (draft 2020-12) of a report's history document."""
    S, NS, NB = (
        {"type": "string"},
        {"type": ["string", "null"]},
        {"type": ["string", "null"], "description": "angka sebagai teks dengan titik desimal"},
    )
    entry_props = {
        "tanggal": {"type": "string", "format": "date"},
        "waktu": {"type": "string", "format": "date-time"},
        "commit": S,
        "commit_pendek": S,
        "pull_request": {"type": ["integer", "null"]},
        "jenis": {"type": "string", "enum": list(pages.JENIS)},
        "indikator_id": NS,
        "indikator": NS,
        "lama": NS,
        "baru": NS,
        "capaian_lama": NB,
        "capaian_baru": NB,
        "predikat_lama": NS,
        "predikat_baru": NS,
        "rata_rata_lama": NB,
        "rata_rata_baru": NB,
        "predikat_laporan_lama": NS,
        "predikat_laporan_baru": NS,
        "setelah_terbit": {"type": "boolean", "description": "angka yang sudah terbit dengan nilai lalu diubah"},
    }
    props = {
        "skema": S,
        "versi": {"type": "string", "const": VERSION},
        "url": S,
        "halaman": S,
        "laporan": S,
        "id": S,
        "terbit": {
            "type": ["object", "null"],
            "required": ["tanggal", "commit"],
            "properties": {"tanggal": {"type": "string", "format": "date"}, "commit": S},
        },
        "riwayat_lengkap": {"type": "boolean", "description": "false bila repositori klon dangkal"},
        "perubahan": {
            "type": "array",
            "items": {"type": "object", "required": list(entry_props), "properties": entry_props},
        },
    }
    doc = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": (site_url.rstrip("/") + "/" if site_url else "") + SCHEMA,
        "title": "Riwayat perubahan satu laporan",
        "description": "Kapan laporan pertama terbit dan setiap perubahan angkanya sejak itu, dari riwayat git data",
        "type": "object",
        "required": list(props),
        "properties": props,
    }
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


ATOM = "http://www.w3.org/2005/Atom"


def _abs(site_url: str | None, path: str, feed_path: str) -> str:
    """A link of the feed: absolute from the site address when known, else relative to the feed."""
    if site_url:
        return site_url.rstrip("/") + "/" + addresses.url(path)
    return addresses.rel(feed_path, path) if path != feed_path else posixpath.basename(feed_path)


def atom(
    entries: list[dict[str, Any]],
    feed_path: str,
    page_path: str,
    title: str,
    author: str,
    site_url: str | None,
    names: dict[str, str],
) -> bytes:
    """An Atom feed of the newest changes (newest first)."""
    ET.register_namespace("", ATOM)
    ordered = pages.newest_first(entries)[:FEED_ENTRIES]
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "id"})
    ET.SubElement(feed, f"{{{ATOM}}}id").text = _abs(site_url, feed_path, feed_path) if site_url else f"urn:kinerja:{feed_path}"
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = ordered[0]["waktu"] if ordered else "1970-01-01T00:00:00Z"
    ET.SubElement(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = author
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": _abs(site_url, feed_path, feed_path)})
    ET.SubElement(
        feed, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": _abs(site_url, page_path, feed_path)}
    )
    for e in ordered:
        v = pages.view(e, page_path, names)
        item = ET.SubElement(feed, f"{{{ATOM}}}entry")
        key = ":".join(str(x) for x in (e["commit_penuh"], e["laporan"], e["jenis"], e.get("indikator_id") or "-"))
        ET.SubElement(item, f"{{{ATOM}}}id").text = f"urn:kinerja:riwayat:{key}"
        subject = f"{v['perubahan']}" + (f" – {v['indikator']}" if v["indikator"] else "")
        ET.SubElement(item, f"{{{ATOM}}}title").text = f"{v['jabatan']}, {v['periode']}: {subject}"
        ET.SubElement(item, f"{{{ATOM}}}updated").text = e["waktu"]
        pos = addresses.position(e["wilayah"], e["perangkat_daerah"], e["jabatan"])
        ET.SubElement(
            item,
            f"{{{ATOM}}}link",
            {"rel": "alternate", "type": "text/html", "href": _abs(site_url, pos, feed_path) + "#riwayat-perubahan"},
        )
        pr = f", pull request #{e['pr']}" if e["pr"] else ""
        mark = " Diubah setelah terbit." if e["setelah_terbit"] else ""
        ET.SubElement(item, f"{{{ATOM}}}summary").text = f"{subject}; {v['hasil']}. Commit {e['commit']}{pr}.{mark}"
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8", xml_declaration=False) + b"\n"
