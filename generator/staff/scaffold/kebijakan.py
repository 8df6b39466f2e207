"""The calculation policies (``kebijakan``) of a year file, carried into next year's file by
`kinerja new tahun`: the block as written, with its comments (why a policy was chosen is
usually written beside it), or, when the block cannot be lifted out line by line, the
same values written afresh."""

from __future__ import annotations

import re
from typing import Any

import yaml

from generator.load import Document
from generator.model import Kebijakan
from generator.staff.scaffold.yamltext import scalar

_DOCUMENT_MARKER = re.compile(r"^(---|\.\.\.)(\s|$)")


def policy_names(kebijakan: Kebijakan) -> list[str]:
    """The policies a file sets, in the model's order (the names staff see in the file)."""
    return [name for name in type(kebijakan).model_fields if getattr(kebijakan, name) is not None]


def _self_contained(block: str) -> bool:
    """The block parses on its own as a mapping with one key and uses no anchors or aliases
    (an alias would point at, or be pointed at from, a part of the file not carried)."""
    try:
        events = list(yaml.parse(block, Loader=yaml.SafeLoader))
        data = yaml.safe_load(block)
    except yaml.YAMLError:
        return False
    if any(isinstance(e, yaml.AliasEvent) or getattr(e, "anchor", None) for e in events):
        return False
    return isinstance(data, dict) and list(data) == ["kebijakan"]


def written_block(doc: Document, text: str) -> list[str] | None:
    """The lines of the top-level ``kebijakan:`` block as written: the comment lines right
    above it, the key and everything up to the next top-level key (comments at column 0
    just before that key belong to it and stay behind). None when it is not a block of
    whole lines of its own (e.g. a flow-style document)."""
    top = {loc[0]: pos for loc, pos in doc.key_positions.items() if len(loc) == 1}
    if "kebijakan" not in top:
        return None
    line, col = top["kebijakan"]
    if col != 1:
        return None
    lines = text.splitlines()
    later = [pos[0] for pos in top.values() if pos[0] > line]
    earlier = [pos[0] for key, pos in top.items() if key != "kebijakan" and pos[0] <= line]
    if any(n == line for n in earlier):
        return None
    end = min(later) - 1 if later else len(lines)
    block = lines[line - 1 : end]
    for i, row in enumerate(block):
        if i and _DOCUMENT_MARKER.match(row):
            block = block[:i]
            break
    while block and (not block[-1].strip() or block[-1].startswith("#")):
        block.pop()
    start = line - 1
    while earlier and start > max(earlier) and lines[start - 1].startswith("#"):
        start -= 1  # never past the previous key: the file's own header stays behind
    above = lines[start : line - 1]
    if not _self_contained("\n".join(block) + "\n"):
        return None
    return above + block


def _value_lines(key: str, value: Any, indent: str) -> list[str]:
    if isinstance(value, dict):
        out = [f"{indent}{key}:"]
        for k, v in value.items():
            out += _value_lines(k, v, indent + "  ")
        return out
    if isinstance(value, list):
        out = [f"{indent}{key}:"]
        for item in value:
            item_lines: list[str] = []
            for k, v in item.items():
                item_lines += _value_lines(k, v, indent + "    ")
            item_lines[0] = f"{indent}  - {item_lines[0].lstrip()}"
            out += item_lines
        return out
    return [f"{indent}{key}: {scalar(value)}"]


def generated_block(kebijakan: Kebijakan) -> list[str]:
    """The same policies written from their values (no comments to carry)."""
    return _value_lines("kebijakan", kebijakan.model_dump(exclude_none=True), "")


def carried_lines(kebijakan: Kebijakan, doc: Document, tahun_lama: int, tahun: int) -> list[str]:
    """What next year's file says about the policies: a note, then the block."""
    if not policy_names(kebijakan):
        return []
    written = written_block(doc, text=doc.path.read_text(encoding="utf-8"))
    how = "beserta komentarnya" if written else "tanpa komentarnya (lihat berkas itu)"
    return [
        f"# Kebijakan perhitungan disalin dari berkas {tahun_lama} {how}. Periksa apakah masih",
        f"# berlaku untuk {tahun}; hapus yang tidak berlaku lagi (tanpa kebijakan, berlaku aturan baku).",
        *(written or generated_block(kebijakan)),
    ]
