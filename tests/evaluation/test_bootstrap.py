"""Bootstrap intervals: nominal coverage in simulation, determinism, paired differences."""

from __future__ import annotations

import numpy as np
import pytest

from evaluation.bootstrap import bootstrap_ci, bootstrap_ratio_ci, paired_bootstrap_difference

DATASETS = 200  # simulated data sets per coverage check


def _coverage(samples: np.ndarray, truth: float) -> float:
    covered = 0
    for index, values in enumerate(samples):
        low, high = bootstrap_ci(values, n_resamples=1000, seed=index)
        covered += low <= truth <= high
    return covered / len(samples)


@pytest.mark.parametrize(
    ("draw", "truth"),
    [
        (lambda rng: rng.binomial(1, 0.3, size=(DATASETS, 100)).astype(float), 0.3),
        (lambda rng: rng.normal(2.0, 1.5, size=(DATASETS, 100)), 2.0),
    ],
    ids=["bernoulli", "normal"],
)
def test_95_percent_interval_covers_the_true_mean_at_about_the_nominal_rate(draw, truth):
    coverage = _coverage(draw(np.random.default_rng(7)), truth)
    assert 0.90 <= coverage <= 0.99, coverage


def test_paired_difference_covers_the_true_difference_and_is_significant_when_large():
    rng = np.random.default_rng(11)
    covered = 0
    for index in range(DATASETS):
        shared = rng.normal(0, 3, size=80)  # item difficulty both models share
        a = shared + rng.normal(0.5, 1, size=80)
        b = shared + rng.normal(0.0, 1, size=80)
        result = paired_bootstrap_difference(a, b, seed=index)
        covered += result.low <= 0.5 <= result.high
        assert result.significant == (not result.low <= 0 <= result.high)
    assert 0.90 <= covered / DATASETS <= 0.99


def test_a_paired_comparison_sees_what_an_unpaired_one_would_miss():
    rng = np.random.default_rng(3)
    shared = rng.normal(0, 10, size=200)
    result = paired_bootstrap_difference(shared + 0.3, shared)
    assert result.difference == pytest.approx(0.3)
    assert result.significant and result.low == pytest.approx(0.3)
    same = paired_bootstrap_difference(shared, shared)
    assert (same.difference, same.low, same.high, same.significant) == (0.0, 0.0, 0.0, False)


def test_same_seed_same_interval_and_other_statistics_and_levels():
    values = np.arange(50, dtype=float)
    assert bootstrap_ci(values, seed=5) == bootstrap_ci(values, seed=5)
    assert bootstrap_ci(values, seed=5) != bootstrap_ci(values, seed=6)
    low, high = bootstrap_ci(values, statistic=np.median)
    assert low < 24.5 < high
    narrow = bootstrap_ci(values, level=0.5)
    wide = bootstrap_ci(values, level=0.99)
    assert wide[0] < narrow[0] < narrow[1] < wide[1]
    assert bootstrap_ci([4.0]) == (4.0, 4.0)


def test_ratio_interval_resamples_numerator_and_denominator_together():
    nll = np.array([10.0, 20.0, 30.0, 40.0])
    sizes = nll / 2  # every item has ratio 2, so every resample has ratio 2
    assert bootstrap_ratio_ci(nll, sizes) == pytest.approx((2.0, 2.0))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: bootstrap_ci([]), "non-empty"),
        (lambda: bootstrap_ci([1.0], n_resamples=0), "at least 1"),
        (lambda: bootstrap_ci([1.0], level=95), "between 0 and 1"),
        (lambda: paired_bootstrap_difference([1.0, 2.0], [1.0]), "align them"),
        (lambda: bootstrap_ratio_ci([1.0], [1.0, 2.0]), "one of each"),
    ],
)
def test_bad_input_names_the_cause_and_the_fix(call, message):
    with pytest.raises(ValueError, match=message):
        call()
