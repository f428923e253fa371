"""Throughput of helpers.sentiment on real news sentences, against raw VADER in the same run.

Usage: python benchmarks/bench_sentiment.py [--sentences N] [--repeat R] [--articles A] [--scaling N]

Sentences come from the unannotated corpora in shared/corpora (wikinews, reuters; the text model's sentences,
``helpers.text``), taken in sorted file order, so every run measures the same text. Measured, best of R
repeats, caches cleared before each repeat (so repeated text is not free):
  - baseline: SentimentIntensityAnalyzer().polarity_scores(sentence) (one analyzer, created beforehand)
  - score():  helpers.sentiment.score(sentence) (quotes straightened, sentence by sentence)
  - explain(): helpers.sentiment.explain(sentence)
  - toward(): helpers.sentiment.toward(paragraph, start, end) for one capitalised word per sentence, a
    stand-in for an actor mention (the learned model: features, rule engine, sentence window)
  - rule_toward(): the rule engine alone, same targets
  - stances(): helpers.sentiment.stances(article) on the first A articles (statements and mentions computed
    beforehand and passed in, so only the stance stage is timed), per character of those articles
  - article_tables(): notebook 05's whole per-article work (statement tone, stances, tone toward every actor
    mention with its voice) on the same articles, statements and mentions
  - scaling (--scaling N, default 4000; 0 skips): one hostile article "Officials spoke.\n\n" + "“Yes,” he said. " * n
    (n statements, n + 1 mentions, every "he" a reporting source) for n = N/4, N/2, N: CPU seconds of score_actors,
    score_quotes and stance_table, and each time per item relative to n = N/4 (1.00 = linear in the article)
  - actor_summary(): notebook 05's per-actor table on the actor rows of the articles (repeated, actors named
    apart) against the per-group computation it replaced (one Python function per actor and label)
Prints items/s, chars/s and time relative to the baseline on the same characters.
"""
from __future__ import annotations

import re
import sys
import time

from helpers import paths, sentiment
from helpers import text as tm


def corpus_sentences(limit: int) -> list[tuple[str, int, int, int, int]]:
    """(paragraph, sentence start, sentence end, target start, target end) for up to ``limit`` sentences."""
    out = []
    for f in paths.corpus_files():
        text = f.read_text(encoding="utf-8", errors="replace")
        for para in re.split(r"\n\s*\n", text)[1:]:
            para = para.strip()
            for s, e in tm.build(para).sentences:
                m = re.search(r"\b[A-Z][a-z]{2,}\b", para[s + 1:e])
                if m and e - s > 20:
                    out.append((para, s, e, s + 1 + m.start(), s + 1 + m.end()))
                    if len(out) >= limit:
                        return out
    return out


def clear_caches() -> None:
    from helpers.sentiment import features, lexicon, rules, sentences, words

    for fn in (lexicon._traced, words._sentence_tokens, sentences._spans, sentences.target_window, features.sentence_tone,
               features._sentence_words, features._word_keys, features._quotation_contents, rules._rows, rules._shared,
               tm.build):
        fn.cache_clear()


