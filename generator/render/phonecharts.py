"""The performance charts laid out for a phone (render/charts.py draws the wide ones).

A wide chart is 8 inches (768 CSS px) with 7–9 pt text: shrunk into a 358 px phone column
its labels are 4–6 px. These are 240 pt (320 CSS px) wide with no text under 9 pt, so in
any column at least 320 px wide (a 360 px phone) every label is 12 CSS px or more. The page
serves them below 40em through <picture> (templates/_macros.md.j2 ``grafik``).

One column instead of a label column beside the bars: each row is its label in full
(wrapped, never cut), then its bar, then its value and predikat. The figures are the
same as the wide chart's and the table beside it.
"""

from __future__ import annotations

import math
from decimal import Decimal

from generator.core.numbers import format_id
from generator.render import svgchart
from generator.render.charts import BAND_COLOURS, BAND_HATCHES, BLACK, BLUE, GREY, ORANGE, Bar, Series, _bar_label, draw_series

W = 240.0  # points: 320 CSS px
PAD = 4.0
FONT = 9.0  # points: 12 CSS px at the chart's own width
LINE = FONT * 1.25
WRAP = 40  # characters per label line at FONT (an estimate that allows for capitals)
BAR = 11.0


def _xmax(values: list[Decimal | None], reference: float) -> float:
    top = max([float(v) for v in values if v is not None] + [reference])
    return top * 1.05 if top > reference * 1.3 else reference * 1.35


def _rows(
    svg: svgchart.Svg,
    rows: list[tuple[str, Decimal | None, str, str]],
    y: float,
    xmax: float,
    reference: float,
) -> float:
    """Label, bar (with its 100% mark) and value line of every row; returns the next y.
    ``rows``: (label, value, fill, value text)."""
    x0, x1 = PAD, W - PAD

    def X(v: float) -> float:
        return x0 + max(0.0, min(v, xmax)) / xmax * (x1 - x0)

    for label, value, fill, text in rows:
        lines = svgchart.wrap(label, WRAP, lines=99)
        svg.text(x0, y, lines, FONT, valign="top")
        y += LINE * len(lines) + 2
        svg.rect(x0, y, x1 - x0, BAR, "#f2f2f2")
        if value is not None:
            svg.rect(x0, y, X(float(value)) - x0, BAR, fill, BLACK, 0.5)
        svg.line(X(reference), y - 2, X(reference), y + BAR + 2, BLACK, 1.2)
        y += BAR + 2
        svg.text(x0, y, text, FONT, valign="top", italic=value is None)
        y += LINE + 8
    return y


