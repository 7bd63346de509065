"""The store's schema, as numbered migrations applied in order (the version lives in schema_version)."""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: articles and one table per record kind, full-text indexes, errors, near-duplicate bands
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        url TEXT,
        title TEXT,
        outlet TEXT,
        published TEXT,
        published_source TEXT,
        month TEXT,
        dateline_place TEXT,
        dateline_date TEXT,
        dateline_agency TEXT,
        source TEXT,
        format TEXT,
        text TEXT NOT NULL,
        story_id TEXT NOT NULL,
        duplicate_of TEXT REFERENCES articles(id),
        analysis TEXT,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX articles_story ON articles(story_id);
    CREATE INDEX articles_outlet ON articles(outlet);
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_url ON articles(url);

    CREATE TABLE entities (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        id TEXT NOT NULL, name TEXT NOT NULL, type TEXT, role TEXT, country TEXT, sector TEXT,
        PRIMARY KEY (article_id, id)
    );
    CREATE INDEX entities_name ON entities(name);
    CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_id TEXT, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT, label TEXT, kind TEXT
    );
    CREATE INDEX mentions_article ON mentions(article_id);
    CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        id TEXT NOT NULL, kind TEXT, text TEXT, start INTEGER, "end" INTEGER,
        speaker_id TEXT, speaker_name TEXT, speaker_text TEXT, speaker_start INTEGER, speaker_end INTEGER,
        cue TEXT, cue_start INTEGER, cue_end INTEGER,
        PRIMARY KEY (article_id, id)
    );
    CREATE INDEX quotes_speaker ON quotes(speaker_name);
    CREATE TABLE events (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        id TEXT NOT NULL, type TEXT NOT NULL, mode TEXT, context TEXT, modality TEXT,
        attributed_to TEXT, attributed_name TEXT, quote_id TEXT, place_id TEXT, place_name TEXT,
        date TEXT, cameo_root TEXT, trigger TEXT, trigger_start INTEGER, trigger_end INTEGER,
        sentence_start INTEGER, sentence_end INTEGER,
        PRIMARY KEY (article_id, id)
    );
    CREATE INDEX events_type ON events(type);
    CREATE INDEX events_date ON events(date);
    CREATE TABLE event_actors (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        event_id TEXT NOT NULL, side TEXT NOT NULL, position INTEGER NOT NULL,
        text TEXT, start INTEGER, "end" INTEGER, entity_id TEXT, country TEXT, sector TEXT
    );
    CREATE INDEX event_actors_event ON event_actors(article_id, event_id);
    CREATE INDEX event_actors_country ON event_actors(country);
    CREATE TABLE places (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        id TEXT NOT NULL, text TEXT, start INTEGER, "end" INTEGER, geonameid INTEGER, name TEXT,
        country_code TEXT, lat REAL, lon REAL, feature TEXT, entity_id TEXT,
        PRIMARY KEY (article_id, id)
    );
    CREATE TABLE times (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        id TEXT NOT NULL, text TEXT, start INTEGER, "end" INTEGER, value TEXT, granularity TEXT,
        PRIMARY KEY (article_id, id)
    );
    CREATE TABLE frames (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        id TEXT NOT NULL, kind TEXT, text TEXT, start INTEGER, "end" INTEGER, reason TEXT,
        label_class TEXT, entity_id TEXT, in_quote INTEGER, speaker_id TEXT,
        PRIMARY KEY (article_id, id)
    );
    CREATE TABLE errors (
        source TEXT NOT NULL, problem TEXT NOT NULL, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
        times INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (source, problem)
    );
    CREATE TABLE lsh_bands (
        band INTEGER NOT NULL, hash TEXT NOT NULL, article_id TEXT NOT NULL REFERENCES articles(id)
    );
    CREATE INDEX lsh_lookup ON lsh_bands(band, hash);
    CREATE TABLE minhashes (article_id TEXT PRIMARY KEY REFERENCES articles(id), signature BLOB NOT NULL);

    CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid');
    CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker_name, content='quotes', content_rowid='rowid');
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts(rowid, text, speaker_name) VALUES (new.rowid, new.text, new.speaker_name);
    END;
    """,
    # 2: how a quote names its speaker; speakers' and actors' corpus identity (accent-folded keys)
    """
    ALTER TABLE quotes ADD COLUMN speaker_kind TEXT;
    ALTER TABLE quotes ADD COLUMN speaker_key TEXT;
    CREATE INDEX quotes_speaker_key ON quotes(speaker_key);
    ALTER TABLE event_actors ADD COLUMN key TEXT;
    CREATE INDEX event_actors_key ON event_actors(key);
    """,
]
