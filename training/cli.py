"""The `neutune` console command (pyproject [project.scripts]).

    neutune lineage PATH              the chain from landing files to the artifact
    neutune lineage PATH --verify     recompute the reachable hashes; exit 1 if anything changed
    neutune lineage PATH --documents  the exact training doc_ids with source file and line

PATH is a model artifact directory or its lineage.json. Subcommands import their modules when
they run, so the command starts fast. Exit status: 0 fine, 1 a verification finding or a
missing record, 2 a PATH that is not an artifact.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from pydantic import ValidationError

DOCUMENT_SPLITS = ("train", "validation", "all")


class LineageCommandError(Exception):
    """A PATH the lineage command cannot read; the message names the fix."""


def _artifact_dir(path: Path) -> Path:
    from training.lineage import LINEAGE_FILE

    directory = path.parent if path.name == LINEAGE_FILE else path
    if not (directory / LINEAGE_FILE).is_file():
        raise LineageCommandError(
            f"{path} is not a model artifact: pass an artifact directory holding {LINEAGE_FILE} "
            "(the finetuned_model asset's `artifact` metadata) or that file itself"
        )
    return directory


def _documents(directory: Path, lineage, split: str, as_json: bool) -> int:
    import polars as pl

    from training.lineage_chain import read_training_documents

    if lineage.documents_file is None or not (directory / lineage.documents_file).is_file():
        print(
            f"{directory}: no documents list (written from lineage schema 2 on): re-train the "
            "model to record it",
            file=sys.stderr,
        )
        return 1
    documents = read_training_documents(directory, lineage.documents_file, lineage.chain)
    if split != "all":
        documents = documents.filter(pl.col("split") == split)
    if as_json:
        print(json.dumps(documents.to_dicts(), indent=1))
        return 0
    print("doc_id\tsplit\tarm\tshard\tsource_path\tsource_line")
    for row in documents.iter_rows():
        print("\t".join("" if value is None else str(value) for value in row))
    return 0


def _verify(directory: Path, lineage, as_json: bool) -> int:
    from training.lineage_verify import verify_lineage

    verification = verify_lineage(directory, lineage)
    if as_json:
        findings = [finding.__dict__ for finding in verification.findings]
        report = {"clean": verification.clean, "checked": verification.checked}
        print(json.dumps({**report, "findings": findings, "notes": verification.notes}, indent=1))
    else:
        for finding in verification.findings:
            print(finding.line())
        for note in verification.notes:
            print(f"NOT CHECKED: {note}")
        outcome = "unchanged" if verification.clean else f"{len(verification.findings)} finding(s)"
        print(f"{verification.checked} hashes recomputed: {outcome}")
    return 0 if verification.clean else 1


def lineage_command(arguments: argparse.Namespace) -> int:
    from training.lineage import read_lineage
    from training.lineage_report import chain_text

    directory = _artifact_dir(arguments.path)
    try:
        lineage = read_lineage(directory)
    except (ValidationError, ValueError) as error:
        raise LineageCommandError(
            f"{directory}/lineage.json is not a neutune lineage file ({error}): pass the "
            "directory of an artifact written by `python -m training.run`"
        ) from error
    if arguments.verify:
        return _verify(directory, lineage, arguments.json)
    if arguments.documents:
        return _documents(directory, lineage, arguments.split, arguments.json)
    if arguments.json:
        print(lineage.model_dump_json(indent=1))
    else:
        print(chain_text(lineage, str(directory)))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="neutune", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    lineage = commands.add_parser(
        "lineage", help="print, verify or list the documents of a model artifact's lineage"
    )
    lineage.add_argument("path", type=Path, help="model artifact directory or its lineage.json")
    action = lineage.add_mutually_exclusive_group()
    action.add_argument(
        "--verify", action="store_true", help="recompute hashes; exit 1 when something changed"
    )
    action.add_argument(
        "--documents", action="store_true", help="list the documents with source file and line"
    )
    lineage.add_argument(
        "--split",
        choices=DOCUMENT_SPLITS,
        default="train",
        help="with --documents: which split's documents (default: train)",
    )
    lineage.add_argument("--json", action="store_true", help="JSON output")
    lineage.set_defaults(run=lineage_command)
    return parser


def main(argv: list[str] | None = None) -> int:
    arguments = build_parser().parse_args(argv)
    try:
        status = arguments.run(arguments)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's exit
        return status
    except LineageCommandError as error:
        print(f"neutune {arguments.command}: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `neutune lineage PATH --documents | head`: the reader has enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit flush
        return 0


if __name__ == "__main__":
    sys.exit(main())
