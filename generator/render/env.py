"""The Jinja environment every page is rendered with, and what a page is made of.

Pages are Markdown holding raw HTML blocks for everything that carries data, so data text
is escaped once (escape.teks, applied to every ``{{ }}`` by the ``finalize`` hook) and
MkDocs never interprets it. Numbers reach a template only through the formatting filters.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from jinja2 import BytecodeCache, Environment, PackageLoader, StrictUndefined, pass_context
from jinja2.bccache import Bucket
from markupsafe import Markup

from generator.core import addresses, fmt
from generator.render import kebijakan
from generator.render.cakupan import cakupan
from generator.render.escape import judul, teks
from generator.render.pemeriksa import kode
from generator.render.siteindex import ChartSpec

BATANG_PENUH = Decimal(150)  # capaian at the right end of the bar on a phone card (100 sits at two thirds)


@pass_context
def _finalize(ctx, value: object) -> Markup:
    if isinstance(value, (Decimal, float)):
        raise TypeError(f"unformatted number {value!r} in a template: use a filter (angka, persen, rupiah)")
    if isinstance(value, str) and not isinstance(value, Markup):
        # NIP-like numbers in any data text are masked as the site shows NIPs (core/fmt)
        value = fmt.samarkan_nip(value, ctx.get("tampilan_nip") or "samar")
    return teks(value)


def _safe(fn):
    """Number formatters produce digits and separators only."""
    return lambda value, *a: Markup(fn(value, *a))


def _batang(value: Decimal | None) -> Markup:
    """Width of a capaian bar, as a CSS percentage of BATANG_PENUH (0 to 100)."""
    if value is None:
        return Markup("0%")
    share = min(max(value, Decimal(0)), BATANG_PENUH) / BATANG_PENUH * 100
    return Markup(f"{share.quantize(Decimal('0.1'))}%")


@pass_context
def _href(ctx, target: str) -> Markup:
    return Markup(quote(addresses.rel(ctx["page_path"], target), safe="/.-_~#"))


class _CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory for the life of the process (and inherited by its
    forked workers). Every site (every ``environment()``) compiles the same templates;
    compiling them took ~1 s of each render. Jinja stores a checksum of the template's
    source with its code and compiles again when the source differs."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()


def environment() -> Environment:
    env = Environment(
        bytecode_cache=_COMPILED,
        loader=PackageLoader("generator", "templates"),
        autoescape=True,
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(angka=_safe(fmt.angka), persen=_safe(fmt.persen), rupiah=_safe(fmt.rupiah), tanggal=fmt.tanggal)
    env.filters.update(cakupan=cakupan, kode=kode, batang=_batang, rumus_efisiensi=kebijakan.rumus_efisiensi)
    env.globals.update(href=_href, ROMAWI=fmt.ROMAWI)
    return env


def front_matter(meta: dict[str, object]) -> str:
    """YAML front matter; every value JSON-quoted (valid YAML) and HTML-escaped, because
    the theme prints page.meta values unescaped (see theme/main.html)."""
    lines = ["---"]
    for key, value in meta.items():
        if value is None:
            continue
        if isinstance(value, list):  # theme switches such as hide: [navigation]
            lines.append(f"{key}: {json.dumps(value)}")
            continue
        text = str(value) if key.endswith("_url") else judul(value)  # *_url: built from validated ids
        lines.append(f"{key}: {json.dumps(text, ensure_ascii=False)}")
    lines.append("---\n")
    return "\n".join(lines) + "\n"


def page_charts(ctx: dict[str, Any]) -> Iterator[ChartSpec]:
    """Every ChartSpec in a page context (pages keep them where the template shows them)."""
    stack = [ctx]
    while stack:
        item = stack.pop()
        if isinstance(item, ChartSpec):
            yield item
            if item.sempit is not None:  # the phone layout of the same chart
                yield item.sempit
        elif isinstance(item, dict):
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))


def svg_size(svg: bytes) -> tuple[int, int]:
    m = re.search(rb'<svg[^>]*?width="([\d.]+)pt" height="([\d.]+)pt"', svg)
    return (round(float(m.group(1)) * 4 / 3), round(float(m.group(2)) * 4 / 3)) if m else (0, 0)
