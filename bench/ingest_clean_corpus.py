"""The synthetic JSON Lines corpus of bench/ingest_clean.py (seeded: every run reads the same)."""

from __future__ import annotations

import random
from pathlib import Path

import orjson


# ------------------------------------------------------------------------------ synthetic corpus
def _word_list(words: str) -> list[str]:
    return words.split()


ENGLISH = _word_list(
    "the of and to a in is that for it as was with be by on not he this are or his from at which "
    "but have an they you were her she there one all we their has been would more when will who "
    "so if no out up said what its about than into them can only other new some could time these "
    "two may then do first any my now such like our over man me even most made after also did many "
    "before must through back years where much your way well down should because each just those "
    "people how too little state good very make world still own see men work long get here "
    "between both life being under never day same another know while last might us great old year "
    "off come since against go came right used take three council river market school hospital "
    "station harbour library village weather morning evening report plan budget housing road"
)
FLAVOUR = ("café", "naïve", "résumé", "it’s", "“really”", "—", "façade", "São Paulo", "don’t")
FRENCH = _word_list(
    "le la les des une est dans pour avec sur pas plus mais nous vous ils elle sont été fait "
    "comme tout bien même aussi très peu encore leur ville marché conseil habitants travaux"
)
SPAM = _word_list("cheap free casino bonus loans crypto pills deals discount win prize offer sale")


def _sentence(rng: random.Random, vocabulary: list[str] | tuple[str, ...]) -> str:
    words = rng.choices(vocabulary, k=rng.randint(6, 22))
    if vocabulary is ENGLISH and rng.random() < 0.3:
        words[rng.randrange(len(words))] = rng.choice(FLAVOUR)
    return words[0].capitalize() + " " + " ".join(words[1:]) + rng.choice("....?!")


def _prose(rng: random.Random, pool: list[str], size: int) -> list[str]:
    paragraphs, length = [], 0
    while length < size:
        paragraph = " ".join(rng.choices(pool, k=rng.randint(2, 6)))
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return paragraphs


def _noisy(rng: random.Random, paragraphs: list[str]) -> str:
    kind = rng.randrange(4)
    if kind == 0:
        body = "".join(f"<p>{p.replace(' and ', ' &amp; ', 1)}</p>\n" for p in paragraphs)
        script = "<script>var seen = 1 < 2;</script>" if rng.random() < 0.3 else ""
        return f'<div class="story">{script}{body}<a href="/more">Read more</a></div>'
    if kind == 1:
        footer = f"© {rng.randint(2015, 2024)} The Daily Ledger. All rights reserved."
        return "Share this article\n" + "\n\n".join(paragraphs) + "\nSubscribe now\n" + footer
    if kind == 2:
        return "\r\n\r\n".join(
            p.replace(" ", "\u00a0 ", 2).replace(" ", "\t", 1) for p in paragraphs
        )
    return "\n\n".join(p.replace(" ", " \u200b", 1) + "\x07" for p in paragraphs)


def _low_quality(rng: random.Random, pool: list[str]) -> str:
    kind = rng.randrange(5)
    if kind == 0:
        return rng.choice(["Thanks!", "Bump.", "Same here", "Great post, agreed."])
    if kind == 1:
        return " ".join(_sentence(rng, FRENCH) for _ in range(rng.randint(3, 12)))
    if kind == 2:
        return " ".join(rng.choices(["###", "...", "$$$", "@@", "%%", "12", "!!!"], k=60))
    if kind == 3:
        return "\n".join([rng.choice(pool)] * rng.randint(5, 30))
    return " ".join(rng.choices(SPAM, k=rng.randint(20, 200)))


def write_corpus(path: Path, size_mb: float, seed: int = 0) -> int:
    """Write ~size_mb MB of JSON Lines to `path`; return the number of records."""
    rng = random.Random(seed)
    pool = [_sentence(rng, ENGLISH) for _ in range(50_000)]
    limit, written, records = int(size_mb * 1e6), 0, 0
    with path.open("wb", buffering=1 << 22) as handle:
        while written < limit:
            draw = rng.random()
            if draw < 0.04:
                text = _low_quality(rng, pool)
            else:
                paragraphs = _prose(rng, pool, rng.randint(1000, 3000))
                text = _noisy(rng, paragraphs) if draw < 0.24 else "\n\n".join(paragraphs)
            line = orjson.dumps({"text": text, "id": records}) + b"\n"
            handle.write(line)
            written += len(line)
            records += 1
    return records
