"""Stage 01: manifest checks, decoding errors, offset-preserving normalisation, paragraphs, boilerplate, headings."""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ingest, paths
from helpers.tables import InputError

SEED_FILE = "kazakhstan_protests_2022.txt"

SHARED_SEED = paths.ROOT.parent / "shared" / "seed" / SEED_FILE


# SHA-256 of ../shared/seed/kazakhstan_protests_2022.txt as provided; checked against the shared copy when present.
SEED_SHA256 = "c52cc2dc9f23fc5933eb39c56f849d9258d7389fdd3e239a53158da626e0778c"


def test_seed_is_byte_identical_copy_of_shared_seed():
    data = (paths.DATA_RAW / SEED_FILE).read_bytes()
    assert hashlib.sha256(data).hexdigest() == SEED_SHA256
    if SHARED_SEED.exists():  # beside the project here and in CI; not in a fork
        assert data == SHARED_SEED.read_bytes()


def test_manifest_checksum_matches_seed():
    manifest = ingest.read_manifest(paths.DATA_RAW)
    row = manifest.set_index("file").loc[SEED_FILE]
    assert row["sha256"] == hashlib.sha256((paths.DATA_RAW / SEED_FILE).read_bytes()).hexdigest()
    assert row["article_id"] == "kazakhstan_protests_2022"


def _folder(tmp_path: Path, files: dict[str, bytes], manifest: str | None = None) -> Path:
    d = tmp_path / "raw"
    d.mkdir(parents=True)
    for name, data in files.items():
        (d / name).write_bytes(data)
    if manifest is None:
        manifest = "file,sha256,title,outlet,published,language\n" + "".join(
            f"{n},{hashlib.sha256(b).hexdigest()},,,,en\n" for n, b in files.items())
    (d / "manifest.csv").write_text(manifest, encoding="utf-8")
    return d


@pytest.mark.parametrize("data, problem", [
    (b"", "empty file"),
    (b"Caf\xe9 society\n", "not valid UTF-8 at byte 3"),
    (b"   \n\n  ", "no text"),
])
def test_bad_files_give_one_line_error_naming_the_file(tmp_path, data, problem):
    d = _folder(tmp_path, {"bad.txt": data})
    with pytest.raises(InputError) as err:
        ingest.ingest(d)
    msg = str(err.value)
    assert "\n" not in msg and msg.startswith(str(d / "bad.txt")) and problem in msg


def test_checksum_mismatch_is_an_error(tmp_path):
    d = _folder(tmp_path, {"a.txt": b"Real text.\n"},
                manifest="file,sha256,title,outlet,published,language\na.txt," + "0" * 64 + ",,,,en\n")
    with pytest.raises(InputError, match=r"a\.txt: checksum mismatch"):
        ingest.ingest(d)


def test_unlisted_and_missing_files_are_errors(tmp_path):
    d = _folder(tmp_path, {"a.txt": b"Text.\n"})
    (d / "extra.txt").write_text("Not in the manifest.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"extra\.txt: missing from the manifest"):
        ingest.read_manifest(d)
    d2 = _folder(tmp_path / "x", {"a.txt": b"Text.\n"})
    (d2 / "a.txt").unlink()
    with pytest.raises(InputError, match=r"a\.txt: listed in manifest.csv but missing"):
        ingest.read_manifest(d2)
    with pytest.raises(InputError, match="manifest not found"):
        ingest.read_manifest(tmp_path)


def test_ingest_never_writes_raw_files(tmp_path):
    d = tmp_path / "raw"
    shutil.copytree(paths.DATA_RAW, d)
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in d.iterdir()}
    ingest.ingest(d)
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in d.iterdir()} == before


def test_normalise_keeps_length_and_maps_spaces():
    raw = "U.S.\u00a0Secretary\u202fof State\r\nsaid\u200b “x”. cafe\u0301 \u212b"
    norm = ingest.normalise(raw)
    assert len(norm) == len(raw)
    assert norm.startswith("U.S. Secretary of State \nsaid  “x”.")
    assert norm.endswith("cafe\u0301 \u00c5")  # composition kept (would shorten), singleton NFC applied
    assert ingest.count_unnormalised(raw) == 1
    assert ingest.normalise(norm) == norm


