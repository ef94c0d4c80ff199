"""The strategy comparison report: Markdown, self-contained HTML, PNG plots and a JSON record.

Rows are the base and every strategy x arm; values print as "0.62 [0.55, 0.69]" (value and its
95% interval). The headline is neutral minus original per strategy, paired on shared items, with
'*' where the interval excludes 0; each model minus the base follows. Everything is written into
a staging folder that replaces `output_dir` in one rename (corpus.atomic_files), so a reader sees
the old report or the new one, never a mix.
"""

from __future__ import annotations

import base64
import html
import json
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from corpus.atomic_files import atomic_directory, write_text_atomic
from evaluation import plots
from evaluation.comparisons import (
    Difference,
    ModelResults,
    arm_differences,
    base_differences,
    ordered_models,
    split_column,
)
from evaluation.tables import MISSING, Table, difference_cell, with_interval

LEGEND = (
    "Values: estimate [95% bootstrap interval]. Differences: mean paired difference over the "
    "items both models were scored on [paired bootstrap 95% interval]; an asterisk (*) marks "
    "an interval that excludes 0. No correction for multiple comparisons."
)


class ReportConfig(BaseModel):
    """Which columns the report leads with and how differences are bootstrapped."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field("Strategy comparison", description="Heading of report.md and report.html.")
    headline_columns: tuple[str, ...] = Field(
        (
            "perplexity/bpb_neutral",
            "perplexity/bpb_original",
            "neutral_preference/neutral_preference",
            "neutral_preference/neutral_preference_per_token",
            "crows_pairs/metric_score",
            "generation_audit/catalogue_terms_per_1k_words",
            "generation_audit/pronouns_per_1k_words",
            "cost/trainable_parameters",
            "cost/latency_ms_per_token",
        ),
        description="'metric/key' columns of the headline table (absent ones are left out).",
    )
    difference_columns: tuple[str, ...] = Field(
        (
            "neutral_preference/neutral_preference",
            "neutral_preference/neutral_preference_noun",
            "neutral_preference/neutral_preference_pronoun",
            "crows_pairs/metric_score",
            "generation_audit/catalogue_terms_per_1k_words",
            "generation_audit/pronouns_per_1k_words",
            "generation_audit/share_with_any",
        ),
        description="Bias columns compared paired (neutral vs original, model vs base).",
    )
    quality_columns: tuple[str, ...] = Field(
        ("perplexity/bpb_neutral", "perplexity/bpb_original"),
        description="Quality axes of the quality-vs-cost plot (bits per byte: Gao et al. 2020).",
    )
    cost_column: str = Field(
        "cost/trainable_parameters",
        description="Cost axis (log scale) of the quality-vs-cost plot.",
    )
    n_resamples: int = Field(1000, ge=100, description="Paired bootstrap resamples.")
    seed: int = Field(0, ge=0, description="Seed of the paired bootstrap.")

    @field_validator("headline_columns", "difference_columns", "quality_columns")
    @classmethod
    def _columns_name_metric_and_key(cls, columns: tuple[str, ...]) -> tuple[str, ...]:
        for column in columns:
            split_column(column)
        return columns

    @field_validator("cost_column")
    @classmethod
    def _cost_column_names_metric_and_key(cls, column: str) -> str:
        split_column(column)
        return column


class ReportFiles(BaseModel):
    """Where the report was written, and its headline tables for run metadata."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    directory: Path = Field(description="The report folder.")
    markdown: Path = Field(description="report.md.")
    html: Path = Field(description="report.html (plots embedded, and linked).")
    json_record: Path = Field(description="report.json: every value and difference.")
    plots: list[Path] = Field(description="The PNG plots.")
    headline_markdown: str = Field(description="The headline table (rows: models) as Markdown.")
    arm_differences_markdown: str = Field(description="Neutral minus original, as Markdown.")
    significant_arm_differences: int = Field(description="Arm differences whose CI excludes 0.")


def _present(models: Sequence[ModelResults], columns: Sequence[str]) -> list[str]:
    return [column for column in columns if any(model.has(column) for model in models)]


def values_table(models: Sequence[ModelResults], columns: Sequence[str]) -> Table:
    """Rows: models (base first); columns: 'metric/key' values with their intervals."""
    return Table(
        headers=["model", "strategy", "arm", *columns],
        rows=[
            [m.name, m.strategy or "base", m.arm or MISSING]
            + [with_interval(m.value(column)) for column in columns]
            for m in ordered_models(models)
        ],
    )


