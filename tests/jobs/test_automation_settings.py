"""The preset's automation: section decides each group's condition, the schedule, the executor."""

from __future__ import annotations

import pytest
import yaml
from dagster import build_schedule_context

from corpus.settings import SettingsError
from definitions import build_definitions
from tests.conftest import DEMO_PRESET

DATA_AUTOMATED = {
    "clean_documents",
    "filtered_documents",
    "gendered_term_candidates",
    "neutral_documents",
    "rewrite_log",
    "dedup_clusters",
    "dataset_splits",
    "split_decontamination",
    "split_exports",
}


def _preset(tmp_path, automation: dict):
    preset = yaml.safe_load(DEMO_PRESET.read_text())
    preset["automation"] = automation
    preset["catalogue"] = {}  # the default catalogue (the demo's paths are relative to config/)
    path = tmp_path / "preset.yaml"
    path.write_text(yaml.safe_dump(preset))
    return path


def _conditions(defs) -> dict[str, str | None]:
    graph = defs.resolve_asset_graph()
    return {
        key.to_user_string(): (
            graph.get(key).automation_condition.get_label()
            if graph.get(key).automation_condition
            else None
        )
        for key in graph.get_all_asset_keys()
    }


def test_by_default_data_assets_update_themselves_and_models_wait_for_a_person(tmp_path):
    defs = build_definitions(tmp_path / "data", tmp_path / "landing", DEMO_PRESET)
    conditions = _conditions(defs)
    automated = {key for key, label in conditions.items() if label}
    assert automated == DATA_AUTOMATED
    assert {conditions[key] for key in DATA_AUTOMATED} == {"updates when inputs change"}
    assert defs.resolve_job_def("shard_job").executor_def.name == "in_process"


def test_enabling_training_gives_the_training_group_its_cron_condition(tmp_path):
    preset = _preset(
        tmp_path, {"training": {"enabled": True, "cron": "0 3 * * 1"}, "shard_processes": 2}
    )
    defs = build_definitions(tmp_path / "data", tmp_path / "landing", preset)
    conditions = _conditions(defs)
    graph = defs.resolve_asset_graph()
    training = {
        key.to_user_string()
        for key in graph.get_all_asset_keys()
        if graph.get(key).group_name == "training"
    }
    assert training == {"base_model", "finetuned_model"}
    assert {conditions[key] for key in training} == {"on_cron(0 3 * * 1, UTC)"}
    assert conditions["strategy_report"] is None  # evaluation stays off
    assert defs.resolve_job_def("shard_job").executor_def.name == "multiprocess"
    assert defs.resolve_job_def("data_job").executor_def.name == "in_process"


def test_a_wrong_cron_string_is_one_message_naming_the_field_and_the_fix(tmp_path):
    preset = _preset(tmp_path, {"evaluation": {"enabled": True, "cron": "every sunday"}})
    with pytest.raises(SettingsError, match=r"automation\.evaluation\.cron.*five fields"):
        build_definitions(tmp_path / "data", tmp_path / "landing", preset)


def test_the_weekly_refresh_schedule_re_reads_the_catalogue(tmp_path, instance):
    defs = build_definitions(tmp_path / "data", tmp_path / "landing", DEMO_PRESET)
    schedule = defs.resolve_schedule_def("weekly_refresh")
    assert schedule.cron_schedule == "0 2 * * 0"
    assert schedule.job_name == "refresh_job"
    refresh = defs.resolve_job_def("refresh_job")
    assert sorted(k.to_user_string() for k in refresh.asset_layer.executable_asset_keys) == [
        "gender_catalogue"
    ]
    requests = schedule.evaluate_tick(build_schedule_context(instance=instance)).run_requests
    assert len(requests) == 1 and requests[0].partition_key is None
