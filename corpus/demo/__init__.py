"""The bundled demo corpus: seeded, varied English prose written as landing shards of every format.

`write_demo_corpus` (corpus.demo.generator) writes the shards and returns a manifest of what it
planted; prose.py composes documents from the word lists and templates in words/, noise.py adds
what cleaning and quarantine should catch, files.py renders and writes each shard file.
"""

from corpus.demo.config import (
    DEFAULT_CONFIG,
    SHARD_SHARES,
    DemoCorpusConfig,
    DemoCorpusManifest,
    PlantedDuplicate,
)
from corpus.demo.generator import write_demo_corpus

__all__ = [
    "DEFAULT_CONFIG",
    "SHARD_SHARES",
    "DemoCorpusConfig",
    "DemoCorpusManifest",
    "PlantedDuplicate",
    "write_demo_corpus",
]
