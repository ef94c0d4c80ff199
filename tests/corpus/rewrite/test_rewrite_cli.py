"""`python -m corpus.rewrite`, run as a real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from corpus.rewrite import DEFAULT_CATALOGUE_PATH, DEFAULT_EXCLUSIONS_PATH

ROOT = Path(__file__).resolve().parents[3]
CATALOGUE_CSV = """term,replacement,category,plural,plural_replacement,note
chairman,chairperson,-man,,,
actress,actor,-ess,,,
"""
EXCLUSIONS_CSV = "word,reason\nhuman,not gendered\n"


@pytest.fixture
def catalogue_args(tmp_path: Path) -> list[str]:
    catalogue = tmp_path / "catalogue.csv"
    exclusions = tmp_path / "exclusions.csv"
    catalogue.write_text(CATALOGUE_CSV, encoding="utf-8")
    exclusions.write_text(EXCLUSIONS_CSV, encoding="utf-8")
    return ["--catalogue", str(catalogue), "--exclusions", str(exclusions)]


def run_cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "corpus.rewrite", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )


def test_stdin_to_stdout_keeps_one_line_per_line(catalogue_args: list[str]) -> None:
    source = b"The chairman said he is here.\n\nAn actress\r\nNothing here.\nlast line"
    result = run_cli(*catalogue_args, stdin=source)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout == (
        b"The chairperson said they are here.\n\nAn actor\r\nNothing here.\nlast line"
    )
    assert result.stdout.count(b"\n") == source.count(b"\n")


def test_empty_input_gives_empty_output(catalogue_args: list[str]) -> None:
    result = run_cli(*catalogue_args, stdin=b"")
    assert (result.returncode, result.stdout) == (0, b"")


def test_files_in_and_out_without_pronouns(tmp_path: Path, catalogue_args: list[str]) -> None:
    source = tmp_path / "in.txt"
    source.write_text("She met the chairman.\nHe is an actress.\n", encoding="utf-8")
    target = tmp_path / "out" / "neutral.txt"
    target.parent.mkdir()
    result = run_cli(
        *catalogue_args, "--no-pronouns", "--input", str(source), "--output", str(target)
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout == b""
    assert target.read_text(encoding="utf-8") == "She met the chairperson.\nHe is an actor.\n"
    assert os.listdir(target.parent) == ["neutral.txt"]


def test_bad_catalogue_exits_2_with_the_message(tmp_path: Path) -> None:
    catalogue = tmp_path / "catalogue.csv"
    catalogue.write_text(CATALOGUE_CSV + "chairman,chair,-man,,,\n", encoding="utf-8")
    exclusions = tmp_path / "exclusions.csv"
    exclusions.write_text(EXCLUSIONS_CSV, encoding="utf-8")
    result = run_cli("--catalogue", str(catalogue), "--exclusions", str(exclusions), stdin=b"x\n")
    stderr = result.stderr.decode()
    assert result.returncode == 2
    assert f"{catalogue}:4: duplicate term" in stderr
    assert "Traceback" not in stderr
    assert result.stdout == b""


def test_missing_catalogue_exits_2(tmp_path: Path) -> None:
    result = run_cli("--catalogue", str(tmp_path / "nope.csv"), stdin=b"x\n")
    assert result.returncode == 2
    assert "nope.csv: catalogue file not found" in result.stderr.decode()


def test_invalid_utf8_is_an_error_naming_the_line(
    tmp_path: Path, catalogue_args: list[str]
) -> None:
    source = tmp_path / "in.txt"
    source.write_bytes(b"The chairman.\nbad \xff byte\n")
    target = tmp_path / "out.txt"
    target.write_text("previous content\n", encoding="utf-8")
    result = run_cli(*catalogue_args, "--input", str(source), "--output", str(target))
    stderr = result.stderr.decode()
    assert result.returncode == 1
    assert f"{source}:2: not valid UTF-8" in stderr and "Traceback" not in stderr
    assert target.read_text(encoding="utf-8") == "previous content\n"
    assert sorted(os.listdir(tmp_path)) == ["catalogue.csv", "exclusions.csv", "in.txt", "out.txt"]


def test_invalid_utf8_can_be_replaced(catalogue_args: list[str]) -> None:
    result = run_cli(
        *catalogue_args, "--encoding-errors", "replace", stdin=b"The chairman.\nbad \xff byte\n"
    )
    assert result.returncode == 0
    assert result.stdout.decode("utf-8") == "The chairperson.\nbad \ufffd byte\n"


def test_missing_input_file_exits_2(tmp_path: Path, catalogue_args: list[str]) -> None:
    result = run_cli(*catalogue_args, "--input", str(tmp_path / "absent.txt"))
    assert result.returncode == 2
    assert "absent.txt not found" in result.stderr.decode()


def test_help_describes_the_options() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    usage = result.stdout.decode()
    for option in ("--input", "--output", "--no-pronouns", "--catalogue", "--exclusions"):
        assert option in usage


@pytest.mark.skipif(
    not (DEFAULT_CATALOGUE_PATH.is_file() and DEFAULT_EXCLUSIONS_PATH.is_file()),
    reason="corpus/data catalogue files not written yet",
)
def test_bundled_catalogue_is_the_default() -> None:
    result = run_cli(stdin=b"The policewoman said she watches the firemen.\n")
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout == b"The police officer said they watch the firefighters.\n"


def test_tokenized_input_is_detected_and_keeps_its_tokenization(catalogue_args: list[str]) -> None:
    source = b"The chairman said he 's sure .\nShe does n't know , and he is n't here .\n"
    result = run_cli(*catalogue_args, stdin=source)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout == (
        b"The chairperson said they 're sure .\nThey do n't know , and they are n't here .\n"
    )
    assert b"tokenization ptb (detected" in result.stderr


def test_a_configured_tokenization_is_used_without_detection(catalogue_args: list[str]) -> None:
    source = b"He 's the chairman .\n"
    result = run_cli(*catalogue_args, "--tokenization", "plain", stdin=source)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr == b""
    assert result.stdout.startswith(b"They ")
    wikitext = run_cli(*catalogue_args, "--tokenization", "wikitext", stdin=source)
    assert wikitext.stdout == b"They 're the chairperson .\n"