def timed(fn, items, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        clear_caches()
        t0 = time.perf_counter()
        for it in items:
            fn(it)
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str]) -> int:
    n = int(argv[argv.index("--sentences") + 1]) if "--sentences" in argv else 2000
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 3
    n_articles = int(argv[argv.index("--articles") + 1]) if "--articles" in argv else 20
    items = corpus_sentences(n)
    sents = [p[s:e] for p, s, e, _, _ in items]
    chars = sum(len(x) for x in sents)
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    an = SentimentIntensityAnalyzer()
    sentiment.score("warm up")
    sentiment.toward("Warm up here.", 0, 4)
    base = timed(lambda x: an.polarity_scores(x), sents, repeat)
    results = [("baseline polarity_scores", base, len(sents), chars),
               ("score()", timed(sentiment.score, sents, repeat), len(sents), chars),
               ("explain()", timed(sentiment.explain, sents, repeat), len(sents), chars),
               ("toward()", timed(lambda it: sentiment.toward(it[0], it[3], it[4]), items, repeat), len(sents), chars),
               ("rule_toward()", timed(lambda it: sentiment.rule_toward(it[0], it[3], it[4]), items, repeat),
                len(sents), chars)]
    from helpers.actors import find_mentions
    from helpers.quotes import extract_quotes

    arts = [f.read_text(encoding="utf-8", errors="replace") for f in paths.corpus_files()[:n_articles]]
    prepared = [(t, extract_quotes(t), find_mentions(t)) for t in arts]
    art_chars = sum(len(t) for t in arts)
    t_st = timed(lambda it: sentiment.stances(it[0], quotes=it[1], mentions=it[2]), prepared, repeat)
    items = [(str(k), t, q.to_dict("records"), m.to_dict("records")) for k, (t, q, m) in enumerate(prepared)]
    t_at = timed(sentiment.article_tables, items, repeat)
    t_base_art = timed(lambda t: [an.polarity_scores(t[a:b]) for a, b in tm.build(t).sentences], arts, repeat)
    print(f"{len(sents)} corpus sentences, {chars} chars; {len(arts)} articles, {art_chars} chars; best of {repeat}")
    print(f"{'function':<26}{'items/s':>12}{'chars/s':>14}{'time vs baseline':>18}")
    for name, t, k, c in results:
        print(f"{name:<26}{k / t:>12,.0f}{c / t:>14,.0f}{t / base:>17.2f}x")
    print(f"{'articles: VADER/sentence':<26}{len(arts) / t_base_art:>12,.1f}{art_chars / t_base_art:>14,.0f}{1:>17.2f}x")
    print(f"{'stances()':<26}{len(arts) / t_st:>12,.1f}{art_chars / t_st:>14,.0f}{t_st / t_base_art:>17.2f}x")
    print(f"{'article_tables()':<26}{len(arts) / t_at:>12,.1f}{art_chars / t_at:>14,.0f}{t_at / t_base_art:>17.2f}x")
    summary([r for it in items for r in sentiment.article_tables(it)[2]], repeat)
    top = int(argv[argv.index("--scaling") + 1]) if "--scaling" in argv else 4000
    if top:
        scaling([top // 4, top // 2, top], extract_quotes, find_mentions)
    return 0


def _summary_per_group(scored):
    """actor_summary as it was before issue 11's third round: one Python function per actor and label."""
    import pandas as pd

    key = scored["canonical_name"].astype(str).str.strip()
    key = key.where(key != "", scored["mention"].astype(str).str.strip())
    g = scored.assign(canonical_name=key).groupby("canonical_name", sort=True)
    out = pd.DataFrame({
        "mentions": g.size(), "mean_toward": g["toward"].mean(), "min_toward": g["toward"].min(),
        "max_toward": g["toward"].max(),
        **{k: g["toward_label"].apply(lambda s, k=k: int((s == k).sum())) for k in ("negative", "neutral", "positive")},
        "mean_sentence_vader": g["sentence_vader"].mean()}).reset_index()
    for c in ("mean_toward", "min_toward", "max_toward", "mean_sentence_vader"):
        out[c] = out[c].round(4)
    return out.sort_values(["mean_toward", "canonical_name"], kind="stable").reset_index(drop=True)


def summary(rows: list[dict], repeat: int, copies: int = 200) -> None:
    """actor_summary (notebook 05's per-actor table) against the per-group computation it replaced, on the actor
    rows of the articles above repeated ``copies`` times, each copy's actors named apart (many actors, as a
    corpus run has)."""
    import pandas as pd

    from helpers.tables import conform

    base = conform(pd.DataFrame(rows), sentiment.SENTIMENT_ACTORS_SCHEMA)
    big = pd.concat([base.assign(canonical_name=base["canonical_name"] + f" #{k}") for k in range(copies)],
                    ignore_index=True)
    best = {}
    for name, fn in [("per group", _summary_per_group), ("actor_summary()", sentiment.actor_summary)]:
        best[name] = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            out = fn(big)
            best[name] = min(best[name], time.perf_counter() - t0)
        best[name + " rows"] = len(out)
    assert sentiment.actor_summary(big).equals(_summary_per_group(big))
    print(f"\nactor_summary on {len(big)} mentions of {best['per group rows']} actors: "
          f"{best['actor_summary()']:.3f} s against {best['per group']:.3f} s per group "
          f"({best['per group'] / best['actor_summary()']:.1f}x faster, the same table)")


def scaling(sizes: list[int], extract_quotes, find_mentions) -> None:
    """Seconds per hostile article of ``n`` statements and their per-item ratio to the smallest ``n``."""
    first: dict[str, float] = {}
    print(f"\n{'n statements':<14}{'score_actors s':>16}{'score_quotes s':>16}{'stance_table s':>16}"
          f"{'per-item ratio (actors/quotes/stances vs n=' + str(sizes[0]) + ')':>52}")
    for n in sizes:
        text = "Officials spoke.\n\n" + "“Yes,” he said. " * n
        m = find_mentions(text, None)
        q = extract_quotes(text, mentions=m) if "mentions" in extract_quotes.__code__.co_varnames else extract_quotes(text)
        m.insert(0, "article_id", "a")
        q.insert(0, "article_id", "a")
        clear_caches()
        secs = {}
        for name, fn in [("actors", lambda: sentiment.score_actors(m, {"a": text}, q)),
                         ("quotes", lambda: sentiment.score_quotes(q, {"a": text})),
                         ("stances", lambda: sentiment.stance_table({"a": text}, q, m))]:
            t0 = time.process_time()  # CPU seconds: the scaling, not the machine's other load
            fn()
            secs[name] = time.process_time() - t0
            first.setdefault(name, secs[name] / n)
        ratios = "/".join(f"{secs[k] / n / first[k]:.2f}" for k in ("actors", "quotes", "stances"))
        print(f"{n:<14}{secs['actors']:>16.2f}{secs['quotes']:>16.2f}{secs['stances']:>16.2f}{ratios:>52}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
