"""Tested helpers behind the numbered notebooks.

One module per stage, named for what it extracts:

- :mod:`helpers.paths`     project folders, computed from this package's own location
- :mod:`helpers.tables`    table schemas, validated atomic CSV reading and writing, one-line input errors
- :mod:`helpers.wordlists` the shared word lists (abbreviations, stopwords) in ``src/helpers/data``
- :mod:`helpers.notebooks` papermill runner: atomic, normalised, one-line errors (``make report``)
- :mod:`helpers.figures`   byte-reproducible PNG figures; :mod:`helpers.dictionary` the data dictionary
- :mod:`helpers.ingest`    manifest, checksums, normalisation, boilerplate, paragraphs   (01_ingest)
- :mod:`helpers.tokenize`  sentences and word tokens with character spans                (02_tokenize)
- :mod:`helpers.actors`    actor codebook and mentions                                   (03_actors)
- :mod:`helpers.quotes`    quoted statements and their speakers; scare quotes            (04_quotes)
- :mod:`helpers.sentiment` tone of statements and toward actors, with evidence           (05_sentiment)

Every function is a pure function of text or tables; notebooks do the I/O.
"""

__version__ = "0.1.0"
