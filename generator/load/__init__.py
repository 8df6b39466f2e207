"""Load stage: YAML files → plain Python trees that remember where each value was written.

PyYAML's own loaders lose positions and silently keep the last of two duplicate keys
(losing data). We compose the node graph ourselves instead: every key becomes text (so
``no:`` or ``on:`` never turn into booleans), duplicate keys are reported, numbers keep
their source text (``YamlNumber``) for the exact parser, and every value's line and
column is recorded under its path so later stages can point at it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.core.diagnostics import Diagnostic, Msg, msg
from generator.model import YamlNumber

_Loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader]
try:  # the C composer is several times faster on large trees
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

Path_ = tuple[Any, ...]

_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"


@dataclass
class Document:
    """One YAML file: its data and where each path was written."""

    path: Path
    rel: str
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def where(self, loc: Path_, *, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of ``loc``, or of its nearest written ancestor."""
        loc = tuple(loc)
        # The key's line first: for a block value ("ikm:" then indented lines) that is the
        # line people look at; for a scalar it is the same line anyway.
        while loc:
            if loc in self.key_positions:
                return self.key_positions[loc]
            if not key and loc in self.positions:
                return self.positions[loc]
            loc = loc[:-1]
        return self.positions.get((), (1, 1))


def walk(value: Any, skip: Callable[[str], bool] = lambda key: False, loc: Path_ = ()) -> Iterator[tuple[Path_, str | None, Any]]:
    """Every key and every text of a loaded tree, depth first in written order: ``(path,
    key, None)`` for a mapping key (its value follows unless ``skip(key)``) and ``(path,
    None, text)`` for a string (numbers stay ``YamlNumber``, which is a ``str``)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield loc + (key,), str(key), None
            if not skip(str(key)):
                yield from walk(item, skip, loc + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from walk(item, skip, loc + (i,))
    elif isinstance(value, str):
        yield loc, None, value


class _TooLarge(Exception):
    pass


# Aliases can expand exponentially ("billion laughs"); no real data file comes near this.
MAX_VALUES = 500_000


class _Builder:
    def __init__(self, doc: Document, problems: list[Diagnostic]):
        self.doc = doc
        self.problems = problems
        self.count = 0

    def build(self, node: yaml.Node, loc: Path_) -> Any:
        self.count += 1
        if self.count > MAX_VALUES:
            raise _TooLarge
        self.doc.positions[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            previous: yaml.Node | None = None
            for key_node, value_node in node.value:
                if node.flow_style and previous is not None and _split_decimal(previous, key_node, value_node):
                    self._problem(
                        key_node,
                        "COMMA_DECIMAL",
                        msg(
                            f"angka desimal '{previous.value},{key_node.value}' di dalam {{...}} dipisah YAML menjadi dua nilai",
                            f"the decimal '{previous.value},{key_node.value}' inside {{...}} is split by YAML into two values",
                        ),
                        msg(
                            f'beri tanda kutip: "{previous.value},{key_node.value}", atau tulis setiap kunci pada barisnya sendiri',
                            f'quote it: "{previous.value},{key_node.value}", or write each key on its own line',
                        ),
                    )
                    previous = None
                    continue
                previous = value_node
                if not isinstance(key_node, yaml.ScalarNode):
                    self._problem(
                        key_node,
                        "TYPE",
                        msg("kunci harus berupa teks biasa", "keys must be plain text"),
                        msg("tulis kunci sebagai teks, mis. `realisasi:`", "write the key as text"),
                    )
                    continue
                key = key_node.value
                if key == "<<":
                    self._problem(
                        key_node,
                        "TYPE",
                        msg("penggabungan YAML (<<) tidak didukung", "YAML merge keys (<<) are not supported"),
                        msg("tulis isinya secara langsung", "write the values out"),
                    )
                    continue
                if key in out:
                    first = self.doc.key_positions[loc + (key,)]
                    self._problem(
                        key_node,
                        "DUPLICATE_KEY",
                        msg(
                            f"kunci '{key}' ditulis dua kali (pertama di baris {first[0]}); YAML hanya menyimpan salah satunya",
                            f"key '{key}' appears twice (first on line {first[0]}); YAML keeps only one of them",
                        ),
                        msg("gabungkan kedua isian atau hapus salah satunya", "merge the two entries or delete one"),
                    )
                    continue
                self.doc.key_positions[loc + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                out[key] = self.build(value_node, loc + (key,))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, loc + (i,)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)  # the composer makes nothing else
        tag, text = node.tag, node.value
        if node.style in ("'", '"', "|", ">"):
            return text
        if tag in _NUMBER_TAGS:
            return YamlNumber(text)
        if tag == _BOOL:
            return text.lower() in ("true", "yes", "on", "y")
        if tag == _NULL:
            return None
        return text  # str, timestamps (pydantic parses ISO dates), anything else as written

    def _problem(self, node: yaml.Node, code: str, message: Msg, hint: Msg | None) -> None:
        self.problems.append(Diagnostic(self.doc.rel, node.start_mark.line + 1, node.start_mark.column + 1, code, message, hint))


def _split_decimal(previous: yaml.Node | None, key_node: yaml.Node, value_node: yaml.Node) -> bool:
    """`{ikm: 108,58}`: in flow style the comma ends the value, leaving a key '58' with no value."""
    return (
        isinstance(previous, yaml.ScalarNode)
        and previous.tag in _NUMBER_TAGS
        and not previous.style
        and isinstance(key_node, yaml.ScalarNode)
        and key_node.value.isdigit()
        and isinstance(value_node, yaml.ScalarNode)
        and value_node.tag == _NULL
        and value_node.value == ""
    )


def _char_at(text: str, mark: yaml.Mark | None) -> str | None:
    if mark is None:
        return None
    lines = text.splitlines()
    if 0 <= mark.line < len(lines) and 0 <= mark.column < len(lines[mark.line]):
        return lines[mark.line][mark.column]
    return None


# PyYAML's problem texts → plain Indonesian (the English text stays in the English message)
_YAML_PROBLEMS: list[tuple[str, str]] = [
    (r"mapping values are not allowed", "titik dua (kunci: nilai) tidak boleh ada di sini"),
    (r"found character '\\t'|tab character", "ada karakter tab; indentasi harus memakai spasi"),
    (r"cannot start any token", "karakter {found}tidak boleh mengawali nilai"),
    (r"unexpected end of stream", "berkas berakhir sebelum tanda kutip atau kurung ditutup"),
    (r"did not find expected key|expected <block end>", "indentasi baris ini tidak sejajar dengan baris di atasnya"),
    (r"expected '-' indicator", "butir daftar (baris berawalan '- ') yang diharapkan tidak ada; periksa indentasinya"),
    (r"expected ',' or '\]'", "daftar di dalam [ ] tidak ditutup dengan ']' atau kurang tanda koma"),
    (r"expected ',' or '\}'", "pemetaan di dalam { } tidak ditutup dengan '}' atau kurang tanda koma"),
    (r"undefined alias", "tanda * di awal nilai dibaca sebagai alias YAML yang tidak ada"),
    (r"unknown escape character", "garis miring terbalik (\\) di dalam tanda kutip ganda diikuti karakter yang tidak dikenal"),
    (r"could not find expected ':'", "titik dua (:) setelah kunci tidak ditemukan"),
    (r"duplicate anchor", "penanda & yang sama dipakai dua kali"),
    (
        r"unacceptable character|control characters",
        "berkas berisi karakter kontrol yang tak terlihat (biasanya terbawa saat menyalin dari dokumen lain)",
    ),
]


def yaml_problem_id(problem: str, found: str | None) -> str:
    """PyYAML's ``problem`` in Indonesian; ``found``: the character where it was found."""
    for pattern, text in _YAML_PROBLEMS:
        if re.search(pattern, problem):
            shown = f"'{found}' " if found and found.isprintable() and not found.isspace() else ""
            return text.replace("{found}", shown)
    return "susunan berkas tidak dapat dibaca di sekitar baris ini"


