"""Charts as deterministic SVG (matplotlib Figure, no pyplot).

Same input → same bytes: text stays text (``svg.fonttype: none``), ids come from a fixed
``svg.hashsalt`` and no date is written. Colours are Okabe–Ito (colour-blind safe) and
never carry meaning alone: every bar has a value label with its predikat and a hatch
pattern per band. Functions take plain values prepared by the page module; the page
always shows the same numbers as a table.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from decimal import Decimal

import matplotlib

matplotlib.use("Agg")
from matplotlib import rc_context  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from ..numbers import format_id  # noqa: E402

# Okabe–Ito
BLACK, ORANGE, SKY, GREEN, YELLOW, BLUE, VERMILLION, PURPLE = (
    "#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")
BAND_COLOURS = (GREEN, SKY, YELLOW, ORANGE, VERMILLION)  # best → worst band
BAND_HATCHES = ("", "//", "..", "xx", "\\\\")
GREY = "#777777"

RC = {
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


def _bar_label(b: "Bar") -> str:
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


def _figure(n_rows: int, row_height: float = 0.48, left: float = 3.3, width: float = 8.0, top: float = 0.35, bottom: float = 0.95):
    height = top + bottom + max(n_rows, 1) * row_height
    fig = Figure(figsize=(width, height))
    ax = fig.add_axes((left / width, bottom / height, (width - left - 0.25) / width, (height - top - bottom) / height))
    return fig, ax


def capaian_bars(bars: list[Bar], xlabel: str, thresholds: list[Decimal], band_names: list[str], reference: Decimal = Decimal(100)) -> bytes:
    """Horizontal bars of capaian %, against the 100% line and the predikat band limits."""
    with rc_context(RC):
        row_height = 0.48 if len(bars) <= 12 else 0.34
        fig, ax = _figure(len(bars), row_height=row_height)
        ax_width = 8.0 - 3.3 - 0.25
        xmax = _xmax([(b.value, _bar_label(b)) for b in bars], ax_width, reference)
        ys = list(range(len(bars)))[::-1]
        # band limits, lightly shaded alternately so the scale reads without colour
        limits = [0.0] + sorted(float(t) for t in thresholds) + [xmax]
        for i in range(len(limits) - 1):
            if i % 2:
                ax.axvspan(limits[i], limits[i + 1], color="#f2f2f2", zorder=0, lw=0)
        for t in thresholds:
            ax.axvline(float(t), color=GREY, lw=0.6, ls=":", zorder=1)
        ax.axvline(float(reference), color=BLACK, lw=1.2, zorder=3)
        for y, b in zip(ys, bars):
            if b.value is None:
                ax.text(1, y, b.note or "tidak dihitung", va="center", ha="left", color=BLACK, fontsize=8, style="italic")
                continue
            band = b.band if b.band is not None else len(BAND_COLOURS) - 1
            ax.barh(y, float(b.value), height=0.62, color=BAND_COLOURS[band % len(BAND_COLOURS)],
                    hatch=BAND_HATCHES[band % len(BAND_HATCHES)], edgecolor=BLACK, linewidth=0.5, zorder=2)
            ax.text(float(b.value), y, _bar_label(b), va="center", ha="left", fontsize=8, zorder=4, bbox=LABEL_BOX)
        _row_labels(ax, ys, [b.label for b in bars])
        ax.set_ylim(-0.6, len(bars) - 0.4)
        ax.set_xlim(0, xmax)
        _x_ticks(ax, xmax)
        ax.set_xlabel(xlabel)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        # the band limits, labelled on top so the shading reads without colour
        last = None
        for t in sorted(float(t) for t in thresholds):
            if last is not None and (t - last) / xmax * ax_width < 0.22:
                continue  # would touch its neighbour's label
            ax.text(t, 1.01, format_id(Decimal(str(t)).normalize()), transform=ax.get_xaxis_transform(),
                    ha="center", va="bottom", fontsize=7, color=GREY)
            last = t
        used = sorted({b.band for b in bars if b.value is not None and b.band is not None})
        if used:
            handles = [Patch(facecolor=BAND_COLOURS[i % 5], hatch=BAND_HATCHES[i % 5], edgecolor=BLACK, linewidth=0.5, label=band_names[i])
                       for i in used]
            fig.legend(handles=handles, loc="lower left", ncols=min(len(handles), 5), frameon=False, fontsize=8,
                       bbox_to_anchor=(0.0, 0.0))
        return _svg(fig)


def persen_bars(items: list[tuple[str, Decimal | None]], xlabel: str) -> bytes:
    """Budget absorption per program: one bar per item, value labels, 100% line."""
    with rc_context(RC):
        fig, ax = _figure(len(items), bottom=0.6)
        xmax = _xmax([(v, f" {format_id(v)}%") for _, v in items if v is not None], 8.0 - 3.3 - 0.25, Decimal(100))
        ys = list(range(len(items)))[::-1]
        ax.axvline(100, color=BLACK, lw=1.2, zorder=3)
        for y, (label, value) in zip(ys, items):
            if value is None:
                ax.text(1, y, "belum ada realisasi", va="center", ha="left", fontsize=8, style="italic")
                continue
            ax.barh(y, float(value), height=0.62, color=BLUE, hatch="//", edgecolor=BLACK, linewidth=0.5, zorder=2)
            ax.text(float(value), y, f" {format_id(value)}%", va="center", ha="left", fontsize=8, zorder=4, bbox=LABEL_BOX)
        _row_labels(ax, ys, [label for label, _ in items])
        ax.set_ylim(-0.6, len(items) - 0.4)
        ax.set_xlim(0, xmax)
        _x_ticks(ax, xmax)
        ax.set_xlabel(xlabel)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        return _svg(fig)


@dataclass(frozen=True)
class Series:
    label: str
    satuan: str | None
    points: list[tuple[int, Decimal | None, Decimal | None]]  # (triwulan, target, realisasi)


def quarter_lines(series: list[Series], roman: dict[int, str]) -> bytes:
    """Small multiples: target (dashed, squares) and realisasi (solid, circles) per quarter."""
    with rc_context(RC):
        cols = min(3, len(series))
        rows = (len(series) + cols - 1) // cols
        fig = Figure(figsize=(8.0, 0.5 + rows * 2.3))
        grid = fig.add_gridspec(rows, cols, left=0.08, right=0.98, top=1 - 0.45 / (0.5 + rows * 2.3), bottom=0.12 / rows,
                                hspace=0.9, wspace=0.35)
        for i, s in enumerate(series):
            ax = fig.add_subplot(grid[i // cols, i % cols])
            tws = [p[0] for p in s.points]
            t = [(tw, float(v)) for tw, v, _ in s.points if v is not None]
            r = [(tw, float(v)) for tw, _, v in s.points if v is not None]
            if t:
                ax.plot([a for a, _ in t], [b for _, b in t], ls="--", marker="s", color=ORANGE, label="Target", lw=1.2, ms=4)
            if r:
                ax.plot([a for a, _ in r], [b for _, b in r], ls="-", marker="o", color=BLUE, label="Realisasi", lw=1.6, ms=4)
                for tw, v in zip([a for a, _ in r], [p[2] for p in s.points if p[2] is not None]):
                    ax.annotate(format_id(v), (tw, float(v)), textcoords="offset points", xytext=(0, 5), ha="center", fontsize=7)
            ax.set_xticks(tws, [f"TW {roman[tw]}" for tw in tws])
            ax.set_xlim(min(tws) - 0.5, max(tws) + 0.5)
            ax.set_title(_wrap(s.label, 34) + (f" ({s.satuan})" if s.satuan else ""), fontsize=8, loc="left")
            ax.margins(y=0.25)
            ax.tick_params(labelsize=7)
            for side in ("top", "right"):
                ax.spines[side].set_visible(False)
        fig.legend(handles=[
            matplotlib.lines.Line2D([], [], ls="--", marker="s", color=ORANGE, label="Target s.d. triwulan"),
            matplotlib.lines.Line2D([], [], ls="-", marker="o", color=BLUE, label="Realisasi s.d. triwulan"),
        ], loc="upper left", ncols=2, frameon=False, fontsize=8)
        return _svg(fig)
