"""Every published table is documented: its header matches its schema, and the committed data dictionary is current."""
from __future__ import annotations

import csv

import pytest

from helpers import dictionary, paths, tables

TABLE_FILES = sorted(paths.DATA_PROCESSED.glob("*.csv"))


def test_every_processed_table_has_a_schema():
    undocumented = sorted({p.stem for p in TABLE_FILES} - set(dictionary.schemas()))
    assert not undocumented, f"tables without a schema in helpers.dictionary.TABLES: {undocumented}"


@pytest.mark.parametrize("path", TABLE_FILES, ids=lambda p: p.stem)
def test_header_matches_schema(path):
    with open(path, encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    assert header == [c.name for c in dictionary.schemas()[path.stem]]
    assert all(c.description.strip() for c in dictionary.schemas()[path.stem])


def test_committed_data_dictionary_is_current():
    committed = (paths.REPORTS / "data_dictionary.md").read_text(encoding="utf-8")
    assert committed == tables.data_dictionary(dictionary.schemas()), "run `make dictionary`"
