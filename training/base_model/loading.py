"""Load a causal LM and its tokenizer from the Hugging Face cache or a local directory, offline.

Rules for both: weights only from safetensors (a .bin checkpoint is a pickle and can run code
when loaded), a tokenizer with an EOS token (packing separates documents with it), a class
AutoModelForCausalLM knows, and repository code only with trust_remote_code.
"""

from __future__ import annotations

import os
from pathlib import Path

from huggingface_hub import snapshot_download
from huggingface_hub.errors import HfHubHTTPError, HFValidationError, LocalEntryNotFoundError
from transformers import AutoConfig, AutoModelForCausalLM, AutoTokenizer, PreTrainedModel

from training.base_model.fingerprint import TOKENIZER_FILES
from training.base_model.sources import BaseModelError, HubSource

# Files fetched from the hub: configs, safetensors weights, every tokenizer format; never *.bin.
HUB_FILE_PATTERNS = ["*.json", "*.safetensors", "*.txt", "*.model", "*.jinja"]
ONLINE_VALUES = {"0", "false", "no", "off"}


def hub_cache_dir() -> Path:
    """The hub cache huggingface_hub uses, read from the environment now (not at import)."""
    if cache := os.environ.get("HF_HUB_CACHE") or os.environ.get("HUGGINGFACE_HUB_CACHE"):
        return Path(cache).expanduser()
    if home := os.environ.get("HF_HOME"):
        return Path(home).expanduser() / "hub"
    cache_home = os.environ.get("XDG_CACHE_HOME") or "~/.cache"
    return Path(cache_home).expanduser() / "huggingface" / "hub"


def hub_offline() -> bool:
    """Offline unless HF_HUB_OFFLINE is explicitly 0 (or false/no/off): no surprise downloads."""
    return os.environ.get("HF_HUB_OFFLINE", "1").strip().lower() not in ONLINE_VALUES


def hub_snapshot(source: HubSource) -> Path:
    """The cached snapshot directory of `source`, downloading it only when online is allowed."""
    cache = hub_cache_dir()
    offline = hub_offline()
    patterns = HUB_FILE_PATTERNS + (["*.py"] if source.trust_remote_code else [])
    try:
        snapshot = snapshot_download(
            source.model_id,
            revision=source.revision,
            cache_dir=cache,
            local_files_only=offline,
            allow_patterns=patterns,
        )
    except LocalEntryNotFoundError as error:
        name = source.model_id + (f" at revision {source.revision}" if source.revision else "")
        if not offline:
            raise BaseModelError(
                f"{name} is not in the local Hugging Face cache ({cache}) and downloading it "
                f"failed ({error}): check the network and base_model.model_id, or point "
                "base_model.kind=local at a directory"
            ) from error
        setting = os.environ.get("HF_HUB_OFFLINE", "unset, which neutune treats as 1")
        command = f"hf download {source.model_id}" + (
            f" --revision {source.revision}" if source.revision else ""
        )
        raise BaseModelError(
            f"{name} is not in the local Hugging Face cache ({cache}) and "
            f"HF_HUB_OFFLINE={setting}: download it once with `{command}` "
            "on a machine with network (or set HF_HUB_OFFLINE=0 here), or point "
            "base_model.kind=local at a directory"
        ) from error
    except (HFValidationError, HfHubHTTPError) as error:
        raise BaseModelError(
            f"cannot fetch {source.model_id} from the Hugging Face hub ({error}): check "
            "base_model.model_id and base_model.revision, or use base_model.kind=local"
        ) from error
    return Path(snapshot)


def _check_files(directory: Path, described_as: str) -> None:
    if not directory.is_dir():
        raise BaseModelError(
            f"{described_as} {directory} is not a directory: point it at a folder written by "
            "save_pretrained (config.json, *.safetensors, tokenizer files)"
        )
    if not (directory / "config.json").is_file():
        raise BaseModelError(
            f"{described_as} {directory} has no config.json: it is not a Hugging Face model "
            "directory; save the model there with save_pretrained"
        )
    if not any(directory.glob("*.safetensors")):
        pickled = sorted(path.name for path in directory.glob("*.bin"))
        if pickled:
            raise BaseModelError(
                f"{described_as} {directory} has only pickle weights ({', '.join(pickled)}); "
                "neutune loads safetensors only, because unpickling can run code: convert once "
                "on a trusted machine with AutoModelForCausalLM.from_pretrained(dir)"
                ".save_pretrained(dir), or pick a revision that ships *.safetensors"
            )
        raise BaseModelError(
            f"{described_as} {directory} has no *.safetensors weights: save the model there "
            "with save_pretrained"
        )
    if not any((directory / name).is_file() for name in TOKENIZER_FILES):
        raise BaseModelError(
            f"{described_as} {directory} has no tokenizer files ({', '.join(TOKENIZER_FILES)}): "
            "save the tokenizer there too with tokenizer.save_pretrained(dir)"
        )


def load_hf_directory(directory: Path, trust_remote_code: bool, described_as: str):
    """Validate and load (model, tokenizer) from a save_pretrained directory, in its own dtype."""
    _check_files(directory, described_as)
    try:
        config = AutoConfig.from_pretrained(directory, trust_remote_code=trust_remote_code)
    except ValueError as error:
        raise BaseModelError(
            f"{described_as} {directory}: config.json is not usable ({error}); if the model "
            "ships its own code and you trust it, set base_model.trust_remote_code=true"
        ) from error
    try:
        model = AutoModelForCausalLM.from_pretrained(
            directory,
            config=config,
            use_safetensors=True,
            dtype="auto",
            trust_remote_code=trust_remote_code,
            local_files_only=True,
        )
    except ValueError as error:
        raise BaseModelError(
            f"{described_as} {directory} holds a {type(config).__name__}, which "
            "AutoModelForCausalLM cannot load: neutune fine-tunes causal (decoder-only) language "
            "models; pick one such as Llama, Qwen2, SmolLM or GPT-2"
        ) from error
    try:
        tokenizer = AutoTokenizer.from_pretrained(
            directory, trust_remote_code=trust_remote_code, local_files_only=True
        )
    except (OSError, ValueError) as error:
        raise BaseModelError(
            f"{described_as} {directory}: the tokenizer does not load ({error}): save a working "
            "tokenizer there with tokenizer.save_pretrained(dir)"
        ) from error
    if tokenizer.eos_token_id is None:
        raise BaseModelError(
            f"{described_as} {directory}: the tokenizer has no EOS token, which separates packed "
            "documents: set tokenizer.eos_token and save it again"
        )
    return model, tokenizer


def context_length(model: PreTrainedModel, tokenizer) -> int:
    """Maximum positions of the model, from its config or else the tokenizer."""
    config = model.config.get_text_config()
    for name in ("max_position_embeddings", "n_positions", "max_sequence_length", "seq_length"):
        if isinstance(value := getattr(config, name, None), int) and value > 0:
            return value
    if 0 < tokenizer.model_max_length < 10**9:
        return int(tokenizer.model_max_length)
    raise BaseModelError(
        f"{type(model).__name__}: neither config nor tokenizer states a context length: "
        "set max_position_embeddings in config.json"
    )
