"""The Dagster UI as a user sees it: a real webserver over the session's materialized project,
driven by Debian's Chromium through Playwright. Skips, with the reason, where either is absent."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest

from tasks import BROWSERS
from tests.conftest import PROJECT_ROOT

SCREENSHOTS = PROJECT_ROOT / ".test-artifacts" / "ui"
GROUP_ASSETS = {
    "ingest": ["raw_documents", "clean_documents"],
    "rewrite": ["gender_catalogue", "neutral_documents"],
    "dedup": ["dedup_clusters", "dataset_splits", "split_exports"],
    "training": ["base_model", "finetuned_model"],
    "evaluation": ["model_evaluation", "strategy_report"],
}


def _chromium() -> str:
    configured = os.environ.get("NEUTUNE_CHROMIUM")
    found = configured or next(filter(None, map(shutil.which, BROWSERS)), None)
    if not found:
        pytest.skip(
            "no Chromium found (looked for chromium, chromium-browser, google-chrome on PATH and "
            "NEUTUNE_CHROMIUM): install Debian's `chromium` package to run the browser test"
        )
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_serving(url: str, server: subprocess.Popen, log: Path, timeout: float = 120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"dagster-webserver exited ({server.returncode}):\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/server_info", timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"dagster-webserver did not answer within {timeout:.0f} s:\n{log.read_text()}")


@pytest.fixture(scope="module")
def webserver(trained_project, tmp_path_factory):
    """dagster-webserver on 127.0.0.1, serving the project's definitions and instance."""
    port = _free_port()
    log = tmp_path_factory.mktemp("webserver") / "webserver.log"
    env = dict(
        os.environ,
        DAGSTER_HOME=trained_project.instance.root_directory,
        NEUTUNE_DATA_ROOT=str(trained_project.data_root),
        NEUTUNE_LANDING_DIR=str(trained_project.landing),
        NEUTUNE_PRESET=str(trained_project.preset),
    )
    command = [sys.executable, "-m", "dagster_webserver", "-h", "127.0.0.1", "-p", str(port)]
    command += ["-w", str(PROJECT_ROOT / "workspace.yaml")]
    with log.open("w") as output:
        server = subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_serving(url, server, log)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.fixture(scope="module")
def page(webserver):
    executable = _chromium()
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (it is in the dev extra)"
    )
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        page.set_default_timeout(60_000)
        page.goto(f"{webserver}/asset-groups", wait_until="networkidle")
        _dismiss_first_visit_dialog(page)
        yield page
        browser.close()


def _dismiss_first_visit_dialog(page) -> None:
    """The first visit may open "Join the Dagster community"; it hides the page until skipped."""
    skip = page.get_by_role("button", name="Skip")
    try:
        skip.wait_for(state="visible", timeout=5_000)
    except Exception:  # noqa: BLE001 - playwright's TimeoutError: the dialog did not show
        return
    skip.click()


def _screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    print(f"screenshot: {path}")
    return path


@pytest.mark.parametrize("group", sorted(GROUP_ASSETS))
def test_each_stage_group_shows_its_assets_in_the_graph(page, webserver, group):
    page.goto(f"{webserver}/locations/neutune/asset-groups/{group}/lineage")
    for asset in GROUP_ASSETS[group]:
        page.get_by_text(asset, exact=True).first.wait_for(state="visible")
    assert _screenshot(page, f"group-{group}").stat().st_size > 10_000


def test_a_finetuned_models_page_shows_its_training_metadata_and_lineage(page, webserver):
    partition = quote("neutral|lora", safe="")
    page.goto(f"{webserver}/assets/finetuned_model?view=partitions&partition={partition}")
    page.get_by_text("Latest materialization").first.wait_for(state="visible")
    for key in ("trainable_parameters", "loss_curve", "split_version", "base_fingerprint"):
        page.get_by_text(key, exact=True).first.wait_for(state="visible")
    body = page.inner_text("body")
    assert "models/lora/neutral" in body  # the artifact path
    _screenshot(page, "finetuned-model-neutral-lora")


def test_the_strategy_report_page_shows_the_headline_markdown(page, webserver):
    page.goto(f"{webserver}/assets/strategy_report")
    page.get_by_text("headline", exact=True).first.wait_for(state="visible")
    page.get_by_text("[Show Markdown]").first.click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_text("lora").first.wait_for(state="visible")
    _screenshot(page, "strategy-report-headline")
