"""The annotated article: one article as HTML, its statements, cues, actors, framing quotes and claims marked.

:func:`render_article` is a pure function: the chain's tables and the article text in, an HTML string out, the same
bytes for the same input. Everything is placed through the tables' character offsets, so what is marked is
exactly what the tables say.

**Marks** (each carries a ``title`` attribute: hover shows the details):

- a statement (``quotes.csv`` row): ``<mark>``, followed by a label ``<sup>[S1 direct]</sup>`` naming its speaker
  number and kind; in JupyterLab and the HTML report it is also shaded in its speaker's colour (direct: strong,
  mixed: lighter with a dashed edge, indirect: faint with a dotted edge). Nested statements ("X reported that Y
  said ...") show the innermost one;
- its cue: ``<b>``; an actor mention (``mentions.csv``): ``<u>``, canonical name and type on hover;
- a framing quote (``scare_quotes.csv``): ``<i>``; a numeric claim (``claims.csv``): ``<code>``, and ``<sup>⚑</sup>``
  when it is contested or inconsistent.

**Why semantic tags:** GitHub's notebook renderer sanitises HTML outputs: it removes ``<style>`` and ``<script>``
elements and ``style`` and ``id`` attributes (jupyter/nbviewer#450, pandas-dev/pandas#33076), but keeps plain semantic
elements such as ``<mark>``, ``<b>``, ``<i>``, ``<u>``, ``<code>``, ``<sup>`` and ``title`` attributes. So every
distinction is carried by an element and a text label first, and colour (inline ``style``) is only an addition
for JupyterLab and ``reports/report.html``. The legend lists the speaker numbers.

>>> text = "Police said 3 people were arrested. “It is calm,” Mr Smith told reporters."
>>> quotes = pd.DataFrame([
...     dict(article_id="a", kind="indirect", quote_start=12, quote_end=34, speaker="Police", speaker_start=0,
...          speaker_end=6, actor="police", cue="said", cue_start=7, cue_end=11),
...     dict(article_id="a", kind="direct", quote_start=37, quote_end=48, speaker="Mr Smith", speaker_start=50,
...          speaker_end=58, actor="", cue="told", cue_start=59, cue_end=63)])
>>> html = render_article({"quotes": quotes}, {"a": text}, "a")
>>> "<b title=\\"cue: said\\">said</b>" in html, html.count("<mark title="), "[S2 direct]" in html
(True, 2, True)
>>> render_article({"quotes": quotes}, {"a": text}, "a", kind="direct").count("<mark title=")
1
"""
from __future__ import annotations

import html as _html

import pandas as pd

from .plots import CATEGORICAL

__all__ = ["render_article", "speaker_key"]

_LAYERS = ("statement", "cue", "mention", "framing", "claim")
_KIND_STYLE = {"direct": ("55", "solid"), "mixed": ("33", "dashed"), "indirect": ("1A", "dotted")}


def speaker_key(row) -> str:
    """How a statement's speaker is named in the view: the canonical actor, else the speaker as written."""
    actor = str(row.get("actor", "") or "")
    speaker = str(row.get("speaker", "") or "")
    return actor or speaker or "(no speaker)"


def _rows(tables: dict, name: str, article_id: str) -> pd.DataFrame:
    df = tables.get(name)
    if df is None or len(df) == 0:
        return pd.DataFrame()
    if "article_id" in df.columns:
        df = df[df["article_id"] == article_id]
    return df.reset_index(drop=True)


def _esc(s: str) -> str:
    return _html.escape(str(s), quote=True)


def _select(tables: dict, article_id: str, actor: str | None, kind: str | None, source_type: str | None):
    quotes = _rows(tables, "quotes", article_id)
    mentions = _rows(tables, "mentions", article_id)
    claims = _rows(tables, "claims", article_id)
    notes = []
    if len(quotes):
        quotes = quotes.assign(_key=[speaker_key(r) for r in quotes.to_dict("records")])
        order = quotes.sort_values(["quote_start", "quote_end"], kind="stable")["_key"].tolist()
        numbers = {k: i + 1 for i, k in enumerate(dict.fromkeys(order))}
        quotes = quotes.assign(_n=quotes["_key"].map(numbers))
        if kind:
            quotes = quotes[quotes["kind"] == kind]
        if source_type:
            if "source_type" in quotes.columns:
                quotes = quotes[quotes["source_type"] == source_type]
            else:
                notes.append(f"filter source_type={source_type!r} ignored: quotes.csv has no source_type column")
        if actor:
            quotes = quotes[(quotes["_key"] == actor) | (quotes["speaker"] == actor)]
    if actor:
        if len(mentions):
            mentions = mentions[(mentions["canonical_name"] == actor) | (mentions["mention"] == actor)]
        if len(claims):
            claims = claims[claims["source"] == actor]
    return quotes, mentions, claims, notes


