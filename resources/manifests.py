"""IO manager for typed manifests: assets whose value is a pydantic model, stored as JSON.

Split exports, base models and trained models are directories of files in the artifact store;
the asset's value is the small pydantic manifest that describes and locates them. It is written
atomically as JSON (never pickle) and read back into the class the downstream input declares.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path

from dagster import ConfigurableIOManager, InputContext, OutputContext
from pydantic import BaseModel

from corpus.atomic_files import write_text_atomic

# Only our own domain classes are rebuilt from a stored type name.
TRUSTED_PACKAGES = ("corpus.", "training.", "evaluation.")


class ManifestIOManager(ConfigurableIOManager):
    """Stores a pydantic model per asset (partition) under `root` as JSON."""

    root: str

    def _path(self, context: OutputContext | InputContext, partition: str | None) -> Path:
        return Path(self.root).joinpath(*context.asset_key.path, f"{partition or '_'}.json")

    def handle_output(self, context: OutputContext, obj: BaseModel) -> None:
        if not isinstance(obj, BaseModel):
            raise TypeError(
                f"{context.asset_key.to_user_string()} returned {type(obj).__name__}; assets on "
                "the manifest IO manager return a pydantic model"
            )
        partition = context.asset_partition_key if context.has_asset_partitions else None
        kind = f"{type(obj).__module__}:{type(obj).__qualname__}"
        payload = {"type": kind, "value": obj.model_dump(mode="json")}
        write_text_atomic(self._path(context, partition), json.dumps(payload, indent=2) + "\n")

    def load_input(self, context: InputContext):
        upstream = context.upstream_output
        if not context.has_asset_partitions:
            return self._read(self._path(upstream, None))
        keys = context.asset_partition_keys
        if len(keys) == 1 and not _wants_mapping(context):
            return self._read(self._path(upstream, keys[0]))
        found = {}
        for key in keys:
            path = self._path(upstream, key)
            if path.is_file():
                found[key] = self._read(path)
            else:
                context.log.warning(
                    f"{context.upstream_output.asset_key.to_user_string()} partition {key} is "
                    "not materialized: left out"
                )
        return found

    def _read(self, path: Path) -> BaseModel:
        if not path.is_file():
            raise FileNotFoundError(f"{path} is missing: materialize the upstream asset first")
        payload = json.loads(path.read_text(encoding="utf-8"))
        return _model_class(payload["type"]).model_validate(payload["value"])


def _wants_mapping(context: InputContext) -> bool:
    typing_type = context.dagster_type.typing_type
    return typing_type is dict or getattr(typing_type, "__origin__", None) is dict


def _model_class(kind: str) -> type[BaseModel]:
    module_name, _, name = kind.partition(":")
    if not module_name.startswith(TRUSTED_PACKAGES):
        raise ValueError(f"refusing to load manifest type {kind}: not a neutune class")
    cls = importlib.import_module(module_name)
    for part in name.split("."):
        cls = getattr(cls, part)
    if not (isinstance(cls, type) and issubclass(cls, BaseModel)):
        raise ValueError(f"manifest type {kind} is not a pydantic model")
    return cls
