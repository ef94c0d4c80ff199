"""Opening the stored signature index for an incremental dedup run, or deciding on a full run."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from corpus.dedup import DedupConfig, SignatureIndex


def open_index(
    directory: Path, config: DedupConfig, current_doc_ids: pl.Series
) -> tuple[SignatureIndex | None, str]:
    """The stored index when it can be extended, else None; with the reason, for the run log.

    An index is reusable only when it was built with the same config and every document in it
    still exists: a changed or removed shard invalidates its documents' signatures and clusters.
    """
    if not (directory / "manifest.json").is_file():
        return None, "no signature index yet: full run"
    try:
        index = SignatureIndex.load(directory, config)
    except ValueError as error:
        return None, f"signature index not reusable ({error}): full run"
    current = current_doc_ids.to_frame("doc_id")
    stale = index.documents.join(current, on="doc_id", how="anti").height
    if stale:
        return (
            None,
            f"{stale} indexed documents no longer exist (changed or removed shards): full run",
        )
    return index, f"extending the signature index of {len(index)} documents"
