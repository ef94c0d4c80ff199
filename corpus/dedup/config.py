"""The dedup config (shingles, MinHash permutations, LSH banding, threshold) and tuning."""

from __future__ import annotations

import polars as pl
from pydantic import BaseModel, ConfigDict, Field, model_validator

CLUSTER_SCHEMA: dict[str, pl.DataType] = {
    "doc_id": pl.String(),
    "cluster_id": pl.String(),
    "is_representative": pl.Boolean(),
    "similarity": pl.Float64(),
}
DOCS_PER_CHUNK = 8_192  # documents sketched together: bounds memory (~150 MB each), balances
SKETCH_THREADS = 2  # chunks sketched (or bands paired) at once: the reference machine has 2 cores
PAIRS_PER_CHUNK = 65_536  # candidate pairs verified together (2 x 64k x 512 bytes gathered)


class DedupConfig(BaseModel):
    """How documents are grouped into exact and near-duplicate clusters."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    shingle_size: int = Field(
        5,
        ge=1,
        le=64,
        description="Words per shingle (word n-gram) compared by MinHash. 5 follows Lee et al. "
        "(2022) and Gopher; documents with fewer words are one shingle of all their words.",
    )
    num_perm: int = Field(
        128,
        ge=2,
        le=1024,
        description="MinHash permutations (= bands x rows). The Jaccard estimate's standard "
        "error is sqrt(J(1-J)/num_perm): 0.035 at J=0.8 for 128 (Broder 1997).",
    )
    bands: int = Field(
        32,
        ge=1,
        description="LSH bands. A pair with Jaccard s becomes a candidate with probability "
        "1-(1-s^rows)^bands, an S-curve whose steepest point is near (1/bands)^(1/rows). More "
        "bands move it left: fewer missed near duplicates (false negatives), more candidate "
        "pairs to check. Defaults 32 x 4: inflection 0.42; P(candidate) = 0.05 at s=0.2, 0.23 at "
        "0.3, 0.56 at 0.4, 0.87 at 0.5, 0.988 at 0.6, 0.99985 at 0.7, 1 - 5e-8 at 0.8, so the "
        "banding loses no pair at the 0.8 threshold. 16 x 8 (the default before exact "
        "verification) loses 5.3% of the pairs at s=0.8 and 0.6% at 0.85, and has 2x fewer "
        "candidates below 0.7 to pre-filter (measured in bench/RESULTS.md).",
    )
    rows: int = Field(
        4,
        ge=1,
        description="Signature values per band. More rows make the S-curve steeper and move it "
        "right: fewer candidates below the threshold (less checking), more misses just above "
        "it. Candidates are checked (estimate pre-filter, then exact Jaccard), so false "
        "positives of the banding cost time, not precision.",
    )
    threshold: float = Field(
        0.8,
        gt=0.0,
        le=1.0,
        description="Jaccard similarity of the word-shingle sets at or above which two texts are "
        "near duplicates; 0.8 follows Lee et al. (2022). Checked exactly when both texts are "
        "passed to deduplicate(); a pair with an indexed text that was not passed again is "
        "judged by the signature estimate (+-0.035 at 0.8 with 128 permutations).",
    )
    prefilter_margin: float = Field(
        0.1,
        ge=0.0,
        le=1.0,
        description="Candidates whose signature estimate is below threshold - prefilter_margin "
        "are dropped before the exact check, so unrelated bucket-mates cost one signature "
        "comparison. 0.1 is ~2.9 standard errors of the estimate at J=0.8 with 128 permutations "
        "(sqrt(0.8 x 0.2 / 128) = 0.035): a pair exactly at 0.8 is dropped with probability "
        "0.3%, one at 0.85 with 7e-6 (binomial tails). Larger: fewer such misses, more exact "
        "checks.",
    )
    seed: int = Field(
        1, ge=0, lt=2**63, description="Seed of the MinHash permutations (part of the index)."
    )

    @model_validator(mode="after")
    def _bands_cover_the_signature(self) -> DedupConfig:
        if self.bands * self.rows != self.num_perm:
            raise ValueError(
                f"bands x rows must equal num_perm, got bands={self.bands} x rows={self.rows} = "
                f"{self.bands * self.rows} != num_perm={self.num_perm}: set num_perm="
                f"{self.bands * self.rows}, or pick bands and rows whose product is {self.num_perm}"
                " (e.g. bands=32, rows=4 for 128)"
            )
        return self