def _axis(svg: svgchart.Svg, y: float, xmax: float, xlabel: str) -> float:
    """A scale under the rows: 0, the reference and a few ticks, then the axis title."""
    x0, x1 = PAD, W - PAD
    step = next(s for s in (25, 50, 100, 200, 250, 500, 1000, 10**9) if xmax / s <= 4)
    svg.line(x0, y, x1, y, GREY, 0.6)
    for i in range(int(xmax // step) + 1):
        x = x0 + (i * step) / xmax * (x1 - x0)
        svg.line(x, y, x, y + 3, GREY, 0.6)
        anchor = "start" if i == 0 else ("end" if x > x1 - 12 else "middle")
        svg.text(x, y + 4, format_id(Decimal(i * step)), FONT, anchor, valign="top")
    svg.text(x0, y + 6 + LINE, xlabel, FONT, valign="top")
    return y + 8 + 2 * LINE


def _legend(svg: svgchart.Svg, y: float, items: list[tuple[str | None, str]]) -> float:
    """Swatches with their names (None: the 100% mark), wrapped over as many lines as needed."""
    x = PAD
    for fill, name in items:
        width = 20 + svgchart.text_width(name, FONT)
        if x > PAD and x + width > W - PAD:
            x, y = PAD, y + LINE + 2
        if fill is None:
            svg.line(x + 7, y - 1, x + 7, y + 11, BLACK, 1.2)
        else:
            svg.rect(x, y + 1, 14, 8, fill, BLACK, 0.5)
        svg.text(x + 18, y + 5, name, FONT)
        x += width + 10
    return y + LINE + 4


def _chart(rows: list[tuple[str, Decimal | None, tuple[str, str], str]], xlabel: str, legend, reference: float) -> bytes:
    """Rows (label, value, (colour, hatch), value text), the scale and the legend."""
    svg = svgchart.Svg(W, 0)  # the height is known once everything is placed
    xmax = _xmax([v for _, v, _, _ in rows], reference)
    filled = [(label, v, svg.fill(*paint), text) for label, v, paint, text in rows]
    y = _rows(svg, filled, PAD + 2, xmax, reference)
    y = _axis(svg, y, xmax, xlabel)
    y = _legend(svg, y, [(svg.fill(*paint) if paint else None, name) for paint, name in legend])
    svg.height = y + PAD
    return svg.bytes()


def capaian_bars(
    bars: list[Bar], xlabel: str, thresholds: list[Decimal], band_names: list[str], reference: Decimal = Decimal(100)
) -> bytes:
    """charts.capaian_bars for a phone: one row per indicator, the 100% mark on every bar
    (the predikat of each bar is written under it, so the band limits are not drawn)."""

    def paint(band: int | None) -> tuple[str, str]:
        i = band if band is not None else len(BAND_COLOURS) - 1
        return BAND_COLOURS[i % len(BAND_COLOURS)], BAND_HATCHES[i % len(BAND_HATCHES)]

    rows = [
        (b.label, b.value, paint(b.band), _bar_label(b).strip() if b.value is not None else (b.note or "tidak dihitung"))
        for b in bars
    ]
    used = sorted({b.band for b in bars if b.value is not None and b.band is not None})
    legend = [(paint(i), band_names[i]) for i in used] + [(None, f"{format_id(reference)}%")]
    return _chart(rows, xlabel, legend, float(reference))


def persen_bars(items: list[tuple[str, Decimal | None]], xlabel: str) -> bytes:
    """charts.persen_bars for a phone: one row per program."""
    rows = [(label, v, (BLUE, "//"), f"{format_id(v)}%" if v is not None else "belum ada realisasi") for label, v in items]
    return _chart(rows, xlabel, [(None, "100%")], 100.0)


def quarter_lines(series: list[Series], roman: dict[int, str]) -> bytes:
    """charts.quarter_lines for a phone: the small multiples one under another."""
    titles = []
    for s in series:
        title = svgchart.wrap(s.label, WRAP, lines=99)
        if s.satuan:
            title[-1] += f" ({s.satuan})"
        titles.append(title)
    legend_h, plot_h = 2 * LINE + 8, 110.0
    heights = [LINE * len(t) + 6 + plot_h + LINE + 16 for t in titles]
    svg = svgchart.Svg(W, legend_h + sum(heights))
    y = PAD
    for label, colour, dash, square in (
        ("Target s.d. triwulan", ORANGE, "4,2", True),
        ("Realisasi s.d. triwulan", BLUE, None, False),
    ):
        svg.line(PAD, y + 5, PAD + 22, y + 5, colour, 1.4, dash)
        (svg.square if square else svg.circle)(PAD + 11, y + 5, 2.6, colour)
        svg.text(PAD + 28, y + 5, label, FONT)
        y += LINE
    top = legend_h
    for s, title, h in zip(series, titles, heights):
        _panel(svg, s, title, top, roman)
        top += h
    return svg.bytes()


def _panel(svg: svgchart.Svg, s: Series, title: list[str], top: float, roman: dict[int, str]) -> None:
    svg.text(PAD, top, title, FONT, valign="top")
    ay0 = top + LINE * len(title) + 10
    ay1 = ay0 + 100.0
    values = [float(v) for _, t, r in s.points for v in (t, r) if v is not None]
    lo, hi = (min(values), max(values)) if values else (0.0, 1.0)
    span = hi - lo or (abs(hi) * 0.2 or 1.0)
    lo, hi = lo - span * 0.3, hi + span * 0.3
    step = svgchart.nice_step(hi - lo, 4)
    first = math.ceil(lo / step) * step
    labels = []
    k = 0
    while first + k * step <= hi + 1e-9 and k < 8:
        labels.append((first + k * step, svgchart.tick_label(first + k * step, step)))
        k += 1
    ax0 = PAD + max((svgchart.text_width(t, FONT) for _, t in labels), default=10) + 6
    ax1 = W - PAD - 14
    tws = [p[0] for p in s.points]

    def X(tw: int) -> float:
        return ax0 + (tw - (min(tws) - 0.5)) / (max(tws) - min(tws) + 1) * (ax1 - ax0)

    def Y(v: float) -> float:
        return ay1 - (v - lo) / (hi - lo) * (ay1 - ay0)

    svg.line(ax0, ay0, ax0, ay1, GREY, 0.6)
    svg.line(ax0, ay1, ax1, ay1, GREY, 0.6)
    for tick, text in labels:
        svg.line(ax0 - 3, Y(tick), ax0, Y(tick), GREY, 0.6)
        svg.text(ax0 - 5, Y(tick), text, FONT, "end")
    for tw in tws:
        svg.text(X(tw), ay1 + 4, f"TW {roman[tw]}", FONT, "middle", valign="top")
    draw_series(svg, s, X, Y, FONT)
