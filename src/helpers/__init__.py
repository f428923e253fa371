"""Tested helpers behind the numbered notebooks.

Shared machinery:

- :mod:`helpers.paths`     project folders from this package's location; where a run (or a Lab exploration) writes
- :mod:`helpers.tables`    table schemas, validated atomic CSV reading and writing, one-line input errors
- :mod:`helpers.text`      the text model every stage reads: paragraphs, paired quotations and the masked skeleton,
                           the one sentence splitter and the one tokeniser, all as raw character offsets
- :mod:`helpers.wordlists` the shared word lists (abbreviations, stopwords) in ``src/helpers/data``
- :mod:`helpers.corpus`    the per-article map (a loop, or Dask), progress bars, ``failures.csv``
- :mod:`helpers.runstate`  the standard-library stamps and failure summary ``make report`` uses
- :mod:`helpers.notebooks` papermill runner: atomic, normalised, one-line errors naming notebook and cell
- :mod:`helpers.gitfilter` the normalised notebook form (git clean filter; execution counts 1..n)
- :mod:`helpers.plots`     the figure style (one colour-blind-safe palette per meaning) and ``save``/``show``: PNG+SVG files
- :mod:`helpers.tableview` ``show(df)``: text tables left-aligned and wrapped in notebooks, on GitHub too
- :mod:`helpers.dictionary` the data dictionary

One package or module per stage, named for what it extracts:

- :mod:`helpers.ingest`    manifest, checksums, decoding, failures, boilerplate               (01_ingest)
- :mod:`helpers.tokenize`  sentences.csv and tokens.csv from the text model                    (02_tokenize)
- :mod:`helpers.actors`    actor codebook and mentions (names, titles, pronouns, discovery)    (03_actors)
- :mod:`helpers.quotes`    statements, their speakers, cues and source types; framing quotes   (04_quotes)
- :mod:`helpers.sentiment` statement tone, stances, sentiment toward actors, with evidence     (05_sentiment)
- :mod:`helpers.claims`    numeric claims and their clashes                                    (06_report)
- :mod:`helpers.display`   the annotated article (HTML); :mod:`helpers.report` findings, README block
- :mod:`helpers.reportpage` reports/report.html: the executed notebooks as one offline page
- :mod:`helpers.speakergroups` who a statement counts for, in every notebook (actor, else one group per unnamed source)
- :mod:`helpers.corpusview` the view across articles: speakers, outlets, tone and stance (06_report)

Every function is a pure function of text or tables; notebooks do the I/O.
"""

__version__ = "0.1.0"
