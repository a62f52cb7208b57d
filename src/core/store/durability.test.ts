import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkFlagPath, flagForCheck, openDatabase } from './database';
import { createStore, openConversationStore } from './index';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { importedConversations, steppingClock, tempLibrary } from './testing/fixtures';

let dir = '';
let cleanup = (): void => {};
let path = '';
beforeEach(() => {
  ({ dir, path, cleanup } = tempLibrary());
});
afterEach(() => cleanup());

function userVersion(file: string): number {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return Number(db.prepare('PRAGMA user_version').get()?.user_version);
  } finally {
    db.close();
  }
}

describe('on disk', () => {
  it('keeps everything across a close and reopen, in WAL mode', () => {
    const first = openConversationStore({ path });
    expect(first.notices).toEqual([]);
    const conversation = first.store.createConversation({ title: 'persisted' });
    const message = first.store.addMessage({
      conversationId: conversation.id,
      parentId: null,
      role: 'user',
      content: '持久 data',
      status: 'done',
    });
    first.store.close();
    first.store.close();

    const second = openConversationStore({ path });
    expect(second.notices).toEqual([]);
    expect(second.store.getView(conversation.id).messages.map((m) => m.id)).toEqual([message.id]);
    expect(second.store.search('持久', { titlesOnly: false, limit: 5 })).toHaveLength(1);
    second.store.close();
    const raw = new DatabaseSync(path);
    expect(raw.prepare('PRAGMA journal_mode').get()?.journal_mode).toBe('wal');
    expect(Number(raw.prepare('PRAGMA user_version').get()?.user_version)).toBe(SCHEMA_VERSION);
    raw.close();
  });

  it('backs up a library before upgrading it, and the upgrade indexes old messages', () => {
    // A library as the version-1 build left it: no search tables yet.
    const clock = steppingClock('2024-05-01T12:00:00.000Z');
    const old = openDatabase({ path, clock, migrations: MIGRATIONS.slice(0, 1) }).db;
    old.exec(`INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c1', 'Old times', '2020-01-01', '2020-01-01');
              INSERT INTO messages (id, conversation_id, role, content, status, created_at) VALUES ('m1', 'c1', 'user', '以前的学校', 'done', '2020-01-01');`);
    old.close();
    expect(userVersion(path)).toBe(1);

    const { store, notices } = openConversationStore({ path, clock });
    expect(notices).toHaveLength(1);
    expect(notices[0].kind).toBe('migrated');
    const backup = notices[0].path;
    expect(backup).toBe(join(dir, 'backups', 'penpal-2024-05-01T12-00-01-000Z-v1.sqlite'));
    expect(existsSync(backup)).toBe(true);
    expect(userVersion(backup)).toBe(1);
    expect(notices[0].message).toContain(backup);
    expect(store.getView('c1').messages.map((m) => m.content)).toEqual(['以前的学校']);
    expect(store.search('学校', { titlesOnly: false, limit: 5 }).map((hit) => hit.messageId)).toEqual(['m1']);
    expect(store.search('old', { titlesOnly: true, limit: 5 })).toHaveLength(1);
    store.close();
    expect(userVersion(path)).toBe(SCHEMA_VERSION);
    // Already current: no second backup.
    expect(openConversationStore({ path }).notices).toEqual([]);
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(1);
  });

  it('backs up a version-0 file that already holds data before creating the schema', () => {
    const raw = new DatabaseSync(path);
    raw.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('keep me')");
    raw.close();
    const { store, notices } = openConversationStore({ path });
    expect(notices.map((notice) => notice.kind)).toEqual(['migrated']);
    expect(notices[0].path).toMatch(/penpal-.*-v0\.sqlite$/);
    const copy = new DatabaseSync(notices[0].path, { readOnly: true });
    expect(copy.prepare('SELECT text FROM notes').get()?.text).toBe('keep me');
    copy.close();
    store.createConversation({ title: 'works' });
    expect(store.listConversations('active')).toHaveLength(1);
    store.close();
  });

  it('sets a file that is not a database aside, with its WAL, and starts fresh', () => {
    const garbage = 'this is not a database, just some text. '.repeat(200);
    writeFileSync(path, garbage);
    writeFileSync(`${path}-wal`, 'wal garbage');
    const { store, notices } = openConversationStore({
      path,
      clock: steppingClock('2024-06-01T00:00:00.000Z'),
    });
    expect(notices).toHaveLength(1);
    expect(notices[0].kind).toBe('set_aside');
    const aside = notices[0].path;
    expect(aside).toBe(join(dir, 'penpal.corrupt-2024-06-01T00-00-01-000Z.sqlite'));
    expect(readFileSync(aside, 'utf8')).toBe(garbage);
    expect(readFileSync(`${aside}-wal`, 'utf8')).toBe('wal garbage');
    expect(notices[0].message).toContain(aside);
    expect(notices[0].message).toContain('.recover');
    store.createConversation({ title: 'fresh' });
    expect(store.listConversations('active').map((c) => c.title)).toEqual(['fresh']);
    store.close();
  });

  it('sets aside a database whose pages are damaged', () => {
    const { store } = openConversationStore({ path });
    store.importConversations(importedConversations(40));
    store.close();
    const bytes = readFileSync(path);
    const pageSize = 4096;
    // Scribble over the middle pages but leave the header page intact, so SQLite opens the file.
    for (let at = pageSize * 3; at < Math.min(bytes.length, pageSize * 12); at++) bytes[at] = (at * 7) & 0xff;
    writeFileSync(path, bytes);
    const reopened = openConversationStore({ path });
    expect(reopened.notices.map((notice) => notice.kind)).toEqual(['set_aside']);
    expect(readFileSync(reopened.notices[0].path).equals(bytes)).toBe(true);
    expect(reopened.store.listConversations('active')).toEqual([]);
    reopened.store.close();
  });

  it('checks a big library in part, and in full after an error flagged it damaged', () => {
    const { store } = openConversationStore({ path });
    store.importConversations(importedConversations(40));
    const id = store.listConversations('active')[0].id;
    store.close();
    damageMessagePages(path);

    // Treated as a big library: only the schema and the conversations table are checked, which pass.
    const options = { path, clock: steppingClock(), fullCheckMaxBytes: 0 };
    const opened = openDatabase(options);
    expect(opened.notices.map((notice) => notice.message)).toEqual([]);
    const damaged = createStore(opened.db, steppingClock(), () => flagForCheck(path));
    expect(damaged.listConversations('active')).toHaveLength(40);
    expect(() => damaged.getView(id)).toThrow(expect.objectContaining({ code: 'storage' }));
    expect(existsSync(checkFlagPath(path))).toBe(true);
    damaged.close();

    // The flag forces the full check: the file is set aside now, and the flag is cleared.
    const next = openDatabase(options);
    expect(next.notices.map((notice) => notice.kind)).toEqual(['set_aside']);
    expect(existsSync(checkFlagPath(path))).toBe(false);
    next.db.close();
  });

  it('flags the library for a full check when tidying up at open finds damage', () => {
    const clock = steppingClock('2024-01-01T00:00:00.000Z');
    const { store } = openConversationStore({ path, clock });
    store.importConversations(importedConversations(40));
    for (const conversation of store.listConversations('active')) {
      store.deleteMessage(store.getPage(conversation.id).messages[0].id);
    }
    store.close();
    // Past the size checked in full at every open, so only the conversations table is checked.
    const raw = new DatabaseSync(path);
    raw.exec('CREATE TABLE padding (b BLOB)');
    raw.prepare('INSERT INTO padding VALUES (zeroblob(?))').run(33 * 1024 * 1024);
    raw.close();
    damageMessagePages(path);

    // The deleted messages are due for purging, which reads the damaged pages.
    clock.set('2024-03-01T00:00:00.000Z');
    const opened = openConversationStore({ path, clock });
    expect(opened.notices).toEqual([]);
    expect(opened.store.listConversations('active')).toHaveLength(40);
    expect(existsSync(checkFlagPath(path))).toBe(true);
    opened.store.close();
    // The flag forces the full check at the next open, which sets the damaged file aside.
    const next = openConversationStore({ path, clock });
    expect(next.notices.map((notice) => notice.kind)).toEqual(['set_aside']);
    next.store.close();
  });

  it('refuses a library from a newer Penpal without touching it', () => {
    const raw = new DatabaseSync(path);
    raw.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 5}; CREATE TABLE future (x)`);
    raw.close();
    expect(() => openConversationStore({ path })).toThrow(expect.objectContaining({ code: 'storage' }));
    expect(userVersion(path)).toBe(SCHEMA_VERSION + 5);
    expect(readdirSync(dir).filter((name) => name.includes('corrupt'))).toEqual([]);
  });
});

describe('write failures', () => {
  it('reports a full disk as disk_full, writes nothing half-way and keeps reading', () => {
    const { db } = openDatabase({ path, clock: steppingClock() });
    const store = createStore(db, steppingClock());
    const kept = store.createConversation({ title: 'kept' });
    store.addMessage({
      conversationId: kept.id,
      parentId: null,
      role: 'user',
      content: 'before',
      status: 'done',
    });
    const pages = Number(db.prepare('PRAGMA page_count').get()?.page_count);
    // The database may grow by only a few pages: a big import cannot fit.
    db.exec(`PRAGMA max_page_count = ${pages + 3}`);
    const big = importedConversations(50, 40, (i) => `long text ${i} `.repeat(50));
    expect(() => store.importConversations(big)).toThrow(expect.objectContaining({ code: 'disk_full' }));
    expect(store.listConversations('active').map((c) => c.title)).toEqual(['kept']);
    expect(store.getView(kept.id).messages.map((m) => m.content)).toEqual(['before']);
    expect(store.search('long', { titlesOnly: false, limit: 5 })).toEqual([]);
    expect(Number(db.prepare('SELECT count(*) AS n FROM messages').get()?.n)).toBe(1);
    // Space freed: writing works again.
    db.exec('PRAGMA max_page_count = 1000000');
    expect(store.importConversations(big.slice(0, 2)).conversationsAdded).toBe(2);
    expect(db.prepare('PRAGMA integrity_check').get()?.integrity_check).toBe('ok');
    store.close();
  });

  it('reports writes to a read-only library as read_only, and reads still work', () => {
    const writer = openConversationStore({ path });
    const conversation = writer.store.createConversation({ title: 'readable' });
    writer.store.close();

    const { store } = openConversationStore({ path, readOnly: true });
    expect(store.getConversation(conversation.id).title).toBe('readable');
    expect(() => store.createConversation({ title: 'nope' })).toThrow(
      expect.objectContaining({ code: 'read_only' }),
    );
    expect(() => store.renameConversation(conversation.id, 'nope')).toThrow(
      expect.objectContaining({ code: 'read_only' }),
    );
    expect(() => store.recoverInterrupted()).toThrow(expect.objectContaining({ code: 'read_only' }));
    expect(store.listConversations('active').map((c) => c.title)).toEqual(['readable']);
    store.close();

    // The same through query_only on a writable connection, including the autocommit streaming update.
    const { db } = openDatabase({ path, clock: steppingClock() });
    const guarded = createStore(db);
    const message = guarded.addMessage({
      conversationId: conversation.id,
      parentId: null,
      role: 'assistant',
      content: '',
      status: 'streaming',
    });
    db.exec('PRAGMA query_only = 1');
    expect(() => guarded.updateContent(message.id, 'x')).toThrow(
      expect.objectContaining({ code: 'read_only' }),
    );
    expect(() => guarded.emptyTrash()).toThrow(expect.objectContaining({ code: 'read_only' }));
    expect(guarded.getMessage(message.id).content).toBe('');
    guarded.close();
  });
});

/** Overwrites every leaf page of the messages table (past its header) with garbage. */
function damageMessagePages(path: string): void {
  const raw = new DatabaseSync(path, { readOnly: true });
  const pages = raw
    .prepare("SELECT pageno FROM dbstat WHERE name = 'messages' AND pagetype = 'leaf'")
    .all()
    .map((row) => Number(row.pageno));
  raw.close();
  const bytes = readFileSync(path);
  for (const page of pages) bytes.fill(0x5a, (page - 1) * 4096 + 8, page * 4096);
  writeFileSync(path, bytes);
}
