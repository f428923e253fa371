"""Stage 01: read raw articles, verify them, normalise text, find paragraphs, headings and boilerplate.

Method
------
- **Manifest.** ``manifest.csv`` in the raw folder lists every article: ``file, sha256, title, outlet, published,
  language`` (unknown fields empty). When the raw folder has none, :func:`run_manifest` generates one (checksums
  computed, titles empty, or filled from a ``metadata.tsv``/``metadata.csv`` with a ``file`` column in the raw
  folder) and writes it into the **output** folder: the raw folder is never written. :func:`check_manifest`
  checks the manifest against the folder; a problem that concerns one file (a row that points outside the folder,
  such as ``../x.txt`` or an absolute path, or into a sub-folder, or through a symbolic link that leaves the folder;
  a malformed checksum; a file listed twice with different values; a listed file that is missing; a ``.txt`` file
  that is not listed) is a **failure of that file**, not of the run. Only an unreadable manifest stops the run.
- **Failures are isolated.** :func:`ingest_run` reads each article through :func:`ingest_article`; a bad article
  (checksum mismatch, empty, undecodable, binary, larger than :data:`MAX_ARTICLE_BYTES`, HTML instead of text, or
  nothing left after boilerplate) becomes one row of ``failures.csv`` (:data:`helpers.corpus.FAILURES_SCHEMA`)
  with a one-line reason, and every other article is analysed. Raw files are only ever opened for reading.
- **Decoding** (:func:`decode_text`), recorded in ``articles.csv: encoding``: UTF-8 first (``utf-8``; a leading
  byte-order mark is kept as a character, so offsets stay offsets into the decoded file); UTF-16 with a
  byte-order mark (``utf-16-le``/``utf-16-be``, the mark kept likewise); otherwise Windows-1252 (``cp1252``, a
  superset of Latin-1's printable characters, the usual encoding of older Western news archives), provided every
  byte is defined in it. A file that is none of these is refused with the byte offset of its first bad byte. A
  file in another single-byte encoding (Latin-2, KOI8-R, ...) would decode as cp1252 with wrong letters: the
  ``encoding`` column shows which articles to check. UTF-16 without a byte-order mark is refused as binary
  (it is full of NUL characters). Character offsets in every table are offsets into the decoded text.
- **Limits on input.** A file larger than :data:`MAX_ARTICLE_BYTES` (5 MB, about 50 times the longest news article
  in the shared corpora) is refused without being read; so is a file with a NUL character or more than 1% other
  control characters (binary), and a file that is an HTML page (it starts with ``<!DOCTYPE html``/``<html``, or
  holds 10 or more HTML tags such as ``<p>``, ``<div>``, ``<script>``): convert HTML to text first.
- **Normalisation without moving offsets.** :func:`normalise` returns a string of exactly the same length as its
  input, so every offset computed on it is an offset into the raw text:
  Unicode space separators (no-break space, narrow no-break space, thin space, ...), zero-width spaces and the
  byte-order mark become an ordinary space; ``\\r`` becomes a space before ``\\n`` and a newline elsewhere;
  Unicode NFC is applied wherever it keeps the length (singleton compositions such as U+212B ANGSTROM SIGN).
  NFC compositions that would shorten the text (a letter followed by a combining accent) are left as they are,
  because their offsets could not be mapped back; :func:`count_unnormalised` reports how many there are
  (``articles.csv: n_unnormalised``) so nothing is changed silently.
- **Paragraphs.** From the text model (:func:`helpers.text.paragraph_spans`): blank lines and sentence-ending single
  line breaks separate paragraphs; soft wraps and the line breaks of hard-wrapped text do not. Each paragraph's
  ``start``/``end`` excludes surrounding whitespace.
- **Boilerplate.** A paragraph of at most 300 characters that matches a rule of
  ``src/helpers/data/boilerplate_rules.csv`` (newsletter sign-ups, form consent lines, "follow us", copyright
  lines, ...) is ``kind = boilerplate`` and records the ``rule_id``. Short length is required so that a real
  paragraph that happens to mention a newsletter is never dropped.
- **Headings.** A single-line paragraph of at most 12 words and 90 characters that starts with an upper-case letter
  or digit, does not end in sentence punctuation or a quote mark, and is followed by another paragraph is a
  ``heading`` (e.g. "Origin of the protests"); a weekday/date line is a ``dateline``.
- :func:`analysis_text` gives later stages the normalised text with boilerplate paragraphs blanked to spaces:
  same length as the raw text, so their offsets are raw offsets too.

Limits: a one-line paragraph that is really a short sentence fragment without a full stop may be taken for a
heading; boilerplate that is not in the rule list stays in the text (add a rule, with a test).
"""
from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import unicodedata
from collections import Counter
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .paths import PACKAGE_DATA
from .tables import Column, InputError, conform, read_table, write_bytes_atomic

