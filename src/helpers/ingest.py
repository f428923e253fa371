"""Stage 01: read raw articles, verify them, normalise text, find paragraphs, headings and boilerplate.

Method
------
- **Manifest.** ``data/raw/manifest.csv`` lists every article: ``file, sha256, title, outlet, published, language``
  (unknown fields empty). :func:`read_manifest` checks it against the folder: a listed file that is missing, a
  ``.txt`` file that is not listed, a duplicate row or a checksum mismatch is an :class:`~helpers.tables.InputError`
  whose one-line message names the file. Raw files are only ever opened for reading.
- **Decoding.** Strict UTF-8 (a leading byte-order mark is kept as a character so offsets stay raw offsets).
  Undecodable bytes, an empty file, or a file with no text are errors naming the file and the byte offset.
- **Normalisation without moving offsets.** :func:`normalise` returns a string of exactly the same length as its
  input, so every offset computed on it is an offset into the raw text:
  Unicode space separators (no-break space, narrow no-break space, thin space, ...), zero-width spaces and the
  byte-order mark become an ordinary space; ``\\r`` becomes a space before ``\\n`` and a newline elsewhere;
  Unicode NFC is applied wherever it keeps the length (singleton compositions such as U+212B ANGSTROM SIGN).
  NFC compositions that would shorten the text (a letter followed by a combining accent) are left as they are,
  because their offsets could not be mapped back; :func:`count_unnormalised` reports how many there are
  (``articles.csv: n_unnormalised``) so nothing is changed silently.
- **Paragraphs.** Paragraphs are separated by blank lines; a text with no blank line but several lines is split at
  single newlines. Each paragraph's ``start``/``end`` excludes surrounding whitespace.
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
import re
import unicodedata
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .paths import PACKAGE_DATA
from .tables import Column, InputError, conform, empty_frame, read_table

MANIFEST_COLUMNS = ["file", "sha256", "title", "outlet", "published", "language"]

ARTICLES_SCHEMA = [
    Column("article_id", "str", "Stable article key: the raw file name without its extension."),
    Column("file", "str", "Raw file name in the raw folder (from manifest.csv)."),
    Column("sha256", "str", "SHA-256 of the raw file's bytes, verified against the manifest."),
    Column("title", "str", "Title from the manifest (empty when unknown)."),
    Column("outlet", "str", "Publishing outlet from the manifest (empty when unknown)."),
    Column("published", "str", "Publication date, ISO YYYY-MM-DD, from the manifest (empty when unknown)."),
    Column("language", "str", "Language code from the manifest."),
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


def decode(data: bytes, path: str | Path) -> str:
    """Decode raw bytes as strict UTF-8; empty, undecodable or blank input is an :class:`InputError`."""
    if not data:
        raise InputError(path, "empty file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not valid UTF-8 at byte {exc.start} ({exc.reason})") from None
    if not text.strip():
        raise InputError(path, "no text (only whitespace)")
    if "\x00" in text:
        raise InputError(path, f"contains a NUL character at offset {text.index(chr(0))}: not a text file")
    return text


def read_manifest(raw_dir: str | Path) -> pd.DataFrame:
    """Read and check ``raw_dir/manifest.csv`` against the folder's ``.txt`` files.

    Returns one row per article with the manifest columns plus ``article_id``; every problem is an
    :class:`InputError` naming the file.
    """
    raw_dir = Path(raw_dir)
    path = raw_dir / "manifest.csv"
    if not raw_dir.is_dir():
        raise InputError(raw_dir, "raw data folder not found")
    if not path.is_file():
        raise InputError(path, "manifest not found (one row per article: " + ", ".join(MANIFEST_COLUMNS) + ")")
    try:
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise InputError(path, f"not a readable UTF-8 CSV ({exc})") from None
    if not rows:
        raise InputError(path, "manifest lists no articles")
    missing_cols = [c for c in MANIFEST_COLUMNS if c not in rows[0]]
    if missing_cols:
        raise InputError(path, f"manifest lacks columns {missing_cols}")
    manifest = pd.DataFrame(rows, columns=MANIFEST_COLUMNS).fillna("")
    for i, name in enumerate(manifest["file"], start=2):
        if not name or Path(name).name != name:
            raise InputError(path, f"line {i}: file must be a plain file name in the raw folder, got {name!r}")
        if not re.fullmatch(r"[0-9a-f]{64}", manifest.at[i - 2, "sha256"]):
            raise InputError(path, f"line {i}: sha256 of {name} is not 64 lower-case hex digits")
    dupes = sorted(manifest["file"][manifest["file"].duplicated()].unique())
    if dupes:
        raise InputError(path, f"files listed more than once: {dupes}")
    for name in manifest["file"]:
        if not (raw_dir / name).is_file():
            raise InputError(raw_dir / name, "listed in manifest.csv but missing from the raw folder")
    unlisted = sorted(p.name for p in raw_dir.glob("*.txt") if p.name not in set(manifest["file"]))
    if unlisted:
        raise InputError(raw_dir / unlisted[0], f"missing from the manifest ({len(unlisted)} unlisted .txt file(s))")
    manifest.insert(0, "article_id", manifest["file"].map(lambda f: Path(f).stem))
    dupe_ids = sorted(manifest["article_id"][manifest["article_id"].duplicated()].unique())
    if dupe_ids:
        raise InputError(path, f"file names that differ only by extension give the same article_id: {dupe_ids}")
    return manifest.sort_values("article_id", kind="stable").reset_index(drop=True)


def read_raw(raw_dir: str | Path, file: str, sha256: str) -> str:
    """Read one raw article (read-only), verify its checksum, decode it strictly."""
    path = Path(raw_dir) / file
    data = path.read_bytes()
    actual = sha256_bytes(data)
    if actual != sha256:
        raise InputError(path, f"checksum mismatch: manifest says {sha256[:12]}..., file is {actual[:12]}...")
    return decode(data, path)


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
    """A manifest for every ``.txt`` file of a folder, checksums computed.

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
    for p in sorted(Path(raw_dir).glob("*.txt")):
        m = meta.get(p.name, {})
        rows.append({"file": p.name, "sha256": sha256_bytes(p.read_bytes()), "title": m.get("title", ""),
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
HEADING_MAX_WORDS = 12
HEADING_MAX_CHARS = 90
_DATELINE = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},?\s+\d{4}"
    r"|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December),?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2})",
)


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
    """Whether a paragraph looks like a subheading.

    >>> is_heading("Origin of the protests"), is_heading("The situation is critical.")
    (True, False)
    """
    p = paragraph.strip()
    if not p or "\n" in p or len(p) > HEADING_MAX_CHARS or len(p.split()) > HEADING_MAX_WORDS:
        return False
    if not (p[0].isupper() or p[0].isdigit()) or not any(ch.isalpha() for ch in p):
        return False
    return p[-1] not in ".!?:;,\"'“”‘’)]…-—"


