"""Mutations of one real data file, for the fuzzer (``python3 -m benchmarks.fuzz``).

``mutate(raw, rng, donor)`` returns the kinds applied and the changed bytes: one mutation,
sometimes two or three stacked. Structured kinds change one YAML node (fuzz/nodes.py);
the others change lines (indentation, tabs, a line moved, '---') or bytes (truncation,
line endings, BOM and other encodings, control bytes and invalid UTF-8, bit flips, a
chunk from another data file). Everything depends on ``rng`` only: the same seed gives the
same mutant.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import yaml

from benchmarks.fuzz.nodes import (
    Tree,
    anchor_alias,
    deep_nesting,
    delete_key,
    duplicate_key,
    extreme_date,
    extreme_number,
    huge_string,
    merge_key,
    rename_key,
    retype,
    scale_number,
    swap,
    tag,
    unicode_chars,
)


def indent(text: str, tree: Tree | None, rng: random.Random) -> str:
    lines = text.split("\n")
    i = rng.randrange(len(lines))
    shift = rng.choice([-4, -2, -1, 1, 2, 3])
    lines[i] = lines[i][-shift:] if shift < 0 and lines[i].startswith(" " * -shift) else " " * max(shift, 1) + lines[i]
    return "\n".join(lines)


def tabs(text: str, tree: Tree | None, rng: random.Random) -> str:
    lines = text.split("\n")
    i = rng.randrange(len(lines))
    line = lines[i]
    stripped = line.lstrip(" ")
    how = rng.randrange(3)
    if how == 0:
        lines[i] = "\t" * max(1, (len(line) - len(stripped)) // 2) + stripped
    elif how == 1:
        lines[i] = line.replace(": ", ":\t", 1)
    else:
        lines[i] = line + "\t"
    return "\n".join(lines)


# --------------------------------------------------------------------------- lines and bytes


def lines_op(text: str, tree: Tree | None, rng: random.Random) -> str:
    """Delete, duplicate, move or blank one line; or add '---' / '...' / junk between lines."""
    lines = text.split("\n")
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    how = rng.randrange(6)
    if how == 0:
        del lines[i]
    elif how == 1:
        lines.insert(j, lines[i])
    elif how == 2:
        lines[i], lines[j] = lines[j], lines[i]
    elif how == 3:
        lines.insert(i, rng.choice(["---", "...", "--- !!map", "%YAML 1.1", "%TAG ! tag:x,2025:", "? ", "- ", ":"]))
    elif how == 4:
        at = rng.randint(0, len(lines[i]))
        lines[i] = (
            lines[i][:at]
            + rng.choice(["{", "}", "[", "]", '"', "'", ": ", "- ", "#", "&", "*", "!", "|", ">", ","])
            + lines[i][at:]
        )
    else:
        lines[i] = ""
    return "\n".join(lines)


def truncate(raw: bytes, rng: random.Random) -> bytes:
    return raw[: rng.randint(0, len(raw))]


def line_endings(raw: bytes, rng: random.Random) -> bytes:
    how = rng.randrange(3)
    if how == 0:
        return raw.replace(b"\n", b"\r\n")
    if how == 1:
        return raw.replace(b"\n", b"\r")
    lines = raw.split(b"\n")
    return b"".join(line + rng.choice([b"\n", b"\r\n", b"\r", b"\x85", b"\xe2\x80\xa8"]) for line in lines)


def bom(raw: bytes, rng: random.Random) -> bytes:
    how = rng.randrange(5)
    if how == 0:
        return b"\xef\xbb\xbf" + raw
    if how == 1:
        return b"\xef\xbb\xbf\xef\xbb\xbf" + raw
    if how == 2:
        return raw.decode("utf-8", "replace").encode("utf-16")
    if how == 3:
        return raw.decode("utf-8", "replace").encode("latin-1", "replace")
    at = rng.randint(0, len(raw))
    return raw[:at] + b"\xef\xbb\xbf" + raw[at:]


def control_bytes(raw: bytes, rng: random.Random) -> bytes:
    """NUL and other control bytes, and invalid UTF-8, at random places."""
    out = bytearray(raw)
    for _ in range(rng.randint(1, 4)):
        at = rng.randint(0, len(out))
        out[at:at] = rng.choice(
            [b"\x00", b"\x01", b"\x1b", b"\x7f", b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xc0\xaf", b"\xf4\x90\x80\x80", b"\x80"]
        )
    return bytes(out)


def byte_flip(raw: bytes, rng: random.Random) -> bytes:
    out = bytearray(raw)
    for _ in range(rng.randint(1, 8)):
        if out:
            out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def splice(raw: bytes, rng: random.Random, donor: bytes) -> bytes:
    """A chunk deleted, repeated, or taken from another data file."""
    n = len(raw)
    a = rng.randint(0, n)
    b = min(n, a + rng.randint(1, 400))
    how = rng.randrange(3)
    if how == 0:
        return raw[:a] + raw[b:]
    if how == 1:
        return raw[:b] + raw[a:b] * rng.randint(1, 3) + raw[b:]
    c = rng.randint(0, len(donor))
    return raw[:a] + donor[c : c + rng.randint(1, 2000)] + raw[a:]


def whole(raw: bytes, rng: random.Random) -> bytes:
    return rng.choice(
        [b"", b" ", b"\n\n", b"# only a comment\n", b"~", b"[]", b'""', b"0", b"- a\n- b\n", b"---\n---\n", b"\x00"]
    )


STRUCTURED: dict[str, Callable[[str, Tree, random.Random], str]] = {
    "delete_key": delete_key,
    "duplicate_key": duplicate_key,
    "swap": swap,
    "rename_key": rename_key,
    "retype": retype,
    "extreme_number": extreme_number,
    "scale_number": scale_number,
    "extreme_date": extreme_date,
    "huge_string": huge_string,
    "unicode": unicode_chars,
    "deep_nesting": deep_nesting,
    "anchor_alias": anchor_alias,
    "merge_key": merge_key,
    "tag": tag,
    "indent": indent,
    "tabs": tabs,
    "lines": lines_op,
}
BYTES: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "truncate": truncate,
    "line_endings": line_endings,
    "bom_encoding": bom,
    "control_bytes": control_bytes,
    "byte_flip": byte_flip,
    "whole_file": whole,
}
KINDS = [*STRUCTURED, *BYTES, "splice"]
# structured mutations are the interesting ones: they mostly give YAML that loads
WEIGHTS = [4] * len(STRUCTURED) + [1] * len(BYTES) + [1]
for _kind, _weight in {
    "extreme_number": 6,
    "scale_number": 8,
    "retype": 6,
    "extreme_date": 6,
}.items():  # values that may pass the schema
    WEIGHTS[KINDS.index(_kind)] = _weight


def mutate_once(raw: bytes, rng: random.Random, donor: bytes) -> tuple[str, bytes]:
    kind = rng.choices(KINDS, WEIGHTS)[0]
    if kind == "splice":
        return kind, splice(raw, rng, donor)
    if kind in BYTES:
        return kind, BYTES[kind](raw, rng)
    try:
        text = raw.decode("utf-8")
        tree = Tree(text)
        if not tree.pairs and kind not in ("indent", "tabs", "lines"):
            raise ValueError("nothing to mutate")
    except (UnicodeDecodeError, yaml.YAMLError, ValueError, RecursionError):  # an earlier mutation broke it: bytes only
        kind = rng.choice(list(BYTES))
        return kind, BYTES[kind](raw, rng)
    return kind, STRUCTURED[kind](text, tree, rng).encode("utf-8", "surrogatepass")


def mutate(raw: bytes, rng: random.Random, donor: bytes) -> tuple[list[str], bytes]:
    """One mutation; one time in five, two or three stacked."""
    kinds: list[str] = []
    for _ in range(1 if rng.random() < 0.8 else rng.randint(2, 3)):
        kind, raw = mutate_once(raw, rng, donor)
        kinds.append(kind)
    return kinds, raw
