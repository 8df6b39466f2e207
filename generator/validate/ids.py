"""Names in data/ are ids: checked before anything in them is read.

A region, agency or position id is a folder or file name, and becomes part of page
addresses and download file names. So every name follows the id rule (core/layout.py:
lower-case a–z, 0–9 and single hyphens, at most ID_MAX_LENGTH characters, none of
RESERVED_IDS), no two names in one folder differ only in case (they collide on Windows
and macOS), and a name that breaks a rule is reported at line 1 of its file (or the
folder) with the id to use instead, and not read further.

Symbolic links are refused (SYMLINK) and never followed: a link could publish a file
from outside data/. Hidden entries (a name starting with '.' or '_') are ignored with a
warning (ID_HIDDEN) when they look like data (a folder, or a YAML file): editors, the
operating system and git make such entries, so they must not block a build, and since
they are never read nothing in them is published; the warning makes sure that a data
file named that way by mistake does not vanish without a word.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from generator.core.diagnostics import Diagnostic, Severity, msg
from generator.core.layout import ID_MAX_LENGTH, ID_PATTERN, RESERVED_IDS, YAML_SUFFIXES
from generator.load import Document, Path_, display_path


@dataclass
class Listing:
    """The entries of one data folder that may be read, sorted by name."""

    dirs: list[Path] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)  # YAML files (.yml or .yaml, lower case)


def printable(name: str) -> str:
    """``name`` with control characters such as a newline escaped (\\n)."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in name)


def shown(path: Path) -> str:
    """A path for a diagnostic: the folder as display_path gives it and the name as it is
    (never the target of a link), printable."""
    return f"{display_path(path.parent)}/{printable(path.name)}"


def _error(
    path: Path, code: str, id_text: str, en_text: str, hint_id: str, hint_en: str, severity: Severity = "error"
) -> Diagnostic:
    return Diagnostic(shown(path), 1, 1, code, msg(id_text, en_text), msg(hint_id, hint_en), severity=severity)


def _looks_like_yaml(name: str) -> bool:
    lower = name.lower()
    return any(lower.endswith(s) for s in YAML_SUFFIXES)


def refuse_symlinks(root: Path, out: list[Diagnostic]) -> None:
    """Report every symbolic link under ``root`` (SYMLINK), without following any; hidden
    folders are not entered (they are ignored, see the module docstring)."""
    for folder, dirs, files in os.walk(root, followlinks=False):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")) or (here / d).is_symlink())
        for name in sorted(dirs) + sorted(files):
            p = here / name
            if p.is_symlink():
                out.append(
                    _error(
                        p,
                        "SYMLINK",
                        "tautan simbolik (symlink) di folder data ditolak dan tidak diikuti",
                        "a symbolic link in the data folder is refused and not followed",
                        "salin berkas atau folder aslinya ke tempat ini, lalu hapus tautannya",
                        "copy the real file or folder here and delete the link",
                    )
                )


def listing(folder: Path, out: list[Diagnostic]) -> Listing:
    """The folders and YAML files directly in ``folder`` that may be read (never a symbolic
    link: refuse_symlinks reports those). Reports hidden entries, YAML suffixes not in
    lower case, and names that differ only in case (or only in .yml/.yaml), of which only
    one is listed: a valid id if there is one, spelled .yml if it can be."""
    result = Listing()
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as e:
        out.append(
            _error(
                folder,
                "MISPLACED_FILE",
                f"folder tidak dapat dibaca: {e.strerror}",
                f"cannot read folder: {e.strerror}",
                "periksa izin akses folder ini",
                "check the folder's permissions",
            )
        )
        return result
    groups: dict[str, list[tuple[Path, str]]] = {}
    for p in entries:
        if p.is_symlink():
            continue  # reported by refuse_symlinks
        is_dir = p.is_dir()
        is_yaml = not is_dir and p.is_file() and _looks_like_yaml(p.name)
        if not (is_dir or is_yaml):
            continue  # not data: README, PDF, .DS_Store, …
        if p.name.startswith((".", "_")):
            kind = ("folder", "folder") if is_dir else ("berkas", "file")
            out.append(
                _error(
                    p,
                    "ID_HIDDEN",
                    f"{kind[0]} '{printable(p.name)}' diawali titik atau garis bawah: diabaikan, isinya tidak dibaca dan tidak diterbitkan",
                    f"{kind[1]} '{printable(p.name)}' starts with a dot or an underscore: ignored, never read or published",
                    "bila ini data, beri nama tanpa titik atau garis bawah di depan, mis. "
                    + (suggest(p.name if is_dir else p.stem) or "kepala-dinas")
                    + ("" if is_dir else ".yml"),
                    "if this is data, rename it without the leading dot or underscore",
                    severity="warning",
                )
            )
            continue
        if is_yaml and p.suffix not in YAML_SUFFIXES:
            out.append(
                _error(
                    p,
                    "ID_FORMAT",
                    f"akhiran nama berkas '{printable(p.name)}' harus .yml (huruf kecil)",
                    f"the file name '{printable(p.name)}' must end in .yml (lower case)",
                    f"ganti nama menjadi {suggest(p.name[: -len(p.suffix)]) or p.stem}.yml",
                    "rename it to end in .yml",
                )
            )
            continue
        ident = p.name if is_dir else p.stem
        groups.setdefault(("d:" if is_dir else "f:") + ident.casefold(), []).append((p, ident))
    for members in groups.values():
        # the member to keep: a valid id first, then the .yml spelling
        members.sort(key=lambda m: (id_problem(m[1]) is not None, m[0].suffix not in ("", ".yml"), m[0].name))
        first = members[0][0]
        (result.dirs if first.is_dir() else result.files).append(first)
        for p, ident in members[1:]:
            same_id = ident == members[0][1]
            this, kept = printable(p.name), printable(first.name)
            out.append(
                _error(
                    p,
                    "DUPLICATE_ID" if same_id else "ID_CASE_CLASH",
                    f"'{this}' dan '{kept}' memakai id yang sama; hanya '{kept}' yang dibaca"
                    if same_id
                    else f"'{this}' dan '{kept}' hanya berbeda huruf besar/kecil: di Windows dan macOS keduanya "
                    f"dianggap nama yang sama; hanya '{kept}' yang dibaca",
                    f"'{this}' and '{kept}' have the same id; only '{kept}' is read"
                    if same_id
                    else f"'{this}' and '{kept}' differ only in case, one name on Windows and macOS; only '{kept}' is read",
                    f"gabungkan isinya ke '{kept}', lalu hapus '{this}'",
                    f"merge it into '{kept}', then delete '{this}'",
                )
            )
    result.dirs.sort(key=lambda p: p.name)
    result.files.sort(key=lambda p: p.name)
    return result


