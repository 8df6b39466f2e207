"""One region's published catalogue, read and checked: ``api/v1/index.json``, the
region documents and the agency documents it links (generator/opendata/api.py writes
them), and whether the site has its Pagefind index.

A source is a folder (the built site) or an http(s) URL (read with urllib, with a
timeout). Whatever is wrong, a missing file, a timeout, invalid JSON, another API
version, a missing field, becomes RegionError naming the file and the reason in
Indonesian; the caller lists the region as "tidak tersedia" or stops.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from generator.nasional.config import RegionEntry, is_url

API_VERSION = "kinerja-api/1"  # generator/opendata/api.py VERSION: the major version read here
TIMEOUT = 20  # seconds per request to a regional site
MAX_BYTES = 50 * 1024 * 1024  # one API document larger than this is refused
_DOC = re.compile(r"^api/v1/[a-z0-9][a-z0-9/_.-]*\.json$")
_PAGE = re.compile(r"^[a-z0-9][a-z0-9/_.-]*$")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class RegionError(Exception):
    def __init__(self, where: str, reason: str):
        super().__init__(f"{where}: {reason}")
        self.where, self.reason = where, reason


@dataclass
class Report:
    tahun: int
    triwulan: int
    rata_rata: Decimal | None
    predikat: str | None

    @property
    def key(self) -> tuple[int, int]:
        return (self.tahun, self.triwulan)


@dataclass
class AgencyData:
    id: str
    nama: str
    singkatan: str | None
    halaman: str  # absolute URL on the regional site
    jabatan: int
    laporan: list[Report] = field(default_factory=list)  # each position's latest report


@dataclass
class RegionData:
    id: str
    nama: str
    jenis: str
    halaman: str
    kepala_daerah: str | None
    agencies: list[AgencyData] = field(default_factory=list)


@dataclass
class SiteData:
    entry: RegionEntry
    judul: str
    data_per: str | None
    regions: list[RegionData]
    search: bool  # the site has pagefind/ (its pages can be searched from the portal)
    files: int  # documents read


def _read(entry: RegionEntry, rel: str) -> tuple[bytes, str]:
    if is_url(entry.sumber):
        url = urljoin(entry.sumber, rel)
        req = urllib.request.Request(url, headers={"User-Agent": "kinerja-nasional", "Accept": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=TIMEOUT) as resp:
                body = resp.read(MAX_BYTES + 1)
        except urllib.error.HTTPError as e:
            raise RegionError(url, f"server menjawab HTTP {e.code}") from None
        except TimeoutError:
            raise RegionError(url, f"tidak ada jawaban dalam {TIMEOUT} detik") from None
        except (urllib.error.URLError, OSError) as e:
            reason = getattr(e, "reason", e)
            if isinstance(reason, TimeoutError):
                raise RegionError(url, f"tidak ada jawaban dalam {TIMEOUT} detik") from None
            raise RegionError(url, f"tidak dapat dihubungi ({reason})") from None
        where = url
    else:
        path = Path(entry.sumber) / rel
        where = str(path)
        if not Path(entry.sumber).is_dir():
            raise RegionError(entry.sumber, "folder sumber tidak ada")
        try:
            with open(path, "rb") as fd:
                body = fd.read(MAX_BYTES + 1)
        except FileNotFoundError:
            raise RegionError(where, "berkas tidak ada (situs wilayah belum dibangun, atau tanpa api/v1?)") from None
        except OSError as e:
            raise RegionError(where, f"berkas tidak dapat dibaca ({e.strerror or e})") from None
    if len(body) > MAX_BYTES:
        raise RegionError(where, f"berkas lebih besar dari {MAX_BYTES // 1024 // 1024} MB")
    return body, where


def _json(entry: RegionEntry, rel: str, skema: str) -> tuple[dict, str]:
    if not _DOC.match(rel) or ".." in rel:
        raise RegionError(f"{entry.sumber}{rel}", "alamat dokumen API tidak sah")
    body, where = _read(entry, rel)
    try:
        doc = json.loads(body.decode("utf-8"), parse_float=Decimal)
    except (UnicodeDecodeError, ValueError) as e:
        raise RegionError(where, f"bukan JSON yang sah ({e})") from None
    if not isinstance(doc, dict):
        raise RegionError(where, "dokumen API harus berupa objek JSON")
    versi = doc.get("versi")
    if versi != API_VERSION:
        raise RegionError(where, f"versi API {versi!r} tidak dikenal (portal membaca {API_VERSION})")
    if not str(doc.get("skema") or "").endswith(f"/{skema}.schema.json"):
        raise RegionError(where, f"bukan dokumen {skema} (skema {doc.get('skema')!r})")
    return doc, where


def _get(doc: dict, key: str, kind: type | tuple[type, ...], where: str, optional: bool = False) -> Any:
    value = doc.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, kind) or isinstance(value, bool):
        raise RegionError(where, f"kolom '{key}' tidak ada atau jenisnya salah")
    return value


def _id(doc: dict, key: str, where: str) -> str:
    value = _get(doc, key, str, where)
    if not _ID.match(value):
        raise RegionError(where, f"kolom '{key}' bukan pengenal yang sah ({value[:60]!r})")
    return value


def _page(entry: RegionEntry, doc: dict, where: str) -> str:
    halaman = doc.get("halaman")
    if isinstance(halaman, str) and _PAGE.match(halaman) and ".." not in halaman:
        return entry.url + halaman
    return entry.url


def _number(value: object, where: str) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise RegionError(where, f"rata_rata_capaian bukan angka ({value!r})")
    return Decimal(value)


def _report(item: object, where: str) -> Report | None:
    if item is None:
        return None
    if not isinstance(item, dict):
        raise RegionError(where, "laporan_terakhir harus berupa objek")
    tahun, tw = _get(item, "tahun", int, where, optional=True), _get(item, "triwulan", int, where)
    if tahun is None:
        return None  # a document that states no year cannot be placed in time
    if tw not in (1, 2, 3, 4):
        raise RegionError(where, f"triwulan {tw} di luar 1–4")
    return Report(tahun, tw, _number(item.get("rata_rata_capaian"), where), _get(item, "predikat", str, where, optional=True))


def read_site(entry: RegionEntry) -> SiteData:
    """The region's catalogue; RegionError on the first problem."""
    index, where = _json(entry, "api/v1/index.json", "index")
    files = 1
    judul = _get(index, "judul", str, where)
    regions: list[RegionData] = []
    refs = _get(index, "wilayah", list, where)
    agency_refs = _get(index, "perangkat_daerah", list, where)
    if not refs:
        raise RegionError(where, "katalog tidak memuat satu wilayah pun")
    for ref in refs:
        if not isinstance(ref, dict):
            raise RegionError(where, "isi daftar wilayah harus berupa objek")
        doc, w = _json(entry, _get(ref, "url", str, where), "wilayah")
        files += 1
        rid = _id(doc, "id", w)
        if rid != _id(ref, "id", where):
            raise RegionError(w, f"id {rid!r} berbeda dengan indeks ({ref.get('id')!r})")
        kd = doc.get("kepala_daerah")
        region = RegionData(
            rid,
            _get(doc, "nama", str, w),
            _get(doc, "jenis", str, w),
            _page(entry, doc, w),
            _get(kd, "nama", str, w, optional=True) if isinstance(kd, dict) else None,
        )
        for aref in _get(doc, "perangkat_daerah", list, w):
            if not isinstance(aref, dict):
                raise RegionError(w, "isi daftar perangkat daerah harus berupa objek")
            adoc, aw = _json(entry, _get(aref, "url", str, w), "perangkat-daerah")
            files += 1
            jabatan = _get(adoc, "jabatan", list, aw)
            laporan = [r for r in (_report(j.get("laporan_terakhir") if isinstance(j, dict) else None, aw) for j in jabatan) if r]
            region.agencies.append(
                AgencyData(
                    _id(adoc, "perangkat_daerah", aw),
                    _get(adoc, "nama", str, aw),
                    _get(adoc, "singkatan", str, aw, optional=True),
                    _page(entry, adoc, aw),
                    len(jabatan),
                    laporan,
                )
            )
        regions.append(region)
    listed = sum(1 for a in agency_refs if isinstance(a, dict))
    if listed != sum(len(r.agencies) for r in regions):
        raise RegionError(where, "jumlah perangkat daerah di indeks berbeda dengan dokumen wilayahnya")
    data_per = index.get("data_per") if isinstance(index.get("data_per"), str) else None
    return SiteData(entry, judul, data_per, regions, _has_search(entry), files)


def _has_search(entry: RegionEntry) -> bool:
    try:
        _read(entry, "pagefind/pagefind-entry.json")
    except RegionError:
        return False
    return True
