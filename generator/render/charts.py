"""Charts as deterministic SVG.

The performance charts (capaian per indicator, budget absorption, quarters) are written
directly as SVG by render/svgchart.py: a province has ~17,000 of them, and a matplotlib
figure costs 70–600 ms each. The matplotlib helpers below (``RC``, ``_figure``, ``_svg``…)
remain for the few PPID statistics charts (ppid/charts.py).

Same input → same bytes: text stays text, no ids from memory, no date. Colours are
Okabe–Ito (colour-blind safe) and never carry meaning alone: every bar has a value label
with its predikat and a hatch pattern per band. Functions take plain values prepared by
the page module; the page always shows the same numbers as a table.
"""

from __future__ import annotations

import io
import math
import textwrap
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import matplotlib

matplotlib.use("Agg")
from matplotlib import rc_context  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from generator.core.numbers import format_id  # noqa: E402
from generator.render import svgchart  # noqa: E402

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType  # the rc names matplotlib knows (not in every version at run time)

# Okabe–Ito
BLACK, ORANGE, SKY, GREEN, YELLOW, BLUE, VERMILLION, PURPLE = (
    "#000000",
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
)
BAND_COLOURS = (GREEN, SKY, YELLOW, ORANGE, VERMILLION)  # best → worst band
BAND_HATCHES = ("", "//", "..", "xx", "\\\\")
GREY = "#777777"

RC: dict[RcKeyType, Any] = {
    "svg.fonttype": "none",
    "svg.hashsalt": "kinerja",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Arial", "Helvetica"],
    "font.size": 9,
    "axes.edgecolor": GREY,
    "axes.linewidth": 0.6,
    "hatch.linewidth": 0.6,
    "path.simplify": False,
}


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal | None  # None: no bar (e.g. not measured)
    band: int | None = None  # index in the predikat scale, 0 = best
    band_name: str | None = None
    note: str | None = None  # shown instead of / after the value, e.g. "n/a"


LABEL_BOX = {"facecolor": "white", "edgecolor": "none", "pad": 0.6, "alpha": 0.9}


def _bar_label(b: Bar) -> str:
    label = f" {format_id(b.value)}%" if b.value is not None else ""
    if b.band_name:
        label += f" · {b.band_name}"
    if b.note:
        label += f" ({b.note})"
    return label


def _xmax(items: list[tuple[Decimal | None, str]], axis_inches: float, reference: Decimal) -> float:
    """An x range wide enough for every bar plus its value label (8 pt text)."""
    xmax = float(reference) * 1.15
    for value, label in items:
        if value is None:
            continue
        label_inches = len(label) * 8 * 0.56 / 72
        free = max(axis_inches - label_inches, axis_inches * 0.3)
        xmax = max(xmax, float(value) * axis_inches / free)
    return xmax


def _row_labels(ax, ys: list[int], labels: list[str]) -> None:
    """Row labels as plain text left of the axes: much cheaper than tick objects."""
    ax.set_yticks([])
    transform = ax.get_yaxis_transform()
    for y, label in zip(ys, labels):
        ax.text(-0.012, y, _wrap(label), transform=transform, ha="right", va="center", fontsize=9)


