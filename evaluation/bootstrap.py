"""Percentile bootstrap confidence intervals, vectorised over resamples (Efron & Tibshirani 1993).

Every rate and share in the evaluation carries one of these intervals; two models scored on the
same items are compared with the paired bootstrap of their per-item differences.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

Statistic = Callable[..., np.ndarray]  # statistic(samples, axis=-1) -> one value per resample
_MAX_RESAMPLED_VALUES = 4_000_000  # values drawn per block of resamples (32 MB of float64)


class DifferenceResult(BaseModel):
    """The mean per-item difference of two models and its paired bootstrap interval."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    difference: float = Field(description="mean(a - b) over the shared items.")
    low: float = Field(description="Lower end of the percentile bootstrap interval.")
    high: float = Field(description="Upper end of the percentile bootstrap interval.")
    significant: bool = Field(description="True when the interval excludes 0.")


def _as_values(values: Sequence[float], what: str) -> np.ndarray:
    array = np.asarray(values, dtype=np.float64)
    if array.ndim != 1 or array.size == 0:
        raise ValueError(
            f"{what} must be a non-empty flat sequence of numbers (got shape {array.shape}); "
            "pass one score per item"
        )
    return array


def _resampled_statistics(
    columns: tuple[np.ndarray, ...],
    reduce: Callable[..., np.ndarray],
    n_resamples: int,
    seed: int,
) -> np.ndarray:
    """`reduce(*resampled_columns)` for `n_resamples` resamples of the rows, in blocks."""
    if n_resamples < 1:
        raise ValueError(f"n_resamples={n_resamples}: pass at least 1 (1000 is usual)")
    n = columns[0].size
    generator = np.random.default_rng(seed)
    block = max(1, _MAX_RESAMPLED_VALUES // n)
    statistics = []
    for done in range(0, n_resamples, block):
        indices = generator.integers(0, n, size=(min(block, n_resamples - done), n))
        statistics.append(np.asarray(reduce(*(column[indices] for column in columns))))
    return np.concatenate(statistics)


def _percentiles(statistics: np.ndarray, level: float) -> tuple[float, float]:
    if not 0 < level < 1:
        raise ValueError(f"level={level}: pass a coverage between 0 and 1, e.g. 0.95")
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(statistics, [tail, 100 - tail])
    return float(low), float(high)


def bootstrap_ci(
    values: Sequence[float],
    statistic: Statistic = np.mean,
    n_resamples: int = 1000,
    seed: int = 0,
    level: float = 0.95,
) -> tuple[float, float]:
    """Percentile bootstrap interval of `statistic` over `values` (one value per item).

    Args:
        values: per-item scores.
        statistic: reduces an array along `axis=-1` (np.mean, np.median, ...).
        n_resamples: resamples drawn with replacement (1000: Efron & Tibshirani 1993).
        seed: seeds numpy's Generator, so equal inputs give equal intervals.
        level: coverage of the interval.
    """
    array = _as_values(values, "values")
    statistics = _resampled_statistics(
        (array,), lambda sample: statistic(sample, axis=-1), n_resamples, seed
    )
    return _percentiles(statistics, level)


def bootstrap_ratio_ci(
    numerators: Sequence[float],
    denominators: Sequence[float],
    n_resamples: int = 1000,
    seed: int = 0,
    level: float = 0.95,
) -> tuple[float, float]:
    """Percentile bootstrap interval of sum(numerators) / sum(denominators), items resampled
    together (e.g. a corpus' NLL per byte with documents as the items)."""
    top = _as_values(numerators, "numerators")
    bottom = _as_values(denominators, "denominators")
    if top.size != bottom.size:
        raise ValueError(
            f"{top.size} numerators but {bottom.size} denominators: pass one of each per item"
        )
    statistics = _resampled_statistics(
        (top, bottom), lambda a, b: a.sum(axis=-1) / b.sum(axis=-1), n_resamples, seed
    )
    return _percentiles(statistics, level)


def paired_bootstrap_difference(
    a: Sequence[float],
    b: Sequence[float],
    n_resamples: int = 1000,
    seed: int = 0,
    level: float = 0.95,
) -> DifferenceResult:
    """mean(a - b) with the percentile bootstrap interval of the per-item differences; `a[i]` and
    `b[i]` must score the same item (two models on the same pairs or documents)."""
    first = _as_values(a, "a")
    second = _as_values(b, "b")
    if first.size != second.size:
        raise ValueError(
            f"a has {first.size} items but b has {second.size}: a paired comparison needs the "
            "same items in the same order (align them by item id first)"
        )
    differences = first - second
    low, high = bootstrap_ci(differences, np.mean, n_resamples, seed, level)
    return DifferenceResult(
        difference=float(differences.mean()),
        low=low,
        high=high,
        significant=not low <= 0.0 <= high,
    )
