"""Ingest + clean benchmark, end to end (read a JSON Lines file -> write what is kept and dropped).

    python -m bench.ingest_clean                         # the 282 MB corpus of issue 16
    python -m bench.ingest_clean --size-mb 30            # a quick run
    python -m bench.ingest_clean --results bench/RESULTS.md --baseline-tree /tmp/main-checkout

Sides, each in its own subprocess (peak RSS = that process's VmHWM), one after another, in one run:
- neutune: read_shard batches -> clean_batches on 2 threads -> Parquet files (kept, filtered,
  quarantine); and neutune-1-thread (one cleaning thread, polars held to one thread).
- plain and plain-2-proc: one Python loop doing neutune's normalisation and filters with `re`
  (bench/ingest_clean_baselines.py), streaming with orjson; 2-proc runs two such processes on the
  two halves of the file at once (the same two cores neutune's threads use).
- plain-gopher4: four Gopher checks, no normalisation (the simplest strong loop), one process.
- datatrove (the library peer, Gopher repetition + quality and C4 filters, one task) on the first
  --datatrove-mb MB only: it runs ~100x slower, so the full file would take hours. The plain loop
  is timed on the same subset, and its subset/full rate ratio says how representative it is.
- neutune@TREE (with --baseline-tree): the same neutune worker importing corpus/ from another
  checkout (say, main before this change), for a before/after ratio in the same run; its kept and
  filtered rows are compared with neutune's, doc_id by doc_id.

The corpus is JSON Lines of 1-3 KB English-like prose: a fifth of the documents carry markup,
entities, boilerplate lines or odd whitespace, and a few percent are low quality (short, French,
symbol soup, repeated lines, keyword spam), so every step and filter has work to do.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench.machine import memory_gib, peak_rss_mib


# ----------------------------------------------------------------------------------- workers
def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _neutune(data: Path, out: Path, threads: int) -> dict:
    import polars as pl
    import pyarrow.parquet as pq

    from corpus.clean import CleaningConfig
    from corpus.ingest import ReaderConfig, read_shard

    try:
        from corpus.clean import clean_batches
    except ImportError:  # a checkout from before parallel cleaning: one batch at a time
        from corpus.clean import clean_documents

        def clean_batches(batches, config):
            return (clean_documents(batch, config) for batch in batches)

    config = CleaningConfig(threads=threads) if "threads" in CleaningConfig.model_fields else None
    reader = ReaderConfig(batch_rows=config.batch_rows) if config else ReaderConfig()
    writers: dict[str, pq.ParquetWriter] = {}

    def write(name: str, frame: pl.DataFrame) -> None:
        table = frame.to_arrow()
        if name not in writers:
            writers[name] = pq.ParquetWriter(out / f"{name}.parquet", table.schema)
        writers[name].write_table(table)

    rules: Counter[str] = Counter()
    kept = quarantined = 0
    quarantine = []

    def documents():
        nonlocal quarantined
        for batch in read_shard(data, "bench", reader):
            quarantined += batch.quarantine.height
            quarantine.append(batch.quarantine)
            yield batch.documents

    for result in clean_batches(documents(), config or CleaningConfig()):
        kept += result.kept.height
        rules.update(dict(result.filtered.group_by("rule").len().iter_rows()))
        write("kept", result.kept)
        write("filtered", result.filtered)
    write("quarantine", pl.concat(quarantine))
    for writer in writers.values():
        writer.close()
    return {"kept": kept, "quarantined": quarantined, "rules": dict(sorted(rules.items()))}


def _worker(side: str, data: Path, out: Path, start: int, end: int | None) -> dict:
    started, cpu_started = time.perf_counter(), _cpu_seconds()
    out.mkdir(parents=True, exist_ok=True)
    if side.startswith("neutune"):
        figures = _neutune(data, out, threads=1 if side == "neutune-1-thread" else 2)
    else:
        from bench.ingest_clean_baselines import datatrove_pipeline, plain_loop

        if side == "datatrove":
            figures = datatrove_pipeline(data, out)
        else:
            figures = plain_loop(side, data, out, start, end)
    return {
        **figures,
        "seconds": time.perf_counter() - started,
        "cpu_seconds": _cpu_seconds() - cpu_started,
        "peak_rss_mib": peak_rss_mib(),
    }


def _command(side: str, data: Path, out: Path, start: int = 0, end: int | None = None) -> list:
    script = Path(__file__).resolve()
    command = [sys.executable, str(script), "--worker", side, "--data", str(data), "--out"]
    command += [str(out), "--start", str(start)]
    return command + (["--end", str(end)] if end is not None else [])


def _run_side(side: str, data: Path, scratch: Path, tree: Path | None = None) -> dict:
    """One side in its own process(es); plain-2-proc runs two processes on the file's halves."""
    root = Path(__file__).resolve().parents[1]
    environment = {**os.environ, "PYTHONPATH": str(tree or root)}
    if side == "neutune-1-thread":
        environment["POLARS_MAX_THREADS"] = "1"
    name = side if tree is None else f"neutune@{tree.name}"
    out = scratch / name
    if side == "plain-2-proc":
        middle = _line_start_after(data, data.stat().st_size // 2)
        commands = [_command("plain", data, out, 0, middle), _command("plain", data, out, middle)]
    else:
        commands = [_command(side, data, out)]
    processes = [
        subprocess.Popen(
            c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=root, env=environment
        )
        for c in commands
    ]
    outputs = [process.communicate() for process in processes]
    figures = []
    for process, (stdout, stderr) in zip(processes, outputs, strict=True):
        if process.returncode != 0:
            raise RuntimeError(f"{name} worker failed:\n{stderr[-4000:]}")
        figures.append(json.loads(stdout.strip().splitlines()[-1]))
    rules: Counter[str] = Counter()
    for part in figures:
        rules.update(part["rules"])
    return {
        "side": name,
        "out": str(out),
        # Timed inside each worker (interpreter start-up left out); two processes that started
        # together take as long as the slower one.
        "seconds": max(part["seconds"] for part in figures),
        "cpu_seconds": sum(part["cpu_seconds"] for part in figures),
        "peak_rss_mib": sum(part["peak_rss_mib"] for part in figures),
        "kept": sum(part["kept"] for part in figures),
        "quarantined": sum(part["quarantined"] for part in figures),
        "rules": dict(sorted(rules.items())),
    }


def _line_start_after(data: Path, offset: int) -> int:
    with data.open("rb") as handle:
        handle.seek(offset)
        handle.readline()
        return handle.tell()


def _prefix(data: Path, megabytes: float, target: Path) -> Path:
    """The first whole lines of `data` up to ~megabytes MB, as their own file."""
    with data.open("rb") as source, target.open("wb") as sink:
        limit = int(megabytes * 1e6)
        for line in source:
            sink.write(line)
            limit -= len(line)
            if limit <= 0:
                break
    return target


def _same_rows(ours: dict, theirs: dict) -> str:
    """Kept doc_ids and (doc_id, rule, detail) of filtered rows of two neutune sides, compared."""
    import polars as pl

    verdicts = []
    for table, columns in (
        ("kept", ["doc_id", "text"]),
        ("filtered", ["doc_id", "rule", "detail"]),
    ):
        a = pl.read_parquet(Path(ours["out"]) / f"{table}.parquet", columns=columns)
        b = pl.read_parquet(Path(theirs["out"]) / f"{table}.parquet", columns=columns)
        verdicts.append(
            f"{table} {'identical' if a.equals(b) else 'DIFFERENT'} ({a.height:,} rows)"
        )
    return ", ".join(verdicts)


# ------------------------------------------------------------------------------------ the run
def run(arguments: argparse.Namespace) -> None:
    from bench.ingest_clean_corpus import write_corpus  # not in a --baseline-tree checkout

    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(dir=arguments.scratch) as scratch_name:
        scratch = Path(scratch_name)
        data = scratch / "bench.jsonl"
        started = time.perf_counter()
        records = write_corpus(data, arguments.size_mb)
        megabytes = data.stat().st_size / 1e6
        print(
            f"generated {records:,} records, {megabytes:,.0f} MB in "
            f"{time.perf_counter() - started:.0f}s",
            flush=True,
        )
        subset = _prefix(data, arguments.datatrove_mb, scratch / "subset.jsonl")
        subset_mb = subset.stat().st_size / 1e6
        sides = []
        plan = [("neutune", data, None), ("neutune-1-thread", data, None)]
        if arguments.baseline_tree:
            plan.append(("neutune", data, arguments.baseline_tree.resolve()))
        plan += [("plain-gopher4", data, None), ("plain", data, None), ("plain-2-proc", data, None)]
        plan += [("datatrove", subset, None), ("plain", subset, None)]
        for side, path, tree in plan:
            figures = _run_side(
                side, path, scratch / ("subset" if path == subset else "full"), tree
            )
            figures["mb"] = subset_mb if path == subset else megabytes
            figures["on"] = "subset" if path == subset else "full"
            print(
                f"  {figures['side']} ({figures['on']}): {figures['mb'] / figures['seconds']:.2f}"
                f" MB/s, {figures['seconds']:.1f}s",
                flush=True,
            )
            sides.append(figures)
        equal = _same_rows(sides[0], sides[2]) if arguments.baseline_tree else ""
    load_after = os.getloadavg()
    report = _report(
        arguments, records, megabytes, subset_mb, sides, equal, load_before, load_after
    )
    print(report)
    if arguments.results is not None:
        with arguments.results.open("a", encoding="utf-8") as handle:
            handle.write(report)


def _rate(side: dict) -> float:
    return side["mb"] / side["seconds"]


def _report(arguments, records, megabytes, subset_mb, sides, equal, before, after) -> str:
    by_name = {(side["side"], side["on"]): side for side in sides}
    ours, single = by_name["neutune", "full"], by_name["neutune-1-thread", "full"]
    rows = [
        "| side | data | cores | MB/s | seconds | CPU s | peak RSS MiB | MiB per GB | kept | "
        "filtered by rule |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    cores = {"neutune": "2 threads", "plain-2-proc": "2 processes", "neutune-1-thread": "1"}
    for side in sides:
        rows.append(
            f"| {side['side']} | {side['on']} ({side['mb']:,.1f} MB) | "
            f"{cores.get(side['side'], '2 threads' if '@' in side['side'] else '1')} | "
            f"{_rate(side):.2f} | {side['seconds']:.1f} | {side['cpu_seconds']:.1f} | "
            f"{side['peak_rss_mib']:,.0f} | {side['peak_rss_mib'] / side['mb'] * 1000:,.0f} | "
            f"{side['kept']:,} | {side['rules']} |"
        )
    plain, plain2 = by_name["plain", "full"], by_name["plain-2-proc", "full"]
    gopher4, peer = by_name["plain-gopher4", "full"], by_name["datatrove", "subset"]
    plain_subset = by_name["plain", "subset"]
    ratios = [
        f"neutune (2 threads) is {_rate(ours) / _rate(plain2):.1f}x plain-2-proc (same checks, 2 "
        f"processes) and {_rate(ours) / _rate(plain):.1f}x plain (1 process); neutune-1-thread "
        f"is {_rate(single) / _rate(plain):.1f}x plain (1 core each)",
        f"neutune is {_rate(ours) / _rate(gopher4):.1f}x plain-gopher4 (4 checks, no "
        f"normalisation, 1 process); neutune-1-thread {_rate(single) / _rate(gopher4):.1f}x it",
        f"neutune is {_rate(ours) / _rate(peer):.0f}x datatrove and neutune-1-thread "
        f"{_rate(single) / _rate(peer):.0f}x (datatrove timed on the first {subset_mb:.1f} MB; the "
        f"plain loop ran {_rate(plain_subset) / _rate(plain):.2f}x as fast on that subset as on "
        "the whole file, the measure of how representative it is)",
    ]
    if equal:
        before_side = sides[2]
        ratios.append(
            f"neutune is {_rate(ours) / _rate(before_side):.2f}x {before_side['side']} "
            f"(neutune-1-thread {_rate(single) / _rate(before_side):.2f}x); outputs: {equal}"
        )
    same = ours["kept"] == plain["kept"] and ours["rules"] == plain["rules"]
    ratios.append(
        f"neutune and plain kept and filtered {'the same' if same else 'DIFFERENT'} counts by rule"
    )
    load = (
        f"1/5/15-minute load average {before[0]:.1f}/{before[1]:.1f}/{before[2]:.1f} before, "
        f"{after[0]:.1f}/{after[1]:.1f}/{after[2]:.1f} after ({os.cpu_count()} cores; above "
        f"{os.cpu_count()}, other jobs shared them)"
    )
    command = " ".join(["python -m bench.ingest_clean", *sys.argv[1:]])
    return (
        f"\n## ingest + clean, end to end: {dt.date.today().isoformat()}\n\n"
        f"Machine: {os.cpu_count()} cores, {memory_gib():.0f} GiB, "
        f"{platform.processor() or platform.machine()}, Python {platform.python_version()}. "
        f"Command: `{command}`. Data: {records:,} JSON Lines records, {megabytes:,.0f} MB "
        "(1-3 KB English-like prose, 20% with markup or boilerplate noise, 4% low quality). "
        f"{load}.\n\n" + "\n".join(rows) + "\n\n" + "\n".join(f"- {r}" for r in ratios) + "\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=282, help="corpus size (default 282)")
    parser.add_argument("--datatrove-mb", type=float, default=4, help="datatrove's subset (MB)")
    parser.add_argument("--baseline-tree", type=Path, help="another checkout to time as neutune@")
    parser.add_argument("--results", type=Path, help="append the figures to this file")
    parser.add_argument("--scratch", type=Path, help="folder for the generated corpus")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--start", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--end", type=int, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.worker:
        figures = _worker(
            arguments.worker, arguments.data, arguments.out, arguments.start, arguments.end
        )
        print(json.dumps(figures))
    else:
        run(arguments)


if __name__ == "__main__":
    main()