MANIFEST_COLUMNS = ["file", "sha256", "title", "outlet", "published", "language"]

ARTICLES_SCHEMA = [
    Column("article_id", "str", "Stable article key: the raw file name without its extension."),
    Column("file", "str", "Raw file name in the raw folder (from manifest.csv)."),
    Column("sha256", "str", "SHA-256 of the raw file's bytes, verified against the manifest."),
    Column("title", "str", "Title from the manifest (empty when unknown)."),
    Column("outlet", "str", "Publishing outlet from the manifest (empty when unknown)."),
    Column("published", "str", "Publication date, ISO YYYY-MM-DD, from the manifest (empty when unknown)."),
    Column("language", "str", "Language code from the manifest."),
    Column("encoding", "str", "How the raw bytes were decoded: utf-8, utf-16-le, utf-16-be or cp1252 (Windows-1252)."),
    Column("n_chars", "int", "Length of the decoded raw text in characters; every offset is below this."),
    Column("n_paragraphs", "int", "Paragraphs of every kind."),
    Column("n_body_paragraphs", "int", "Paragraphs of kind body."),
    Column("n_boilerplate", "int", "Paragraphs removed as site boilerplate."),
    Column("n_unnormalised", "int", "Characters NFC would compose but that were kept so offsets stay raw offsets."),
]

PARAGRAPHS_SCHEMA = [
    Column("article_id", "str", "Article key (articles.csv)."),
    Column("paragraph_id", "int", "0-based position of the paragraph in the article."),
    Column("start", "int", "Character offset of the paragraph's first character in the raw text."),
    Column("end", "int", "Character offset just past the paragraph's last character (raw_text[start:end])."),
    Column("kind", "str", "body, heading, dateline or boilerplate."),
    Column("boilerplate_rule", "str", "rule_id of the boilerplate rule that matched (empty otherwise)."),
    Column("text", "str", "The paragraph's normalised text (same length as raw_text[start:end])."),
]

# Characters replaced by an ordinary space (all one character long, so offsets do not move).
# Unicode category Zs except U+0020, plus zero-width space, word joiner and byte-order mark.
_SPACE_LIKE = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000" + "\u200b\u2060\ufeff"
_SPACE_TABLE = str.maketrans({c: " " for c in _SPACE_LIKE})
_CLUSTER = re.compile(r".[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]*", re.S)


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def normalise(text: str) -> str:
    """Normalise ``text`` without changing its length (so offsets stay raw offsets).

    >>> normalise("Jan.\\u00a010\\r\\n")
    'Jan. 10 \\n'
    >>> len(normalise("e\\u0301")) == 2   # a composition that would shorten the text is kept as is
    True
    """
    out = text.translate(_SPACE_TABLE)
    if "\r" in out:
        out = out.replace("\r\n", " \n").replace("\r", "\n")
    if not unicodedata.is_normalized("NFC", out):
        out = _CLUSTER.sub(_nfc_same_length, out)
    return out


def _nfc_same_length(m: re.Match) -> str:
    composed = unicodedata.normalize("NFC", m.group())
    return composed if len(composed) == len(m.group()) else m.group()


