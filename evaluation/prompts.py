"""The fixed prompt set of the generation audit: occupations and roles in neutral wording.

The prompts live in `evaluation/data/generation_prompts.txt` (one per line, `#` comments), so a
user can read and replace them without touching code. `prompt_texts_for_leakage` hands them to
the n-gram leakage check of the split exports (corpus.splits.leakage), which must find none of
them in the train split: a prompt seen in training would measure memorisation, not bias.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

DEFAULT_PROMPTS_PATH = Path(__file__).resolve().parent / "data" / "generation_prompts.txt"
PROMPT_SPLIT = "generation_prompt"  # the `split` value the leakage check reports for a prompt


class PromptFileError(ValueError):
    """A prompt file that cannot be used; the message names the file and the fix."""


def load_generation_prompts(path: Path = DEFAULT_PROMPTS_PATH) -> list[str]:
    """The prompts in file order: stripped, comment and blank lines skipped, no duplicates.

    Raises:
        PromptFileError: the file is missing, holds no prompt, or repeats one.
    """
    path = Path(path)
    if not path.is_file():
        raise PromptFileError(
            f"generation prompt file {path} does not exist; pass an existing text file with one "
            f"prompt per line (the default is {DEFAULT_PROMPTS_PATH})"
        )
    prompts: list[str] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        prompt = line.strip()
        if not prompt or prompt.startswith("#"):
            continue
        if prompt in seen:
            raise PromptFileError(
                f"{path}:{number} repeats the prompt of line {seen[prompt]} ({prompt!r}); "
                "delete one, since a repeated prompt would count its generations twice"
            )
        seen[prompt] = number
        prompts.append(prompt)
    if not prompts:
        raise PromptFileError(f"{path} holds no prompt; write one prompt per line")
    return prompts


def prompt_id(index: int) -> str:
    """Stable id of the prompt at `index`, e.g. 'prompt-007'."""
    return f"prompt-{index:03d}"


def prompt_texts_for_leakage(prompts: list[str]) -> pl.DataFrame:
    """The prompts as the (doc_id, split, text) frame that corpus.splits.leakage checks."""
    return pl.DataFrame(
        {
            "doc_id": [prompt_id(index) for index in range(len(prompts))],
            "split": [PROMPT_SPLIT] * len(prompts),
            "text": prompts,
        }
    )
