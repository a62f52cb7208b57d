/**
 * The schema, as an ordered list of migrations. `PRAGMA user_version` records how many have run;
 * migration N takes the database from version N-1 to N. Never edit a shipped migration: add one.
 */

/** One step of the schema. */
export interface Migration {
  version: number;
  sql: string;
}

// Text columns hold ISO-8601 UTC strings, which sort as they read. `seq` is an INTEGER PRIMARY
// KEY (a stable rowid, unlike the implicit one VACUUM may renumber) so the FTS rows can point at it.
const v1 = `
CREATE TABLE conversations (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  pinned INTEGER NOT NULL DEFAULT 0,
  archived INTEGER NOT NULL DEFAULT 0,
  deleted_at TEXT,
  system_prompt TEXT NOT NULL DEFAULT '',
  current_leaf_id TEXT,
  source_key TEXT UNIQUE,
  message_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX conversations_sidebar ON conversations (archived, deleted_at, pinned DESC, updated_at DESC, seq DESC);
CREATE INDEX conversations_trash ON conversations (deleted_at) WHERE deleted_at IS NOT NULL;

-- parent_id has no foreign key on purpose: a cascade down a 5,000-message chain would recurse
-- past SQLite's trigger depth; subtrees are deleted explicitly with a recursive query instead.
-- messages_tree answers "the versions of this message" and "the children of this message".
CREATE TABLE messages (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  parent_id TEXT,
  role TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant')),
  content TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('done', 'streaming', 'interrupted', 'error')),
  error_json TEXT,
  model TEXT,
  usage_json TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX messages_conversation ON messages (conversation_id, created_at);
CREATE INDEX messages_tree ON messages (conversation_id, parent_id, role, created_at);
CREATE INDEX messages_streaming ON messages (status) WHERE status = 'streaming';

CREATE TRIGGER messages_count_insert AFTER INSERT ON messages BEGIN
  UPDATE conversations SET message_count = message_count + 1 WHERE id = new.conversation_id;
END;
CREATE TRIGGER messages_count_delete AFTER DELETE ON messages BEGIN
  UPDATE conversations SET message_count = message_count - 1 WHERE id = old.conversation_id;
END;

`;

// Version 2 adds search. It backfills the index from the rows already there, so a library
// written by a build without search becomes searchable when it is upgraded.
const v2 = `
-- Search. The indexed text is derived (each CJK character spaced out into its own token, see
-- searchText.ts), so the FTS tables are contentless and snippets are cut from the original text.
-- Prefix indexes for one and two letters keep the first keystrokes of a query fast (longer
-- prefixes expand to few enough terms to merge quickly; a third index would slow every write).
CREATE VIRTUAL TABLE message_fts USING fts5 (body, content = '', contentless_delete = 1, prefix = '1 2');
CREATE VIRTUAL TABLE title_fts USING fts5 (title, content = '', contentless_delete = 1, prefix = '1 2');

-- A streaming message is indexed once it stops streaming, so the throttled updateContent during a
-- stream stays a single cheap UPDATE. penpal_search_text is registered by the store on open.
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages WHEN new.status <> 'streaming' BEGIN
  INSERT INTO message_fts (rowid, body) VALUES (new.seq, penpal_search_text(new.content));
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF content, status ON messages
WHEN (old.status <> 'streaming' OR new.status <> 'streaming')
  AND (old.content IS NOT new.content OR old.status IS NOT new.status) BEGIN
  DELETE FROM message_fts WHERE rowid = old.seq;
  INSERT INTO message_fts (rowid, body)
    SELECT new.seq, penpal_search_text(new.content) WHERE new.status <> 'streaming';
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
  DELETE FROM message_fts WHERE rowid = old.seq;
END;

CREATE TRIGGER conversations_fts_insert AFTER INSERT ON conversations BEGIN
  INSERT INTO title_fts (rowid, title) VALUES (new.seq, penpal_search_text(new.title));
END;
CREATE TRIGGER conversations_fts_update AFTER UPDATE OF title ON conversations BEGIN
  DELETE FROM title_fts WHERE rowid = old.seq;
  INSERT INTO title_fts (rowid, title) VALUES (new.seq, penpal_search_text(new.title));
END;
CREATE TRIGGER conversations_fts_delete AFTER DELETE ON conversations BEGIN
  DELETE FROM title_fts WHERE rowid = old.seq;
END;
INSERT INTO message_fts (rowid, body)
  SELECT seq, penpal_search_text(content) FROM messages WHERE status <> 'streaming';
INSERT INTO title_fts (rowid, title) SELECT seq, penpal_search_text(title) FROM conversations;
`;

