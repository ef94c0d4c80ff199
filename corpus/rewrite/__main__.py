"""Command line: rewrite text into gender-inclusive language, one line at a time.

    python -m corpus.rewrite < in.txt > out.txt
    python -m corpus.rewrite --input in.txt --output out.txt --no-pronouns --profile core
    python -m corpus.rewrite --tokenization ptb < tokenized.txt   # "he 's" -> "they 're"

Exit codes: 0 done; 1 the input is not valid UTF-8 (strict mode) or cannot be read/written;
2 bad usage or a bad catalogue (the message names the file and line).
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from corpus.atomic_files import atomic_file
from corpus.rewrite.catalogue import CatalogueError, GenderCatalogue, load_profile
from corpus.rewrite.engine import RewriteConfig, Rewriter
from corpus.rewrite.profiles import DEFAULT_PROFILE, PROFILES
from corpus.rewrite.tokenization import (
    DETECTION_SAMPLE_CHARS,
    TokenizationDecision,
    TokenizedRewriter,
    detect_tokenization,
    tokenization_aware,
)

EXIT_INPUT_ERROR = 1
EXIT_USAGE_ERROR = 2


class InputDecodeError(ValueError):
    """A line of the input that is not valid UTF-8 (with --encoding-errors strict)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m corpus.rewrite",
        description="Rewrite English text into gender-inclusive language: catalogue terms "
        "(chairman -> chairperson) and, unless --no-pronouns, he/she -> they with verb agreement. "
        "Reads one sentence or document per line and writes exactly one output line per input "
        "line (an empty line stays empty; a missing final newline stays missing). Text inside "
        "URLs and `code` is never changed.",
        epilog="Exit codes: 0 done; 1 unreadable input (invalid UTF-8 in strict mode, I/O error); "
        "2 bad usage or bad catalogue.",
    )
    parser.add_argument(
        "--input",
        type=Path,
        metavar="FILE",
        help="UTF-8 text file to read (default: standard input)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        metavar="FILE",
        help="file to write, atomically: it appears complete or not at all "
        "(default: standard output)",
    )
    parser.add_argument(
        "--no-pronouns", action="store_true", help="rewrite catalogue terms only; keep pronouns"
    )
    parser.add_argument(
        "--profile",
        choices=sorted(PROFILES),
        help="bundled catalogue profile: "
        + "; ".join(f"'{name}': {profile.description}" for name, profile in PROFILES.items())
        + f" (default: {DEFAULT_PROFILE}; see corpus/data/README.md)",
    )
    parser.add_argument(
        "--catalogue",
        type=Path,
        metavar="CSV",
        help="your own catalogue CSV (term,replacement,category,plural,plural_replacement,note) "
        "instead of a profile's; not together with --profile",
    )
    parser.add_argument(
        "--exclusions",
        type=Path,
        metavar="CSV",
        help="your own exclusions CSV (word,reason) instead of the bundled "
        "corpus/data/gender_exclusions.csv",
    )
    parser.add_argument(
        "--tokenization",
        choices=("auto", "plain", "wikitext", "ptb"),
        default="auto",
        help="how the input is tokenized: 'auto' detects it from the first "
        f"{DETECTION_SAMPLE_CHARS:,} characters (default; a tokenized style found is named on "
        "standard error), 'plain' English, "
        '\'wikitext\' (" \'s", " n\'t", " @-@ ") or \'ptb\' ("he \'s", "does n\'t"). The '
        'output keeps the input\'s tokenization: "he \'s" -> "they \'re"',
    )
    parser.add_argument(
        "--encoding-errors",
        choices=("strict", "replace"),
        default="strict",
        help="invalid UTF-8 in the input: 'strict' stops with an error naming the line and writes "
        "nothing to --output (default); 'replace' writes U+FFFD for the bad bytes and goes on",
    )
    return parser


def tokenization_of(
    lines: Iterable[bytes], configured: str
) -> tuple[Iterator[bytes], TokenizationDecision]:
    """The input's tokenization (read ahead to detect it when `auto`) and the lines, unconsumed."""
    remaining = iter(lines)
    ahead: list[bytes] = []
    if configured == "auto":
        size = 0
        for raw in remaining:
            ahead.append(raw)
            size += len(raw)
            if size >= DETECTION_SAMPLE_CHARS:
                break
    decision = detect_tokenization(
        (raw.decode("utf-8", errors="replace") for raw in ahead), configured
    )
    return itertools.chain(ahead, remaining), decision


def rewrite_lines(
    lines: Iterable[bytes], rewriter: Rewriter | TokenizedRewriter, source: str, errors: str
) -> Iterable[bytes]:
    """Rewrite raw lines (each with or without its trailing newline); yield the encoded results."""
    for number, raw in enumerate(lines, start=1):
        body, newline = (raw[:-1], b"\n") if raw.endswith(b"\n") else (raw, b"")
        try:
            text = body.decode("utf-8", errors=errors)
        except UnicodeDecodeError as error:
            raise InputDecodeError(
                f"{source}:{number}: not valid UTF-8 (byte 0x{body[error.start]:02x} at byte "
                f"{error.start + 1} of the line). Re-encode the input as UTF-8, or pass "
                "--encoding-errors replace to write U+FFFD for bad bytes"
            ) from error
        yield rewriter.rewrite(text).text.encode("utf-8") + newline


def _write_atomically(path: Path, chunks: Iterable[bytes]) -> None:
    with atomic_file(path) as output:
        for chunk in chunks:
            output.write(chunk)


def _open_input(path: Path | None) -> tuple[BinaryIO, str]:
    if path is None:
        return sys.stdin.buffer, "<stdin>"
    return path.open("rb"), str(path)


def _catalogue(args: argparse.Namespace) -> GenderCatalogue:
    """The --profile's catalogue, with --catalogue/--exclusions replacing its files if given."""
    return load_profile(args.profile or DEFAULT_PROFILE, args.catalogue, args.exclusions)


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.profile is not None and args.catalogue is not None:
        print(
            "error: --profile and --catalogue both given, but --catalogue replaces the profile's "
            "catalogue files. Drop one of the two",
            file=sys.stderr,
        )
        return EXIT_USAGE_ERROR
    try:
        catalogue = _catalogue(args)
    except CatalogueError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE_ERROR
    rewriter = Rewriter(catalogue, RewriteConfig(pronouns=not args.no_pronouns))
    if args.input is not None and not args.input.is_file():
        print(f"error: input file {args.input} not found. Check the path", file=sys.stderr)
        return EXIT_USAGE_ERROR
    if args.output is not None and not args.output.resolve().parent.is_dir():
        print(
            f"error: the folder of --output {args.output} does not exist. Create it first",
            file=sys.stderr,
        )
        return EXIT_USAGE_ERROR
    stream, source = _open_input(args.input)
    try:
        raw_lines, tokenization = tokenization_of(stream, args.tokenization)
        if args.tokenization == "auto" and tokenization.style != "plain":
            print(f"note: {tokenization.describe()}", file=sys.stderr)
        engine = tokenization_aware(rewriter, tokenization.style)
        lines = rewrite_lines(raw_lines, engine, source, args.encoding_errors)
        if args.output is None:
            for chunk in lines:
                sys.stdout.buffer.write(chunk)
            sys.stdout.buffer.flush()
        else:
            _write_atomically(args.output, lines)
    except InputDecodeError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_INPUT_ERROR
    except OSError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_INPUT_ERROR
    finally:
        if args.input is not None:
            stream.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