def _x_ticks(ax, xmax: float) -> None:
    step = next(s for s in (10, 20, 25, 50, 100, 200, 250, 500, 1000, 10**9) if xmax / s <= 8)
    ticks = [i * step for i in range(int(xmax // step) + 1)]
    ax.set_xticks(ticks, [format_id(Decimal(t)) for t in ticks])


def _svg(fig: Figure) -> bytes:
    buf = io.BytesIO()
    with rc_context(RC):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()


def _wrap(label: str, width: int = 42, lines: int = 2) -> str:
    parts = textwrap.wrap(" ".join(label.split()), width) or [""]
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] = parts[-1][: width - 1].rstrip() + "…"
    return "\n".join(parts)


def _figure(
    n_rows: int, row_height: float = 0.48, left: float = 3.3, width: float = 8.0, top: float = 0.35, bottom: float = 0.95
):
    height = top + bottom + max(n_rows, 1) * row_height
    fig = Figure(figsize=(width, height))
    ax = fig.add_axes((left / width, bottom / height, (width - left - 0.25) / width, (height - top - bottom) / height))
    return fig, ax


@dataclass(frozen=True)
class Series:
    label: str
    satuan: str | None
    points: list[tuple[int, Decimal | None, Decimal | None]]  # (triwulan, target, realisasi)


# --------------------------------------------------------------------------- the performance charts
# Drawn by the SVG writer (render/svgchart.py), not matplotlib: a province has ~17,000 of
# them. Sizes and proportions follow the matplotlib layout above (inches × 72 = points).

PT = 72.0


def _bar_layout(n_rows: int, row_height: float, bottom: float, top: float = 0.35, left: float = 3.3, width: float = 8.0):
    """Figure and axes box in points: (W, H, x0, x1, y0, y1, row pitch)."""
    W = width * PT
    H = (top + bottom + max(n_rows, 1) * row_height) * PT
    x0, x1 = left * PT, W - 0.25 * PT
    y0, y1 = top * PT, H - bottom * PT
    return W, H, x0, x1, y0, y1, (y1 - y0) / (max(n_rows, 1) + 0.2)


def _x_axis(svg: svgchart.Svg, x0: float, x1: float, y1: float, xmax: float, xlabel: str) -> None:
    step = next(s for s in (10, 20, 25, 50, 100, 200, 250, 500, 1000, 10**9) if xmax / s <= 8)
    svg.line(x0, y1, x1, y1, GREY, 0.6)
    for i in range(int(xmax // step) + 1):
        x = x0 + (i * step) / xmax * (x1 - x0)
        svg.line(x, y1, x, y1 + 3.5, GREY, 0.6)
        svg.text(x, y1 + 5, format_id(Decimal(i * step)), 9, "middle", valign="top")
    svg.text((x0 + x1) / 2, y1 + 20, xlabel, 9, "middle", valign="top")


def _row_label_column(svg: svgchart.Svg, x0: float, ys: list[float], labels: list[str]) -> None:
    for y, label in zip(ys, labels):
        svg.text(x0 - 4, y, svgchart.wrap(label), 9, "end")


def capaian_bars(
    bars: list[Bar], xlabel: str, thresholds: list[Decimal], band_names: list[str], reference: Decimal = Decimal(100)
) -> bytes:
    """Horizontal bars of capaian %, against the 100% line and the predikat band limits."""
    row_height = 0.48 if len(bars) <= 12 else 0.34
    W, H, x0, x1, y0, y1, pitch = _bar_layout(len(bars), row_height, bottom=0.95)
    svg = svgchart.Svg(W, H)
    xmax = _xmax([(b.value, _bar_label(b)) for b in bars], (x1 - x0) / PT, reference)

    def X(v: float) -> float:
        return x0 + v / xmax * (x1 - x0)

    # band limits, lightly shaded alternately so the scale reads without colour
    limits = [0.0] + sorted(float(t) for t in thresholds) + [xmax]
    for i in range(len(limits) - 1):
        if i % 2:
            svg.rect(X(limits[i]), y0, X(limits[i + 1]) - X(limits[i]), y1 - y0, "#f2f2f2")
    for t in thresholds:
        svg.line(X(float(t)), y0, X(float(t)), y1, GREY, 0.6, "1,1.65")
    ys = [y0 + pitch * (0.6 + i) for i in range(len(bars))]
    for y, b in zip(ys, bars):
        if b.value is None:
            svg.text(X(1), y, b.note or "tidak dihitung", 8, italic=True)
            continue
        band = b.band if b.band is not None else len(BAND_COLOURS) - 1
        fill = svg.fill(BAND_COLOURS[band % len(BAND_COLOURS)], BAND_HATCHES[band % len(BAND_HATCHES)])
        h = pitch * 0.62
        svg.rect(x0, y - h / 2, X(float(b.value)) - x0, h, fill, BLACK, 0.5)
    svg.line(X(float(reference)), y0, X(float(reference)), y1, BLACK, 1.2)
    for y, b in zip(ys, bars):
        if b.value is not None:
            svg.text(X(float(b.value)) + 1, y, _bar_label(b).strip(), 8, box=True)
    _row_label_column(svg, x0, ys, [b.label for b in bars])
    svg.line(x0, y0, x0, y1, GREY, 0.6)
    _x_axis(svg, x0, x1, y1, xmax, xlabel)
    # the band limits, labelled on top so the shading reads without colour
    last: float | None = None
    for limit in sorted(float(t) for t in thresholds):
        if last is not None and (X(limit) - X(last)) < 0.22 * PT:
            continue  # would touch its neighbour's label
        svg.text(X(limit), y0 - 2, format_id(Decimal(str(limit)).normalize()), 7, "middle", valign="bottom", fill=GREY)
        last = limit
    used = sorted({b.band for b in bars if b.value is not None and b.band is not None})
    x, y = 6.0, H - 10
    for i in used:
        svg.rect(x, y - 4, 16, 8, svg.fill(BAND_COLOURS[i % 5], BAND_HATCHES[i % 5]), BLACK, 0.5)
        svg.text(x + 21, y, band_names[i], 8)
        x += 21 + svgchart.text_width(band_names[i], 8) + 14
    return svg.bytes()


def persen_bars(items: list[tuple[str, Decimal | None]], xlabel: str) -> bytes:
    """Budget absorption per program: one bar per item, value labels, 100% line."""
    W, H, x0, x1, y0, y1, pitch = _bar_layout(len(items), 0.48, bottom=0.6)
    svg = svgchart.Svg(W, H)
    xmax = _xmax([(v, f" {format_id(v)}%") for _, v in items if v is not None], (x1 - x0) / PT, Decimal(100))

    def X(v: float) -> float:
        return x0 + v / xmax * (x1 - x0)

    ys = [y0 + pitch * (0.6 + i) for i in range(len(items))]
    fill = svg.fill(BLUE, "//")
    for y, (_, value) in zip(ys, items):
        if value is None:
            svg.text(X(1), y, "belum ada realisasi", 8, italic=True)
            continue
        h = pitch * 0.62
        svg.rect(x0, y - h / 2, X(float(value)) - x0, h, fill, BLACK, 0.5)
    svg.line(X(100), y0, X(100), y1, BLACK, 1.2)
    for y, (_, value) in zip(ys, items):
        if value is not None:
            svg.text(X(float(value)) + 1, y, f"{format_id(value)}%", 8, box=True)
    _row_label_column(svg, x0, ys, [label for label, _ in items])
    svg.line(x0, y0, x0, y1, GREY, 0.6)
    _x_axis(svg, x0, x1, y1, xmax, xlabel)
    return svg.bytes()


def draw_series(svg: svgchart.Svg, s: Series, X, Y, font: float) -> None:
    """One indicator's quarters: the target as an orange dashed line with squares, the
    realisation as a blue line with labelled dots (the wide chart and its phone layout)."""
    t = [(X(tw), Y(float(v))) for tw, v, _ in s.points if v is not None]
    r = [(tw, v) for tw, _, v in s.points if v is not None]
    if t:
        svg.polyline(t, ORANGE, 1.2, "4.4,1.9")
        for x_, y_ in t:
            svg.square(x_, y_, 2.2, ORANGE)
    if r:
        pts = [(X(tw), Y(float(v))) for tw, v in r]
        svg.polyline(pts, BLUE, 1.6)
        for (x_, y_), (_, value) in zip(pts, r):
            svg.circle(x_, y_, 2.4, BLUE)
            svg.text(x_, y_ - 5, format_id(value), font, "middle", valign="bottom", box=True)


def quarter_lines(series: list[Series], roman: dict[int, str]) -> bytes:
    """Small multiples: target (dashed, squares) and realisasi (solid, circles) per quarter."""
    cols = min(3, len(series))
    rows = (len(series) + cols - 1) // cols
    W = 8.0 * PT
    legend_h, panel_h = 22.0, 2.3 * PT
    H = legend_h + rows * panel_h
    svg = svgchart.Svg(W, H)
    # legend
    x = 6.0
    for label, colour, dash, marker in (
        ("Target s.d. triwulan", ORANGE, "4,2", "s"),
        ("Realisasi s.d. triwulan", BLUE, None, "o"),
    ):
        svg.line(x, 11, x + 22, 11, colour, 1.4, dash)
        (svg.square if marker == "s" else svg.circle)(x + 11, 11, 2.6, colour)
        svg.text(x + 27, 11, label, 8)
        x += 27 + svgchart.text_width(label, 8) + 18
    panel_w = (W - 8) / cols
    for i, s in enumerate(series):
        px, py = 4 + (i % cols) * panel_w, legend_h + (i // cols) * panel_h
        title = svgchart.wrap(s.label, 34) + []
        if s.satuan:
            title[-1] += f" ({s.satuan})"
        svg.text(px + 40, py + 4, title, 8, valign="top")
        ax0, ax1 = px + 40, px + panel_w - 14
        ay0, ay1 = py + 34, py + panel_h - 30
        tws = [p[0] for p in s.points]
        values = [float(v) for _, t, r in s.points for v in (t, r) if v is not None]
        lo, hi = (min(values), max(values)) if values else (0.0, 1.0)
        span = hi - lo or (abs(hi) * 0.2 or 1.0)
        lo, hi = lo - span * 0.25, hi + span * 0.25
        step = svgchart.nice_step(hi - lo, 5)
        first = math.ceil(lo / step) * step

        def X(tw: int) -> float:
            return ax0 + (tw - (min(tws) - 0.5)) / (max(tws) - min(tws) + 1) * (ax1 - ax0)

        def Y(v: float) -> float:
            return ay1 - (v - lo) / (hi - lo) * (ay1 - ay0)

        svg.line(ax0, ay0, ax0, ay1, GREY, 0.6)
        svg.line(ax0, ay1, ax1, ay1, GREY, 0.6)
        k = 0
        while first + k * step <= hi + 1e-9 and k < 12:
            tick = first + k * step
            svg.line(ax0 - 3, Y(tick), ax0, Y(tick), GREY, 0.6)
            svg.text(ax0 - 5, Y(tick), svgchart.tick_label(tick, step), 7, "end")
            k += 1
        for tw in tws:
            svg.line(X(tw), ay1, X(tw), ay1 + 3, GREY, 0.6)
            svg.text(X(tw), ay1 + 5, f"TW {roman[tw]}", 7, "middle", valign="top")
        draw_series(svg, s, X, Y, 7)
    return svg.bytes()
