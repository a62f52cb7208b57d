import { chmodSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, DATABASE_FILE } from '../app';
import { createTestCipher, MemoryKeyValueStore } from '../testing/memoryPorts';
import { openDatabase } from './database';
import { openConversationStore } from './index';
import { MIGRATIONS } from './migrations';
import { steppingClock, tempLibrary } from './testing/fixtures';

// No backup, no migration: when the copy before an upgrade cannot be written, the library must
// stay exactly as it was, the user must be told why in words, and nobody may claim it was backed up.

let dir = '';
let path = '';
let cleanup = (): void => {};
beforeEach(() => {
  ({ dir, cleanup } = tempLibrary());
  path = join(dir, DATABASE_FILE);
});
afterEach(() => {
  // A read-only backups folder must not stop the temp folder from being removed.
  try {
    chmodSync(join(dir, 'backups'), 0o700);
  } catch {
    // not a folder in this test
  }
  cleanup();
});

/** A library as the version-1 build left it, with one conversation in it. */
function oldLibrary(): void {
  const old = openDatabase({ path, clock: steppingClock(), migrations: MIGRATIONS.slice(0, 1) }).db;
  old.exec(`INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c1', 'Old times', '2020-01-01', '2020-01-01');
            INSERT INTO messages (id, conversation_id, role, content, status, created_at) VALUES ('m1', 'c1', 'user', '以前的学校', 'done', '2020-01-01');`);
  old.close();
}

function inspect(): { version: number; tables: string[]; content: unknown } {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    return {
      version: Number(db.prepare('PRAGMA user_version').get()?.user_version),
      tables: db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .all()
        .map((row) => String(row.name)),
      content: db.prepare("SELECT content FROM messages WHERE id = 'm1'").get()?.content,
    };
  } finally {
    db.close();
  }
}

const unwritableBackups = {
  'the backups path is a file': () => writeFileSync(join(dir, 'backups'), 'in the way'),
  'the backups folder is read-only': () => {
    mkdirSync(join(dir, 'backups'));
    chmodSync(join(dir, 'backups'), 0o500);
  },
};

describe('a migration whose backup cannot be written', () => {
  for (const [name, block] of Object.entries(unwritableBackups)) {
    // root writes into a read-only folder anyway, so that case only means something for a user.
    const skip = name.includes('read-only') && (process.platform === 'win32' || process.getuid?.() === 0);
    it.skipIf(skip)(
      `does not run when ${name}: schema unchanged, a clear message, no "backed up" notice`,
      () => {
        oldLibrary();
        const before = inspect();
        expect(before.version).toBe(1);
        block();

        let thrown: unknown = null;
        let notices: unknown = null;
        try {
          notices = openConversationStore({ path, clock: steppingClock() }).notices;
        } catch (error) {
          thrown = error;
        }
        expect(notices).toBeNull();
        expect(thrown).toMatchObject({ code: 'storage' });
        const message = (thrown as Error).message;
        expect(message).toContain('could not first save a copy');
        expect(message).toContain('did not upgrade');
        expect(message).toContain(join(dir, 'backups'));
        expect(inspect()).toEqual(before);
        if (statSync(join(dir, 'backups')).isDirectory())
          expect(readdirSync(join(dir, 'backups'))).toEqual([]);
      },
    );
  }

  it('stops the app from starting with that message, and the library opens once the backup can be written', async () => {
    oldLibrary();
    const before = inspect();
    writeFileSync(join(dir, 'backups'), 'in the way');
    const ports = {
      dataDir: dir,
      cipher: createTestCipher(),
      settingsStore: new MemoryKeyValueStore(),
      host: 'web' as const,
      version: '0.0.0',
      platform: process.platform,
      systemLanguage: 'en',
    };
    await expect(createCore(ports)).rejects.toThrow(/did not upgrade/);
    expect(inspect()).toEqual(before);

    // Nothing was lost: with the way cleared, the upgrade runs, backs up and keeps the conversation.
    rmSync(join(dir, 'backups'));
    const core = await createCore(ports);
    expect(core.notices.map((notice) => notice.kind)).toEqual(['migrated']);
    const view = await core.dispatcher.handle('conversation.get', { id: 'c1' });
    expect(view).toMatchObject({ ok: true });
    expect(JSON.stringify(view)).toContain('以前的学校');
    await core.close();
  });
});