// Version 3: a way back and an import that never shows half its work.
// A deleted message keeps its row: deleted_at says when, deleted_by names the message the user
// deleted (every row of that subtree carries it, so a restore brings back exactly that subtree),
// and leaf_before_delete (on that message only) remembers which branch was shown. Rows are purged
// when the Trash is emptied or 30 days later. message_count counts visible messages only.
// conversations.import_id marks rows an import has staged but not yet made visible.
const v3 = `
ALTER TABLE messages ADD COLUMN deleted_at TEXT;
ALTER TABLE messages ADD COLUMN deleted_by TEXT;
ALTER TABLE messages ADD COLUMN leaf_before_delete TEXT;
CREATE INDEX messages_deleted ON messages (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX messages_deleted_by ON messages (deleted_by) WHERE deleted_by IS NOT NULL;

DROP TRIGGER messages_count_delete;
CREATE TRIGGER messages_count_delete AFTER DELETE ON messages WHEN old.deleted_at IS NULL BEGIN
  UPDATE conversations SET message_count = message_count - 1 WHERE id = old.conversation_id;
END;
CREATE TRIGGER messages_count_soft_delete AFTER UPDATE OF deleted_at ON messages
WHEN (old.deleted_at IS NULL) <> (new.deleted_at IS NULL) BEGIN
  UPDATE conversations
  SET message_count = message_count + (CASE WHEN new.deleted_at IS NULL THEN 1 ELSE -1 END)
  WHERE id = new.conversation_id;
END;

ALTER TABLE conversations ADD COLUMN import_id TEXT;
CREATE INDEX conversations_staged ON conversations (import_id) WHERE import_id IS NOT NULL;
`;

// Version 4: a message cut to Penpal's size limit (an imported one, or a streamed answer that
// would not stop) says how many characters were cut, so the UI can show it.
const v4 = `
ALTER TABLE messages ADD COLUMN truncated_chars INTEGER NOT NULL DEFAULT 0;
`;

// Version 5: what the model sees. A conversation has a persona and a memory setting (null: the
// default); a message can carry a "clear context here" divider; an answer records the request it
// was made from (answer_contexts, one row per answer, so opening a conversation does not read
// them) and its estimated cost; token counts are cached per message and encoding; a
// conversation's rolling summaries follow the branch they fold (through_message_id is on it).
// Personas are soft-deleted (deleted_at) for undo; their fields are one JSON document validated
// by the contract's schema on every read.
const v5 = `
ALTER TABLE conversations ADD COLUMN persona_id TEXT;
ALTER TABLE conversations ADD COLUMN memory_json TEXT;
ALTER TABLE messages ADD COLUMN context_break INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN context_recorded INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN dropped_to_fit INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN cost REAL;

CREATE TABLE answer_contexts (
  message_id TEXT PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
  context_json TEXT NOT NULL
);

CREATE TABLE token_counts (
  message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  encoding TEXT NOT NULL,
  tokens INTEGER NOT NULL,
  PRIMARY KEY (message_id, encoding)
) WITHOUT ROWID;

CREATE TABLE summaries (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  through_message_id TEXT NOT NULL,
  text TEXT NOT NULL,
  version INTEGER NOT NULL,
  edited INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX summaries_conversation ON summaries (conversation_id, version DESC);

CREATE TABLE personas (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  built_in TEXT,
  fields_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
`;

// Version 6: journals. A journal is one imported diary (soft-deleted for undo); its entries are
// dated days (date NULL: the source gave none). source_key is the parser's stable identity of an
// entry, unique per journal, so importing the same files again adds nothing twice. Entries are
// searched like messages: a contentless FTS table over penpal_search_text(title + text), rowid =
// entries.seq, bm25-rankable for retrieval. No prefix indexes (unlike message_fts): they doubled
// the time to save a 7,461-entry diary, and a prefix query works without them, only less fast.
// excluded entries are never sent to a model.
const v6 = `
CREATE TABLE journals (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  owner_name TEXT NOT NULL,
  birth_year INTEGER,
  source_key TEXT NOT NULL,
  format TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX journals_source ON journals (source_key) WHERE deleted_at IS NULL;

CREATE TABLE entries (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  journal_id TEXT NOT NULL REFERENCES journals (id) ON DELETE CASCADE,
  date TEXT,
  time TEXT,
  time_zone TEXT,
  title TEXT,
  text TEXT NOT NULL,
  tags_json TEXT NOT NULL DEFAULT '[]',
  source_file TEXT NOT NULL,
  source_key TEXT NOT NULL,
  language TEXT,
  excluded INTEGER NOT NULL DEFAULT 0,
  edited INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  UNIQUE (journal_id, source_key)
);
CREATE INDEX entries_by_date ON entries (journal_id, date);

CREATE VIRTUAL TABLE entry_fts USING fts5 (body, content = '', contentless_delete = 1);
CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
  INSERT INTO entry_fts (rowid, body)
    VALUES (new.seq, penpal_search_text(coalesce(new.title, '') || char(10) || new.text));
END;
CREATE TRIGGER entries_fts_update AFTER UPDATE OF title, text ON entries BEGIN
  DELETE FROM entry_fts WHERE rowid = old.seq;
  INSERT INTO entry_fts (rowid, body)
    VALUES (new.seq, penpal_search_text(coalesce(new.title, '') || char(10) || new.text));
END;
CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
  DELETE FROM entry_fts WHERE rowid = old.seq;
END;
`;

