"""The one error type strategies raise; its message names the cause and the fix."""


class StrategyError(ValueError):
    """A strategy cannot be configured, applied to this model, saved or loaded."""
