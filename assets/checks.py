"""How asset checks are declared and reported: blocking ERROR checks, one spec helper."""

from __future__ import annotations

from collections.abc import Mapping

from dagster import AssetCheckResult, AssetCheckSeverity, AssetCheckSpec, MetadataValue

from corpus.splits import LeakageReport

OFFENDERS_SHOWN = 20


def blocking_check(name: str, asset: str, description: str) -> AssetCheckSpec:
    """A check whose failure (reported at ERROR severity) stops downstream materialization."""
    return AssetCheckSpec(name, asset=asset, blocking=True, description=description)


def error_check(name: str, asset: str, passed: bool, metadata: Mapping) -> AssetCheckResult:
    """The result of a `blocking_check`: ERROR severity, so a failure blocks."""
    return AssetCheckResult(
        check_name=name,
        asset_key=asset,
        passed=passed,
        severity=AssetCheckSeverity.ERROR,
        metadata=dict(metadata),
    )


def leakage_check(name: str, asset: str, report: LeakageReport) -> AssetCheckResult:
    """A leakage report as a blocking check result: counts plus the worst offenders."""
    return error_check(
        name,
        asset,
        report.passed,
        {
            "checked": report.checked,
            "offenders": report.offending,
            "examples": MetadataValue.json(report.offenders[:OFFENDERS_SHOWN]),
        },
    )
