"""How a text shard is encoded: UTF-8, UTF-16/UTF-32 by byte-order mark, or not text at all.

Readers see every line as UTF-8 bytes whatever the file's encoding, so one decoder (strict
UTF-8, bad bytes quarantined with their offset) serves every text format.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, NamedTuple

SNIFF_BYTES = 8192
"""The first block of a file: where a byte-order mark or NUL bytes are looked for."""
_CHUNK_BYTES = 1 << 20

_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose mark is its first two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class TextEncoding(NamedTuple):
    """A text file's codec and the length of its byte-order mark (0 when it has none)."""

    codec: str
    mark_bytes: int


class NotText(NamedTuple):
    """A file whose first block holds NUL bytes: binary, or UTF-16/32 without a byte-order mark."""

    detail: str
    head: bytes


class EncodingBroken(Exception):
    """A UTF-16/UTF-32 file stops decoding part-way; the rest of it cannot be split into lines."""

    def __init__(self, line: int, detail: str):
        super().__init__(detail)
        self.line = line
        self.detail = detail


def sniff(path: Path) -> TextEncoding | NotText:
    """The encoding a text file declares by its byte-order mark (UTF-8 without one), or NotText."""
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    for mark, codec in _BYTE_ORDER_MARKS:
        if head.startswith(mark):
            return TextEncoding(codec, len(mark))
    if b"\x00" in head:
        offset = head.index(b"\x00")
        return NotText(
            f"NUL byte at offset {offset} in the first {SNIFF_BYTES} bytes: a binary file (or "
            "UTF-16/UTF-32 text without a byte-order mark), not a text shard; convert it to "
            "UTF-8 text or remove it from the landing folder",
            head,
        )
    return TextEncoding("utf-8", 0)


def utf8_lines(path: Path, encoding: TextEncoding) -> Iterator[tuple[int, bytes]]:
    """(line number, line) as UTF-8 bytes, line endings kept; lines end at b"\n" only.

    UTF-8 lines are passed through undecoded (the reader reports bad bytes per line). UTF-16 and
    UTF-32 are decoded strictly and re-encoded; where decoding fails, the lines before are
    yielded and EncodingBroken names the first line that could not be read.
    """
    with path.open("rb") as handle:
        handle.seek(encoding.mark_bytes)
        if encoding.codec == "utf-8":
            yield from enumerate(handle, start=1)
        else:
            yield from _transcoded_lines(handle, encoding.codec)


def _transcoded_lines(handle: BinaryIO, codec: str) -> Iterator[tuple[int, bytes]]:
    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    pending = ""
    line_number = 0
    done = False
    while not done:
        chunk = handle.read(_CHUNK_BYTES)
        done = not chunk
        problem = None
        try:
            text = decoder.decode(chunk, final=done)
        except UnicodeDecodeError as error:  # keep what decoded before the bad bytes
            text = error.object[: error.start].decode(codec)
            problem = error.reason
        *lines, pending = (pending + text).split("\n")
        for line in lines:
            line_number += 1
            yield line_number, line.encode("utf-8") + b"\n"
        if problem is not None:
            raise EncodingBroken(
                line_number + 1,
                f"not valid {codec.upper()} from line {line_number + 1} on ({problem}); the "
                "lines before it were read, the rest of the file was not: re-save it as UTF-8",
            )
    if pending:
        yield line_number + 1, pending.encode("utf-8")
