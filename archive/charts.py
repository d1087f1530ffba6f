"""The report's charts, drawn with matplotlib as inline SVG: counts as bars on whole-number axes
from zero, text kept as text (searchable, and Vietnamese names shaped by the browser's fonts).

matplotlib: the long-kept standard for static charts in Python; Plotly or Vega would embed a
JavaScript runtime of megabytes for the page to open offline.
"""
from __future__ import annotations

import io
import math
from typing import Any

PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
           "#bcbd22", "#17becf"]
OTHERS_COLOUR = "#c7c7c7"


def _plt():
    import matplotlib

    matplotlib.use("svg")  # no display, no GUI toolkit
    import matplotlib.pyplot as plt

    plt.rcParams.update({"svg.fonttype": "none", "font.size": 8, "axes.spines.top": False,
                         "axes.spines.right": False})
    return plt


def svg(fig: Any) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    _plt().close(fig)
    text = buf.getvalue()
    return text[text.index("<svg"):]  # the XML prolog and DOCTYPE do not belong inside HTML


def _counts_axis(ax: Any, axis: str = "y") -> None:
    """Whole numbers from zero: a count of articles is never 1.2, and an axis that does not
    start at zero draws small changes as large ones."""
    from matplotlib.ticker import MaxNLocator

    getattr(ax, f"{axis}axis").set_major_locator(MaxNLocator(integer=True, min_n_ticks=1))
    (ax.set_ylim if axis == "y" else ax.set_xlim)(0, None)
    if (ax.get_ylim() if axis == "y" else ax.get_xlim())[1] < 1:
        (ax.set_ylim if axis == "y" else ax.set_xlim)(0, 1)


MIN_SLOTS = 12  # a chart of one or two periods keeps bars of a readable width, on the left


def _period_ticks(ax: Any, labels: list[str], most: int = 24) -> None:
    step = max(1, math.ceil(len(labels) / most))
    ax.set_xticks(range(0, len(labels), step), labels[::step], rotation=90)
    ax.set_xlim(-0.6, max(len(labels), MIN_SLOTS) - 0.4)


def stacked_bars(periods: list[str], series: dict[str, list[int]], title: str, ylabel: str) -> str:
    """One bar per period, stacked by series (the last one, "others", in grey)."""
    plt = _plt()
    fig, ax = plt.subplots(figsize=(10, 3.6))
    bottom = [0] * len(periods)
    for k, (name, counts) in enumerate(series.items()):
        colour = OTHERS_COLOUR if name == "others" else PALETTE[k % len(PALETTE)]
        ax.bar(range(len(periods)), counts, 0.8, bottom=bottom, label=name, color=colour)
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    _period_ticks(ax, periods)
    _counts_axis(ax)
    ax.set_title(title, loc="left")
    ax.set_ylabel(ylabel)
    if len(series) > 1:
        ax.legend(fontsize=7, ncols=min(5, len(series)), loc="upper left", bbox_to_anchor=(0, -0.25),
                  frameon=False)
    return svg(fig)


def small_multiples(periods: list[str], series: dict[str, list[int]], columns: int = 5) -> str:
    """One small bar chart per series (a school), on a shared time axis, each on its own
    whole-number scale from zero: every school readable, however many there are."""
    plt = _plt()
    rows = math.ceil(len(series) / columns)
    fig, axes = plt.subplots(rows, columns, figsize=(10, 1.35 * rows + 0.4), sharex=True, squeeze=False)
    for k, ax in enumerate(axes.flat):
        if k >= len(series):
            ax.axis("off")
            continue
        name, counts = list(series.items())[k]
        ax.bar(range(len(periods)), counts, 0.85, color=PALETTE[0])
        ax.set_title(f"{name} ({sum(counts)})", fontsize=7, loc="left")
        _counts_axis(ax)
        ax.tick_params(labelsize=6)
        ax.set_xticks([0, len(periods) - 1], [periods[0], periods[-1]] if periods else [])
        ax.set_xlim(-0.6, len(periods) - 0.4)
    fig.tight_layout()
    return svg(fig)


def horizontal_bars(labels: list[str], values: list[int], title: str, xlabel: str,
                    colours: list[str] | None = None) -> str:
    plt = _plt()
    fig, ax = plt.subplots(figsize=(10, max(1.6, 0.24 * len(labels) + 0.8)))
    ys = list(range(len(labels)))[::-1]  # the first label on top
    ax.barh(ys, values, 0.7, color=colours or PALETTE[0])
    ax.set_yticks(ys, labels)
    for y, v in zip(ys, values, strict=True):
        ax.text(v, y, f" {v}", va="center", fontsize=7)
    _counts_axis(ax, "x")
    ax.set_title(title, loc="left")
    ax.set_xlabel(xlabel)
    return svg(fig)


def grouped_shares(labels: list[str], fields: list[str], shares: list[list[float]], title: str) -> str:
    """Per label (school), one bar per field: the % of its articles that have the field."""
    plt = _plt()
    fig, ax = plt.subplots(figsize=(10, max(1.8, 0.32 * len(labels) + 1)))
    height = 0.8 / len(fields)
    for k, name in enumerate(fields):
        ys = [len(labels) - 1 - i + (len(fields) - 1 - k) * height for i in range(len(labels))]
        ax.barh(ys, [100 * s[k] for s in shares], height, label=name, color=PALETTE[k % len(PALETTE)])
    ax.set_yticks([len(labels) - 1 - i + 0.4 - height / 2 for i in range(len(labels))], labels)
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of the school's articles with the field")
    ax.set_title(title, loc="left")
    below = -0.08 - 2 / (len(labels) + 8)  # under the x axis label, however tall the chart is
    ax.legend(fontsize=7, ncols=len(fields), loc="upper left", bbox_to_anchor=(0, below), frameon=False)
    return svg(fig)
