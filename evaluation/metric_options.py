"""Turning a metric's keyword options into its validated pydantic config."""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel, ValidationError

Config = TypeVar("Config", bound=BaseModel)


def validated_config(config_class: type[Config], options: dict[str, Any], metric: str) -> Config:
    """`config_class(**options)`, or one ValueError naming each bad option and the valid ones."""
    try:
        return config_class(**options)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in e['loc']) or 'options'}: {e['msg']}"
            for e in error.errors()
        )
        raise ValueError(
            f"invalid options for metric {metric!r}: {problems}; its options are "
            f"{sorted(config_class.model_fields)}"
        ) from error


class ConfiguredMetric:
    """Base of a metric whose options are one pydantic config: `metric(name, **options)` builds
    it, and a wrong option is one message naming the valid ones."""

    name: ClassVar[str]
    config_class: ClassVar[type[BaseModel]]

    def __init__(self, **options: Any) -> None:
        self.config = validated_config(self.config_class, options, self.name)