def _syntax_hint(problem: str) -> Msg:
    p = problem or ""
    if "unacceptable character" in p or "control characters" in p:
        return msg(
            "hapus karakter itu: ketik ulang baris ini, atau tempel teks tanpa format (Ctrl+Shift+V)",
            "remove the character: retype the line, or paste as plain text",
        )
    if "could not find expected ':'" in p or "mapping values are not allowed" in p:
        return msg(
            "periksa titik dua setelah kunci dan indentasi (spasi, bukan tab); teks yang berisi ': ' perlu tanda kutip",
            "check the colon after each key and the indentation (spaces, not tabs); quote text that contains ': '",
        )
    if "found character '\\t'" in p or "tab character" in p:
        return msg("ganti karakter tab dengan spasi", "replace tab characters with spaces")
    if "cannot start any token" in p:
        return msg(
            'beri tanda kutip pada seluruh teksnya, mis. "@dinas" atau "`kode`"',
            'put the whole text in quotes, e.g. "@dinas"',
        )
    if "found undefined alias" in p:
        return msg(
            "tanda * di awal teks dibaca sebagai alias; beri tanda kutip", "a leading * is read as an alias; quote the text"
        )
    if "expected ',' or" in p:
        return msg(
            "tutup dengan ']' atau '}', atau tulis setiap butir pada barisnya sendiri",
            "close it with ']' or '}', or write each item on its own line",
        )
    if "unknown escape character" in p:
        return msg(
            "pakai tanda kutip tunggal ('…'), atau tulis \\\\ untuk satu garis miring terbalik",
            "use single quotes, or write \\\\ for one backslash",
        )
    if "expected <block end>" in p or "did not find expected" in p:
        return msg("indentasi baris ini tidak sejajar dengan baris di atasnya", "this line's indentation does not line up")
    return msg(
        "periksa tanda kutip, titik dua dan indentasi di sekitar baris ini",
        "check quotes, colons and indentation around this line",
    )


