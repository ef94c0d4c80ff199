"""A landing folder with the files a new user drops in by mistake still materializes: each bad
file is refused on its own (quarantine rows, or one failed shard), every other shard proceeds."""

from __future__ import annotations

import codecs
import json
import os

import pytest

from definitions import build_definitions
from jobs.runner import materialize_corpus
from tests.conftest import DEMO_PRESET


def _documents(topic: str, n: int) -> str:
    return "".join(
        json.dumps({"text": f"Note {i} on {topic}: the chairman said he would review the plan."})
        + "\n"
        for i in range(n)
    )


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_bad_files_block_only_themselves(tmp_path, instance):
    landing = tmp_path / "landing"
    landing.mkdir()
    (landing / "good.jsonl").write_text(_documents("roads", 6))
    (landing / "news 1.jsonl").write_text(_documents("schools", 3))  # both slug to news-1-jsonl
    (landing / "news-1.jsonl").write_text(_documents("parks", 3))
    (landing / "windows.jsonl").write_bytes(
        codecs.BOM_UTF16_LE + _documents("rail", 4).encode("utf-16-le")
    )
    (landing / "model.jsonl").write_bytes(bytes(range(256)) * 40 + b"\n" * 300)
    private = tmp_path / "private.txt"
    private.write_text("a file outside the landing folder\n")
    (landing / "notes.txt").symlink_to(private)
    defs = build_definitions(tmp_path / "data", landing, DEMO_PRESET)

    outcomes = materialize_corpus(defs, instance)

    status = {outcome.label: outcome.result.success for outcome in outcomes}
    assert status == {
        "global-inputs": True,
        "good-jsonl": True,
        "model-jsonl": True,
        "news-1-jsonl": False,
        "notes-txt": True,
        "windows-jsonl": True,
        "global": True,
    }
    blocked = next(o for o in outcomes if o.label == "news-1-jsonl").result
    failure = next(e for e in blocked.all_events if e.is_step_failure)
    message = failure.step_failure_data.error.to_string()
    assert "'news 1.jsonl' and 'news-1.jsonl'" in message and "rename" in message

    warehouse = defs.resources["warehouse"]
    quarantine = warehouse.query(
        "select shard, reason, count(*) as n from {schema}.quarantine group by all order by all"
    ).rows()
    assert quarantine == [("model-jsonl", "binary_file", 1), ("notes-txt", "outside_landing", 1)]
    raw = dict(
        warehouse.query("select shard, count(*) from {schema}.raw_documents group by all").rows()
    )
    assert raw == {"good-jsonl": 6, "windows-jsonl": 4}
    texts = warehouse.query("select text from {schema}.raw_documents")["text"].to_list()
    assert not any("outside the landing folder" in text for text in texts)
