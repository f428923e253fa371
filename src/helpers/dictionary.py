"""The data dictionary: every processed table, its file name and its schema, in chain order.

``python -m helpers.dictionary reports/data_dictionary.md`` (``make dictionary``) writes it as Markdown; the test
suite checks that every table in ``data/processed`` is listed here and that its header matches its schema.
"""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

from .tables import Column, data_dictionary, write_bytes_atomic

#: table name -> (module, schema attribute), in the order the notebooks write them.
TABLES: dict[str, tuple[str, str]] = {
    "articles": ("helpers.ingest", "ARTICLES_SCHEMA"),
    "failures": ("helpers.corpus", "FAILURES_SCHEMA"),
    "paragraphs": ("helpers.ingest", "PARAGRAPHS_SCHEMA"),
    "sentences": ("helpers.tokenize", "SENTENCES_SCHEMA"),
    "tokens": ("helpers.tokenize", "TOKENS_SCHEMA"),
    "mentions": ("helpers.actors", "MENTIONS_TABLE_SCHEMA"),
    "actor_candidates": ("helpers.actors", "CANDIDATES_SCHEMA"),
    "actor_cooccurrence": ("helpers.actors", "COOCCURRENCE_SCHEMA"),
    "quotes": ("helpers.quotes", "QUOTES_TABLE_SCHEMA"),
    "scare_quotes": ("helpers.quotes", "SCARE_QUOTES_TABLE_SCHEMA"),
    "sentiment_quotes": ("helpers.sentiment", "SENTIMENT_QUOTES_SCHEMA"),
    "sentiment_actors": ("helpers.sentiment", "SENTIMENT_ACTORS_SCHEMA"),
    "stances": ("helpers.sentiment", "STANCES_SCHEMA"),
    "claims": ("helpers.claims", "CLAIMS_TABLE_SCHEMA"),
    # written by 06 for a run of more than one article
    **{name: ("helpers.corpusview", f"CORPUS_SCHEMAS:{name}") for name in (
        "corpus_outlets", "corpus_sourcing", "corpus_top_speakers", "corpus_speakers", "corpus_speaker_tone",
        "corpus_speaker_stance", "corpus_stance_targets")},
}


def schemas() -> dict[str, list[Column]]:
    """``{table name: schema}`` for every table whose module is present."""
    out = {}
    for name, (module, attr) in TABLES.items():
        attr, _, key = attr.partition(":")  # "MAPPING:key": one schema of a dict of schemas
        try:
            schema = getattr(importlib.import_module(module), attr)
            out[name] = schema[key] if key else schema
        except (ImportError, AttributeError, KeyError):
            continue
    return out


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else Path("reports/data_dictionary.md")
    write_bytes_atomic(target, data_dictionary(schemas()).encode("utf-8"))
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
