"""Shared fixtures: the seed article as stored in data/raw, and its stage-01 tables."""
from __future__ import annotations

import pytest

from helpers import ingest, paths

SEED_FILE = "kazakhstan_protests_2022.txt"


@pytest.fixture(scope="session")
def seed_raw() -> str:
    return (paths.DATA_RAW / SEED_FILE).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_paragraphs(seed_raw):
    return ingest.split_paragraphs(ingest.normalise(seed_raw), "kazakhstan_protests_2022")


@pytest.fixture(scope="session")
def seed_text(seed_raw, seed_paragraphs) -> str:
    """The seed's analysis text (boilerplate blanked), same length as the raw text."""
    return ingest.analysis_text(seed_raw, seed_paragraphs)
