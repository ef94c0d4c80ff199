"""Base models: a hub id, a local directory or a built-in pretrained Llama, as one HF directory.

Importing this package is light (pydantic only); torch and transformers load when a model is
resolved.
"""

from training.base_model.fingerprint import model_fingerprint
from training.base_model.resolve import (
    base_model_source,
    read_base_model_info,
    resolve_base_model,
)
from training.base_model.sources import (
    BUILTIN_PRESETS,
    BaseModelError,
    BaseModelInfo,
    BaseModelSource,
    BuiltinPreset,
    BuiltinSource,
    HubSource,
    LocalSource,
)

__all__ = [
    "BUILTIN_PRESETS",
    "BaseModelError",
    "BaseModelInfo",
    "BaseModelSource",
    "BuiltinPreset",
    "BuiltinSource",
    "HubSource",
    "LocalSource",
    "base_model_source",
    "model_fingerprint",
    "read_base_model_info",
    "resolve_base_model",
]
