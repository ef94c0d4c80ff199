"""A model's lineage as a readable chain: plain text for `neutune lineage`, Markdown for the
Dagster UI's model page. Both render the same steps in pipeline order."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from training.lineage import Lineage

HASH_SHOWN = 12  # hex digits of a sha256 shown; the full value is in lineage.json


@dataclass(frozen=True)
class ChainStep:
    """One link of the chain: a name, a one-line summary and optional detail lines."""

    name: str
    summary: str
    details: list[str] = field(default_factory=list)


MARKDOWN_DETAILS = 20  # detail lines per step on the UI page (a corpus may have 1,000s of shards)
INLINE_CONFIG_CHARS = 90  # a longer config shows its digest, then one line per field


def _compact(config: Any) -> str:
    text = json.dumps(config, sort_keys=True, separators=(", ", "="), ensure_ascii=False)
    return text[1:-1].replace('"', "") if isinstance(config, dict) else text.replace('"', "")


def _config_step(name: str, config: dict[str, Any]) -> ChainStep:
    """A config inline when short; else its digest (to compare runs) and one line per field."""
    inline = _compact(config)
    if len(inline) <= INLINE_CONFIG_CHARS:
        return ChainStep(name, inline)
    canonical = json.dumps(config, sort_keys=True, separators=(",", ":")).encode()
    return ChainStep(
        name,
        f"sha256 {hashlib.sha256(canonical).hexdigest()[:HASH_SHOWN]}, {len(config)} fields",
        [f"{key}: {_compact(value)}" for key, value in sorted(config.items())],
    )


def _short(digest: str | None) -> str:
    return digest[:HASH_SHOWN] if digest else "missing"


def chain_steps(lineage: Lineage) -> list[ChainStep]:
    """landing files -> shards -> cleaning -> catalogue -> rewrite -> dedup -> splits ->
    split export -> base model -> strategy -> artifact, from what lineage.json recorded."""
    chain = lineage.chain
    steps: list[ChainStep] = []
    if chain is not None:
        shards = chain.shards
        steps += [
            ChainStep(
                "landing files",
                f"{len(shards)} file(s)" if shards else "not recorded (no warehouse access)",
                [f"{s.path}  sha256 {_short(s.sha256)}  {s.size or 0:,} bytes" for s in shards],
            ),
            ChainStep(
                "shards",
                ", ".join(s.shard for s in shards) or "not recorded",
                [f"{s.shard}: {s.documents:,} exported documents" for s in shards],
            ),
            _config_step("cleaning config", chain.cleaning),
            ChainStep(
                "catalogue",
                f"version {chain.catalogue.version}",
                [f"{key}: {value}" for key, value in sorted(chain.catalogue.source.items())],
            ),
            _config_step("rewrite config", chain.rewrite),
            _config_step("dedup parameters", chain.dedup),
            _config_step(
                "split config", {**chain.splits, "export_duplicates": chain.export_duplicates}
            ),
        ]
    steps += [
        ChainStep(
            "split export",
            f"version {lineage.split_version}",
            [lineage.split_manifest]
            + [
                f"{f.split}/{f.arm}: {f.rows:,} rows  sha256 {_short(f.sha256)}"
                for f in lineage.data_files
            ],
        ),
        ChainStep(
            "base model",
            f"fingerprint {_short(lineage.base_fingerprint)}",
            [lineage.base_model_dir],
        ),
        ChainStep(
            "strategy",
            f"{lineage.strategy} on the {lineage.arm} arm",
            [
                _compact(lineage.strategy_config),
                f"learning_rate={lineage.learning_rate:g}, block_size={lineage.block_size}, "
                f"seed={lineage.seed}, steps={lineage.steps}",
            ],
        ),
        ChainStep(
            "artifact",
            f"hash {lineage.artifact_hash or 'not recorded (schema 1)'}",
            [f"{name}  sha256 {_short(digest)}" for name, digest in lineage.artifact_files.items()],
        ),
    ]
    return steps


def chain_text(lineage: Lineage, artifact: str) -> str:
    """The chain for a terminal: one numbered line per step, details indented below."""
    lines = [
        f"lineage of {artifact}",
        f"  schema {lineage.schema_version}, run {lineage.run_id}, {lineage.code_version}, "
        f"written {lineage.created_at}",
    ]
    steps = chain_steps(lineage)
    width = max(len(step.name) for step in steps)
    for number, step in enumerate(steps, 1):
        lines.append(f"{number:>3}. {step.name:<{width}}  {step.summary}")
        lines += [f"{'':>{width + 7}}{detail}" for detail in step.details]
    if lineage.chain is None:
        lines.append("  (no data chain: trained outside the pipeline or before schema 2)")
    return "\n".join(lines)


def chain_markdown(lineage: Lineage) -> str:
    """The chain for the Dagster UI: a numbered list, details as nested code items (the first
    MARKDOWN_DETAILS of a step; `neutune lineage` prints them all)."""
    lines = [f"**{lineage.strategy} / {lineage.arm}**, run `{lineage.run_id}`", ""]
    for number, step in enumerate(chain_steps(lineage), 1):
        lines.append(f"{number}. **{step.name}**: {step.summary}")
        lines += [f"    - `{detail}`" for detail in step.details[:MARKDOWN_DETAILS]]
        if len(step.details) > MARKDOWN_DETAILS:
            lines.append(f"    - ... {len(step.details) - MARKDOWN_DETAILS} more")
    return "\n".join(lines)
