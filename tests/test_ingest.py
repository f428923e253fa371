"""Stage 01: manifest checks, decoding errors, offset-preserving normalisation, paragraphs, boilerplate, headings."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from helpers import ingest, paths, tables
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
    (b"Caf\x81 society\n", "not valid UTF-8 at byte 3"),  # 0x81 is undefined in Windows-1252 too
    (b"   \n\n  ", "no text"),
    (b"PK\x03\x04\x00\x00binary", "NUL character"),
    ("Text".encode("utf-16-le"), "NUL character"),  # UTF-16 without a byte-order mark
    (b"<!DOCTYPE html>\n<html><head><title>x</title></head><body><p>Hi</p></body></html>", "an HTML page"),
    (b"<div>" * 12 + b"Some words", "an HTML page"),
    (b"text" + b"\x01\x02\x03" * 10, "control characters"),
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
    with pytest.raises(InputError, match=r"extra\.txt: not listed in manifest\.csv"):
        ingest.read_manifest(d)
    d2 = _folder(tmp_path / "x", {"a.txt": b"Text.\n"})
    (d2 / "a.txt").unlink()
    with pytest.raises(InputError, match=r"a\.txt: listed in the manifest but missing"):
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


# ------------------------------------------------------------------------------ corpus runs (issue 11)

def _digest(folder: Path) -> dict:
    """Every file of a folder with its bytes' checksum, size and modification time."""
    return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(folder.iterdir())}


def test_ingest_run_skips_bad_articles_lists_them_and_analyses_the_rest(tmp_path):
    good = "Prices rose.\n\nThe minister said: “We will act.”\n"
    files = {"good one.txt": good.encode("utf-8"), "ñandú.txt": good.encode("utf-8"), "empty.txt": b"",
             "bad bytes.txt": b"Caf\x81\x8d", "page.txt": b"<html><body><p>x</p></body></html>",
             "nul.txt": b"a\x00b", "all boilerplate.txt": b"Sign up for our newsletter!\n"}
    d = _folder(tmp_path, files)
    with open(d / "manifest.csv", "a", encoding="utf-8") as fh:
        fh.write(f"../outside.txt,{'0' * 64},,,,en\n/etc/passwd,{'0' * 64},,,,en\nsub/x.txt,{'0' * 64},,,,en\n"
                 f"good one.txt,{'0' * 64},,,,en\nmissing.txt,{'0' * 64},,,,en\nshort.txt,abc,,,,en\n")
    (d / "unlisted.txt").write_text("Not in the manifest.\n", encoding="utf-8")
    (tmp_path / "outside.txt").write_text("Outside the folder.\n", encoding="utf-8")
    os.symlink(tmp_path / "outside.txt", d / "link.txt")
    link_sha = hashlib.sha256(b"Outside the folder.\n").hexdigest()
    with open(d / "manifest.csv", "a", encoding="utf-8") as fh:
        fh.write(f"link.txt,{link_sha},,,,en\n")
        fh.write(f"ñandú.txt,{hashlib.sha256(good.encode()).hexdigest()},,,,en\n")  # listed twice alike: harmless
    before = _digest(d)
    articles, paragraphs, failures, manifest = ingest.ingest_run(d, tmp_path / "out")
    assert _digest(d) == before  # raw input never modified
    assert manifest == d / "manifest.csv" and not (tmp_path / "out" / "manifest.csv").exists()
    assert articles["file"].tolist() == ["ñandú.txt"]  # "good one.txt" is listed twice, differently: ambiguous
    assert set(paragraphs["article_id"]) == {"ñandú"}
    reasons = dict(zip(failures["file"], failures["reason"]))
    assert set(reasons) == {"empty.txt", "bad bytes.txt", "page.txt", "nul.txt", "all boilerplate.txt",
                            "../outside.txt", "/etc/passwd", "sub/x.txt", "missing.txt", "short.txt",
                            "unlisted.txt", "link.txt"} | {"good one.txt"}  # the two different rows
    assert len(failures) == len(reasons)  # one row per file
    assert "outside the raw folder" in reasons["../outside.txt"] and "outside" in reasons["/etc/passwd"]
    assert "in a subfolder" in reasons["sub/x.txt"]
    assert "not valid UTF-8" in reasons["bad bytes.txt"] and "HTML" in reasons["page.txt"]
    assert "symbolic link" in reasons["link.txt"] and "more than once" in reasons["good one.txt"]
    assert "no article text left" in reasons["all boilerplate.txt"]
    assert (failures["stage"] == "01_ingest").all()
    assert all("\n" not in r for r in failures["reason"])


