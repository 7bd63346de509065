"""Queries over the store, and that user input never becomes SQL."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from dateline.cli import app
from dateline.store import query
from dateline.store.db import Store

INJECTIONS = ["x' OR 1=1 --", "'; DROP TABLE quotes; --", '" OR ""="', "ASSAULT' UNION SELECT * FROM errors --",
              "NEAR(a b)", "*", "AND OR NOT", "\\x00", "zq\x00zq", "\u202e\"\x1f"]


def test_quotes_by_speaker_and_about(store: Store) -> None:
    rows = query.quotes(store, speaker="Tsahkna")
    assert len(rows) >= 8 and all("Tsahkna" in r["speaker_name"] for r in rows)
    about = query.quotes(store, speaker="Tsahkna", about="grey zone")
    assert [r["text"] for r in about] == ["A grey zone invites aggression"]


def test_events_filters(store: Store) -> None:
    assaults = query.events(store, type="ASSAULT")
    assert assaults and {r["type"] for r in assaults} == {"ASSAULT"}
    russia = query.events(store, actor="RUS")
    assert russia and all(any(a["country"] == "RUS" for a in r["source"] + r["target"]) for r in russia)
    dated = query.events(store, since="2024-01-01", until="2024-12-31")
    assert dated and all("2024-01-01" <= r["date"] <= "2024-12-31~" for r in dated)
    kenya = query.events(store, country="KE")
    assert kenya and {r["place_country"] for r in kenya} == {"KE"}


def test_search_articles_and_quotes(store: Store) -> None:
    hits = query.search(store, "ceasefire")
    assert any("ceasefire" in r["title"].lower() for r in hits)
    assert query.search_quotes(store, "grey zone")[0]["speaker_name"] == "Margus Tsahkna"


def test_injection_strings_are_inert(store: Store) -> None:
    before = store.count("quotes"), store.count("events"), store.count("errors")
    for s in INJECTIONS:
        assert query.quotes(store, speaker=s) == []
        assert query.events(store, type=s, actor=s, country=s, since=s, until=s) == []
        query.search(store, s)
        query.search_quotes(store, s)
    assert (store.count("quotes"), store.count("events"), store.count("errors")) == before


def test_stats(store: Store) -> None:
    s = query.stats(store)
    assert s["articles"] == s["analysed"] + s["duplicates"] and s["duplicates"] == 2
    assert s["stories"] == s["analysed"] and s["errors"] == 1
    assert sum(s["events_by_type"].values()) == s["events"]


def test_query_cli_formats(store: Store) -> None:
    runner = CliRunner()
    db = str(store.path)
    out = runner.invoke(app, ["query", "quotes", "--speaker", "Kovalenko", "--db", db, "--format", "json"])
    assert out.exit_code == 0, out.output
    assert {r["speaker_name"] for r in json.loads(out.stdout)} == {"Olena Kovalenko"}
    csv_out = runner.invoke(app, ["query", "events", "--type", "CONSULT", "--db", db, "--format", "csv"])
    assert csv_out.exit_code == 0 and csv_out.stdout.splitlines()[0].startswith("date,type,mode,source")
    table = runner.invoke(app, ["query", "stats", "--db", db])
    assert table.exit_code == 0 and "articles" in table.stdout
    missing = runner.invoke(app, ["query", "stats", "--db", str(store.path.parent / "nope.db")])
    assert missing.exit_code == 2 and "no such store" in missing.output


def test_one_speaker_under_every_spelling(empty_store: Store) -> None:
    from dateline.engine.local import ingest
    from dateline.model import Article

    texts = [
        "Turkish President Recep Tayyip Erdoğan said Ankara would retaliate against any sanctions.",
        "Erdogan said on Tuesday that the talks in Brussels had gone well for his country.",
        "President Erdoğan told reporters that the economy would grow by four percent next year.",
        "The Erdogan Foundation said it had opened a school in the capital last week.",
    ]
    ingest(empty_store, [Article(text=t, url=f"https://example.org/{n}") for n, t in enumerate(texts)])
    found = query.quotes(empty_store, speaker="erdogan")
    people = [r for r in found if (r["speaker_key"] or "").startswith("person:")]
    assert len(people) == 3 and {r["speaker_kind"] for r in people} == {"named"}
    rows = query.speakers(empty_store, "Erdoğan")
    person = next(r for r in rows if r["speaker_key"] == "person:recep tayyip erdogan")
    assert person["quotes"] == 3 and set(person["names"]) == {"Recep Tayyip Erdoğan", "Erdogan", "Erdoğan"}
    assert all(not r["speaker_key"].startswith("person:") or r is person for r in rows)  # the foundation apart


def test_event_actors_carry_identity_keys(empty_store: Store) -> None:
    from dateline.engine.local import ingest
    from dateline.model import Article

    ingest(empty_store, [Article(text="Turkish President Recep Tayyip Erdoğan accused Greece of provoking "
                                      "tensions in the Aegean on Monday.", url="https://example.org/a")])
    rows = query.events(empty_store, actor="erdogan")
    assert rows and rows[0]["type"] == "ACCUSE"
    assert rows[0]["source"][0]["key"] == "person:recep tayyip erdogan"
