#!/usr/bin/env python3
"""neutune's task runner; needs nothing but Python 3.11+.

    python3 tasks.py demo    # set up .venv, generate the demo corpus, materialize the data job
    python3 tasks.py test    # set up .venv, run the whole test suite (extra args go to pytest)
    python3 tasks.py ui      # open the Dagster UI on the same DAGSTER_HOME as the demo
    python3 tasks.py bench ingest_clean|rewrite|dedup [args]   # run a benchmark

Setup is incremental: .venv is (re)installed only when pyproject.toml changed since the last
install.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
STAMP = VENV / ".neutune-installed"


def _log(message: str) -> None:
    print(f"[neutune] {message}", flush=True)


def setup() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036  # this file must run on older Pythons to say so
        sys.exit(f"neutune needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted and PYTHON.exists():
        return
    if not PYTHON.exists():
        _log(f"creating virtual environment {VENV}")
        venv.EnvBuilder(with_pip=True).create(VENV)
    _log("installing dependencies (first run: a few minutes)")
    pip = [str(PYTHON), "-m", "pip", "--disable-pip-version-check"]
    subprocess.run([*pip, "install", "-q", "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "install", "-q", "-e", f"{ROOT}[dev]"], check=True)
    STAMP.write_text(wanted)


# The instance settings of DAGSTER_HOME. Run monitoring (a daemon that `dagster dev` starts) fails
# a run whose worker process never came up, and a cancel that never finished, so the run list
# tells the truth; runs executed in-process (the demo, `dagster job execute`) have no worker it
# can see: neutune's runner marks those failed when their process is gone (jobs/orphans.py).
# max_runtime_seconds stays unset: training runs may take hours.
DAGSTER_YAML = """\
telemetry:
  enabled: false
run_monitoring:
  enabled: true
  start_timeout_seconds: 180    # STARTING this long without a worker -> failed
  cancel_timeout_seconds: 180   # CANCELING this long -> canceled
  poll_interval_seconds: 60
"""
EARLIER_DAGSTER_YAML = "telemetry:\n  enabled: false\n"  # what tasks.py wrote before


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    home = Path(env.setdefault("DAGSTER_HOME", str(ROOT / ".dagster_home")))
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists() or config.read_text() == EARLIER_DAGSTER_YAML:
        config.write_text(DAGSTER_YAML)  # a dagster.yaml of the user's own is left as it is
    env.setdefault("HF_HUB_OFFLINE", "1")
    env.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    env.setdefault("HF_DATASETS_OFFLINE", "1")
    env.setdefault("TOKENIZERS_PARALLELISM", "false")
    return env


BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def ensure_browser() -> None:
    """The UI test drives a real Chromium; Playwright cannot download its own offline, so install
    Debian's package where we may (root with apt-get), else say why the test will skip."""
    if os.environ.get("NEUTUNE_CHROMIUM") or any(map(shutil.which, BROWSERS)):
        return
    if os.environ.get("NEUTUNE_NO_BROWSER_INSTALL"):
        _log("no Chromium and NEUTUNE_NO_BROWSER_INSTALL set: the browser UI test will skip")
        return
    if not (hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get")):
        _log("no Chromium found: the browser UI test will skip (install Debian's `chromium`)")
        return
    _log("installing Debian's chromium for the browser UI test (apt-get, about a minute)")
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.STDOUT}
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-q"], env=env, **quiet)
    installed = subprocess.run(["apt-get", "install", "-y", "-q", "chromium"], env=env, **quiet)
    if installed.returncode != 0:
        _log("apt-get could not install chromium: the browser UI test will skip")


def run(*args: str) -> int:
    return subprocess.run([str(PYTHON), *args], cwd=ROOT, env=_environment()).returncode


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"demo", "test", "ui", "bench", "setup"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    setup()
    if command == "setup":
        return 0
    if command == "demo":
        return run("-m", "jobs.demo", *rest)
    if command == "test":
        ensure_browser()
        return run("-m", "pytest", *rest)
    if command == "ui":
        return run("-m", "dagster", "dev", "-w", str(ROOT / "workspace.yaml"), *rest)
    if not rest:
        print("usage: python3 tasks.py bench ingest_clean|rewrite|dedup [args]")
        return 2
    return run("-m", f"bench.{rest[0]}", *rest[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
