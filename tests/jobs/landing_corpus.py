"""Tiny landing shards of distinct random sentences (no shared long n-grams, no duplicates), and
one landing-sensor tick applied as the daemon would."""

from __future__ import annotations

import json
import random
from pathlib import Path

from dagster import (
    AddDynamicPartitionsRequest,
    DagsterInstance,
    SensorResult,
    build_sensor_context,
)

from jobs import landing_sensor
from jobs.partitions import corpus_shards

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
STOP_WORDS = ("the", "and", "of", "to", "in", "with", "on", "for", "a", "that", "is", "was")
GENDERED = ("chairman", "policewoman", "he", "she", "his", "her", "stewardess", "fireman")


def shard_text(seed: int, n_documents: int) -> str:
    """JSONL: `n_documents` sentences of 29 words, some gendered, all distinct for a seed."""
    rng = random.Random(seed)
    lines = []
    for _ in range(n_documents):
        words = []
        for _ in range(14):  # stop words between content words, as in prose (cleaning checks)
            words += [rng.choice(STOP_WORDS), rng.choice(WORDS)]
        words.insert(5, rng.choice(GENDERED))
        lines.append(json.dumps({"text": " ".join(words).capitalize() + "."}))
    return "\n".join(lines) + "\n"


def write_shard(landing: Path, name: str, seed: int, n_documents: int = 12) -> Path:
    path = landing / name
    path.write_text(shard_text(seed, n_documents))
    return path


def sensor_tick(instance: DagsterInstance, landing_zone, cursor: str | None = None) -> SensorResult:
    """One landing-sensor evaluation, with its partition requests applied as the daemon would."""
    result = landing_sensor(
        build_sensor_context(instance=instance, resources={"landing": landing_zone}, cursor=cursor)
    )
    for request in result.dynamic_partitions_requests:
        if isinstance(request, AddDynamicPartitionsRequest):
            instance.add_dynamic_partitions(corpus_shards.name, list(request.partition_keys))
        else:
            for key in request.partition_keys:
                instance.delete_dynamic_partition(corpus_shards.name, key)
    return result
