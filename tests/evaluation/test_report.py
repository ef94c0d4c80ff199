"""The comparison report rendered from a fixture of metric results (no models)."""

from __future__ import annotations

import struct

import pytest

from evaluation.comparisons import ModelResults, arm_differences
from evaluation.metric import ItemScores, MetricResult, MetricValue
from evaluation.report import ReportConfig, build_report
from evaluation.tables import estimate, number

PAIRS = [f"doc-{i // 4}#{i % 4}" for i in range(200)]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def preference(share: float) -> MetricResult:
    """Neutral preference where the first `share` of the 200 pairs prefer the neutral version."""
    scores = [float(i < share * len(PAIRS)) for i in range(len(PAIRS))]
    return MetricResult(
        metric="neutral_preference",
        values=[
            MetricValue(
                metric="neutral_preference",
                key="neutral_preference",
                value=share,
                low=share - 0.06,
                high=share + 0.06,
                n=len(PAIRS),
            )
        ],
        items=[
            ItemScores(
                metric="neutral_preference",
                key="neutral_preference",
                item_ids=PAIRS,
                scores=scores,
            )
        ],
    )


def quality_and_cost(bpb: float, trainable: int) -> list[MetricResult]:
    return [
        MetricResult(
            metric="perplexity",
            values=[
                MetricValue(
                    metric="perplexity",
                    key="bpb_neutral",
                    value=bpb,
                    low=bpb - 0.07,
                    high=bpb + 0.07,
                    n=50,
                )
            ],
            items=[],
        ),
        MetricResult(
            metric="cost",
            values=[
                MetricValue(metric="cost", key="trainable_parameters", value=trainable, n=1),
                MetricValue(metric="cost", key="latency_ms_per_token", value=2.5, n=5),
            ],
            items=[],
        ),
    ]


def model(name: str, share: float, bpb: float, trainable: int) -> ModelResults:
    return ModelResults.named(name, [preference(share), *quality_and_cost(bpb, trainable)])


@pytest.fixture
def models() -> list[ModelResults]:
    """Given out of order: the report puts the base first, then strategies in first-seen order,
    neutral before original. LoRA's arms differ clearly (0.80 vs 0.30); prompt tuning's arms
    are identical."""
    return [
        model("prompt/original", 0.50, 1.40, 4_096),
        model("lora/neutral", 0.80, 1.21, 65_536),
        model("base", 0.50, 1.62, 0),
        model("lora/original", 0.30, 1.25, 65_536),
        model("prompt/neutral", 0.50, 1.41, 4_096),
    ]


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_numbers_print_compactly_and_to_the_precision_of_their_interval():
    assert estimate(0.62, 0.55, 0.69) == "0.62 [0.55, 0.69]"
    assert estimate(0.0123, 0.0101, 0.0149) == "0.0123 [0.0101, 0.0149]"
    assert estimate(0.5, 0.43, 0.565, signed=True) == "+0.50 [0.43, 0.56]"
    assert estimate(2.5, None, None) == "2.50"
    assert number(65_536) == number(65_536.0) == "65,536"
    assert number(0.004123) == "0.00412"


def test_the_report_has_the_rows_columns_and_significance_marks(models, tmp_path):
    config = ReportConfig(n_resamples=500)
    files = build_report(models, tmp_path / "report", config)
    markdown = files.markdown.read_text(encoding="utf-8")
    headline = files.headline_markdown.splitlines()
    assert headline[0] == (
        "| model | strategy | arm | perplexity/bpb_neutral | neutral_preference/neutral_preference"
        " | cost/trainable_parameters | cost/latency_ms_per_token |"
    )
    assert [line.split(" | ")[0] for line in headline[2:]] == [
        "| base",
        "| prompt/neutral",
        "| prompt/original",
        "| lora/neutral",
        "| lora/original",
    ]
    assert "| lora/original | lora | original | 1.25 [1.18, 1.32] | 0.30 [0.24, 0.36] |" in markdown
    assert files.headline_markdown in markdown
    arm_rows = {line.split(" | ")[0]: line for line in files.arm_differences_markdown.splitlines()}
    assert arm_rows["| lora/neutral"].startswith("| lora/neutral | lora/original | +0.50 [")
    assert arm_rows["| lora/neutral"].endswith("] * |")  # 0.80 - 0.30: the CI excludes 0
    assert arm_rows["| prompt/neutral"] == (
        "| prompt/neutral | prompt/original | +0.00 [0.00, 0.00] |"
    )  # identical arms: not significant
    assert files.significant_arm_differences == 1
    assert "| prompt/original | base | +0.00 [0.00, 0.00] |" in markdown  # versus the base
    assert "| lora/original | base | -0.20 [" in markdown
    for plot in files.plots:
        width, height = png_size(plot.read_bytes())
        assert width > 100 and height > 100
        assert f"({plot.name})" in markdown
    page = files.html.read_text(encoding="utf-8")
    assert all(f'href="{plot.name}"' in page for plot in files.plots)
    assert page.count("data:image/png;base64,") == 3
    assert "<td>lora/neutral</td>" in page


def test_rebuilding_replaces_the_report_and_missing_arms_are_not_compared(models, tmp_path):
    build_report(models, tmp_path / "report")
    only_neutral = [m for m in models if m.arm != "original"]
    files = build_report(only_neutral, tmp_path / "report")
    assert files.significant_arm_differences == 0
    assert "lora/original" not in files.markdown.read_text(encoding="utf-8")
    assert sorted(p.name for p in (tmp_path / "report").iterdir()) == [
        "bias_by_strategy.png",
        "neutral_vs_original_deltas.png",  # still written: says there is nothing to compare
        "quality_vs_cost.png",
        "report.html",
        "report.json",
        "report.md",
    ]
    assert png_size(files.plots[2].read_bytes())[0] > 100


def test_items_are_paired_by_id_not_by_position(models):
    lora_neutral, lora_original = models[1], models[3]
    shuffled = preference(0.30).model_copy(
        update={
            "items": [
                ItemScores(
                    metric="neutral_preference",
                    key="neutral_preference",
                    item_ids=PAIRS[::-1],
                    scores=[float(i < 60) for i in range(len(PAIRS))][::-1],
                )
            ]
        }
    )
    reordered = lora_original.model_copy(update={"results": [shuffled]})
    (difference,) = arm_differences(
        [lora_neutral, reordered], ["neutral_preference/neutral_preference"], n_resamples=200
    )
    assert difference.difference == pytest.approx(0.5)
    assert difference.n_items == 200


def test_a_bad_column_or_model_name_names_the_fix():
    with pytest.raises(ValueError, match="write e.g. 'perplexity/bpb_neutral'"):
        ReportConfig(headline_columns=("bpb_neutral",))
    with pytest.raises(ValueError, match="give both for a fine-tuned model"):
        ModelResults(name="lora", strategy="lora", results=[])
    with pytest.raises(ValueError, match="neither 'base' nor"):
        ModelResults.named("lora-neutral", [])
