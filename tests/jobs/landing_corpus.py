"""Tiny landing shards of distinct random sentences (no shared long n-grams, no duplicates)."""

from __future__ import annotations

import json
import random
from pathlib import Path

WORDS = tuple(
    [
        "river",
        "stone",
        "lamp",
        "garden",
        "market",
        "bridge",
        "winter",
        "paper",
        "window",
        "orange",
        "silver",
        "music",
        "table",
        "harbor",
        "candle",
        "forest",
        "letter",
        "engine",
        "valley",
        "pocket",
        "ladder",
        "meadow",
        "thunder",
        "mirror",
        "basket",
        "quiet",
        "bright",
        "early",
        "narrow",
        "gentle",
        "heavy",
        "sudden",
        "hollow",
        "ancient",
        "curious",
        "distant",
        "golden",
        "walks",
        "reads",
        "builds",
        "carries",
        "paints",
        "opens",
        "closes",
        "finds",
        "keeps",
        "sends",
        "writes",
        "measures",
    ]
)
GENDERED = ("chairman", "policewoman", "he", "she", "his", "her", "stewardess", "fireman")


def shard_text(seed: int, n_documents: int) -> str:
    """JSONL: `n_documents` sentences of 24 words, some gendered, all distinct for a seed."""
    rng = random.Random(seed)
    lines = []
    for _ in range(n_documents):
        words = [rng.choice(WORDS) for _ in range(22)] + [rng.choice(GENDERED), rng.choice(WORDS)]
        rng.shuffle(words)
        lines.append(json.dumps({"text": " ".join(words).capitalize() + "."}))
    return "\n".join(lines) + "\n"


def write_shard(landing: Path, name: str, seed: int, n_documents: int = 12) -> Path:
    path = landing / name
    path.write_text(shard_text(seed, n_documents))
    return path