def test_seed_paragraphs_offsets_heading_and_boilerplate(seed_raw, seed_paragraphs):
    p = seed_paragraphs
    for r in p.itertuples():
        assert ingest.normalise(seed_raw[r.start:r.end]) == r.text
    assert p.loc[p["kind"] == "heading", "text"].tolist() == ["Origin of the protests"]
    boiler = p[p["kind"] == "boilerplate"]
    assert boiler["text"].tolist() == ["Sign up to receive our latest news!",
                                       "By submitting this form, I agree to the terms."]
    assert boiler["boilerplate_rule"].tolist() == ["newsletter_signup", "form_consent"]
    assert (p["kind"] == "body").sum() == 16


def test_analysis_text_blanks_boilerplate_only(seed_raw, seed_text):
    assert len(seed_text) == len(seed_raw)
    assert "Sign up" not in seed_text and "submitting this form" not in seed_text
    assert seed_text.rstrip() == ingest.normalise(seed_raw[: seed_raw.index("Sign up")]).rstrip()
    assert "\u00a0" in seed_raw and "\u00a0" not in seed_text  # the seed has a no-break space


@pytest.mark.parametrize("para, rule", [
    ("Subscribe to our daily newsletter", "newsletter_signup"),
    ("By clicking Subscribe, you accept our Privacy Policy.", "form_consent"),
    ("Follow us on Twitter", "follow_us"),
    ("© 2022 Example Media. All rights reserved.", "copyright"),
    ("Read more: Protests spread to Almaty", "read_more"),
    ("The minister urged citizens to sign up for alerts about the curfew, which began on Thursday night and "
     "will last until order is restored across all the regions of the country, officials said.", ""),
    ("Officials said they would sign up more volunteers.", ""),
])
def test_boilerplate_rules(para, rule):
    assert ingest.boilerplate_rule(para) == rule


def test_every_boilerplate_rule_is_documented_and_compiles():
    rules = ingest.boilerplate_rules()
    assert len({r[0] for r in rules}) == len(rules) >= 8
    assert all(desc.strip() for _, _, desc in rules)


@pytest.mark.parametrize("para, expected", [
    ("Origin of the protests", True),
    ("Reaction abroad", True),
    ("The situation is critical.", False),
    ("“We will not back down”", False),
    ("He said:", False),
    ("a lower-case fragment", False),
])
def test_headings(para, expected):
    assert ingest.is_heading(para) is expected


def test_single_newline_paragraphs_and_crlf():
    t = "Title line\r\nFirst paragraph here.\r\nSecond one.\r\n"
    norm = ingest.normalise(t)
    spans = ingest.paragraph_spans(norm)
    assert [norm[a:b] for a, b in spans] == ["Title line", "First paragraph here.", "Second one."]


def test_cli_script_reports_bad_environment_file(tmp_path):
    bad = tmp_path / "environment.yml"
    bad.write_text("name: x\ndependencies:\n  - python=3.11\n", encoding="utf-8")
    r = subprocess.run([sys.executable, str(paths.ROOT / "scripts" / "env_requirements.py"), str(bad)],
                       capture_output=True, text=True)
    assert r.returncode == 2 and r.stderr.strip().count("\n") == 0 and str(bad) in r.stderr


def test_build_manifest_fills_title_and_iso_date_from_metadata(tmp_path):
    d = _folder(tmp_path, {"0001.txt": b"Title\n\nBody text.\n", "0002.txt": b"Other\n\nMore text.\n"})
    meta = tmp_path / "metadata.tsv"
    meta.write_text("file\tdate\ttitle\n0001.txt\t26-FEB-1987 15:07:13.72\tOil prices fall\n", encoding="utf-8")
    m = ingest.build_manifest(d, meta)
    assert m["file"].tolist() == ["0001.txt", "0002.txt"]
    assert m.loc[0, ["title", "published"]].tolist() == ["Oil prices fall", "1987-02-26"]
    assert m.loc[1, ["title", "published"]].tolist() == ["", ""]
    assert m.loc[0, "sha256"] == hashlib.sha256(b"Title\n\nBody text.\n").hexdigest()
    bad = tmp_path / "bad.csv"
    bad.write_text("name,title\nx,y\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.csv: metadata table needs a 'file' column"):
        ingest.build_manifest(d, bad)
