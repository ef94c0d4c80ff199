"""A content fingerprint of a Hugging Face model directory: config, weights and tokenizer.

Full SHA-256 (64 hex digits) over, in this order:
  1. config.json as canonical JSON (sorted keys, no whitespace) without `transformers_version`,
     so that re-saving with another transformers release keeps the fingerprint;
  2. each *.safetensors file, sorted by name: its name and the SHA-256 of its bytes;
  3. each tokenizer file present (TOKENIZER_FILES), in that order: its name and the SHA-256 of
     its bytes (JSON files canonicalised like config.json).
generation_config.json, model cards and neutune's own metadata are left out: they do not change
what the model computes.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from corpus.atomic_files import file_sha256

TOKENIZER_FILES = (
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "added_tokens.json",
    "vocab.json",
    "merges.txt",
    "tokenizer.model",
    "chat_template.jinja",
)
VOLATILE_CONFIG_KEYS = ("transformers_version",)


def _canonical_json(path: Path, drop: tuple[str, ...] = ()) -> bytes:
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, dict):
        data = {key: value for key, value in data.items() if key not in drop}
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _file_digest(path: Path) -> str:
    if path.suffix == ".json":
        return hashlib.sha256(_canonical_json(path)).hexdigest()
    return file_sha256(path)


def model_fingerprint(directory: Path) -> str:
    """SHA-256 hex digest (64 characters) identifying the model saved in `directory`."""
    config = directory / "config.json"
    if not config.is_file():
        raise FileNotFoundError(
            f"{directory} has no config.json: fingerprint a directory written by save_pretrained"
        )
    digest = hashlib.sha256()
    digest.update(b"config.json\0" + _canonical_json(config, VOLATILE_CONFIG_KEYS) + b"\0")
    for weights in sorted(directory.glob("*.safetensors")):
        digest.update(f"{weights.name}\0{file_sha256(weights)}\0".encode())
    for name in TOKENIZER_FILES:
        path = directory / name
        if path.is_file():
            digest.update(f"{name}\0{_file_digest(path)}\0".encode())
    return digest.hexdigest()
