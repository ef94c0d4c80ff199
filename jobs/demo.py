"""The embedded demo: write the demo corpus into the landing folder and materialize the data job.

    python -m jobs.demo [--regenerate]

Runs are real Dagster runs recorded in DAGSTER_HOME, so `dagster dev` shows them afterwards.
"""

from __future__ import annotations

import argparse
import sys
import warnings

import polars as pl
from dagster import BetaWarning, DagsterInstance, PreviewWarning

from corpus.demo import write_demo_corpus
from corpus.settings import SettingsError
from corpus.splits import apply_decontamination
from jobs.orphans import fail_orphaned_runs
from jobs.runner import RunOutcome, materialize_corpus, row_counts
from jobs.training import materialize_evaluation, materialize_training
from resources import landing_dir, preset_path
from resources.settings import check_preset


def _say(message: str) -> None:
    print(f"[neutune] {message}", flush=True)


def _progress(outcome: RunOutcome, position: int, total: int) -> None:
    status = "ok" if outcome.result.success else "FAILED"
    counts = " ".join(f"{asset}={rows}" for asset, rows in row_counts(outcome.result).items())
    _say(f"[{position}/{total}] {outcome.label}: {status} in {outcome.seconds:.1f}s  {counts}")
    if not outcome.result.success:
        for event in outcome.result.all_events:
            if event.is_step_failure:
                error = event.step_failure_data.error
                cause = error.cause.message.strip() if error.cause else ""
                _say(f"    {event.step_key}: {error.message.strip()} {cause}")


def _started(label: str, position: int, total: int) -> None:
    if label == "base_model":
        _say("training base model")
    elif " x " in label and not label.startswith("evaluate"):
        _say(f"training model {position - 1}/{total - 1}: {label}")
    else:
        _say(f"[{position}/{total}] {label}")


def _report_summary(defs) -> None:
    report = defs.load_asset_value("strategy_report")
    _say(f"strategy report: {report.html} (and report.md, plots in {report.directory})")
    print(report.headline_markdown, flush=True)
    print("\nneutral minus original (paired bootstrap 95% CI, * = excludes 0):", flush=True)
    print(report.arm_differences_markdown, flush=True)


def _finished(outcome: RunOutcome, position: int, total: int) -> None:
    if not outcome.result.success:
        _progress(outcome, position, total)
        return
    figures = []
    for event in outcome.result.get_asset_materialization_events():
        metadata = event.event_specific_data.materialization.metadata
        for key in (
            "parameters",
            "trainable_parameters",
            "final_eval_loss",
            "tokens_per_second",
            "perplexity/bpb_neutral",
            "neutral_preference/neutral_preference",
        ):
            if key in metadata:
                value = metadata[key].value
                figures.append(
                    f"{key}={value:,.4g}" if isinstance(value, float) else f"{key}={value:,}"
                )
    _say(f"    done in {outcome.seconds:.1f}s  {'  '.join(figures)}")


def run_demo(regenerate: bool = False, train: bool = True) -> int:
    try:
        check_preset(preset_path())  # once, before any run: a wrong value is one message
    except SettingsError as error:
        _say(f"stopped before any run: {error}")
        return 2
    landing = landing_dir()
    if regenerate or not landing.exists() or not any(landing.iterdir()):
        manifest = write_demo_corpus(landing)
        _say(
            f"demo corpus: {manifest.n_documents} documents and {manifest.n_broken} broken records "
            f"in {len(manifest.files)} shards -> {landing}"
        )
    else:
        _say(f"using the shards already in {landing} (--regenerate rewrites the demo corpus)")

    from definitions import defs  # after the landing folder exists: resources read it

    instance = DagsterInstance.get()
    orphans = fail_orphaned_runs(instance)
    if orphans:
        _say(f"marked {len(orphans)} run(s) left 'Started' by a killed process as failed")
    outcomes = materialize_corpus(defs, instance, _progress, console_log_level="ERROR")
    _summary(defs)
    failed = [outcome.label for outcome in outcomes if not outcome.result.success]
    if train and not failed:
        callbacks = {"on_start": _started, "on_run": _finished, "console_log_level": "ERROR"}
        outcomes = materialize_training(defs, instance, **callbacks)
        failed = [outcome.label for outcome in outcomes if not outcome.result.success]
        if not failed:
            outcomes = materialize_evaluation(defs, instance, **callbacks)
            failed = [outcome.label for outcome in outcomes if not outcome.result.success]
            if not failed:
                _report_summary(defs)
    if failed:
        _say(f"FAILED runs: {', '.join(failed)} (details above and in the UI)")
    return 1 if failed else 0


def _summary(defs) -> None:
    warehouse = defs.resources["warehouse"]
    tables = warehouse.query(
        "select table_name from information_schema.tables where table_schema = ? order by 1",
        [warehouse.schema_name],
    )["table_name"].to_list()
    _say(f"warehouse {warehouse.database} (schema {warehouse.schema_name}):")
    for table in tables:
        rows = warehouse.query(f"select count(*) as n from {{schema}}.{table}")["n"][0]
        _say(f"  {table:<28} {rows:>8} rows")
    if {"dataset_splits", "split_decontamination"} <= set(tables):
        exported = apply_decontamination(
            warehouse.query(
                "select cluster_id, split, is_representative from {schema}.dataset_splits"
            ),
            warehouse.query("select cluster_id, action from {schema}.split_decontamination"),
        )
        sizes = exported.group_by("split").agg(pl.col("is_representative").sum(), pl.len())
        by_split = {split: (kept, total) for split, kept, total in sizes.iter_rows()}
        parts = [
            f"{split} {by_split[split][0]} ({by_split[split][1] - by_split[split][0]} duplicates)"
            for split in ("train", "validation", "test")
            if split in by_split
        ]
        _say(f"split exports (one document per duplicate cluster): {', '.join(parts)}")
        moved = warehouse.query(
            "select action, count(*) as n from {schema}.split_decontamination group by 1"
        )
        counts = ", ".join(f"{n} {action}" for action, n in moved.iter_rows()) or "none moved"
        _say(f"decontamination (validation/test documents overlapping train): {counts}")
    _say("open the UI: python3 tasks.py ui   |   query: see the README")


def main(argv: list[str] | None = None) -> int:
    warnings.filterwarnings("ignore", category=BetaWarning)
    warnings.filterwarnings("ignore", category=PreviewWarning)
    parser = argparse.ArgumentParser(description="Run the embedded neutune demo.")
    parser.add_argument("--regenerate", action="store_true", help="rewrite the demo shards first")
    parser.add_argument(
        "--data-only", action="store_true", help="materialize the data pipeline, train nothing"
    )
    args = parser.parse_args(argv)
    return run_demo(regenerate=args.regenerate, train=not args.data_only)


if __name__ == "__main__":
    sys.exit(main())
