import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openConversationStore } from './index';
import { tempLibrary } from './testing/fixtures';

const CHILD = join(import.meta.dirname, 'testing', 'writerChild.ts');

/**
 * Runs the writer child and SIGKILLs it as soon as `shouldKill` accepts a line it printed.
 * Resolves with every line printed and how the child ended.
 */
function runAndKill(
  path: string,
  mode: string,
  shouldKill: (line: string) => boolean,
): Promise<{ lines: string[]; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, path, mode], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const complete = buffer.split('\n');
      buffer = complete.pop() ?? '';
      for (const line of complete) {
        lines.push(line);
        if (shouldKill(line)) child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal === null && code !== 0) reject(new Error(`child failed (${code}): ${stderr}`));
      else resolve({ lines, signal });
    });
  });
}

function integrity(path: string): string {
  const db = new DatabaseSync(path);
  try {
    return String(db.prepare('PRAGMA integrity_check').get()?.integrity_check);
  } finally {
    db.close();
  }
}

function stagedRows(path: string): { staged: number; visible: number; messages: number } {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const count = (sql: string) => Number(db.prepare(sql).get()?.n);
    return {
      staged: count('SELECT count(*) AS n FROM conversations WHERE import_id IS NOT NULL'),
      visible: count('SELECT count(*) AS n FROM conversations WHERE import_id IS NULL'),
      messages: count('SELECT count(*) AS n FROM messages'),
    };
  } finally {
    db.close();
  }
}

describe('a killed write', () => {
  it('keeps a streaming answer, up to its last saved update, as interrupted', async () => {
    const { path } = tempLibrary(onTestFinished);
    let saves = 0;
    const { lines, signal } = await runAndKill(
      path,
      'stream',
      (line) => line.startsWith('saved') && ++saves === 15,
    );
    expect(signal).toBe('SIGKILL');
    const answerId = lines.find((line) => line.startsWith('answer '))?.slice(7) ?? '';
    const lastSaved = Math.max(
      ...lines.filter((line) => line.startsWith('saved')).map((line) => Number(line.slice(6))),
    );

    expect(integrity(path)).toBe('ok');
    const { store, notices } = openConversationStore({ path });
    expect(notices).toEqual([]);
    expect(store.getMessage(answerId).status).toBe('streaming');
    expect(store.recoverInterrupted()).toBe(1);
    const answer = store.getMessage(answerId);
    expect(answer.status).toBe('interrupted');
    // Everything reported as saved survived the kill, and the text is whole chunks, never torn.
    expect(answer.content.length).toBeGreaterThanOrEqual(lastSaved);
    expect(answer.content).toMatch(/^(chunk\d+ )+$/);
    expect(answer.content.startsWith('chunk0 chunk1 chunk2 ')).toBe(true);
    const view = store.getView(answer.conversationId);
    expect(view.messages.map((m) => m.status)).toEqual(['done', 'interrupted']);
    store.close();
  });

  it('leaves nothing visible of a batched import killed half-way, and removes its staged rows at the next open', async () => {
    const { path } = tempLibrary(onTestFinished);
    const { lines, signal } = await runAndKill(path, 'import', (line) => {
      const [word, done, total] = line.split(' ');
      return word === 'progress' && Number(done) >= Number(total) / 3;
    });
    expect(signal).toBe('SIGKILL');
    expect(lines).not.toContain('committed');
    expect(lines.some((line) => line.startsWith('progress'))).toBe(true);

    expect(integrity(path)).toBe('ok');
    // Batches were committed before the kill, all of them still staged (hidden); a batch may end in
    // the middle of a conversation, so the last one can be half-written.
    const before = stagedRows(path);
    expect(before.staged).toBeGreaterThanOrEqual(1000);
    expect(before.visible).toBe(0);
    expect(before.messages).toBeGreaterThan((before.staged - 1) * 20);
    expect(before.messages).toBeLessThanOrEqual(before.staged * 20);

    const { store } = openConversationStore({ path });
    expect(stagedRows(path)).toEqual({ staged: 0, visible: 0, messages: 0 });
    expect(store.listConversations('active')).toEqual([]);
    expect(store.search('message', { titlesOnly: false, limit: 5 })).toEqual([]);
    // The library still takes writes after the crash.
    store.createConversation({ title: 'after' });
    expect(store.listConversations('active').map((c) => c.title)).toEqual(['after']);
    store.close();
  });
});
