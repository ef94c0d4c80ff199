"""Every asset declares a code_version, so Dagster marks it stale when its code changes."""

from __future__ import annotations

from assets import versions
from definitions import build_definitions
from tests.conftest import DEMO_PRESET


def test_every_asset_has_a_code_version(tmp_path):
    defs = build_definitions(tmp_path / "data", tmp_path / "landing", DEMO_PRESET)
    graph = defs.resolve_asset_graph()
    nodes = [graph.get(key) for key in graph.materializable_asset_keys]  # sources are observed
    missing = sorted(node.key.to_user_string() for node in nodes if not node.code_version)
    assert len(nodes) > 10 and missing == []


def test_a_new_config_field_or_default_changes_the_code_version():
    from pydantic import BaseModel, ConfigDict, Field

    class Knobs(BaseModel):
        model_config = ConfigDict(extra="forbid", frozen=True)
        threshold: float = Field(0.8, description="a knob")

    class ChangedDefault(Knobs):
        threshold: float = Field(0.9, description="a knob")

    class AddedField(Knobs):
        shingles: int = Field(5, description="another knob")

    base = versions.code_version(1, Knobs)
    assert base == versions.code_version(1, Knobs)  # stable
    assert base.startswith("1.")
    changed = {versions.code_version(1, m).split(".")[1] for m in (ChangedDefault, AddedField)}
    assert base.split(".")[1] not in changed and len(changed) == 2
    assert versions.code_version(2, Knobs) != base  # the hand-bumped revision