def count_unnormalised(text: str) -> int:
    """How many characters of ``normalise(text)`` NFC would still change (kept so offsets stay raw).

    >>> count_unnormalised("cafe\\u0301"), count_unnormalised("caf\\u00e9")
    (1, 0)
    """
    norm = normalise(text)
    if unicodedata.is_normalized("NFC", norm):
        return 0
    return sum(1 for m in _CLUSTER.finditer(norm) if not unicodedata.is_normalized("NFC", m.group()))


#: Files larger than this are refused unread (5 MB: about 50 times the longest article in the shared corpora).
MAX_ARTICLE_BYTES = 5_000_000
#: Encodings :func:`decode_text` accepts, in the order it tries them (``articles.csv: encoding``).
ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "cp1252")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
_HTML_TAG = re.compile(r"</?(?:html|head|body|div|span|p|a|br|script|style|meta|link|table|tr|td|li|ul|ol|h[1-6]"
                       r"|img|iframe|form|input|nav|footer|header|section|article)\b[^<>]{0,500}>", re.I)


def sha256_file(path: str | Path) -> str:
    """SHA-256 of a file's bytes, read in blocks (the file is only read)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def decode_text(data: bytes, path: str | Path) -> tuple[str, str]:
    """Decode one article's bytes: ``(text, encoding)``; refuse what is not a text article (see module docstring).

    >>> decode_text("Café".encode("utf-8"), "a.txt"), decode_text("Café".encode("cp1252"), "a.txt")
    (('Café', 'utf-8'), ('Café', 'cp1252'))
    >>> decode_text(b"\\xff\\xfe" + "Café".encode("utf-16-le"), "a.txt")
    ('\\ufeffCafé', 'utf-16-le')
    >>> decode_text(b"<html><body><p>Hi</p></body></html>", "a.txt")
    Traceback (most recent call last):
    helpers.tables.InputError: a.txt: an HTML page, not plain text (convert it to text first)
    """
    if not data:
        raise InputError(path, "empty file")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encoding = "utf-16-le" if data[:2] == b"\xff\xfe" else "utf-16-be"
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(path, f"not valid {encoding.upper()} at byte {exc.start} ({exc.reason})") from None
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError as exc2:
                raise InputError(path, f"not valid UTF-8 at byte {exc.start} ({exc.reason}), nor Windows-1252 "
                                       f"(byte 0x{data[exc2.start]:02x} at {exc2.start} is undefined)") from None
    check_text(text, path)
    return text, encoding


def check_text(text: str, path: str | Path) -> None:
    """Refuse decoded text that is not a plain-text article: blank, binary (NUL or >1% control characters), HTML."""
    if "\x00" in text:
        raise InputError(path, f"contains a NUL character at offset {text.index(chr(0))}: a binary file "
                               "(or UTF-16 without a byte-order mark), not text")
    if not text.strip():
        raise InputError(path, "no text (only whitespace)")
    n_control = len(_CONTROL.findall(text))
    if n_control > 0.01 * len(text):
        raise InputError(path, f"{n_control} control characters in {len(text)}: a binary file, not text")
    if _HTML_START.match(text) or len(_HTML_TAG.findall(text[:200_000])) >= 10:
        raise InputError(path, "an HTML page, not plain text (convert it to text first)")


def decode(data: bytes, path: str | Path) -> str:
    """The text of :func:`decode_text` (without the encoding); bad input is an :class:`InputError`."""
    return decode_text(data, path)[0]


def _manifest_rows(path: Path) -> list[dict]:
    """The rows of a manifest file; a manifest that cannot be read at all is an :class:`InputError` (run stops)."""
    if not path.is_file():
        raise InputError(path, "manifest not found (one row per article: " + ", ".join(MANIFEST_COLUMNS) + ")")
    try:
        # utf-8-sig: a leading byte-order mark (Excel's "CSV UTF-8") is not part of the first column's name
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise InputError(path, f"not a readable UTF-8 CSV ({exc})") from None
    if not rows:
        raise InputError(path, "manifest lists no articles")
    missing_cols = [c for c in MANIFEST_COLUMNS if c not in rows[0]]
    if missing_cols:
        raise InputError(path, f"manifest lacks columns {missing_cols}")
    return rows


def is_article_file(name: str) -> bool:
    """Whether a file of the raw folder is an article: a ``.txt`` name, in any case (``A.TXT`` too), that is not
    hidden (``.DS_Store``, macOS's ``._a.txt``).

    >>> [is_article_file(n) for n in ["a.txt", "B.TXT", "._a.txt", "notes.md", ".txt"]]
    [True, True, False, False, False]
    """
    return name.lower().endswith(".txt") and not name.startswith(".")


def check_manifest(raw_dir: str | Path, manifest_path: str | Path | None = None) -> tuple[pd.DataFrame, list]:
    """Check a manifest (default ``raw_dir/manifest.csv``) against the raw folder.

    Returns ``(entries, problems)``: the usable rows (manifest columns plus ``article_id``, sorted by article id)
    and one ``(file, reason)`` per refused row or unlisted ``.txt`` file. Only an unreadable manifest or a
    missing folder raises :class:`InputError`.
    """
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        raise InputError(raw_dir, "raw data folder not found")
    path = Path(manifest_path) if manifest_path else raw_dir / "manifest.csv"
    rows = _manifest_rows(path)
    root = raw_dir.resolve()
    with os.scandir(raw_dir) as it:
        listing = {e.name: e for e in it}
    good, problems, seen_ids = [], [], set()
    by_file: dict[str, list[tuple[int, dict]]] = {}  # file -> its rows (line, values): a file is judged once
    for line, row in enumerate(rows, start=2):
        row = {c: (row.get(c) or "").strip() for c in MANIFEST_COLUMNS}
        row["sha256"] = row["sha256"].lower()  # Get-FileHash prints upper-case hex
        by_file.setdefault(row["file"], []).append((line, row))
    for name, listed in by_file.items():
        line, row = listed[0]
        if any(r != row for _, r in listed[1:]):  # listed twice alike is harmless; differently, ambiguous
            problems.append((name, f"{path.name} lines {', '.join(str(n) for n, _ in listed)}: listed more than "
                                   "once, with different values (list each file once)"))
            continue
        if not name or name in (".", "..") or Path(name).is_absolute() or ".." in Path(name).parts:
            problems.append((name, f"{path.name} line {line}: refused: points outside the raw folder (a file must "
                                   "be a plain file name in it: no '..', not absolute)"))
            continue
        if Path(name).name != name:
            problems.append((name, f"{path.name} line {line}: refused: in a subfolder (only the raw folder's own "
                                   "files are read; move it up)"))
            continue
        if not re.fullmatch(r"[0-9a-f]{64}", row["sha256"]):
            problems.append((name, f"{path.name} line {line}: sha256 is not 64 hex digits"))
            continue
        entry = listing.get(name)
        if entry is None or not entry.is_file():
            problems.append((name, "listed in the manifest but missing from the raw folder"))
            continue
        if entry.is_symlink() and Path(entry.path).resolve().parent != root:
            problems.append((name, "refused: a symbolic link that leaves the raw folder"))
            continue
        article_id = Path(name).stem
        if article_id in seen_ids:
            problems.append((name, f"article id {article_id!r} already used by another file (same name, other "
                                   "extension)"))
            continue
        seen_ids.add(article_id)
        good.append({"article_id": article_id, **row})
    for name in sorted(listing):
        if is_article_file(name) and name not in by_file and listing[name].is_file():
            problems.append((name, f"not listed in {path.name} (not analysed)"))
    entries = pd.DataFrame(good, columns=["article_id", *MANIFEST_COLUMNS])
    return entries.sort_values("article_id", kind="stable").reset_index(drop=True), problems


def read_manifest(raw_dir: str | Path) -> pd.DataFrame:
    """Read and check ``raw_dir/manifest.csv`` strictly: the first problem of any row is an :class:`InputError`
    naming the file (:func:`check_manifest` is the lenient form that a corpus run uses)."""
    entries, problems = check_manifest(raw_dir)
    if problems:
        name, reason = problems[0]
        raise InputError(Path(raw_dir) / name, reason)
    return entries


def run_manifest(raw_dir: str | Path, out_dir: str | Path) -> Path:
    """The manifest a run uses: ``raw_dir/manifest.csv`` when there is one, else one generated by
    :func:`build_manifest` and written (atomically, identical bytes for an unchanged folder) to
    ``out_dir/manifest.csv``. The raw folder is never written."""
    raw_dir = Path(raw_dir)
    own = raw_dir / "manifest.csv"
    if own.is_file():
        return own
    if not raw_dir.is_dir():
        raise InputError(raw_dir, "raw data folder not found")
    meta = next((m for m in (raw_dir / "metadata.tsv", raw_dir / "metadata.csv") if m.is_file()), None)
    manifest = build_manifest(raw_dir, meta)
    if manifest.empty:
        raise InputError(raw_dir, "no manifest.csv and no .txt files in the raw folder")
    target = Path(out_dir) / "manifest.csv"
    write_bytes_atomic(target, manifest.to_csv(index=False, lineterminator="\n").encode("utf-8"))
    return target


def read_raw_text(raw_dir: str | Path, file: str, sha256: str) -> tuple[str, str]:
    """Read one raw article (read-only), refuse it above :data:`MAX_ARTICLE_BYTES` before reading, verify its
    checksum, decode it: ``(text, encoding)``."""
    path = Path(raw_dir) / file
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise InputError(path, f"{size:,} bytes: larger than the {MAX_ARTICLE_BYTES:,}-byte limit for one article "
                                   "(helpers.ingest.MAX_ARTICLE_BYTES)")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read ({exc.strerror or exc})") from None
    actual = sha256_bytes(data)
    if actual != sha256:
        raise InputError(path, f"checksum mismatch: manifest says {sha256[:12]}..., file is {actual[:12]}...")
    return decode_text(data, path)


def read_raw(raw_dir: str | Path, file: str, sha256: str) -> str:
    """The decoded text of :func:`read_raw_text`."""
    return read_raw_text(raw_dir, file, sha256)[0]


def iso_date(value: str) -> str:
    """An ISO ``YYYY-MM-DD`` date from common corpus date forms, '' when there is none.

    >>> iso_date("2019-01-04"), iso_date("26-FEB-1987 15:07:13.72"), iso_date("Friday, January 4, 2019"), iso_date("")
    ('2019-01-04', '1987-02-26', '2019-01-04', '')
    """
    value = (value or "").strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        return m.group(0)
    for fmt, part in (("%d-%b-%Y", r"\d{1,2}-[A-Za-z]{3}-\d{4}"), ("%B %d, %Y", r"[A-Z][a-z]+ \d{1,2}, \d{4}"),
                      ("%d %B %Y", r"\d{1,2} [A-Z][a-z]+ \d{4}")):
        m = re.search(part, value)
        if m:
            try:
                return datetime.strptime(m.group(0), fmt).date().isoformat()
            except ValueError:
                continue
    return ""


def build_manifest(raw_dir: str | Path, metadata: str | Path | None = None) -> pd.DataFrame:
    """A manifest for every article file of a folder (:func:`is_article_file`: ``.txt`` in any case, not hidden;
    subfolders are not read), checksums computed.

    With ``metadata`` (a CSV or TSV with a ``file`` column, such as a corpus's ``metadata.tsv``), ``title``,
    ``outlet`` and ``published`` are filled from its ``title``, ``outlet`` and ``published``/``date`` columns
    (dates normalised to ISO, so titles such as "the president" resolve by date); else they stay empty.
    For preparing a new folder; it returns a table and never writes into the raw folder.
    """
    meta: dict[str, dict] = {}
    if metadata:
        path = Path(metadata)
        try:
            table = pd.read_csv(path, sep="\t" if path.suffix == ".tsv" else ",", dtype=str, keep_default_na=False)
        except (OSError, pd.errors.ParserError, UnicodeDecodeError) as exc:
            raise InputError(path, f"cannot read metadata table ({getattr(exc, 'strerror', None) or exc})") from None
        if "file" not in table.columns:
            raise InputError(path, "metadata table needs a 'file' column")
        meta = {r["file"]: r for r in table.to_dict("records")}
    rows = []
    for p in sorted(Path(raw_dir).iterdir()):
        if not is_article_file(p.name) or not p.is_file():
            continue
        m = meta.get(p.name, {})
        rows.append({"file": p.name, "sha256": sha256_file(p), "title": m.get("title", ""),
                     "outlet": m.get("outlet", ""), "published": iso_date(m.get("published") or m.get("date", "")),
                     "language": m.get("language") or "en"})
    return pd.DataFrame(rows, columns=MANIFEST_COLUMNS)


# ---------------------------------------------------------------- paragraphs, headings, boilerplate

@lru_cache(maxsize=1)
def boilerplate_rules() -> tuple[tuple[str, re.Pattern, str], ...]:
    """The documented boilerplate rule list: ``(rule_id, compiled pattern, description)``."""
    with open(PACKAGE_DATA / "boilerplate_rules.csv", encoding="utf-8", newline="") as fh:
        return tuple(
            (r["rule_id"], re.compile(r["pattern"], re.IGNORECASE), r["description"]) for r in csv.DictReader(fh)
        )


BOILERPLATE_MAX_CHARS = 300


def boilerplate_rule(paragraph: str) -> str:
    """The ``rule_id`` of the first boilerplate rule matching ``paragraph`` ('' when none does).

    >>> boilerplate_rule("Sign up to receive our latest news!")
    'newsletter_signup'
    >>> boilerplate_rule("Officials said they would sign up more volunteers for the newsletter.")
    ''
    """
    p = paragraph.strip()
    if not p or len(p) > BOILERPLATE_MAX_CHARS:
        return ""
    for rule_id, pattern, _ in boilerplate_rules():
        if pattern.search(p):
            return rule_id
    return ""


def is_heading(paragraph: str) -> bool:
    """Whether a paragraph looks like a subheading (the text model's rule, :func:`helpers.text.is_heading`).

    >>> is_heading("Origin of the protests"), is_heading("The situation is critical.")
    (True, False)
    """
    from . import text as text_model
    return text_model.is_heading(paragraph)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of paragraphs, from the text model's one paragraph splitter
    (:func:`helpers.text.paragraph_spans`): blank lines and sentence-ending line breaks separate paragraphs; soft
    wraps and the line breaks of hard-wrapped text do not.

    >>> t = "One.\\n\\n  Two\\nstill two.\\nThree.\\n"
    >>> [t[a:b] for a, b in paragraph_spans(t)]
    ['One.', 'Two\\nstill two.', 'Three.']
    """
    from . import text as text_model
    return text_model.paragraph_spans(text)


def split_paragraphs(text: str, article_id: str = "") -> pd.DataFrame:
    """Paragraphs of one (normalised) article with kind and boilerplate rule; offsets into ``text``.

    Spans and kinds are the text model's (:func:`helpers.text.paragraph_spans`, :func:`helpers.text.paragraph_kinds`).

    >>> split_paragraphs("Origin of the protests\\n\\nFuel prices doubled.\\n\\nSign up for our newsletter!")["kind"].tolist()
    ['heading', 'body', 'boilerplate']
    """
    rows = paragraph_rows(text, article_id)
    return conform(pd.DataFrame(rows, columns=[c.name for c in PARAGRAPHS_SCHEMA]), PARAGRAPHS_SCHEMA)


def paragraph_rows(text: str, article_id: str = "") -> list[dict]:
    """The rows of :func:`split_paragraphs` as plain dicts (no per-article DataFrame: a corpus run builds one table
    at the end, which is most of stage 01's speed on short articles).

    >>> [r["kind"] for r in paragraph_rows("Origin of the protests\\n\\nFuel prices doubled.")]
    ['heading', 'body']
    """
    from . import text as text_model
    spans = text_model.paragraph_spans(text)
    rows = []
    for i, ((a, b), kind) in enumerate(zip(spans, text_model.paragraph_kinds(text, spans))):
        para = text[a:b]
        rows.append({"article_id": article_id, "paragraph_id": i, "start": a, "end": b, "kind": kind,
                     "boilerplate_rule": boilerplate_rule(para) if kind == "boilerplate" else "", "text": para})
    return rows


def ingest_article(raw_dir: str | Path, entry: dict) -> tuple[dict, list[dict]]:
    """Read, verify and split one manifest entry: ``(articles row, paragraph rows)``; a bad article is an
    :class:`InputError` naming its file (a pure function of the entry and the file: safe on any engine)."""
    raw, encoding = read_raw_text(raw_dir, entry["file"], entry["sha256"])
    paras = paragraph_rows(normalise(raw), entry["article_id"])
    kinds = Counter(p["kind"] for p in paras)
    if kinds["boilerplate"] == len(paras):
        raise InputError(Path(raw_dir) / entry["file"], "no article text left after removing boilerplate")
    row = {c: entry.get(c, "") for c in ["article_id", *MANIFEST_COLUMNS]}
    row.update(encoding=encoding, n_chars=len(raw), n_paragraphs=len(paras), n_body_paragraphs=kinds["body"],
               n_boilerplate=kinds["boilerplate"], n_unnormalised=count_unnormalised(raw))
    return row, paras


def _tables(results: list) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows = [r for r, _ in results]
    paras = [p for _, ps in results for p in ps]
    articles = conform(pd.DataFrame(rows, columns=[c.name for c in ARTICLES_SCHEMA]), ARTICLES_SCHEMA)
    paragraphs = conform(pd.DataFrame(paras, columns=[c.name for c in PARAGRAPHS_SCHEMA]), PARAGRAPHS_SCHEMA)
    return articles, paragraphs


def ingest(raw_dir: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Stage 01 on a whole raw folder, strictly: ``(articles, paragraphs)`` sorted by article_id; the first bad
    file is an :class:`InputError` (:func:`ingest_run` is the corpus form that skips and lists bad files)."""
    manifest = read_manifest(raw_dir)
    return _tables([ingest_article(raw_dir, entry) for entry in manifest.to_dict("records")])


STAGE = "01_ingest"


def ingest_run(raw_dir: str | Path, out_dir: str | Path | None = None, *, engine: str = "loop"):
    """Stage 01 on a corpus folder, isolating failures: ``(articles, paragraphs, failures, manifest_path)``.

    The manifest is the folder's own or, when it has none, one generated into ``out_dir`` (:func:`run_manifest`).
    Each article is read by :func:`ingest_article` through :func:`helpers.corpus.map_articles` (progress bar; a
    Dask cluster for large folders); every refused manifest row and every bad article is one row of ``failures``
    (:data:`helpers.corpus.FAILURES_SCHEMA`, stage ``01_ingest``), and every other article is in the tables.
    The default engine is a plain loop: reading and splitting takes ~0.4 ms per Reuters article, less than
    shipping it to a Dask worker (4,379 articles: 1.6 s in a loop, 6.7 s on a 2-worker local cluster).
    """
    from functools import partial

    from . import corpus

    manifest_path = run_manifest(raw_dir, out_dir) if out_dir else Path(raw_dir) / "manifest.csv"
    entries, problems = check_manifest(raw_dir, manifest_path)
    records = entries.to_dict("records")
    failed: list = []
    results = corpus.map_articles(partial(ingest_article, str(raw_dir)), records, desc="01 ingest", engine=engine,
                                  failures=failed, keys=[e["article_id"] for e in records])
    articles, paragraphs = _tables([r for r in results if r is not None])
    by_id = {e["article_id"]: e["file"] for e in records}
    rows = [{"stage": STAGE, "file": name, "article_id": "", "reason": reason} for name, reason in problems]
    rows += [{"stage": STAGE, "file": by_id[f.key], "article_id": f.key, "reason": f.reason} for f in failed]
    failures = pd.DataFrame(rows, columns=[c.name for c in corpus.FAILURES_SCHEMA])
    failures = conform(failures.sort_values(["file", "article_id", "reason"], kind="stable"), corpus.FAILURES_SCHEMA)
    return articles, paragraphs, failures, Path(manifest_path)


def analysis_text(raw: str, paragraphs: pd.DataFrame) -> str:
    """The text later stages analyse: normalised, boilerplate paragraphs blanked to spaces, same length as ``raw``.

    >>> t = "Body.\\n\\nSign up for our newsletter!"
    >>> analysis_text(t, split_paragraphs(t)).rstrip()
    'Body.'
    """
    spans = paragraphs.loc[paragraphs["kind"] == "boilerplate", ["start", "end"]].itertuples(index=False)
    return _blanked(normalise(raw), spans)


def _blanked(text: str, spans) -> str:
    """``text`` with each ``(start, end)`` span replaced by as many spaces (same length)."""
    parts, pos = [], 0
    for a, b in sorted(spans):
        parts += [text[pos:a], " " * (b - a)]
        pos = b
    parts.append(text[pos:])
    return "".join(parts)


def iter_texts(dirs: dict, article_ids: list[str] | None = None):
    """Yield ``(article_id, analysis text)`` for every article of a run (or the given ones), in article_id order,
    reading one raw file at a time (checksums verified again), so a corpus is never all in memory at once.

    Reads ``articles.csv``/``paragraphs.csv`` from ``dirs["processed"]`` and raw files from ``dirs["raw"]``.
    """
    articles = read_table(Path(dirs["processed"]) / "articles.csv", ARTICLES_SCHEMA)
    paragraphs = read_table(Path(dirs["processed"]) / "paragraphs.csv", PARAGRAPHS_SCHEMA)
    boiler = paragraphs[paragraphs["kind"] == "boilerplate"]
    spans: dict[str, list] = {}
    for aid, a, b in zip(boiler["article_id"], boiler["start"], boiler["end"]):
        spans.setdefault(aid, []).append((int(a), int(b)))
    wanted = None if article_ids is None else set(article_ids)
    rows = sorted(zip(articles["article_id"], articles["file"], articles["sha256"]))
    for article_id, file, sha256 in rows:
        if wanted is not None and article_id not in wanted:
            continue
        raw = read_raw(dirs["raw"], file, sha256)
        yield article_id, _blanked(normalise(raw), spans.get(article_id, ()))


def article_count(dirs: dict) -> int:
    """How many articles a run has (rows of ``articles.csv`` in ``dirs["processed"]``)."""
    return len(read_table(Path(dirs["processed"]) / "articles.csv", ARTICLES_SCHEMA))


def load_texts(dirs: dict) -> dict[str, str]:
    """``{article_id: analysis text}`` for every article of a run (all in memory: :func:`iter_texts` streams)."""
    return dict(iter_texts(dirs))


def main(argv: list[str]) -> int:
    """``python -m helpers.ingest manifest RAW_DIR [METADATA]``: print a manifest for a folder (it writes nothing)."""
    import sys
    if len(argv) not in (3, 4) or argv[1] != "manifest":
        print("usage: python -m helpers.ingest manifest RAW_DIR [METADATA.tsv|csv]", file=sys.stderr)
        return 2
    if not Path(argv[2]).is_dir():
        print(f"error: {argv[2]}: raw data folder not found", file=sys.stderr)
        return 2
    try:
        manifest = build_manifest(argv[2], argv[3] if len(argv) == 4 else None)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(manifest.to_csv(index=False, lineterminator="\n"))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
