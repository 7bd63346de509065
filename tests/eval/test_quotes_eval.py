"""The quote scorer: overlap matching, speaker agreement, and the `eval quotes` command."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dateline.cli import app
from dateline.eval.quotes import QuoteScores, same_speaker, score_article
from dateline.eval.spans import locate, match_spans, overlap_share
from dateline.model import Analysis, Article, Quote


def test_overlap_and_one_to_one_matching() -> None:
    assert overlap_share((0, 10), (5, 30)) == 0.5
    assert overlap_share((0, 10), (10, 20)) == 0.0
    assert match_spans([(0, 10), (20, 30)], [(0, 9), (2, 8), (40, 50)]) == [(0, 0)]
    assert match_spans([], [(0, 1)]) == [] and match_spans([(0, 1)], []) == []


def test_locate_exact_then_fuzzy() -> None:
    text = 'He said "we will win" and then left.'
    assert locate(text, "we will win") == (9, 20)
    start, end = locate(text, "we will  win")
    assert "we will win" in text[start:end]
    assert locate(text, "completely unrelated words here") is None


def test_same_speaker() -> None:
    assert same_speaker("Bashar al-Assad", "Assad")
    assert same_speaker("Bashar al-Assad", "Bashar al-Assad")
    assert not same_speaker("Sergei Lavrov", "Olena Kovalenko")
    assert same_speaker(None, None) and not same_speaker(None, "Assad")
    # ANNOTATION.md: accents folded; any speaker for an unnamed gold source
    assert same_speaker("Recep Tayyip Erdoğan", "Erdogan")
    assert same_speaker(None, "UNNAMED: a Western diplomatic source")
    assert same_speaker("Mevlut Cavusoglu", "UNNAMED: a senior official")


def test_score_article_counts_matches_misses_and_speakers() -> None:
    text = 'Assad said "we will win the war." Lavrov said the talks failed.'
    analysis = Analysis(article=Article(text=text), quotes=[
        Quote("Q1", "direct", "we will win the war.", 12, 32, speaker_name="Bashar al-Assad"),
        Quote("Q2", "indirect", "the talks failed", 46, 62, speaker_name="Olena Kovalenko"),
    ])
    gold = [{"kind": "direct", "speaker": "Assad", "text": "we will win the war."},
            {"kind": "indirect", "speaker": "Sergei Lavrov", "text": "the talks failed"},
            {"kind": "partial", "speaker": "Assad", "text": "Lavrov said"}]
    scores = QuoteScores()
    score_article(analysis, gold, scores, "x.txt")
    scores.finish()
    assert (scores.gold, scores.predicted, scores.matched, scores.speaker_correct) == (3, 2, 2, 1)
    assert scores.precision == 1.0 and abs(scores.recall - 2 / 3) < 1e-9
    assert {e["error"] for e in scores.errors} == {"speaker", "missed"}


def test_eval_quotes_command_json(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text('Minister says talks will resume\n\n"We are ready to talk again," Foreign Minister '
                       'Olena Kovalenko said on Tuesday.\n')
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"article": "a.txt", "quotes": [
        {"kind": "direct", "speaker": "Olena Kovalenko", "cue": "said", "text": "We are ready to talk again"}]}))
    result = CliRunner().invoke(app, ["eval", "quotes", "--gold", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout)
    assert (metrics["gold"], metrics["matched"], metrics["f1"], metrics["speaker_accuracy"]) == (1, 1, 1.0, 1.0)


def test_eval_quotes_bad_gold_is_a_clear_error(tmp_path: Path) -> None:
    gold = tmp_path / "gold.json"
    gold.write_text('{"quotes": []}')
    result = CliRunner().invoke(app, ["eval", "quotes", "--gold", str(gold)])
    assert result.exit_code == 2
    assert "article" in result.output and "gold.json" in result.output