_BLANK_LINE = re.compile(r"\n[ \t\f\v]*\n\s*")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of paragraphs: blocks separated by blank lines, or lines when there is no blank line.

    >>> t = "One.\\n\\n  Two\\nstill two.\\n"
    >>> [t[a:b] for a, b in paragraph_spans(t)]
    ['One.', 'Two\\nstill two.']
    """
    sep = _BLANK_LINE if _BLANK_LINE.search(text) else re.compile(r"\n\s*")
    spans, pos = [], 0
    for m in sep.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for a, b in spans:
        chunk = text[a:b]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            out.append((a + lead, a + lead + len(stripped)))
    return out


def split_paragraphs(text: str, article_id: str = "") -> pd.DataFrame:
    """Paragraphs of one (normalised) article with kind and boilerplate rule; offsets into ``text``.

    >>> split_paragraphs("Origin of the protests\\n\\nFuel prices doubled.\\n\\nSign up for our newsletter!")["kind"].tolist()
    ['heading', 'body', 'boilerplate']
    """
    spans = paragraph_spans(text)
    rows = []
    for i, (a, b) in enumerate(spans):
        para = text[a:b]
        rule = boilerplate_rule(para)
        if rule:
            kind = "boilerplate"
        elif _DATELINE.fullmatch(para.strip()):
            kind = "dateline"
        elif i + 1 < len(spans) and is_heading(para):
            kind = "heading"
        else:
            kind = "body"
        rows.append({"article_id": article_id, "paragraph_id": i, "start": a, "end": b, "kind": kind,
                     "boilerplate_rule": rule, "text": para})
    # Boilerplate found at the end drags along what follows it only if that is boilerplate too; a heading
    # immediately followed by nothing but boilerplate is not a heading.
    for r, nxt in zip(rows, rows[1:]):
        if r["kind"] == "heading" and nxt["kind"] == "boilerplate":
            r["kind"] = "body"
    return conform(pd.DataFrame(rows, columns=[c.name for c in PARAGRAPHS_SCHEMA]), PARAGRAPHS_SCHEMA)


def ingest_article(raw_dir: str | Path, entry: dict) -> tuple[dict, pd.DataFrame]:
    """Read, verify and split one manifest entry: ``(articles row, paragraphs table)``."""
    raw = read_raw(raw_dir, entry["file"], entry["sha256"])
    text = normalise(raw)
    paras = split_paragraphs(text, entry["article_id"])
    if not (paras["kind"] != "boilerplate").any():
        raise InputError(Path(raw_dir) / entry["file"], "no article text left after removing boilerplate")
    kinds = paras["kind"].value_counts()
    row = {c: entry.get(c, "") for c in ["article_id", *MANIFEST_COLUMNS]}
    row.update(n_chars=len(raw), n_paragraphs=len(paras), n_body_paragraphs=int(kinds.get("body", 0)),
               n_boilerplate=int(kinds.get("boilerplate", 0)), n_unnormalised=count_unnormalised(raw))
    return row, paras


def ingest(raw_dir: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Stage 01 on a whole raw folder: ``(articles, paragraphs)`` tables, sorted by article_id."""
    manifest = read_manifest(raw_dir)
    rows, paras = [], []
    for entry in manifest.to_dict("records"):
        row, p = ingest_article(raw_dir, entry)
        rows.append(row)
        paras.append(p)
    articles = conform(pd.DataFrame(rows), ARTICLES_SCHEMA)
    paragraphs = conform(pd.concat(paras, ignore_index=True), PARAGRAPHS_SCHEMA) if paras else empty_frame(PARAGRAPHS_SCHEMA)
    return articles, paragraphs