// Version 7: younger-self conversations. A conversation tied to a journal period: the period
// (inclusive days), the writer's name and birth year as the user gave them, the language of the
// prompt, whether the user agreed to send the whole period when it fits, and the period summary
// (month by month, made once by the model, editable). younger_self_sources lists, per answer, the
// entries sent with it (what its "Sources" list shows and what recency boosts), in rank order.
const v7 = `
CREATE TABLE younger_self_chats (
  conversation_id TEXT PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
  journal_id TEXT NOT NULL REFERENCES journals (id) ON DELETE CASCADE,
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  name TEXT NOT NULL,
  birth_year INTEGER,
  language TEXT NOT NULL,
  agreed_whole INTEGER NOT NULL DEFAULT 0,
  summary_text TEXT,
  summary_edited INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX younger_self_by_journal ON younger_self_chats (journal_id);

CREATE TABLE younger_self_sources (
  seq INTEGER PRIMARY KEY,
  answer_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  entry_id TEXT NOT NULL,
  date TEXT NOT NULL,
  title TEXT,
  position INTEGER NOT NULL
);
CREATE INDEX younger_self_sources_answer ON younger_self_sources (answer_id, position);
CREATE INDEX younger_self_sources_recent ON younger_self_sources (conversation_id, seq DESC);
`;

// Version 8: the provider a conversation answers with, by the id of a saved provider in
// the settings file (null: the provider in use). Not a foreign key: providers live in the
// settings file, and a conversation keeps its choice when its provider is removed, so adding it
// again brings it back.
const v8 = `
ALTER TABLE conversations ADD COLUMN provider_id TEXT;
`;

// Version 9: fine-tuning. The training set (one per library: examples in the order added, each
// one conversation path or one imported pair or line, its messages as JSON with the user's
// exclusions and weights) and the jobs started at a provider, kept so their polling survives a
// restart. An example keeps its conversation's id without a foreign key: deleting the
// conversation later must not change a set the user already checked.
const v9 = `
CREATE TABLE training_examples (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  label TEXT NOT NULL,
  conversation_id TEXT,
  messages_json TEXT NOT NULL,
  raw TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE fine_tune_jobs (
  id TEXT PRIMARY KEY,
  job_id TEXT,
  base_url TEXT NOT NULL,
  base_model TEXT NOT NULL,
  suffix TEXT NOT NULL,
  epochs INTEGER NOT NULL,
  status TEXT NOT NULL,
  fine_tuned_model TEXT,
  error TEXT,
  losses_json TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`;

// Version 10: what a younger-self conversation sent outside its chat requests, and embeddings for
// its retrieval (optional, off by default). summary_made_at / summary_entries / summary_sent_to
// record the last time the model made the period summary: how many entries went, to which
// origin (the card says so). A conversation's embedding_model (NULL: off) names the endpoint's
// /v1/embeddings model; entry_embeddings caches
// each entry's vector per model (float32, little-endian, normalized). Editing an entry's text
// drops its vectors (the trigger) and counts up entry_embeddings_epoch, so a cached vector is
// always of the text as it is and a copy in memory knows when to be dropped; the cache goes with
// the entry (ON DELETE CASCADE).
const v10 = `
ALTER TABLE younger_self_chats ADD COLUMN embedding_model TEXT;
ALTER TABLE younger_self_chats ADD COLUMN summary_made_at TEXT;
ALTER TABLE younger_self_chats ADD COLUMN summary_entries INTEGER;
ALTER TABLE younger_self_chats ADD COLUMN summary_sent_to TEXT;
CREATE TABLE entry_embeddings (
  entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  model TEXT NOT NULL,
  vector BLOB NOT NULL,
  PRIMARY KEY (entry_id, model)
) WITHOUT ROWID;
CREATE TABLE entry_embeddings_epoch (n INTEGER NOT NULL);
INSERT INTO entry_embeddings_epoch (n) VALUES (0);
CREATE TRIGGER entries_embeddings_stale AFTER UPDATE OF text ON entries BEGIN
  DELETE FROM entry_embeddings WHERE entry_id = new.id;
  UPDATE entry_embeddings_epoch SET n = n + 1;
END;
`;

/** Every migration, oldest first. The last one's version is the schema this build expects. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, sql: v1 },
  { version: 2, sql: v2 },
  { version: 3, sql: v3 },
  { version: 4, sql: v4 },
  { version: 5, sql: v5 },
  { version: 6, sql: v6 },
  { version: 7, sql: v7 },
  { version: 8, sql: v8 },
  { version: 9, sql: v9 },
  { version: 10, sql: v10 },
];

/** The schema version this build writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