def _annotations(tables, article_id, quotes, mentions, claims) -> list[tuple]:
    """(start, end, layer, payload) for every mark of the article."""
    ann = []
    for q in quotes.to_dict("records"):
        ann.append((int(q["quote_start"]), int(q["quote_end"]), "statement", q))
        if int(q.get("cue_start", -1)) >= 0:
            ann.append((int(q["cue_start"]), int(q["cue_end"]), "cue", q))
    for m in mentions.to_dict("records"):
        ann.append((int(m["start"]), int(m["end"]), "mention", m))
    for s in _rows(tables, "scare_quotes", article_id).to_dict("records"):
        ann.append((int(s["start"]), int(s["end"]), "framing", s))
    for c in claims.to_dict("records"):
        ann.append((int(c["start"]), int(c["end"]), "claim", c))
    return [a for a in ann if a[0] < a[1]]


def _title(layer: str, p: dict) -> str:
    if layer == "statement":
        extra = "".join(f", {k}: {p[k]}" for k in ("cue_class", "source_type") if str(p.get(k, "") or ""))
        return (f"S{p['_n']} {p['_key']} ({p['kind']}); speaker as written: {p['speaker'] or '-'}; "
                f"cue: {p['cue'] or '-'}{extra}")
    if layer == "cue":
        return f"cue: {p['cue']}" + (f" ({p['cue_class']})" if str(p.get("cue_class", "") or "") else "")
    if layer == "mention":
        return f"{p.get('canonical_name') or p['mention']}" + (f" ({p['actor_type']})" if p.get("actor_type") else "")
    if layer == "framing":
        return f"framing quote: {p['reason']}"
    bounds = "".join(f" {k} {p[k]:g}" for k in ("lower", "upper") if pd.notna(p[k]))
    flags = ", ".join(f for f in ("contested", "inconsistent") if p[f])
    return (f"claim: {p['hedge']}{bounds}; counts: {p['counted'] or '-'}; source: {p['source']}"
            + (f"; {flags} (with claim {p['conflicts_with']})" if flags else ""))


def _open(layer: str, p: dict, colours: dict) -> tuple[str, str]:
    t = _esc(_title(layer, p))
    if layer == "statement":
        alpha, edge = _KIND_STYLE.get(p["kind"], ("33", "solid"))
        c = colours[p["_key"]]
        return (f'<mark title="{t}" style="background:{c}{alpha};border-bottom:2px {edge} {c};color:inherit">',
                "</mark>")
    if layer == "cue":
        return f'<b title="{t}">', "</b>"
    if layer == "mention":
        return f'<u title="{t}">', "</u>"
    if layer == "framing":
        return f'<i title="{t}" style="background:#EEEEEE">', "</i>"
    return f'<code title="{t}" style="font-family:inherit;background:#F0E44255">', "</code>"


def _legend(quotes: pd.DataFrame, colours: dict, notes: list[str]) -> str:
    items = []
    if len(quotes):
        counts = quotes.groupby("_key").size()
        for key, n in quotes.drop_duplicates("_key").sort_values("_n")[["_key", "_n"]].itertuples(index=False):
            c = colours[key]
            items.append(f'<mark style="background:{c}55;border-bottom:2px solid {c};color:inherit">S{n}</mark> '
                         f"{_esc(key)} ({counts[key]} statement{'s' if counts[key] != 1 else ''})")
    kinds = " · ".join(f'<mark style="background:#999999{a};border-bottom:2px {e} #555;color:inherit">{k}</mark>'
                       for k, (a, e) in _KIND_STYLE.items())
    conv = ("<mark>statement</mark> + <sup>[S<i>n</i> kind]</sup> (" + kinds + ") · <b>cue</b> · "
            "<u>actor mention</u> (hover: canonical name) · <i>framing quote</i> · <code>numeric claim</code> "
            "<sup>⚑</sup> contested or inconsistent")
    out = f"<p><b>Legend.</b> {conv}</p>"
    if items:
        out += "<p><b>Speakers.</b> " + " · ".join(items) + "</p>"
    for n in notes:
        out += f"<p><i>{_esc(n)}</i></p>"
    return out


