import { chmodSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { createCore, DATABASE_FILE } from '../../src/core/app';
import { MIGRATIONS } from '../../src/core/store/migrations';
import { openDatabase } from '../../src/core/store/database';
import { createWebPorts } from '../../src/web/webPorts';

// Other local users must not be able to read a single conversation: the data folder is 0700 and
// every file Penpal keeps in it 0600, whatever the umask, and a folder left looser is tightened.

const mode = (path: string) => statSync(path).mode & 0o777;
const start = (dataDir: string) => createCore(createWebPorts(dataDir, { spawnImportWorker: undefined }));
const createFolder = () => join(mkdtempSync(join(tmpdir(), 'penpal-perm-')), 'data');

describe.skipIf(process.platform === 'win32')('data folder permissions', () => {
  it('creates the folder 0700 and the database, WAL and shared memory 0600, even with a 022 umask', async () => {
    const dataDir = createFolder();
    const previous = process.umask(0o022);
    try {
      const core = await start(dataDir);
      // A write, so the WAL surely exists and has been written to.
      await core.dispatcher.handle('conversation.create', {});
      const db = join(dataDir, DATABASE_FILE);
      expect(mode(dataDir)).toBe(0o700);
      expect(mode(db)).toBe(0o600);
      expect(mode(`${db}-wal`)).toBe(0o600);
      expect(mode(`${db}-shm`)).toBe(0o600);
      expect(mode(join(dataDir, 'settings.json'))).toBe(0o600);
      await core.close();
    } finally {
      process.umask(previous);
    }
  });

  it('tightens an existing 0755 folder with a 0644 database, WAL, backups and settings', async () => {
    const dataDir = createFolder();
    const previous = process.umask(0o022);
    try {
      await (await start(dataDir)).close();
      const db = join(dataDir, DATABASE_FILE);
      // What an older Penpal left: everything readable by every local user.
      const keep = new DatabaseSync(db);
      keep.exec('PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS t (x); INSERT INTO t VALUES (1)');
      mkdirSync(join(dataDir, 'backups'), { recursive: true });
      writeFileSync(join(dataDir, 'backups', 'penpal-old-v1.sqlite'), 'old');
      writeFileSync(join(dataDir, 'penpal.corrupt-2024.sqlite'), 'old');
      for (const path of [db, `${db}-wal`, `${db}-shm`, join(dataDir, 'settings.json')])
        chmodSync(path, 0o644);
      for (const path of [
        join(dataDir, 'backups', 'penpal-old-v1.sqlite'),
        join(dataDir, 'penpal.corrupt-2024.sqlite'),
      ])
        chmodSync(path, 0o644);
      chmodSync(join(dataDir, 'backups'), 0o755);
      chmodSync(dataDir, 0o755);
      keep.close();

      const core = await start(dataDir);
      await core.dispatcher.handle('conversation.create', {});
      expect(mode(dataDir)).toBe(0o700);
      expect(mode(join(dataDir, 'backups'))).toBe(0o700);
      for (const path of [db, `${db}-wal`, `${db}-shm`, join(dataDir, 'settings.json')])
        expect(mode(path)).toBe(0o600);
      expect(mode(join(dataDir, 'backups', 'penpal-old-v1.sqlite'))).toBe(0o600);
      expect(mode(join(dataDir, 'penpal.corrupt-2024.sqlite'))).toBe(0o600);
      await core.close();
    } finally {
      process.umask(previous);
    }
  });

  it('writes the backup before a migration owner-only, in an owner-only folder', () => {
    const dataDir = createFolder();
    mkdirSync(dataDir, { recursive: true });
    const path = join(dataDir, DATABASE_FILE);
    const clock = { now: () => new Date('2025-01-02T03:04:05Z') };
    const previous = process.umask(0o022);
    try {
      openDatabase({ path, clock, migrations: MIGRATIONS.slice(0, 1) }).db.close();
      const { db, notices } = openDatabase({ path, clock });
      db.close();
      const backup = notices.find((notice) => notice.kind === 'migrated')?.path ?? '';
      expect(mode(backup)).toBe(0o600);
      expect(mode(join(dataDir, 'backups'))).toBe(0o700);
    } finally {
      process.umask(previous);
    }
  });
});
