/* schema.sql.h — the database schema, one migration per element; migration i
 * takes user_version from i to i+1. Never edit a shipped migration: append one.
 * The schema covers the whole pipeline so later stages only fill tables. */
#ifndef ST_SCHEMA_SQL_H
#define ST_SCHEMA_SQL_H

static const char *const st_migrations[] = {
    /* 0 -> 1: articles, search, duplicates, clusters, extraction, events */
    "CREATE TABLE articles("
    "  id INTEGER PRIMARY KEY,"
    "  ext_id TEXT UNIQUE,"
    "  url TEXT UNIQUE,"
    "  source TEXT,"
    "  title TEXT,"
    "  body TEXT NOT NULL,"
    "  language TEXT,"           /* detected, ISO 639-1 */
    "  lang_meta TEXT,"          /* from the input's metadata */
    "  lang_conf REAL,"
    "  published TEXT,"
    "  ingested TEXT NOT NULL,"
    "  content_hash TEXT NOT NULL UNIQUE,"
    "  authors TEXT,"
    "  extra TEXT,"
    "  origin TEXT,"
    "  minhash BLOB,"            /* MinHash signature (src/dedup blob format) */
    "  simhash INTEGER,"
    "  dedup BLOB,"              /* the dedup index entry, to rebuild the index at open */
    "  event_id INTEGER,"
    "  story_id INTEGER,"
    "  first_story INTEGER NOT NULL DEFAULT 0"
    ");"
    "CREATE INDEX articles_published ON articles(published);"
    "CREATE INDEX articles_event ON articles(event_id);"
    "CREATE INDEX articles_story ON articles(story_id);"
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles',"
    "  content_rowid='id', tokenize='unicode61 remove_diacritics 2');"
    "CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN"
    "  INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);"
    "END;"
    "CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN"
    "  INSERT INTO articles_fts(articles_fts, rowid, title, body)"
    "  VALUES ('delete', old.id, old.title, old.body);"
    "END;"
    "CREATE TRIGGER articles_au AFTER UPDATE OF title, body ON articles BEGIN"
    "  INSERT INTO articles_fts(articles_fts, rowid, title, body)"
    "  VALUES ('delete', old.id, old.title, old.body);"
    "  INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);"
    "END;"
    "CREATE TABLE dup_pairs("
    "  a INTEGER NOT NULL, b INTEGER NOT NULL,"  /* a: the earlier article, b: the later */
    "  kind TEXT NOT NULL,"                       /* exact | near | rewrite */
    "  jaccard REAL, containment REAL, simhash_dist INTEGER,"
    "  PRIMARY KEY(a, b));"
    "CREATE TABLE stories("
    "  id INTEGER PRIMARY KEY, label TEXT, terms TEXT, entities TEXT,"
    "  first_seen TEXT, last_seen TEXT, n_articles INTEGER NOT NULL DEFAULT 0,"
    "  n_events INTEGER NOT NULL DEFAULT 0, languages TEXT, sources TEXT);"
    "CREATE TABLE events("
    "  id INTEGER PRIMARY KEY, story_id INTEGER, label TEXT, terms TEXT, entities TEXT,"
    "  first_seen TEXT, last_seen TEXT, n_articles INTEGER NOT NULL DEFAULT 0,"
    "  first_article INTEGER, languages TEXT, sources TEXT);"
    "CREATE INDEX events_story ON events(story_id);"
    "CREATE TABLE entities("
    "  id INTEGER PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL,"
    "  concept TEXT, UNIQUE(type, name));"
    "CREATE TABLE entity_aliases("
    "  entity_id INTEGER NOT NULL, alias TEXT NOT NULL, lang TEXT,"
    "  PRIMARY KEY(entity_id, alias));"
    "CREATE TABLE mentions("
    "  article_id INTEGER NOT NULL, entity_id INTEGER NOT NULL,"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT);"
    "CREATE INDEX mentions_article ON mentions(article_id);"
    "CREATE INDEX mentions_entity ON mentions(entity_id);"
    "CREATE TABLE quotes("
    "  id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL, start INTEGER, end INTEGER,"
    "  text TEXT NOT NULL, speaker TEXT, speaker_entity INTEGER, verb TEXT, sentence TEXT);"
    "CREATE INDEX quotes_article ON quotes(article_id);"
    "CREATE TABLE claims("
    "  id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL, start INTEGER, end INTEGER,"
    "  value REAL, value_text TEXT, unit TEXT, qualifier TEXT, subject TEXT,"
    "  attribution TEXT, sentence TEXT, date TEXT);"
    "CREATE INDEX claims_article ON claims(article_id);"
    "CREATE TABLE dates("
    "  article_id INTEGER NOT NULL, start INTEGER, end INTEGER, text TEXT, resolved TEXT);"
    "CREATE TABLE cameo_events("
    "  id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL,"
    "  sent_start INTEGER, sent_end INTEGER, date TEXT,"
    "  source_actor TEXT, source_name TEXT, code TEXT NOT NULL,"
    "  target_actor TEXT, target_name TEXT, place TEXT,"
    "  goldstein REAL, quad_class INTEGER, negated INTEGER NOT NULL DEFAULT 0,"
    "  text TEXT);"
    "CREATE INDEX cameo_article ON cameo_events(article_id);",
    /* 1 -> 2 (server): the story list and timelines read only these columns
     * of a story's articles; covering them keeps those reads off the rows,
     * whose bodies spill into overflow pages (5x on 20k articles). */
    "CREATE INDEX articles_story_cover ON articles(story_id, published, language, source,"
    "  event_id, ingested);",
    /* 2 -> 3: listings sort undated articles last; an index on exactly that
     * order lets a LIMIT stop early instead of sorting the whole table. */
    "CREATE INDEX articles_pub_order ON articles(published IS NULL, published, id);",
    /* 3 -> 4: the extraction store finds an entity by its concept id first;
     * without an index each lookup read the whole entities table. */
    "CREATE INDEX entities_concept ON entities(concept);",
};

#define ST_SCHEMA_VERSION ((int)(sizeof st_migrations / sizeof st_migrations[0]))

#endif
