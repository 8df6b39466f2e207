"""Web addresses and e-mail addresses from the data, checked before anything links to them.

A link from the data must be what it shows: ``http``/``https`` only (never ``javascript:``,
``data:`` …), no user-info part (``https://good.go.id@evil.example/`` goes to evil.example),
a plain host name. The fields: ``ppid.formulir_url`` and ``situs_web`` of perangkat-daerah.yml,
``tautan`` of ppid/dip.yml (a web address or a page of this site), and the ``email`` fields.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from generator.core.diagnostics import Diagnostic, Severity, msg
from generator.load import Document, Path_
from generator.validate.dataset import AgencyRecord

WEB = ("http", "https")
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_HOST = re.compile(rf"{_LABEL}(?:\.{_LABEL})+")
_IPV4 = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_DOCS_PATH = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._/-]*(?:#[A-Za-z0-9_-]+)?")


@dataclass(frozen=True)
class Problem:
    code: str  # URL_SCHEME | URL_USERINFO | URL_FORMAT
    id: str
    en: str
    hint_id: str
    hint_en: str


def _scheme(value: str, allowed: tuple[str, ...]) -> Problem:
    shown = value.split(":", 1)[0][:20]
    return Problem(
        "URL_SCHEME",
        f"alamat '{shown}:…' tidak diizinkan; tautan dari data hanya boleh {', '.join(allowed)}",
        f"scheme '{shown}:' not allowed; links from the data may only be {', '.join(allowed)}",
        "tulis alamat lengkap yang diawali https:// (mis. https://ppid.kota.go.id/formulir)",
        "write the full address starting with https://",
    )


def web_problem(value: str, allowed: tuple[str, ...] = WEB) -> Problem | None:
    """Why ``value`` is not a plain web address to link to (None when it is one)."""
    v = value.strip()
    if not v or any(c.isspace() or ord(c) < 32 or ord(c) == 127 or c == "\\" for c in v):
        return Problem(
            "URL_FORMAT",
            "alamat web memuat spasi, garis miring terbalik atau karakter kendali",
            "the address contains a space, a backslash or a control character",
            "tulis alamatnya tanpa spasi; spasi di dalam alamat ditulis %20",
            "write it without spaces (%20 inside a path)",
        )
    try:
        parts = urlsplit(v)
        port = parts.port
    except ValueError:
        parts, port = None, None
    if parts is None:
        return Problem(
            "URL_FORMAT",
            "alamat web tidak dapat dibaca",
            "the address cannot be parsed",
            "periksa penulisan alamat",
            "check the address",
        )
    if parts.scheme.lower() not in allowed:
        return _scheme(v, allowed)
    if "@" in parts.netloc:
        return Problem(
            "URL_USERINFO",
            f"alamat web memuat bagian sebelum '@' ('{parts.netloc.rsplit('@', 1)[0][:40]}@'): "
            f"tautan ini sebenarnya menuju {parts.netloc.rsplit('@', 1)[1][:60] or 'situs lain'}",
            f"the address has a user-info part before '@': it really goes to {parts.netloc.rsplit('@', 1)[1][:60]}",
            "hapus bagian sebelum '@'; tulis alamat situs yang dituju apa adanya",
            "remove the part before '@'",
        )
    host = parts.hostname or ""
    if not (_HOST.fullmatch(host) or _IPV4.fullmatch(host)) or (port is not None and not 0 < port < 65536):
        return Problem(
            "URL_FORMAT",
            f"nama situs '{parts.netloc[:60]}' tidak sah",
            f"host name '{parts.netloc[:60]}' is not valid",
            "tulis nama domain dengan huruf Latin, angka, titik dan tanda hubung (mis. ppid.kota.go.id)",
            "use a plain domain name (letters, digits, dots, hyphens)",
        )
    return None


def docs_or_web_problem(value: str) -> Problem | None:
    """``tautan`` of a DIP entry: a web address, or a page of this site (``a/b.md``)."""
    v = value.strip()
    if ":" in v.split("/", 1)[0] or v.startswith("//"):
        return web_problem(v)
    if _DOCS_PATH.fullmatch(v) and ".." not in v.split("/"):
        return None
    return Problem(
        "URL_FORMAT",
        "tautan bukan alamat web (https://…) dan bukan halaman situs ini",
        "the link is neither a web address (https://…) nor a page of this site",
        "tulis alamat lengkap yang diawali https://, atau jalur halaman situs ini seperti "
        "kota-contoh/dinas-contoh/jabatan/kepala-dinas.md (tanpa / di depan, tanpa ..)",
        "write a full https:// address, or a page path such as kota-contoh/dinas-contoh/jabatan/kepala-dinas.md",
    )


def site_problem(value: str) -> Problem | None:
    """``situs_web``: shown as text, so a bare domain (www.kota.go.id) is fine too."""
    v = value.strip()
    return web_problem(v if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", v) else f"https://{v}")


def email_problem(value: str) -> Problem | None:
    """An ``email`` field: a plain address. Another scheme (javascript:, …) is an error; an
    address written otherwise (``ppid[at]kota.go.id``) is shown as text, not linked."""
    v = value.strip()
    if v.lower().startswith("mailto:"):
        v = v[7:]
    if _EMAIL.fullmatch(v):
        return None
    if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", v):
        return _scheme(v, ("alamat surel biasa",))
    return Problem(
        "URL_FORMAT",
        "bukan alamat surel yang lengkap: ditampilkan sebagai teks, tanpa tautan",
        "not a well-formed e-mail address: shown as text, not linked",
        "tulis alamatnya saja, mis. ppid@kota.go.id",
        "write the address alone, e.g. ppid@kota.go.id",
    )


def _diag(doc: Document, loc: Path_, p: Problem) -> Diagnostic:
    line, col = doc.where(loc)
    severity: Severity = "warning" if p.code == "URL_FORMAT" and loc[-1] == "email" else "error"
    return Diagnostic(doc.rel, line, col, p.code, msg(p.id, p.en), msg(p.hint_id, p.hint_en), severity=severity)


def link_rules(agency: AgencyRecord) -> list[Diagnostic]:
    """Every web and e-mail address of one agency's files."""
    out: list[Diagnostic] = []
    pd, doc = agency.model, agency.doc
    checks: list[tuple[Document, Path_, str | None, Callable[[str], Problem | None]]] = [
        (doc, ("situs_web",), pd.situs_web, site_problem),
        (doc, ("email",), pd.email, email_problem),
    ]
    if pd.ppid:
        checks += [
            (doc, ("ppid", "formulir_url"), pd.ppid.formulir_url, web_problem),
            (doc, ("ppid", "email"), pd.ppid.email, email_problem),
        ]
    if agency.dip_tambahan:
        dip, ddoc = agency.dip_tambahan
        checks += [(ddoc, ("entri", i, "tautan"), e.tautan, docs_or_web_problem) for i, e in enumerate(dip.entri)]
    for d, loc, value, rule in checks:
        problem = rule(value) if value else None
        if problem:
            out.append(_diag(d, loc, problem))
    return out