def display_path(path: Path) -> str:
    """The path as the user would type it: relative to the working directory when inside
    it (so CI annotations land on the right file), else absolute."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.resolve().as_posix()


def load_yaml(path: Path, root: Path | None = None) -> tuple[Document, list[Diagnostic]]:
    """Parse one file. Never raises on bad content: problems are returned."""
    rel = display_path(path)
    doc = Document(path=path, rel=rel, data=None)
    problems: list[Diagnostic] = []
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        problems.append(
            Diagnostic(
                rel,
                1,
                1,
                "YAML_SYNTAX",
                msg(f"berkas bukan teks UTF-8 (byte ke-{e.start + 1} tidak sah)", f"file is not UTF-8 ({e.reason})"),
                msg("simpan ulang berkas dengan encoding UTF-8", "save the file as UTF-8"),
            )
        )
        return doc, problems
    except OSError as e:
        problems.append(
            Diagnostic(
                rel, 1, 1, "YAML_SYNTAX", msg(f"berkas tidak dapat dibaca: {e.strerror}", f"cannot read file: {e.strerror}")
            )
        )
        return doc, problems
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        if e.context and "quoted scalar" in e.context and e.context_mark:
            mark = e.context_mark  # point at the quote that was never closed, not at the end of the file
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = e.problem or str(e)
        found = _char_at(text, e.problem_mark)
        if found == "\t":
            what = f"found character '\\t' ({what})"  # the C parser does not name the character
        if e.context and "quoted scalar" in e.context and "end of stream" in what:
            what_id = "tanda kutip yang dibuka di sini tidak ditutup"
        else:
            what_id = yaml_problem_id(what, found)
        problems.append(
            Diagnostic(
                rel,
                line,
                col,
                "YAML_SYNTAX",
                msg(f"sintaks YAML salah: {what_id}", f"YAML syntax error: {what}"),
                _syntax_hint(what),
            )
        )
        return doc, problems
    except yaml.YAMLError as e:  # e.g. a reader error on control characters
        problems.append(
            Diagnostic(
                rel,
                1,
                1,
                "YAML_SYNTAX",
                msg(f"sintaks YAML salah: {yaml_problem_id(str(e), None)}", f"YAML syntax error: {e}"),
                _syntax_hint(str(e)),
            )
        )
        return doc, problems
    except RecursionError:
        problems.append(Diagnostic(rel, 1, 1, "YAML_SYNTAX", msg("struktur YAML terlalu dalam", "YAML nesting too deep")))
        return doc, problems
    nodes = [n for n in nodes if n is not None]
    if len(nodes) > 1:
        second = nodes[1]
        problems.append(
            Diagnostic(
                rel,
                second.start_mark.line + 1,
                1,
                "YAML_SYNTAX",
                msg("berkas berisi lebih dari satu dokumen YAML (---)", "file holds more than one YAML document (---)"),
                msg("satu berkas hanya untuk satu dokumen; hapus '---' kedua", "one document per file; remove the second '---'"),
            )
        )
    if not nodes:
        doc.data = {}
        return doc, problems
    try:
        doc.data = _Builder(doc, problems).build(nodes[0], ())
    except _TooLarge:
        problems.append(
            Diagnostic(
                rel,
                1,
                1,
                "YAML_SYNTAX",
                msg("berkas terlalu besar setelah alias (&/*) diuraikan", "file too large once aliases (&/*) are expanded"),
                msg("jangan memakai alias YAML; tulis nilainya langsung", "do not use YAML aliases; write values out"),
            )
        )
        doc.data = None
    except RecursionError:
        problems.append(Diagnostic(rel, 1, 1, "YAML_SYNTAX", msg("struktur YAML terlalu dalam", "YAML nesting too deep")))
        doc.data = {}
    return doc, problems
