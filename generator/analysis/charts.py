"""The quadrant chart of the Analisis pages: budget absorption (x) against average
capaian (y) per position, split at 100% on both axes. matplotlib, deterministic SVG with
the project's conventions (render/charts.py ``RC``: text stays text, fixed hash salt, no
date; Okabe–Ito colours). Colour never carries meaning alone: each quadrant has its own
marker shape and its letter written in its corner with the number of positions, and the
legend under the chart names each quadrant in words. One phone-first drawing (under 5
inches wide: the narrow layout, no text under 9 pt) serves every screen; the table beside
it has every figure.
"""

from __future__ import annotations

import textwrap
from decimal import Decimal

from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from generator.core.numbers import format_id
from generator.render.charts import BLACK, BLUE, GREEN, LABEL_BOX, ORANGE, RC, VERMILLION, _svg

# quadrant → (marker, colour); letters as in tables.KUADRAN
LABELLED = 40  # points numbered on the chart (beyond that the labels would cover each other)
GAYA = {"A": ("o", GREEN), "B": ("s", BLUE), "C": ("^", ORANGE), "D": ("D", VERMILLION)}


def _limits(values: list[float]) -> tuple[float, float]:
    lo, hi = min([*values, 100.0]), max([*values, 100.0])
    pad = max((hi - lo) * 0.16, 4.0)  # room for the quadrant letters in the corners
    return max(lo - pad, 0.0) if lo >= 0 else lo - pad, hi + pad


def kuadran(points: tuple[tuple[int, Decimal, Decimal, str], ...], names: tuple[tuple[str, str], ...], width: float) -> bytes:
    """``points``: (number, absorption %, capaian %, quadrant letter); ``names``: (letter,
    meaning) of the four quadrants; ``width`` in inches (7 wide, 3.33 on a phone)."""
    narrow = width < 5
    font = 9.0
    line = font * 1.35 / 72  # inches per legend line
    plot_h = width * (0.95 if narrow else 0.55)
    wrapped = [textwrap.wrap(f"{k}: {v}", 38 if narrow else 120) for k, v in names]
    legend_h = sum(len(w) for w in wrapped) * line + 0.12
    left, bottom, top = 0.62, 0.55, 0.12
    height = plot_h + bottom + top + legend_h
    with rc_context(RC):
        fig = Figure(figsize=(width, height))
        ax = fig.add_axes((left / width, (bottom + legend_h) / height, (width - left - 0.15) / width, plot_h / height))
        xs = [float(x) for _, x, _, _ in points]
        ys = [float(y) for _, _, y, _ in points]
        x0, x1 = _limits(xs)
        y0, y1 = _limits(ys)
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        ax.axvline(100, color=BLACK, lw=1.1, zorder=1)
        ax.axhline(100, color=BLACK, lw=1.1, zorder=1)
        count = {k: sum(1 for p in points if p[3] == k) for k, _ in names}
        corners = {
            "A": (0.98, 0.98, "right", "top"),
            "B": (0.02, 0.98, "left", "top"),
            "C": (0.02, 0.02, "left", "bottom"),
            "D": (0.98, 0.02, "right", "bottom"),
        }
        for k, _ in names:
            cx, cy, ha, va = corners[k]
            ax.text(
                cx,
                cy,
                f"{k}: {count[k]} jabatan",
                transform=ax.transAxes,
                ha=ha,
                va=va,
                fontsize=font,
                fontweight="bold",
                bbox=LABEL_BOX,
                zorder=5,
            )
        for k, (marker, colour) in GAYA.items():
            sel = [(x, y) for (n, _, _, q), x, y in zip(points, xs, ys) if q == k]
            if sel:
                ax.scatter(
                    [x for x, _ in sel],
                    [y for _, y in sel],
                    s=34 if narrow else 40,
                    marker=marker,
                    c=colour,
                    edgecolors=BLACK,
                    linewidths=0.6,
                    zorder=3,
                )
        if len(points) <= LABELLED:
            for (n, _, _, _), x, y in zip(points, xs, ys):
                ax.annotate(str(n), (x, y), xytext=(4, 3), textcoords="offset points", fontsize=font, zorder=4)
        ax.set_xlabel("Capaian anggaran (%)", fontsize=font)
        ax.set_ylabel("Rata-rata capaian kinerja (%)", fontsize=font)
        ax.tick_params(labelsize=font)
        ax.xaxis.set_major_formatter(lambda v, _pos: format_id(Decimal(str(round(v, 6))).normalize()))
        ax.yaxis.set_major_formatter(lambda v, _pos: format_id(Decimal(str(round(v, 6))).normalize()))
        ax.xaxis.set_major_locator(MaxNLocator(5))
        ax.yaxis.set_major_locator(MaxNLocator(6))
        ax.grid(True, color="#dddddd", lw=0.5, zorder=0)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        # the legend: marker shape and the quadrant's meaning in words, one per line
        y = legend_h - 0.02 - line / 2
        for (k, _meaning), lines in zip(names, wrapped):
            marker, colour = GAYA[k]
            fig.add_artist(_marker(fig, 0.14, y, width, height, marker, colour))
            fig.text(0.3 / width, (y + line / 2) / height, "\n".join(lines), fontsize=font, va="top", ha="left", linespacing=1.2)
            y -= len(lines) * line
        return _svg(fig)


def _marker(fig: Figure, x: float, y: float, width: float, height: float, marker: str, colour: str):
    from matplotlib.lines import Line2D

    return Line2D(
        [x / width],
        [y / height],
        marker=marker,
        color=colour,
        markeredgecolor=BLACK,
        markeredgewidth=0.6,
        markersize=6,
        linestyle="none",
        transform=fig.transFigure,
    )
