"""A small deterministic SVG writer for the performance charts (render/charts.py).

Written by hand instead of through matplotlib because a province has ~17,000 charts: a
matplotlib Figure costs 70–600 ms a chart (bars with hatches and boxed labels, small
multiples) and 40–55 KB of SVG; these cost well under a millisecond and 3–8 KB, with the
same look (Okabe–Ito colours, hatches, value labels as real text). Coordinates are in
points (1/72 inch) like matplotlib's SVG, so ``width="576pt"`` is an 8-inch chart and the
page module reads the size the same way.

Same input → same bytes: no ids from memory addresses, no dates, fixed number formatting.
Text is measured by an estimate (DejaVu Sans averages ~0.56 em a character), which is
all the layout needs: labels are wrapped to a fixed number of characters.
"""

from __future__ import annotations

import math
import textwrap
from decimal import Decimal
from xml.sax.saxutils import escape

FONT = "DejaVu Sans, Arial, Helvetica, sans-serif"
CHAR_EM = 0.56  # average advance of a DejaVu Sans character, in em

# hatch name (matplotlib notation) → path(s) in a 6×6 pattern tile
_HATCH_PATHS = {
    "//": "M-1,1 L1,-1 M0,6 L6,0 M5,7 L7,5",
    "\\\\": "M-1,5 L1,7 M0,0 L6,6 M5,-1 L7,1",
    "xx": "M0,6 L6,0 M0,0 L6,6",
    "..": None,  # dots, drawn as circles
}


def num(v: float) -> str:
    """A coordinate: at most two decimals, no trailing zeros, never '-0'."""
    text = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def text_width(text: str, size: float) -> float:
    return len(text) * size * CHAR_EM


def wrap(label: str, width: int = 42, lines: int = 2) -> list[str]:
    parts = textwrap.wrap(" ".join(label.split()), width) or [""]
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] = parts[-1][: width - 1].rstrip() + "…"
    return parts


def nice_step(span: float, max_ticks: int) -> float:
    """1, 2, 2.5 or 5 × 10^k: the smallest step giving at most ``max_ticks`` intervals."""
    if span <= 0:
        return 1.0
    base = 10 ** math.floor(math.log10(span / max_ticks))
    for m in (1, 2, 2.5, 5, 10):
        if span / (m * base) <= max_ticks:
            return m * base
    return 10 * base


def tick_label(value: float, step: float) -> str:
    """An axis label with as many decimals as the step needs, Indonesian style (2,5)."""
    from generator.core.numbers import format_id

    exponent = Decimal(repr(step)).normalize().as_tuple().exponent
    decimals = max(0, -exponent) if isinstance(exponent, int) else 0  # a str: NaN or infinity
    return format_id(Decimal(f"{value:.{decimals}f}"))


