"""The lexicon ceiling on a hand-made PTC-layout folder: what memorising gold spans gives, and what
a lexicon learned on one half of the articles keeps on the other half."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.eval.ceiling import lexicon_ceiling

# Every article has one loaded word it shares with all others ('odious') and one of its own.
_OWN = {"1": "vile", "2": "wretched", "3": "sordid", "4": "abhorrent"}


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "articles").mkdir(parents=True)
    labels = []
    for art_id, own in _OWN.items():
        raw = f"Budget talks\n\nThe odious plan cut the budget again.\nCritics called the vote {own} on Monday.\n"
        (tmp_path / "articles" / f"article{art_id}.txt").write_text(raw, newline="")
        for word, technique in (("odious", "Loaded_Language"), (own, "Name_Calling,Labeling")):
            start = raw.index(word)
            labels.append(f"{art_id}\t{technique}\t{start}\t{start + len(word)}")
        labels.append(f"{art_id}\tDoubt\t0\t6")  # another technique: not scored
    (tmp_path / "labels-TC.tsv").write_text("\n".join(labels) + "\n")
    return tmp_path


def test_memorised_lexicon_finds_every_gold_span(tmp_path: Path) -> None:
    rows = {r.setting: r for r in lexicon_ceiling(_folder(tmp_path)).rows}
    memorised = rows["memorised"]
    assert (memorised.learned_on, memorised.scored_on) == (4, 4)
    assert (memorised.precision, memorised.recall, memorised.f1) == (1.0, 1.0, 1.0)


def test_held_out_lexicon_only_knows_the_shared_word(tmp_path: Path) -> None:
    ceiling = lexicon_ceiling(_folder(tmp_path))
    held_out = [r for r in ceiling.rows if r.setting.startswith("held out")]
    assert len(held_out) == 2
    for row in held_out:
        assert (row.learned_on, row.scored_on) == (2, 2)
        # 'odious' is flagged exactly (precision 1); the other half's own words were never seen (recall 1/2)
        assert row.precision == 1.0 and row.recall == 0.5 and row.f1 == pytest.approx(0.667)
        assert row.min_share >= 0.7  # looser shares also flag 'the odious', half outside the gold span


def test_cli_prints_one_json_object_and_rejects_a_wrong_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "frames-ceiling", "--gold", str(_folder(tmp_path / "ptc")), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["articles"] == 4 and [r["setting"] for r in data["rows"]] == [
        "memorised", "held out A->B", "held out B->A"]
    (tmp_path / "empty").mkdir()
    bad = CliRunner().invoke(app, ["eval", "frames-ceiling", "--gold", str(tmp_path / "empty")])
    assert bad.exit_code == 2 and "labels-TC.tsv" in bad.output