def suggest(name: str) -> str:
    """The id closest to ``name``: accents dropped, lower case, every other run of
    characters a single hyphen, cut to ID_MAX_LENGTH at a hyphen."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > ID_MAX_LENGTH:
        cut = slug[: ID_MAX_LENGTH + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut else slug[:ID_MAX_LENGTH]
        slug = slug.strip("-")
    return slug


def id_problem(ident: str, reserved: set[str] = RESERVED_IDS) -> tuple[str, str, str] | None:
    """(code, Indonesian reason, English reason) when ``ident`` breaks the id rule, else None."""
    if not re.fullmatch(ID_PATTERN, ident):
        return (
            "ID_FORMAT",
            "id hanya boleh berisi huruf kecil a–z, angka 0–9 dan tanda hubung tunggal di antaranya",
            "an id holds only lower-case a–z, digits 0–9 and single hyphens between them",
        )
    if len(ident) > ID_MAX_LENGTH:
        return (
            "ID_TOO_LONG",
            f"id {len(ident)} karakter, paling banyak {ID_MAX_LENGTH}",
            f"the id has {len(ident)} characters, at most {ID_MAX_LENGTH}",
        )
    if ident in reserved:
        return ("ID_RESERVED", f"'{ident}' adalah nama yang dicadangkan", f"'{ident}' is a reserved name")
    return None


def _replacement(ident: str, reserved: set[str], example: str) -> str:
    slug = suggest(ident)
    if not slug:
        return example
    if slug in reserved:
        slug = f"{slug}-{example.split('-')[0]}"
    return slug


def check_name(path: Path, ident: str, out: list[Diagnostic], example: str, reserved: set[str] = RESERVED_IDS) -> bool:
    """True when the name ``ident`` of ``path`` (a folder, or a file without its suffix) is
    a valid id; otherwise the problem is reported at line 1 with the id to use instead."""
    problem = id_problem(ident, reserved)
    if problem is None:
        return True
    code, reason, reason_en = problem
    better = _replacement(ident, reserved, example)
    suffix = path.suffix if path.name != ident else ""
    out.append(
        _error(
            path,
            code,
            f"nama '{printable(ident)}' tidak dapat dipakai sebagai id: {reason}; isinya tidak dibaca",
            f"the name '{printable(ident)}' cannot be an id: {reason_en}; it is not read",
            f"ganti nama menjadi {better}{suffix}",
            f"rename it to {better}{suffix}",
        )
    )
    return False


def check_value(doc: Document, loc: Path_, ident: str, out: list[Diagnostic], example: str) -> None:
    """An id written inside a file that becomes part of an address (a unit id, a comparison
    group): the model has checked its pattern; here its length and the reserved names."""
    problem = id_problem(ident)
    if problem is None:
        return
    code, reason, reason_en = problem
    line, col = doc.where(loc)
    better = _replacement(ident, RESERVED_IDS, example)
    out.append(
        Diagnostic(
            doc.rel,
            line,
            col,
            code,
            msg(f"id '{ident}': {reason}", f"id '{ident}': {reason_en}"),
            msg(f"pakai {better}", f"use {better}"),
        )
    )
