"""The report's figures, drawn with matplotlib's object API onto Agg canvases (no pyplot state).

Each function writes one PNG and always writes it: a figure without data says so in its middle,
so the report's file list does not depend on which metrics ran.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import NullFormatter

from evaluation.comparisons import ARMS, Difference, ModelResults, ordered_models

ARM_STYLE = {"neutral": ("o", "tab:green"), "original": ("s", "tab:purple")}
PANEL_SIZE = (4.8, 3.6)  # inches per subplot
DPI = 100


def _panels(count: int) -> tuple[Figure, list[Axes]]:
    columns = min(max(count, 1), 3)
    rows = max(math.ceil(count / columns), 1)
    figure = Figure(figsize=(PANEL_SIZE[0] * columns, PANEL_SIZE[1] * rows), layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.subplots(rows, columns, squeeze=False).ravel().tolist()
    for unused in axes[count:]:
        unused.set_axis_off()
    return figure, axes[: max(count, 1)]


def _save(figure: Figure, path: Path) -> Path:
    figure.savefig(path, format="png", dpi=DPI, metadata={"Software": None})
    return path


def _no_data(path: Path, title: str, reason: str) -> Path:
    figure, (axes,) = _panels(1)
    axes.set_axis_off()
    axes.set_title(title)
    axes.text(0.5, 0.5, reason, ha="center", va="center", wrap=True)
    return _save(figure, path)


def _errors(value, low, high) -> tuple[float, float]:
    """(below, above) error-bar lengths; 0 where the value has no interval."""
    if low is None or high is None:
        return 0.0, 0.0
    return max(value - low, 0.0), max(high - value, 0.0)


def quality_vs_cost(
    models: Sequence[ModelResults], quality_columns: Sequence[str], cost_column: str, path: Path
) -> Path:
    """Quality (e.g. bits per byte) against cost (e.g. trainable parameters, log x); one panel
    per quality column, the base as a dashed line (it trained nothing, so it has no x)."""
    columns = [c for c in quality_columns if any(m.has(c) for m in models)]
    trained = [m for m in ordered_models(models) if not m.is_base and m.has(cost_column)]
    if not columns or not trained:
        return _no_data(path, "quality vs cost", f"no models with {cost_column} and quality values")
    figure, axes_list = _panels(len(columns))
    for axes, column in zip(axes_list, columns, strict=True):
        for model in trained:
            quality, cost = model.value(column), model.value(cost_column)
            if quality is None or cost.value <= 0:
                continue
            marker, color = ARM_STYLE.get(model.arm, ("^", "tab:gray"))
            below, above = _errors(quality.value, quality.low, quality.high)
            axes.errorbar(
                cost.value, quality.value, yerr=[[below], [above]], fmt=marker, color=color
            )
            if model.arm != ARMS[1]:  # one label per strategy
                axes.annotate(model.strategy, (cost.value, quality.value), fontsize=7,
                              xytext=(4, 4), textcoords="offset points")  # fmt: skip
        for base in (m for m in models if m.is_base and m.has(column)):
            axes.axhline(base.value(column).value, linestyle="--", color="black", label="base")
        axes.set_xscale("log")
        axes.xaxis.set_minor_formatter(NullFormatter())
        axes.set(xlabel=f"{cost_column} (log)", ylabel=column, title=column)
        _arm_legend(axes)
    return _save(figure, path)


def _arm_legend(axes: Axes) -> None:
    for arm in ARMS:
        marker, color = ARM_STYLE[arm]
        axes.plot([], [], marker, color=color, label=arm)
    axes.legend(fontsize=7)


def bias_by_strategy(models: Sequence[ModelResults], columns: Sequence[str], path: Path) -> Path:
    """Each bias column per strategy, both arms side by side with their 95% intervals, and
    the base's value and interval as a band."""
    columns = [c for c in columns if any(m.has(c) for m in models if not m.is_base)]
    if not columns:
        return _no_data(path, "bias by strategy", "no bias values for fine-tuned models")
    strategies = list(dict.fromkeys(m.strategy for m in ordered_models(models) if not m.is_base))
    figure, axes_list = _panels(len(columns))
    for axes, column in zip(axes_list, columns, strict=True):
        for offset, arm in zip((-0.15, 0.15), ARMS, strict=True):
            marker, color = ARM_STYLE[arm]
            for position, strategy in enumerate(strategies):
                found = [m.value(column) for m in models if (m.strategy, m.arm) == (strategy, arm)]
                if found and found[0] is not None:
                    below, above = _errors(found[0].value, found[0].low, found[0].high)
                    axes.errorbar(position + offset, found[0].value, yerr=[[below], [above]],
                                  fmt=marker, color=color, capsize=3)  # fmt: skip
        for base in (m.value(column) for m in models if m.is_base and m.has(column)):
            axes.axhline(base.value, linestyle="--", color="black", label="base")
            if base.low is not None and base.high is not None:
                axes.axhspan(base.low, base.high, color="black", alpha=0.08)
        axes.set_xticks(range(len(strategies)), strategies, rotation=45, ha="right", fontsize=8)
        axes.set(ylabel=column, title=column)
        _arm_legend(axes)
    return _save(figure, path)


def arm_deltas(differences: Sequence[Difference], columns: Sequence[str], path: Path) -> Path:
    """Forest plot of neutral minus original per strategy with paired 95% intervals; filled
    markers are significant (the interval excludes 0)."""
    columns = [c for c in columns if any(d.column == c for d in differences)]
    if not columns:
        return _no_data(path, "neutral minus original", "no strategy was evaluated in both arms")
    figure, axes_list = _panels(len(columns))
    for axes, column in zip(axes_list, columns, strict=True):
        rows = [d for d in differences if d.column == column]
        for position, row in enumerate(rows):
            axes.errorbar(
                row.difference,
                position,
                xerr=[[row.difference - row.low], [row.high - row.difference]],
                fmt="o",
                color="tab:red" if row.significant else "tab:gray",
                markerfacecolor="tab:red" if row.significant else "white",
                capsize=3,
            )
        axes.axvline(0.0, color="black", linewidth=0.8)
        axes.set_yticks(range(len(rows)), [row.strategy or row.model for row in rows], fontsize=8)
        axes.set_ylim(len(rows) - 0.5, -0.5)  # first strategy on top
        axes.set(xlabel="neutral - original (filled: 95% CI excludes 0)", title=column)
    return _save(figure, path)
