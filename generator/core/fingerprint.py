"""What a cached output was made by: digests of whole packages of this code.

Every cache (parsed data files, charts, workbooks, rendered agencies, the previous site)
keys its entries by the inputs *and* by the code that turned them into output. Keys name
packages, never single files: a function moved to another module, or a module split in
two, stays inside the package that is hashed, so a reorganisation can never serve output
made by old code. Installed versions of the libraries that write the bytes count too.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent  # the generator package
SUFFIXES = (".py", ".j2", ".json", ".css", ".js", ".typ")  # .typ: the document templates (templates/dokumen)


def digest(*parts: bytes) -> str:
    """sha256 of byte strings, each length-prefixed (so parts cannot run into each other)."""
    h = hashlib.sha256()
    for p in parts:
        h.update(len(p).to_bytes(8, "little"))
        h.update(p)
    return h.hexdigest()


def versions(*names: str) -> str:
    """Installed versions of the named distributions ("-" for one that is not)."""
    from importlib.metadata import PackageNotFoundError, version

    def one(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "-"

    return " ".join(f"{n} {one(n)}" for n in names)


@cache
def code_digest(*packages: str, libraries: tuple[str, ...] = ()) -> str:
    """Digest of every source and template file under the named subpackages of
    ``generator`` (``"render"``, ``"core"``; ``""`` for all of it), and of the versions of
    ``libraries``."""
    files: set[Path] = set()
    for name in packages:
        base = ROOT.joinpath(*name.split(".")) if name else ROOT
        if not base.is_dir():
            raise ValueError(f"no package generator.{name}")
        files.update(p for p in base.rglob("*") if p.is_file() and p.suffix in SUFFIXES and "__pycache__" not in p.parts)
    parts = [p.relative_to(ROOT).as_posix().encode() + b"\0" + p.read_bytes() for p in sorted(files)]
    parts.append(versions(*libraries).encode())
    return digest(*parts)
