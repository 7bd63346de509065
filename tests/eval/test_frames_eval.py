"""The SemEval-2020 span scorer on hand-made span sets, and `eval frames` on a tiny PTC-layout folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.eval.frames import read_ptc_labels, span_scores


def test_exact_match() -> None:
    s = span_scores([[(0, 10), (20, 25)]], [[(0, 10), (20, 25)]])
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)


def test_partial_overlap_gets_partial_credit() -> None:
    s = span_scores([[(0, 10)]], [[(5, 15)]])
    assert s.precision == pytest.approx(0.5) and s.recall == pytest.approx(0.5) and s.f1 == pytest.approx(0.5)
    inside = span_scores([[(0, 10)]], [[(2, 4)]])
    assert inside.precision == 1.0 and inside.recall == pytest.approx(0.2)


def test_overlapping_predictions_are_not_double_counted() -> None:
    s = span_scores([[(0, 10)]], [[(0, 6), (4, 10)]])
    assert s.recall == 1.0 and s.precision == 1.0 and s.predicted == 2
    union = span_scores([[(0, 4), (2, 8)]], [[(0, 8)]])
    assert union.precision == 1.0 and union.recall == 1.0


def test_empty_sets() -> None:
    assert span_scores([[]], [[]]).f1 == 0.0
    none_predicted = span_scores([[(0, 5)]], [[]])
    assert (none_predicted.precision, none_predicted.recall) == (0.0, 0.0)
    nothing_gold = span_scores([[]], [[(0, 5)]])
    assert (nothing_gold.precision, nothing_gold.gold) == (0.0, 0)


def test_spans_across_articles_are_averaged_over_all_spans() -> None:
    s = span_scores([[(0, 10)], [(0, 10)]], [[(0, 10)], [(20, 30)]])
    assert s.precision == pytest.approx(0.5) and s.recall == pytest.approx(0.5)


def test_eval_frames_on_a_ptc_layout_folder(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    raw = ("Senator slams the disgraceful deal\n\nThe senator called the deal a disgraceful sham.\n"
           "Critics said the reckless plan would fail.\n")
    (tmp_path / "articles" / "article1.txt").write_text(raw, newline="")
    start = raw.index("disgraceful sham")
    reckless = raw.index("reckless")
    (tmp_path / "labels-TC.tsv").write_text(
        f"1\tLoaded_Language\t{start}\t{start + len('disgraceful sham')}\n"
        f"1\tLoaded_Language\t{reckless}\t{reckless + len('reckless plan')}\n"
        f"1\tDoubt\t0\t5\n")
    labels = read_ptc_labels(tmp_path / "labels-TC.tsv")
    assert set(labels["1"]) == {"Loaded_Language", "Doubt"}
    result = CliRunner().invoke(app, ["eval", "frames", "--gold", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout)
    assert metrics["articles"] == 1 and metrics["overall"]["gold"] == 2
    assert metrics["overall"]["precision"] > 0.5 and metrics["overall"]["recall"] > 0.5


def test_eval_frames_wrong_layout(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "frames", "--gold", str(tmp_path)])
    assert result.exit_code == 2 and "labels-TC.tsv" in result.output
