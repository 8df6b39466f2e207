"""The portal's config file (nasional.yml)::

    judul: Portal Kinerja Perangkat Daerah Nasional
    deskripsi: Capaian kinerja perangkat daerah dari situs setiap wilayah.
    url: https://kinerja.example.go.id/      # optional: the portal's own address
    wilayah:
      - url: https://kinerja.gresikkab.go.id/  # the regional site's public address
        sumber: ../situs/gresik                # optional: where its built site is read now
      - url: https://kinerja.pekalongankota.go.id/

``sumber`` is a folder (relative to the config file) or an http(s) URL holding the built
site (its ``api/v1/``); without it the public ``url`` is read. Problems are ConfigError
with an Indonesian message naming the file and the entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

DEFAULT_TITLE = "Portal Kinerja Perangkat Daerah Nasional"


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class RegionEntry:
    nomor: int  # 1-based position in the config file
    url: str  # public base URL of the regional site, ending with /
    sumber: str  # a folder path or an http(s) URL of the built site, ending with / for URLs

    @property
    def label(self) -> str:
        return f"wilayah ke-{self.nomor} ({self.url})"

    @property
    def host(self) -> str:
        return urlsplit(self.url).netloc


@dataclass(frozen=True)
class PortalConfig:
    path: Path
    judul: str
    deskripsi: str
    url: str | None
    wilayah: list[RegionEntry]


def is_url(text: str) -> bool:
    return urlsplit(text).scheme in ("http", "https")


def _base(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def read_config(path: Path) -> PortalConfig:
    where = str(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise ConfigError(f"{where}: berkas konfigurasi tidak dapat dibaca ({e.strerror or e}).") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f" baris {mark.line + 1}" if mark is not None else ""
        raise ConfigError(f"{where}{line}: YAML tidak sah ({getattr(e, 'problem', None) or e}).") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: isi berkas harus berupa pemetaan (judul, wilayah, ...).")
    unknown = sorted(set(raw) - {"judul", "deskripsi", "url", "wilayah"})
    if unknown:
        raise ConfigError(
            f"{where}: kunci tidak dikenal: {', '.join(map(str, unknown))} (yang dikenal: judul, deskripsi, url, wilayah)."
        )
    judul = raw.get("judul") or DEFAULT_TITLE
    deskripsi = (
        raw.get("deskripsi") or "Capaian kinerja perangkat daerah yang diterbitkan situs setiap wilayah, dalam satu portal."
    )
    if not isinstance(judul, str) or not isinstance(deskripsi, str):
        raise ConfigError(f"{where}: judul dan deskripsi harus berupa teks.")
    portal_url = raw.get("url")
    if portal_url is not None and (not isinstance(portal_url, str) or not is_url(portal_url)):
        raise ConfigError(f"{where}: url portal harus alamat http(s), misalnya https://kinerja.example.go.id/.")
    items = raw.get("wilayah")
    if not isinstance(items, list) or not items:
        raise ConfigError(f"{where}: daftar wilayah kosong; tulis setidaknya satu wilayah dengan url situsnya.")
    entries: list[RegionEntry] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(items, start=1):
        if isinstance(item, str):
            item = {"url": item}
        if not isinstance(item, dict) or not isinstance(item.get("url"), str) or not is_url(item["url"]):
            raise ConfigError(f"{where}: wilayah ke-{i} harus punya url situs berupa alamat http(s).")
        extra = sorted(set(item) - {"url", "sumber"})
        if extra:
            raise ConfigError(
                f"{where}: wilayah ke-{i}: kunci tidak dikenal: {', '.join(map(str, extra))} (yang dikenal: url, sumber)."
            )
        url = _base(item["url"])
        if url in seen:
            raise ConfigError(f"{where}: wilayah ke-{i} mengulang url wilayah ke-{seen[url]} ({url}).")
        seen[url] = i
        sumber = item.get("sumber")
        if sumber is None:
            source = url
        elif not isinstance(sumber, str) or not sumber.strip():
            raise ConfigError(f"{where}: wilayah ke-{i}: sumber harus berupa folder atau alamat http(s).")
        elif is_url(sumber):
            source = _base(sumber)
        else:
            source = str((path.parent / sumber).resolve())
        entries.append(RegionEntry(i, url, source))
    return PortalConfig(path, judul.strip(), deskripsi.strip(), _base(portal_url) if portal_url else None, entries)
