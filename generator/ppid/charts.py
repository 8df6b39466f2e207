"""Charts of the PPID service statistics, deterministic SVG like render/charts.py.

Same rules as the performance charts: matplotlib ``Figure`` (no pyplot), the same rc
settings (``svg.fonttype: none``, fixed ``svg.hashsalt``, no date metadata), Okabe–Ito
colours, and colour never alone: every bar carries its number as text, and the answer
time chart says "tepat waktu" / "terlambat" next to each bar and uses a hatch for late
answers. Functions take plain values (labels and integers); the page shows the same
numbers in a table next to each chart.
"""

from __future__ import annotations

from matplotlib import rc_context  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from generator.render.charts import (  # sets the Agg backend
    BLACK,
    BLUE,
    GREEN,
    GREY,
    LABEL_BOX,
    RC,
    VERMILLION,
    _figure,
    _row_labels,
    _svg,
)

BULAN_SINGKAT = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")


def _int_ticks(ax, top: int, axis: str = "x") -> None:
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 10**9) if top / s <= 8)
    ticks = list(range(0, top + 1, step))
    (ax.set_xticks if axis == "x" else ax.set_yticks)(ticks, [str(t) for t in ticks])


def _plain(ax, keep=("left", "bottom")) -> None:
    for side in ("top", "right", "left", "bottom"):
        if side not in keep:
            ax.spines[side].set_visible(False)


def bulan_kolom(items: list[tuple[str, int]], ylabel: str) -> bytes:
    """Requests per month: one column per month (Jan–Des), the count above each."""
    with rc_context(RC):
        fig = Figure(figsize=(6.4, 2.8))
        ax = fig.add_axes((0.1, 0.14, 0.88, 0.76))
        top = max([n for _, n in items] + [1])
        xs = list(range(len(items)))
        ax.bar(xs, [n for _, n in items], width=0.62, color=BLUE, hatch="//", edgecolor=BLACK, linewidth=0.5, zorder=2)
        for x, (_, n) in zip(xs, items):
            ax.text(x, n, f"{n}", ha="center", va="bottom", fontsize=8, zorder=4, bbox=LABEL_BOX)
        labels = [BULAN_SINGKAT[i] if len(items) == 12 else label for i, (label, _) in enumerate(items)]
        ax.set_xticks(xs, labels)
        ax.set_xlim(-0.6, len(items) - 0.4)
        ax.set_ylim(0, top * 1.25 + 0.5)
        _int_ticks(ax, top, "y")
        ax.set_ylabel(ylabel)
        ax.yaxis.grid(True, color="#dddddd", lw=0.5, zorder=0)
        _plain(ax)
        return _svg(fig)


def jumlah_batang(items: list[tuple[str, int]], xlabel: str) -> bytes:
    """Counts per category (channel, requester, decision): horizontal bars, the count
    written at the end of each bar, zero rows kept so the categories read complete."""
    with rc_context(RC):
        fig, ax = _figure(len(items), row_height=0.34, left=2.5, width=5.8, bottom=0.6, top=0.2)
        top = max([n for _, n in items] + [1])
        ys = list(range(len(items)))[::-1]
        for y, (_, n) in zip(ys, items):
            if n:
                ax.barh(y, n, height=0.62, color=BLUE, hatch="//", edgecolor=BLACK, linewidth=0.5, zorder=2)
            ax.text(n, y, f" {n}", va="center", ha="left", fontsize=8, zorder=4, bbox=LABEL_BOX)
        _row_labels(ax, ys, [label for label, _ in items])
        ax.set_ylim(-0.6, len(items) - 0.4)
        ax.set_xlim(0, top * 1.15 + 0.5)
        _int_ticks(ax, top)
        ax.set_xlabel(xlabel)
        _plain(ax)
        return _svg(fig)


def waktu_jawab(items: list[tuple[str, int | None, int, bool | None]], xlabel: str, batas: int, batas_perpanjangan: int) -> bytes:
    """Working days to the answer, one bar per request: (label, days or None while
    unanswered, the request's limit, on time?). Lines at the 10-day limit and the 17-day
    limit with an extension notice; late bars hatched and labelled "terlambat"."""
    with rc_context(RC):
        fig, ax = _figure(len(items), row_height=0.34, left=1.5, width=6.4, bottom=0.95, top=0.45)
        axis_inches = 6.4 - 1.5 - 0.25
        xmax = batas_perpanjangan * 1.25
        for _, days, limit, on_time in items:  # room for every bar and its label (8 pt text)
            if days is not None:
                label_inches = (len(f" {days} · terlambat (batas {limit})") + 1) * 8 * 0.56 / 72
                xmax = max(xmax, days * axis_inches / max(axis_inches - label_inches, axis_inches * 0.3))
        ys = list(range(len(items)))[::-1]
        for limit, name in (
            (batas, f"batas {batas} hari kerja"),
            (batas_perpanjangan, f"{batas_perpanjangan} dengan perpanjangan"),
        ):
            ax.axvline(limit, color=BLACK if limit == batas else GREY, lw=1.1, ls="-" if limit == batas else "--", zorder=3)
            ax.text(limit, 1.01, name, transform=ax.get_xaxis_transform(), ha="center", va="bottom", fontsize=7)
        for y, (_, days, limit, on_time) in zip(ys, items):
            if days is None:
                ax.text(0.3, y, "belum dijawab", va="center", ha="left", fontsize=8, style="italic")
                continue
            late = on_time is False
            ax.barh(
                y,
                days,
                height=0.62,
                color=VERMILLION if late else GREEN,
                hatch="xx" if late else "",
                edgecolor=BLACK,
                linewidth=0.5,
                zorder=2,
            )
            word = f"terlambat (batas {limit})" if late else ("tepat waktu" if limit == batas else f"tepat waktu (batas {limit})")
            ax.text(days, y, f" {days} · {word}", va="center", ha="left", fontsize=8, zorder=4, bbox=LABEL_BOX)
        _row_labels(ax, ys, [label for label, _, _, _ in items])
        ax.set_ylim(-0.6, len(items) - 0.4)
        ax.set_xlim(0, xmax)
        _int_ticks(ax, int(xmax))
        ax.set_xlabel(xlabel)
        _plain(ax)
        handles = [
            Patch(facecolor=GREEN, edgecolor=BLACK, linewidth=0.5, label="Tepat waktu"),
            Patch(facecolor=VERMILLION, hatch="xx", edgecolor=BLACK, linewidth=0.5, label="Terlambat"),
        ]
        fig.legend(handles=handles, loc="lower left", ncols=2, frameon=False, fontsize=8, bbox_to_anchor=(0.0, 0.0))
        return _svg(fig)