def analysis_text(raw: str, paragraphs: pd.DataFrame) -> str:
    """The text later stages analyse: normalised, boilerplate paragraphs blanked to spaces, same length as ``raw``.

    >>> t = "Body.\\n\\nSign up for our newsletter!"
    >>> analysis_text(t, split_paragraphs(t)).rstrip()
    'Body.'
    """
    chars = list(normalise(raw))
    for a, b in paragraphs.loc[paragraphs["kind"] == "boilerplate", ["start", "end"]].itertuples(index=False):
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def load_texts(dirs: dict) -> dict[str, str]:
    """``{article_id: analysis text}`` for every article of a run (reads articles/paragraphs from ``dirs["processed"]``
    and raw files from ``dirs["raw"]``, verifying checksums again)."""
    articles = read_table(Path(dirs["processed"]) / "articles.csv", ARTICLES_SCHEMA)
    paragraphs = read_table(Path(dirs["processed"]) / "paragraphs.csv", PARAGRAPHS_SCHEMA)
    by_article = dict(tuple(paragraphs.groupby("article_id", sort=True)))
    texts = {}
    for a in articles.itertuples(index=False):
        raw = read_raw(dirs["raw"], a.file, a.sha256)
        texts[a.article_id] = analysis_text(raw, by_article.get(a.article_id, paragraphs.iloc[0:0]))
    return texts


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
