"""The code_version of every asset: with the input data versions, what Dagster compares to mark
an asset stale.

An asset's version is `<revision>.<defaults digest>`:
- revision: bump it by hand when a change to the domain code the asset calls changes what it
  writes for the same inputs and settings (another column, a filter that keeps other rows, a
  fixed bug). A refactor whose output is byte-identical keeps it.
- defaults digest: 8 hex over the field names and default values of the config models that
  shape the output, so a new knob or a changed default bumps the version without anyone having
  to remember (a value set in the preset reaches the output through the data versions instead).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pydantic import BaseModel
from pydantic_core import PydanticUndefined, to_jsonable_python

from corpus.clean import CleaningConfig
from corpus.dedup import DedupConfig
from corpus.ingest import ReaderConfig
from corpus.rewrite import RewriteConfig
from corpus.settings import CatalogueSource
from corpus.splits import LeakageConfig, SplitConfig
from evaluation.settings import EvaluationSettings
from training.base_model import BuiltinSource, HubSource, LocalSource
from training.settings import TrainingSettings
from training.spec import Hyperparameters
from training.strategies import STRATEGIES


def _default(value: object) -> object:
    # a default file path counts by name: the checkout's location must not change a version
    return value.name if isinstance(value, Path) else to_jsonable_python(value)


def _defaults(model: type[BaseModel]) -> dict[str, object]:
    fields: dict[str, object] = {}
    for name, field in model.model_fields.items():
        if field.default_factory is not None:
            fields[name] = _default(field.default_factory())
        elif field.default is PydanticUndefined:
            fields[name] = "<required>"
        else:
            fields[name] = _default(field.default)
    return fields


def code_version(revision: int, *configs: type[BaseModel]) -> str:
    """`<revision>.<8 hex over the configs' field names and defaults>` (see the module doc)."""
    shapes = {f"{model.__module__}.{model.__qualname__}": _defaults(model) for model in configs}
    digest = hashlib.sha256(json.dumps(shapes, sort_keys=True, default=str).encode())
    return f"{revision}.{digest.hexdigest()[:8]}"


INGEST = code_version(1, ReaderConfig)
CLEANING = code_version(1, CleaningConfig)
CATALOGUE = code_version(1, CatalogueSource)
TERM_CANDIDATES = code_version(1)
REWRITING = code_version(1, RewriteConfig)
DEDUP = code_version(1, DedupConfig)
SPLITS = code_version(1, SplitConfig)
SPLIT_EXPORTS = code_version(1, LeakageConfig)
SPLIT_DECONTAMINATION = code_version(1, LeakageConfig)
BASE_MODEL = code_version(1, BuiltinSource, HubSource, LocalSource)
FINETUNED_MODEL = code_version(1, TrainingSettings, Hyperparameters, *STRATEGIES.values())
EVALUATION = code_version(1, EvaluationSettings)
REPORT = code_version(1, EvaluationSettings)
