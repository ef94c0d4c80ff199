"""The texts deduplicate() reads, by position among the passed documents.

A DataFrame is read in place (slices, or gathers of one chunk at a time). A LazyFrame (such as
`pl.scan_parquet(...)`) is streamed in batches: the texts are read once to be sketched and once
more for the few that candidate pairs need, so the corpus never has to fit in memory.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import polars as pl

_BATCH_ROWS = 65_536  # rows per batch read from a LazyFrame


class PassedTexts:
    """The `text` column (nulls as "") of the documents passed to deduplicate()."""

    def __init__(self, documents: pl.DataFrame | pl.LazyFrame) -> None:
        text = pl.col("text").fill_null("")
        if isinstance(documents, pl.LazyFrame):
            self._lazy: pl.LazyFrame | None = documents.select(text)
            self._texts = pl.Series("text", [], pl.String)
        else:
            self._lazy = None
            self._texts = documents.select(text).to_series()

    def in_order(self, positions: np.ndarray, size: int) -> Iterator[pl.Series]:
        """The texts at `positions` (ascending, distinct), `size` (the last: fewer) at a time."""
        if len(positions) == 0:
            return
        if self._lazy is None:
            contiguous = int(positions[-1]) - int(positions[0]) + 1 == len(positions)
            for start in range(0, len(positions), size):
                block = positions[start : start + size]
                if contiguous:
                    yield self._texts.slice(int(block[0]), len(block))
                else:
                    yield self._texts.gather(block)
            return
        pieces: list[pl.Series] = []
        buffered = taken = 0
        offset = int(positions[0])  # the rows before are skipped (Parquet: not even decoded)
        for batch in self._lazy.slice(offset).collect_batches(chunk_size=_BATCH_ROWS):
            texts = batch.to_series()
            stop = offset + len(texts)
            end = int(np.searchsorted(positions, stop))
            wanted = positions[taken:end] - offset
            if len(wanted):
                pieces.append(texts if len(wanted) == len(texts) else texts.gather(wanted))
                buffered += len(wanted)
            taken, offset = end, stop
            while buffered >= size:
                joined = pl.concat(pieces, rechunk=False)
                yield joined.slice(0, size).rechunk()
                pieces, buffered = [joined.slice(size)], buffered - size
            if taken == len(positions):
                break
        if buffered:
            yield pl.concat(pieces).rechunk()
        if taken < len(positions):
            raise ValueError(
                f"the documents' text column has {offset} rows but their doc_id column has more: "
                "pass a frame whose columns come from the same rows"
            )

    def gather(self, positions: np.ndarray) -> pl.Series:
        """The texts at `positions`, in that order."""
        if self._lazy is None:
            return self._texts.gather(positions)
        distinct, inverse = np.unique(positions, return_inverse=True)
        texts = pl.concat([pl.Series("text", [], pl.String), *self.in_order(distinct, _BATCH_ROWS)])
        return texts.gather(inverse)
