"""QLoRA: LoRA on a base quantised to 4-bit NormalFloat (NF4) with bitsandbytes.

Dettmers et al. 2023, "QLoRA: Efficient Finetuning of Quantized LLMs": NF4 storage, double
quantisation of the quantisation constants, adapters on all linear layers, compute in bf16.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Literal

from pydantic import Field

from training.strategies.base import load_pretrained
from training.strategies.errors import StrategyError
from training.strategies.lora import LoraStrategy
from training.strategies.peft_artifacts import load_peft

if TYPE_CHECKING:
    import torch
    from torch import nn
    from transformers import PreTrainedModel


def require_bitsandbytes() -> None:
    try:
        importlib.import_module("bitsandbytes")
    except ImportError as error:
        raise StrategyError(
            f"strategy qlora needs bitsandbytes ({error}); pip install bitsandbytes==0.50.2, "
            "or pick strategy lora"
        ) from error


class QLoraStrategy(LoraStrategy):
    """LoRA adapters over a frozen NF4 4-bit base (device_map pins the base to one device)."""

    name: Literal["qlora"] = Field(default="qlora", description="Registry name of the strategy.")
    target_mlp: bool = Field(
        default=True,
        description="With target_modules='auto', also adapt the MLP projections; Dettmers et "
        "al. 2023 needed all linear layers to match 16-bit fine-tuning.",
    )
    compute_dtype: Literal["float32", "bfloat16"] = Field(
        default="bfloat16",
        description="Dtype the 4-bit weights are dequantised to for matmuls (bfloat16: Dettmers "
        "et al. 2023; float32 is exact-er and the safe choice on CPUs without bf16).",
    )
    double_quant: bool = Field(
        default=True,
        description="Quantise the quantisation constants too (~0.4 bits/param saved, Dettmers "
        "et al. 2023).",
    )

    # 2e-4: Dettmers et al. 2023 for 7B-13B models.
    default_learning_rate: ClassVar[float] = 2e-4

    def load_base(self, base_dir: Path, *, dtype: torch.dtype, device: str) -> PreTrainedModel:
        require_bitsandbytes()
        import torch
        from transformers import BitsAndBytesConfig

        quantization = BitsAndBytesConfig(
            load_in_4bit=True,
            bnb_4bit_quant_type="nf4",
            bnb_4bit_use_double_quant=self.double_quant,
            bnb_4bit_compute_dtype=getattr(torch, self.compute_dtype),
        )
        return load_pretrained(
            base_dir,
            dtype=dtype,
            device=device,
            quantization_config=quantization,
            device_map={"": device},
        )

    def prepare(self, model: PreTrainedModel) -> nn.Module:
        from peft import prepare_model_for_kbit_training

        if not getattr(model, "is_loaded_in_4bit", False):
            raise StrategyError(
                "strategy qlora got a model that is not 4-bit; load it with "
                "QLoraStrategy.load_base (or pick strategy lora for a 16/32-bit base)"
            )
        self.check_compatible(model)
        # Gradient checkpointing is the recipe's switch; input grads keep it working either way.
        model = prepare_model_for_kbit_training(model, use_gradient_checkpointing=False)
        model.enable_input_require_grads()
        return super().prepare(model)

    def load(
        self, base_dir: Path, artifact_dir: Path, *, dtype: torch.dtype, device: str
    ) -> nn.Module:
        from peft import prepare_model_for_kbit_training

        base = self.load_base(base_dir, dtype=dtype, device=device)
        # Same fp32 upcast of the unquantised parameters as in training, so logits match.
        base = prepare_model_for_kbit_training(base, use_gradient_checkpointing=False)
        return load_peft(base, artifact_dir)