def test_failing_articles_do_not_change_the_others(tmp_path):
    text = "Prices rose.\n\nThe minister said: “We will act.”\n"
    alone = ingest.ingest_run(_folder(tmp_path / "a", {"x.txt": text.encode()}), tmp_path / "oa")
    mixed = ingest.ingest_run(_folder(tmp_path / "b", {"x.txt": text.encode(), "y.txt": b""}), tmp_path / "ob")
    assert alone[0].equals(mixed[0]) and alone[1].equals(mixed[1]) and len(mixed[2]) == 1


@pytest.mark.parametrize("data, encoding", [
    (b"\xff\xfe" + "The minister said: “Café”.\n".encode("utf-16-le"), "utf-16-le"),
    (b"\xfe\xff" + "The minister said: “Café”.\n".encode("utf-16-be"), "utf-16-be"),
    ("The minister said: “Café”.\n".encode("cp1252"), "cp1252"),
    ("\ufeffThe minister said: “Café”.\n".encode("utf-8"), "utf-8"),
])
def test_encodings_are_decoded_and_recorded(tmp_path, data, encoding):
    d = _folder(tmp_path, {"a.txt": data})
    articles, paragraphs, failures, _ = ingest.ingest_run(d, tmp_path / "out")
    assert failures.empty and articles.loc[0, "encoding"] == encoding
    text = ingest.read_raw(d, "a.txt", articles.loc[0, "sha256"])
    assert text.lstrip("\ufeff") == "The minister said: “Café”.\n"
    assert articles.loc[0, "n_chars"] == len(text)  # offsets are offsets into the decoded text (BOM kept)
    p = paragraphs.iloc[0]
    assert ingest.normalise(text[p.start:p.end]) == p.text


def test_size_limit_refuses_without_reading(tmp_path, monkeypatch):
    d = _folder(tmp_path, {"big.txt": b"word " * 300, "ok.txt": b"Fine.\n"})
    monkeypatch.setattr(ingest, "MAX_ARTICLE_BYTES", 1000)
    read = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self.name) or real(self))
    articles, _, failures, _ = ingest.ingest_run(d, tmp_path / "out")
    assert articles["file"].tolist() == ["ok.txt"] and "big.txt" not in read
    assert "1,500 bytes: larger than the 1,000-byte limit" in failures.set_index("file").loc["big.txt", "reason"]


def test_manifest_is_generated_in_the_output_folder_never_the_input(tmp_path):
    d = tmp_path / "raw folder"
    d.mkdir()
    (d / "b é.txt").write_bytes("Second.\n".encode())
    (d / "a.txt").write_bytes("First.\n".encode())
    (d / "notes.md").write_bytes(b"not an article")
    (d / "metadata.tsv").write_text("file\ttitle\tdate\na.txt\tFirst title\t2020-01-02\n", encoding="utf-8")
    before = _digest(d)
    articles, _, failures, manifest = ingest.ingest_run(d, tmp_path / "out")
    assert _digest(d) == before and manifest == tmp_path / "out" / "manifest.csv"
    assert articles["file"].tolist() == ["a.txt", "b é.txt"] and failures.empty
    assert articles.loc[0, ["title", "published"]].tolist() == ["First title", "2020-01-02"]
    first = manifest.read_bytes()
    ingest.ingest_run(d, tmp_path / "out")
    assert manifest.read_bytes() == first  # same folder, same bytes
    with pytest.raises(InputError, match="no manifest.csv and no .txt files"):
        (tmp_path / "empty").mkdir()
        ingest.ingest_run(tmp_path / "empty", tmp_path / "out2")


