"""The images named in site.yml (``logo``, ``favicon``): files inside the data folder.

The model checks the form of the name (generator/model/organisation.py, ``Gambar``); this
checks that the file is there, is a plain file (no symbolic link out of data/) and small
enough for every page to load. The build copies them into the site (generator/site/seo.py).
"""

from __future__ import annotations

from pathlib import Path

from generator.core.diagnostics import Diagnostic, msg
from generator.load import Document
from generator.model import Situs

MAX_BYTES = 512 * 1024  # a logo or icon is loaded by every page


def site_images(situs: Situs | None, doc: Document | None, root: Path) -> list[Diagnostic]:
    """Diagnostics for ``logo`` and ``favicon`` of site.yml that do not name a usable file."""
    if situs is None or doc is None:
        return []
    out: list[Diagnostic] = []
    for key in ("logo", "favicon"):
        name = getattr(situs, key)
        if not name:
            continue
        line, col = doc.where((key,))
        path = root / name
        if path.is_symlink() or not path.is_file():
            out.append(
                Diagnostic(
                    doc.rel,
                    line,
                    col,
                    "UNKNOWN_REF",
                    msg(f"berkas {key} '{name}' tidak ada di folder data", f"{key} file '{name}' is not in the data folder"),
                    msg(
                        f"simpan gambarnya di data/{name} (berkas biasa, bukan tautan simbolik) atau hapus baris {key}",
                        f"put the image at data/{name} (a plain file, not a symbolic link) or remove the {key} line",
                    ),
                )
            )
        elif path.stat().st_size > MAX_BYTES:
            out.append(
                Diagnostic(
                    doc.rel,
                    line,
                    col,
                    "NUMBER_RANGE",
                    msg(
                        f"berkas {key} '{name}' terlalu besar ({path.stat().st_size // 1024} KB; paling besar 512 KB)",
                        f"{key} file '{name}' is too large ({path.stat().st_size // 1024} KB; at most 512 KB)",
                    ),
                    msg(
                        "perkecil gambarnya: logo dan ikon dimuat setiap halaman",
                        "make the image smaller: every page loads the logo and icon",
                    ),
                )
            )
    return out