def differences_table(differences: Sequence[Difference], columns: Sequence[str]) -> Table:
    """One row per compared model (minus its reference), one column per compared column."""
    pairs = list(dict.fromkeys((d.model, d.reference) for d in differences))
    lookup = {(d.model, d.reference, d.column): d for d in differences}
    columns = [c for c in columns if any(d.column == c for d in differences)]
    return Table(
        headers=["model", "minus", *columns],
        rows=[
            [model, reference]
            + [difference_cell(lookup.get((model, reference, c))) for c in columns]
            for model, reference in pairs
        ],
    )


def metric_tables(models: Sequence[ModelResults]) -> dict[str, Table]:
    """Every value of every metric: one table per metric, its keys in first-seen order."""
    columns: dict[str, dict[str, None]] = {}
    for model in models:
        for result in model.results:
            keys = columns.setdefault(result.metric, {})
            keys.update(dict.fromkeys(value.key for value in result.values))
    return {
        metric: values_table(models, [f"{metric}/{key}" for key in keys])
        for metric, keys in columns.items()
    }


def build_report(
    models: Sequence[ModelResults], output_dir: Path, config: ReportConfig | None = None
) -> ReportFiles:
    """Write report.md, report.html, report.json and the PNG plots into `output_dir`."""
    config = config or ReportConfig()
    if not models:
        raise ValueError("no model results to report; evaluate the base and at least one model")
    output_dir = Path(output_dir)
    arms = arm_differences(models, config.difference_columns, config.n_resamples, config.seed)
    versus_base = base_differences(
        models, config.difference_columns, config.n_resamples, config.seed
    )
    headline = values_table(models, _present(models, config.headline_columns))
    arm_table = differences_table(arms, config.difference_columns)
    base_table = differences_table(versus_base, config.difference_columns)
    per_metric = metric_tables(models)
    plot_names = ["quality_vs_cost.png", "bias_by_strategy.png", "neutral_vs_original_deltas.png"]
    with atomic_directory(output_dir) as staging:
        plots.quality_vs_cost(
            models, config.quality_columns, config.cost_column, staging / plot_names[0]
        )
        plots.bias_by_strategy(models, config.difference_columns, staging / plot_names[1])
        plots.arm_deltas(arms, config.difference_columns, staging / plot_names[2])
        sections = [
            ("Headline", headline),
            ("Neutral minus original, per strategy", arm_table),
            ("Each model minus the base", base_table),
            *((f"All values: {metric}", table) for metric, table in per_metric.items()),
        ]
        write_text_atomic(staging / "report.md", _markdown(config.title, sections, plot_names))
        write_text_atomic(
            staging / "report.html", _html(config.title, sections, plot_names, staging)
        )
        record = {
            "models": [model.model_dump(mode="json") for model in models],
            "arm_differences": [d.model_dump() for d in arms],
            "base_differences": [d.model_dump() for d in versus_base],
            "config": config.model_dump(),
        }
        write_text_atomic(staging / "report.json", json.dumps(record, indent=1))
    return ReportFiles(
        directory=output_dir,
        markdown=output_dir / "report.md",
        html=output_dir / "report.html",
        json_record=output_dir / "report.json",
        plots=[output_dir / name for name in plot_names],
        headline_markdown=headline.markdown(),
        arm_differences_markdown=arm_table.markdown(),
        significant_arm_differences=sum(d.significant for d in arms),
    )


def _markdown(title: str, sections: list[tuple[str, Table]], plot_names: list[str]) -> str:
    parts = [f"# {title}", LEGEND]
    for heading, table in sections:
        parts += [f"## {heading}", table.markdown() if table.rows else "_nothing to compare_"]
    parts.append("## Plots")
    parts += [f"![{name.removesuffix('.png')}]({name})" for name in plot_names]
    return "\n\n".join(parts) + "\n"


def _html(
    title: str, sections: list[tuple[str, Table]], plot_names: list[str], folder: Path
) -> str:
    style = (
        "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}"
        "td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px}th{background:#f4f4f4}"
    )
    parts = [f"<h1>{html.escape(title)}</h1>", f"<p>{html.escape(LEGEND)}</p>"]
    for heading, table in sections:
        parts += [f"<h2>{html.escape(heading)}</h2>", table.html() if table.rows else "<p>-</p>"]
    parts.append("<h2>Plots</h2>")
    for name in plot_names:
        encoded = base64.b64encode((folder / name).read_bytes()).decode("ascii")
        parts.append(
            f'<figure><a href="{name}"><img alt="{name}" src="data:image/png;base64,{encoded}">'
            f"</a><figcaption>{name}</figcaption></figure>"
        )
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{style}</style></head><body>{''.join(parts)}</body></html>\n"
    )
