"""The learned toward model: measured on NewsMTSC dev splits, transparent, reproducible weights."""
from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

from helpers import paths, sentiment
from helpers.sentiment import features, learned

ROOT = Path(__file__).resolve().parents[1]
CORPUS = paths.SHARED / "corpora" / "newsmtsc-train-dev"
sys.path.insert(0, str(ROOT / "scripts"))
import eval_newsmtsc  # noqa: E402
import train_toward  # noqa: E402

sys.path.pop(0)


@pytest.fixture(scope="module")
def dev_results():
    if not CORPUS.is_dir():
        pytest.fail(f"{CORPUS}: NewsMTSC dev splits are needed to measure toward")
    return {split: eval_newsmtsc.evaluate(train_toward.load(CORPUS / f"{split}.jsonl"))
            for split in ("dev-rw", "dev-mt")}


def test_toward_reaches_68_on_dev_rw_and_beats_the_sentence_baseline_on_both_dev_splits(dev_results):
    rw, mt = dev_results["dev-rw"], dev_results["dev-mt"]
    assert rw["toward (learned)"][0] >= 68.0
    for res in (rw, mt):
        assert res["toward (learned)"][0] >= res["sentence VADER baseline"][0] + 10
        cm = res["toward (learned)"][2]
        assert all(cm[k][k] > 0 for k in range(3))  # every class is predicted correctly sometimes


def test_weights_file_has_provenance_and_is_small():
    text = learned.WEIGHTS_FILE.read_text(encoding="utf-8")
    head = [line for line in text.splitlines() if line.startswith("#")]
    joined = " ".join(head)
    for must in ("NewsMTSC", "b9d9b79704ed1b35cecaf1d7c2343dc1bd734fb7", "MIT", "sha256", "scripts/train_toward.py"):
        assert must in joined
    assert learned.WEIGHTS_FILE.stat().st_size < 400_000
    m = learned.model()
    assert 500 < len(m.weights) < 20_000
    assert "pickle" not in Path(learned.__file__).read_text(encoding="utf-8").replace("no pickle", "")


def test_weights_file_matches_the_training_script_settings():
    text = learned.WEIGHTS_FILE.read_text(encoding="utf-8")
    assert f"C={train_toward.C}," in text and f"min_count={train_toward.MIN_COUNT}," in text


def test_label_of_toward_is_the_most_probable_class():
    t = "The senator, a respected former judge, was praised for her courage, but critics attacked her allies."
    for target in ("The senator", "critics", "her allies"):
        s = t.index(target)
        p = sentiment.toward_probabilities(t, s, s + len(target))
        best = learned.CLASSES[max(range(3), key=p.__getitem__)]
        assert sentiment.label(sentiment.toward(t, s, s + len(target))) == best
        assert math.isclose(sum(p), 1.0)


def test_evidence_rebuilds_the_logits():
    t = "Rebels brutally killed the mayor, who was loved by the town."
    for s, e in ((0, 6), (27, 32)):
        ev = sentiment.toward_evidence(t, s, e)
        z = learned.logits(features.target_features(t, s, e)[0])
        for k, col in enumerate(("to_negative", "to_neutral", "to_positive")):
            assert math.isclose(ev[col].sum(), z[k], abs_tol=1e-4)
        words = ev[ev["start"] >= 0]
        assert len(words) and all(t[r.start:r.end] == r.token for r in words.itertuples())
        assert list(ev.columns) == sentiment.TOWARD_EVIDENCE_COLUMNS
        order = ev["contribution"].abs().tolist()[:-1]
        assert order == sorted(order, reverse=True)


def test_clear_cases_on_constructed_sentences():
    def tw(text, target):
        s = text.index(target)
        return sentiment.toward(text, s, s + len(target))

    assert tw("Rebels brutally killed the mayor.", "Rebels") < 0
    assert tw("The firefighters heroically saved the children.", "The firefighters") > 0
    assert tw("The committee met on Tuesday in Geneva.", "The committee") == 0.0
    assert tw("Critics accused the governor of corruption.", "the governor") < 0


def test_features_skip_the_target_words_and_use_the_sentence_only():
    t = "Corrupt officials stole millions. The mayor opened a school."
    f, _ = features.target_features(t, t.index("The mayor"), t.index("The mayor") + 9)
    assert not any(k.endswith((":mayor", ":corrupt", ":stole")) for k in f)
    assert "near:school" in f and "L1:the" not in f

