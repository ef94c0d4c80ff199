"""The trainer: runs `python -m training.run SPEC.json` in its own process through Dagster Pipes.

A family chosen in the preset (`training.launcher`): `subprocess` (default; a command prefix such
as `torchrun --nproc_per_node 8` runs it on several GPUs) or `k8s` (a pod per training through
dagster-k8s's `PipesK8sClient`, for users who outgrow one machine; not installed by default, and
the artifact root must be a volume mounted at the same path in the pod).
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from dagster import AssetExecutionContext, ConfigurableResource, PipesSubprocessClient

from corpus.atomic_files import write_text_atomic
from resources.paths import PROJECT_ROOT
from training.settings import LauncherSettings
from training.spec import TrainSpec

K8S_PIN = "dagster-k8s==0.29.27"  # the release that pairs with dagster 1.13.27


class TrainerConfigError(ValueError):
    """A launcher setting that cannot work here."""


class TrainerResource(ConfigurableResource):
    """Launches one training process per fine-tuned model and collects what it reports."""

    kind: str = "subprocess"
    command_prefix: str = ""
    env: dict[str, str] = {}
    k8s_image: str = ""
    k8s_namespace: str = "default"

    @classmethod
    def from_settings(cls, launcher: LauncherSettings) -> TrainerResource:
        return cls(**launcher.model_dump())

    def command(self, spec_path: Path) -> list[str]:
        prefix = shlex.split(self.command_prefix) if self.command_prefix else [sys.executable]
        return [*prefix, "-m", "training.run", str(spec_path)]

    def train(self, context: AssetExecutionContext, spec: TrainSpec):
        """Write the spec beside its checkpoints and run the trainer on it through Pipes."""
        spec_path = Path(spec.work_dir) / "spec.json"
        write_text_atomic(spec_path, spec.model_dump_json(indent=2))
        context.log.info(
            f"training {spec.strategy_name} x {spec.arm}: {' '.join(self.command(spec_path))}"
        )
        if self.kind == "k8s":
            return self._run_k8s(context, spec_path)
        client = PipesSubprocessClient(cwd=str(PROJECT_ROOT), env=self.env)
        return client.run(context=context, command=self.command(spec_path))

    def _run_k8s(self, context: AssetExecutionContext, spec_path: Path):
        try:
            from dagster_k8s import PipesK8sClient
        except ImportError as error:
            raise TrainerConfigError(
                f"training.launcher.kind=k8s needs dagster-k8s: pip install {K8S_PIN}"
            ) from error
        return PipesK8sClient().run(
            context=context,
            image=self.k8s_image,
            command=self.command(spec_path),
            namespace=self.k8s_namespace,
            env=self.env,
        )
