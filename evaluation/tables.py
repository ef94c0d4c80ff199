"""Report tables and how their numbers print: "0.62 [0.55, 0.69]", "+0.50 [0.43, 0.56] *"."""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

from evaluation.comparisons import Difference
from evaluation.metric import MetricValue

MISSING = "—"
SIGNIFICANT = " *"


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[str]]

    def markdown(self) -> str:
        def line(cells: list[str]) -> str:
            return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"

        return "\n".join(
            [line(self.headers), line(["---"] * len(self.headers))] + [line(r) for r in self.rows]
        )

    def html(self) -> str:
        head = "".join(f"<th>{html.escape(cell)}</th>" for cell in self.headers)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>"
            for row in self.rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def interval_decimals(low: float, high: float) -> int:
    """Decimals that show an interval's width to two significant digits (at least 2, at most 6)."""
    width = abs(high - low)
    return 2 if width == 0 else min(max(2, 1 - math.floor(math.log10(width))), 6)


def number(value: float, decimals: int | None = None, signed: bool = False) -> str:
    """`decimals` places (from 1,000 on: none, thousands separated); with None, whole numbers
    print whole, tiny ones to 3 significant digits, the rest to 2 places."""
    sign = "+" if signed else ""
    if abs(value) >= 1000 or (decimals is None and float(value).is_integer()):
        return f"{value:{sign},.0f}"
    if decimals is None:
        return f"{value:{sign}.3g}" if abs(value) < 0.01 else f"{value:{sign}.2f}"
    return f"{value:{sign}.{decimals}f}"


def estimate(value: float, low: float | None, high: float | None, signed: bool = False) -> str:
    """'0.62 [0.55, 0.69]': the three numbers to the decimals the interval's width needs."""
    if low is None or high is None:
        return number(value, signed=signed)
    places = interval_decimals(low, high)
    return f"{number(value, places, signed)} [{number(low, places)}, {number(high, places)}]"


def with_interval(value: MetricValue | None) -> str:
    return MISSING if value is None else estimate(value.value, value.low, value.high)


def difference_cell(found: Difference | None) -> str:
    if found is None:
        return MISSING
    cell = estimate(found.difference, found.low, found.high, signed=True)
    return cell + (SIGNIFICANT if found.significant else "")