def render_article(tables: dict[str, pd.DataFrame], texts: dict[str, str], article_id: str, *,
                   actor: str | None = None, kind: str | None = None, source_type: str | None = None,
                   legend: bool = True, max_chars: int = 50_000) -> str:
    """The article ``article_id`` of ``texts`` as HTML with the rows of ``tables`` marked in place.

    Only the first ``max_chars`` characters are shown (annotations cut there), with a line saying so: an executed
    notebook, and the report page built from it, stay readable for an article of megabytes.

    ``tables`` maps table names to frames: ``quotes`` (required for statements), and optionally ``mentions``,
    ``scare_quotes`` and ``claims`` (the chain's CSVs; rows of other articles are ignored). Filters: ``actor``
    (statements, mentions and claims of one speaker/actor, by canonical name or speaker as written), ``kind``
    (direct, mixed or indirect) and ``source_type`` (when ``quotes`` has that column; otherwise the view says
    the filter was ignored). Raises ``KeyError`` naming an unknown ``article_id``.
    """
    if article_id not in texts:
        raise KeyError(f"article_id {article_id!r} not in this run (known: {', '.join(sorted(texts)[:5])} ...)")
    text = texts[article_id]
    quotes, mentions, claims, notes = _select(tables, article_id, actor, kind, source_type)
    # a speaker's colour follows its number in the unfiltered article, so a filter never recolours anyone
    colours = {k: CATEGORICAL[(int(n) - 1) % len(CATEGORICAL)] for k, n in zip(quotes.get("_key", []),
                                                                              quotes.get("_n", []))}
    ann = _annotations(tables, article_id, quotes, mentions, claims)
    shortened = len(text) > max_chars
    if shortened:
        ann = [(a, min(b, max_chars), *rest) for a, b, *rest in ann if a < max_chars]
        text = text[:max_chars]
    cuts = sorted({0, len(text), *(a for a, *_ in ann), *(b for _, b, *_ in ann)})
    ends: dict[int, list[str]] = {}
    for a, b, layer, p in sorted(ann, key=lambda x: (x[1] - x[0], x[0])):  # inner statement's label first
        if layer == "statement":
            ends.setdefault(b, []).append(f'<sup title="{_esc(_title(layer, p))}">[S{p["_n"]} {_esc(p["kind"])}]</sup>')
        elif layer == "claim" and (p["contested"] or p["inconsistent"]):
            ends.setdefault(b, []).append(f'<sup title="{_esc(_title(layer, p))}">⚑</sup>')
    # sweep the cuts: an annotation covers the segment [lo, hi) iff it starts at or before lo and ends after lo
    # (every start and end is a cut); kept in the order of ``ann``, so ties sort as before. Linear in segments
    # times nesting depth, not segments times annotations (20,000 statements in one article: 330 s -> 1 s).
    starting: dict[int, list[int]] = {}
    for i, x in enumerate(ann):
        starting.setdefault(x[0], []).append(i)
    live: set[int] = set()
    segments = []
    for lo, hi in zip(cuts, cuts[1:]):
        live.update(starting.get(lo, ()))
        live = {i for i in live if ann[i][1] > lo}
        active = [ann[i] for i in sorted(live)]
        stmts = sorted((x for x in active if x[2] == "statement"), key=lambda x: (x[1] - x[0], x[0]))
        inner, seen = [], set()
        for x in sorted((x for x in active if x[2] != "statement"), key=lambda x: (_LAYERS.index(x[2]), x[0], x[1])):
            if x[2] not in seen:
                seen.add(x[2])
                inner.append(x)
        segments.append((lo, hi, stmts[0] if stmts else None, inner))
    parts, current = [], None
    for i, (lo, hi, stmt, inner) in enumerate(segments):
        if stmt is not current:
            if current is not None:
                parts.append("</mark>")
            if stmt is not None:
                parts.append(_open("statement", stmt[3], colours)[0])
            current = stmt
        tags = [_open(x[2], x[3], colours) for x in inner]
        parts.append("".join(o for o, _ in tags) + _esc(text[lo:hi]).replace("\n", "<br>\n")
                     + "".join(c for _, c in reversed(tags)))
        nxt = segments[i + 1][2] if i + 1 < len(segments) else None
        if current is not None and nxt is not current:
            parts.append("</mark>")
            current = None
        parts.extend(dict.fromkeys(ends.get(hi, [])))
    head = _legend(quotes, colours, notes) if legend else ""
    filt = ", ".join(f"{k}={v!r}" for k, v in (("actor", actor), ("kind", kind), ("source_type", source_type)) if v)
    caption = f"<p><b>{_esc(article_id)}</b>" + (f" (filtered: {_esc(filt)})" if filt else "") + "</p>"
    if shortened:
        caption += (f"<p><i>The first {max_chars:,} of {len(texts[article_id]):,} characters; the tables hold the "
                    "whole article.</i></p>")
    return (f'<div class="annotated-article">{caption}{head}<div style="line-height:1.7">' + "".join(parts)
            + "</div></div>")