class Svg:
    """Collects elements; ``bytes()`` gives the document."""

    def __init__(self, width: float, height: float, title: str | None = None):
        self.width, self.height = width, height
        self.defs: list[str] = []
        self.body: list[str] = []
        self.patterns: dict[tuple[str, str], str] = {}
        self.title = title

    # ---------------------------------------------------------------- paint
    def fill(self, colour: str, hatch: str = "") -> str:
        """A fill: the plain colour, or a pattern of the colour under a black hatch."""
        if not hatch:
            return colour
        key = (colour, hatch)
        if key not in self.patterns:
            pid = f"h{len(self.patterns)}"
            self.patterns[key] = pid
            path = _HATCH_PATHS.get(hatch)
            marks = (
                f'<path d="{path}" stroke="#000" stroke-width="0.6"/>'
                if path
                else '<circle cx="1.5" cy="1.5" r="0.7"/><circle cx="4.5" cy="4.5" r="0.7"/>'
            )
            self.defs.append(
                f'<pattern id="{pid}" patternUnits="userSpaceOnUse" width="6" height="6">'
                f'<rect width="6" height="6" fill="{colour}"/>{marks}</pattern>'
            )
        return f"url(#{self.patterns[key]})"

    # ---------------------------------------------------------------- shapes
    def rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        fill: str,
        stroke: str | None = None,
        sw: float = 0.5,
        opacity: float | None = None,
    ) -> None:
        extra = f' stroke="{stroke}" stroke-width="{num(sw)}"' if stroke else ""
        if opacity is not None:
            extra += f' fill-opacity="{num(opacity)}"'
        self.body.append(
            f'<rect x="{num(x)}" y="{num(y)}" width="{num(max(w, 0))}" height="{num(max(h, 0))}" fill="{fill}"{extra}/>'
        )

    def line(self, x1: float, y1: float, x2: float, y2: float, stroke: str, sw: float = 0.6, dash: str | None = None) -> None:
        d = f' stroke-dasharray="{dash}"' if dash else ""
        self.body.append(
            f'<line x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}" stroke="{stroke}" stroke-width="{num(sw)}"{d}/>'
        )

    def polyline(self, points: list[tuple[float, float]], stroke: str, sw: float, dash: str | None = None) -> None:
        d = f' stroke-dasharray="{dash}"' if dash else ""
        pts = " ".join(f"{num(x)},{num(y)}" for x, y in points)
        self.body.append(f'<polyline points="{pts}" fill="none" stroke="{stroke}" stroke-width="{num(sw)}"{d}/>')

    def circle(self, x: float, y: float, r: float, fill: str) -> None:
        self.body.append(f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(r)}" fill="{fill}"/>')

    def square(self, x: float, y: float, r: float, fill: str) -> None:
        self.rect(x - r, y - r, 2 * r, 2 * r, fill)

    def text(
        self,
        x: float,
        y: float,
        text: str | list[str],
        size: float = 9,
        anchor: str = "start",
        *,
        valign: str = "middle",
        fill: str = "#000",
        italic: bool = False,
        line_height: float = 1.2,
        box: bool = False,
    ) -> None:
        """Text (one or more lines) at (x, y); ``valign`` middle | top | bottom of the block."""
        lines = [text] if isinstance(text, str) else list(text)
        block = size * line_height * (len(lines) - 1)
        first = {"middle": y - block / 2, "top": y + size * 0.8, "bottom": y - block - size * 0.25}[valign]
        if valign == "middle":
            first += size * 0.35  # centre the x-height on y
        if box:
            w = max(text_width(s, size) for s in lines) + 2
            x0 = {"start": x - 1, "middle": x - w / 2, "end": x - w + 1}[anchor]
            self.rect(x0, first - size * 0.85, w, block + size * 1.15, "#fff", opacity=0.9)
        attrs = f' font-size="{num(size)}"'
        if anchor != "start":
            attrs += f' text-anchor="{anchor}"'
        if fill != "#000":
            attrs += f' fill="{fill}"'
        if italic:
            attrs += ' font-style="italic"'
        if len(lines) == 1:
            self.body.append(f'<text x="{num(x)}" y="{num(first)}"{attrs}>{escape(lines[0])}</text>')
            return
        spans = "".join(
            f'<tspan x="{num(x)}" y="{num(first + i * size * line_height)}">{escape(s)}</tspan>' for i, s in enumerate(lines)
        )
        self.body.append(f"<text{attrs}>{spans}</text>")

    # ---------------------------------------------------------------- output
    def bytes(self) -> bytes:
        head = (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{num(self.width)}pt" height="{num(self.height)}pt" '
            f'viewBox="0 0 {num(self.width)} {num(self.height)}" font-family="{FONT}">'
        )
        parts = [head]
        if self.title:
            parts.append(f"<title>{escape(self.title)}</title>")
        if self.defs:
            parts.append("<defs>" + "".join(self.defs) + "</defs>")
        parts.append(f'<rect width="{num(self.width)}" height="{num(self.height)}" fill="#fff"/>')
        parts.extend(self.body)
        parts.append("</svg>\n")
        return "\n".join(parts).encode("utf-8")