def test_strict_ingest_still_stops_at_the_first_bad_file(tmp_path):
    d = _folder(tmp_path, {"a.txt": b"Fine.\n", "b.txt": b""})
    with pytest.raises(InputError, match=r"b\.txt: empty file"):
        ingest.ingest(d)


def test_paragraph_rows_are_split_paragraphs(seed_raw):
    texts = [ingest.normalise(seed_raw)] + [ingest.normalise(p.read_text(encoding="utf-8"))
                                            for p in paths.corpus_files()[:40]]
    for t in texts:
        assert ingest.conform(pd.DataFrame(ingest.paragraph_rows(t, "x")), ingest.PARAGRAPHS_SCHEMA).equals(
            ingest.split_paragraphs(t, "x"))


def test_iter_texts_streams_the_same_texts_as_load_texts(tmp_path):
    d = _folder(tmp_path, {"b.txt": b"Two.\n\nSign up for our newsletter!\n", "a.txt": b"One.\n"})
    articles, paragraphs, _, _ = ingest.ingest_run(d, tmp_path / "out")
    dirs = {"raw": d, "processed": tmp_path / "out"}
    tables.write_table(articles, dirs["processed"] / "articles.csv", ingest.ARTICLES_SCHEMA)
    tables.write_table(paragraphs, dirs["processed"] / "paragraphs.csv", ingest.PARAGRAPHS_SCHEMA)
    it = ingest.iter_texts(dirs)
    assert not isinstance(it, (list, dict)) and next(it)[0] == "a"
    assert dict(ingest.iter_texts(dirs)) == ingest.load_texts(dirs)
    assert ingest.load_texts(dirs)["b"].rstrip() == "Two."
    for aid, text in ingest.iter_texts(dirs):
        raw = (d / f"{aid}.txt").read_text(encoding="utf-8")
        assert text == ingest.analysis_text(raw, paragraphs[paragraphs["article_id"] == aid])


def test_a_manifest_from_excel_or_powershell_is_read(tmp_path):
    # a byte-order mark and CRLF (Excel's "CSV UTF-8"), upper-case checksums (PowerShell's Get-FileHash)
    text = b"Prices rose.\n"
    manifest = ("\ufefffile,sha256,title,outlet,published,language\r\n"
                f"a.txt,{hashlib.sha256(text).hexdigest().upper()},A title,,,en\r\n")
    d = _folder(tmp_path, {"a.txt": text}, manifest)
    articles, _, failures, _ = ingest.ingest_run(d, tmp_path / "out")
    assert articles["file"].tolist() == ["a.txt"] and articles["title"].tolist() == ["A title"] and failures.empty
    assert articles["sha256"].tolist() == [hashlib.sha256(text).hexdigest()]


def test_a_bad_row_is_one_failure_not_also_an_unlisted_file(tmp_path):
    d = _folder(tmp_path, {"a.txt": b"Prices rose.\n"}, "file,sha256,title,outlet,published,language\na.txt,xyz,,,,en\n")
    failures = ingest.ingest_run(d, tmp_path / "out")[2]
    assert failures["file"].tolist() == ["a.txt"] and "64 hex digits" in failures["reason"].iloc[0]


def test_upper_case_extensions_are_articles_and_hidden_files_are_not(tmp_path):
    d = tmp_path / "raw"
    d.mkdir()
    for name in ("A.TXT", "b.Txt", ".hidden.txt", "._b.txt", "notes.md"):
        (d / name).write_text("Prices rose.\n", encoding="utf-8")
    assert ingest.build_manifest(d)["file"].tolist() == ["A.TXT", "b.Txt"]
    articles, _, failures, manifest = ingest.ingest_run(d, tmp_path / "out")
    assert articles["article_id"].tolist() == ["A", "b"] and failures.empty
