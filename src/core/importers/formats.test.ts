import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseImportFiles, type ImportFile } from './index';
import { failure, sample, sampleText, text } from './testSamples';

const EXPORT = 'librechat-import-fixtures/chatgpt-export.json';
const SPLIT = ['conversations-000.json', 'conversations-001.json', 'export_manifest.json'];

function zipFile(name: string, entries: Record<string, string | Uint8Array>): ImportFile {
  const files = Object.fromEntries(
    Object.entries(entries).map(([path, body]) => [path, typeof body === 'string' ? strToU8(body) : body]),
  );
  return { name, bytes: zipSync(files) };
}

describe('import formats', () => {
  it('reads a zipped export like the bare conversations.json, ignoring the other files', () => {
    const direct = parseImportFiles([sample(EXPORT)]);
    const zip = zipFile('chatgpt-export.zip', {
      'conversations.json': sampleText(EXPORT),
      'user.json': '{"id":"user-1"}',
      'chat.html': '<html></html>',
      'file-abc.dat': new Uint8Array([1, 2, 3]),
      '__MACOSX/._conversations.json': new Uint8Array([0, 5, 22, 7]),
    });
    expect(parseImportFiles([zip])).toEqual(direct);
    // Some unzip tools add a top folder.
    expect(
      parseImportFiles([zipFile('export.zip', { 'export/conversations.json': sampleText(EXPORT) })]),
    ).toEqual(direct);
  });

  it('merges the split layout chosen as separate files, in shard order', () => {
    const files = SPLIT.map((name) => sample(`synthetic-split-layout/${name}`)).reverse();
    const parsed = parseImportFiles(files);
    expect(parsed.source).toBe('chatgpt');
    expect(parsed.conversations.map((c) => c.title)).toEqual([
      'Assist user with summary',
      'Deploying the staging cluster',
      'Weeknight pasta',
    ]);
    expect(parsed.skipped).toEqual([{ item: '"Corrupted entry"', reason: expect.any(String) }]);
  });

  it('merges the split layout inside a zip', () => {
    const entries = Object.fromEntries(
      SPLIT.map((name) => [name, sampleText(`synthetic-split-layout/${name}`)]),
    );
    const parsed = parseImportFiles([
      zipFile('export.zip', { ...entries, 'sites/export_manifest.json': '{"version":1}' }),
    ]);
    expect(parsed.conversations).toHaveLength(3);
    expect(parsed.conversations[1]?.systemPrompt).toContain('Answer concisely.');
  });

  it('reports shards the manifest lists but that were not chosen', () => {
    const parsed = parseImportFiles([
      sample('synthetic-split-layout/conversations-000.json'),
      sample('synthetic-split-layout/export_manifest.json'),
    ]);
    expect(parsed.conversations).toHaveLength(2);
    expect(parsed.skipped).toEqual([
      { item: 'conversations-001.json', reason: expect.stringMatching(/not among the chosen files/) },
    ]);
  });

  it('reports a single conversation object, and a conversation chosen twice', () => {
    const single = parseImportFiles([sample('mitkury-chatgpt-export-parser/example-conversation.json')]);
    const json = JSON.stringify(
      JSON.parse(sampleText('mitkury-chatgpt-export-parser/example-conversation.json'))[0],
    );
    expect(parseImportFiles([text('one.json', json)]).conversations).toEqual(single.conversations);
    const twice = parseImportFiles([text('a.json', json), text('b.json', json)]);
    expect(twice.conversations).toHaveLength(1);
    expect(twice.skipped[0]?.reason).toMatch(/more than once/);
  });

  it('reports progress up to the total', () => {
    const calls: [number, number][] = [];
    parseImportFiles([sample(EXPORT)], (done, total) => calls.push([done, total]));
    expect(calls.at(-1)).toEqual([2, 2]);
  });

  it('fails with clear messages on unusable input', () => {
    expect(failure([]).message).toMatch(/No file was chosen/);
    expect(failure([text('notes.txt', 'hello there')]).message).toBe(
      '"notes.txt" is not a ChatGPT export, a zip of one, or a Penpal backup.',
    );
    expect(failure([text('blank.json', '  \n')]).message).toBe('"blank.json" is empty.');
    expect(failure([text('cut.json', sampleText(EXPORT).slice(0, 5000))]).message).toMatch(
      /^"cut\.json" is not valid JSON; it may be cut short or damaged/,
    );
    expect(failure([zipFile('empty.zip', {})]).message).toBe('"empty.zip" is an empty zip file.');
    expect(failure([zipFile('photos.zip', { 'a.png': new Uint8Array([1]) })]).message).toMatch(
      /holds no conversations\.json/,
    );
    const damaged = zipFile('damaged.zip', { 'conversations.json': sampleText(EXPORT) });
    expect(failure([{ name: 'damaged.zip', bytes: damaged.bytes.slice(0, 2000) }]).message).toMatch(
      /"damaged\.zip" could not be read as a zip file/,
    );
    expect(failure([text('other.json', '{"hello": "world"}')]).message).toMatch(
      /is not a ChatGPT export or a Penpal backup/,
    );
    expect(failure([text('numbers.json', '[1, 2, 3]')]).message).toMatch(
      /is not a ChatGPT export or a Penpal backup/,
    );
    expect(failure([text('empty.json', '[]')]).message).toMatch(/No conversations were found/);
    expect(failure([sample('synthetic-split-layout/export_manifest.json')]).message).toMatch(
      /only lists the files/,
    );
  });

  it('skips non-conversation items of an otherwise valid export', () => {
    const items = JSON.parse(sampleText(EXPORT)) as unknown[];
    const parsed = parseImportFiles([
      text('conversations.json', JSON.stringify([...items, 42, { uuid: 'x', name: 'y', chat_messages: [] }])),
    ]);
    expect(parsed.conversations).toHaveLength(2);
    expect(parsed.skipped.map((entry) => entry.item)).toEqual([
      'conversation 3 in conversations.json',
      'conversation 4 in conversations.json',
    ]);
    expect(parsed.skipped[1]?.reason).toMatch(/Claude\.ai/);
  });
});
