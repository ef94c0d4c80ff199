"""Where the parts of a causal LM live: blocks, attention, MLP, final norm, output head.

Known layouts (Llama `model.layers`, GPT-2 `transformer.h`) are looked up by name; anything else
falls back to the largest `nn.ModuleList` and to conventional child names, so a new
architecture either works or fails with a StrategyError that says what was found.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from training.strategies.errors import StrategyError

if TYPE_CHECKING:
    from torch import nn
    from transformers import PreTrainedModel

BLOCK_PATHS = ("model.layers", "transformer.h", "gpt_neox.layers", "model.decoder.layers")
FINAL_NORM_PATHS = ("model.norm", "transformer.ln_f", "gpt_neox.final_layer_norm")
ATTENTION_NAMES = ("self_attn", "attn", "attention", "self_attention")
MLP_NAMES = ("mlp", "feed_forward", "ffn")


def unwrap(model: nn.Module) -> nn.Module:
    """The transformers model inside a peft wrapper (or the model itself)."""
    get_base_model = getattr(model, "get_base_model", None)
    return get_base_model() if callable(get_base_model) else model


def text_config(model: PreTrainedModel):
    config = model.config
    return config.get_text_config() if hasattr(config, "get_text_config") else config


def find_blocks(model: nn.Module) -> tuple[str, nn.ModuleList]:
    """The transformer blocks as (dotted path, ModuleList), bottom block first."""
    from torch import nn

    model = unwrap(model)
    for path in BLOCK_PATHS:
        try:
            blocks = model.get_submodule(path)
        except AttributeError:
            continue
        if isinstance(blocks, nn.ModuleList):
            return path, blocks
    lists = [(n, m) for n, m in model.named_modules() if isinstance(m, nn.ModuleList) and len(m)]
    if not lists:
        raise StrategyError(
            f"cannot find the transformer blocks of {type(model).__name__}: it has no "
            "nn.ModuleList; pick a strategy that does not need blocks (full, lora with explicit "
            "target_modules, prompt, prefix)"
        )
    return max(lists, key=lambda item: sum(p.numel() for p in item[1].parameters()))


def block_child(block: nn.Module, role: str) -> tuple[str, nn.Module]:
    """The attention (`role="attention"`) or MLP (`role="mlp"`) submodule of one block."""
    names = ATTENTION_NAMES if role == "attention" else MLP_NAMES
    for name in names:
        child = getattr(block, name, None)
        if child is not None:
            return name, child
    present = [name for name, _ in block.named_children()]
    raise StrategyError(
        f"cannot find the {role} submodule of block {type(block).__name__} (looked for "
        f"{list(names)}, it has {present}); set after_attention/after_mlp to the parts it has "
        "or pick strategy lora"
    )


def find_final_norm(model: nn.Module) -> tuple[str, nn.Module] | None:
    model = unwrap(model)
    for path in FINAL_NORM_PATHS:
        try:
            return path, model.get_submodule(path)
        except AttributeError:
            continue
    return None


def context_length(model: nn.Module) -> int | None:
    """Longest sequence the model's position scheme allows, when the config says."""
    config = text_config(unwrap(model))
    for key in ("max_position_embeddings", "n_positions", "max_sequence_length", "seq_length"):
        value = getattr(config, key, None)
        if isinstance(value, int):
            return value
    return None


def is_projection(module: nn.Module) -> bool:
    """Linear-like leaves a low-rank or IA3 update can target (nn.Linear, GPT-2 Conv1D, 4-bit)."""
    from torch import nn

    return isinstance(module, nn.Linear) or type(module).__name__ in ("Conv1D", "Linear4bit")


def projection_names(model: nn.Module, role: str | None = None) -> list[str]:
    """Leaf names of the projections inside blocks, optionally only inside `role` children."""
    _, blocks = find_blocks(model)
    names: set[str] = set()
    for block in blocks:
        scope = block if role is None else block_child(block, role)[1]
        names.update(n.rsplit(".", 1)[-1] for n, m in scope.named_modules() if is_projection(m))
    return sorted(names)


def matches_target(name: str, targets: tuple[str, ...]) -> bool:
    """peft's rule: a module is targeted by its exact name or a dotted suffix of it."""
    return any(name == t or name.endswith("." + t) for t in targets)


def targets_conv1d(model: nn.Module, targets: tuple[str, ...]) -> bool:
    """Whether any targeted module is a GPT-2 style Conv1D (weights stored as (in, out))."""
    return any(
        type(m).__name__ == "Conv1D" and matches_target(n, targets)
        for n, m in unwrap(model).named_modules()
    )


def missing_modules(model: nn.Module, targets: tuple[str, ...]) -> list[str]:
    """Targets that match no module of `model`."""
    names = [name for name, _ in unwrap(model).named_modules()]
    return [t for t in targets if not any(matches_target(n, (t,)) for n in names)]


def absent_targets_error(model: nn.Module, missing: list[str], knob: str) -> StrategyError:
    present = projection_names(model)
    return StrategyError(
        f"{knob} {missing} are not modules of {type(unwrap(model)).__name__}; its block "
        f"projections are {present}: set {knob} to some of those, or to 'auto'"
    )


def untie_output_head(model: PreTrainedModel) -> bool:
    """Give the output head its own weight when it shares the input embedding; True if untied.

    Training a tied head would also move the input embeddings, so the head gets a cloned
    Parameter and the config stops asking transformers to re-tie it.
    """
    from torch import nn

    head = model.get_output_embeddings()
    embeddings = model.get_input_embeddings()
    if head is None or embeddings is None or head.weight is not embeddings.weight:
        return False
    head.weight = nn.Parameter(head.weight.detach().clone())
    model.config.tie_word_embeddings = False
    text_config(model).tie_word_embeddings = False
    model.all_tied_weights_keys = model.get_expanded_tied_weights_keys(all_submodels=True)
    return True


def output_head_name(model: PreTrainedModel) -> str:
    head = model.get_output_embeddings()
    for name, module in model.named_modules():
        if module is head:
            return name
    raise StrategyError(
        f"{type(model).__name__} has no output head (get_output_embeddings() is None); "
        "head_only and partial with train_head need a causal LM head"
    )
