import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkFileSize, parseJournalFiles } from './index';
import { journalSample } from './testCorpora';
import { importFailure, textFile } from './testHelpers';

/** A one-page PDF that draws a square and has no text at all, as a scan without OCR has none. */
function pdfWithoutText(): Uint8Array {
  const drawing = '0 0 1 rg 20 20 160 160 re f';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>',
    `<< /Length ${drawing.length} >>\nstream\n${drawing}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return strToU8(body);
}

describe('bad input gets a clear message', () => {
  it('no file at all', async () => {
    expect((await importFailure([])).message).toBe('No file was chosen to import.');
  });

  it('a binary file', async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    const error = await importFailure([{ path: 'diary.txt', bytes: png }]);
    expect(error.message).toBe('“diary.txt” is not a text file or a journal export Penpal can read.');
  });

  it('a file over the size limit, refused by its size before it is read', async () => {
    expect(() => checkFileSize('big.txt', 65 * 1024 * 1024)).toThrow(
      '“big.txt” is 65 MB, over the 64 MB limit for one journal file; nothing was imported.',
    );
    expect(() => checkFileSize('ok.txt', 1024)).not.toThrow();
    // Binary bytes would fail to decode; the size is checked first, so that is the error.
    const bytes = new Uint8Array(3 * 1024 * 1024);
    const error = await importFailure([{ path: 'big.txt', bytes }], { maxFileBytes: 2 * 1024 * 1024 });
    expect(error.message).toBe(
      '“big.txt” is 3 MB, over the 2 MB limit for one journal file; nothing was imported.',
    );
  });

  it('a damaged zip', async () => {
    const zip = journalSample('journey-markdown-converter-andi0b/journey-multiple-1.zip');
    const error = await importFailure([{ path: 'journey.zip', bytes: zip.bytes.slice(0, 1500) }]);
    expect(error.message).toMatch(
      /^“journey\.zip” could not be unpacked; the zip file may be damaged or incomplete/,
    );
  });

  it('a zip bomb, stopped while inflating', async () => {
    const bomb = zipSync({ 'entries/a.json': new Uint8Array(12 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100 * 1024);
    const error = await importFailure([{ path: 'export.zip', bytes: bomb }], {
      maxUnpackedBytes: 4 * 1024 * 1024,
    });
    expect(error.message).toBe(
      '“export.zip” unpacks to more than 4 MB (a zip bomb, or far larger than a journal); it was not opened.',
    );
  });

  it('a .docx zip bomb, refused before mammoth sees it', async () => {
    const docx = zipSync(
      { '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': new Uint8Array(12 * 1024 * 1024) },
      { level: 9 },
    );
    const error = await importFailure([{ path: 'diary.docx', bytes: docx }], {
      maxUnpackedBytes: 4 * 1024 * 1024,
    });
    expect(error.message).toMatch(/^“diary\.docx” unpacks to more than 4 MB/);
  });

  it('a corrupt .docx', async () => {
    const real = journalSample('derived-pepys-1660-q1/pepys_1660_jan-mar.docx');
    const error = await importFailure([{ path: 'diary.docx', bytes: real.bytes.slice(0, 4000) }]);
    expect(error.message).toMatch(/^“diary\.docx” could not be unpacked/);
    const notWord = zipSync({ 'hello.txt': strToU8('hi') });
    expect((await importFailure([{ path: 'x.docx', bytes: notWord }])).message).toBe(
      '“x.docx” is not a Word document (it has no word/document.xml).',
    );
  });

  it('a PDF without a text layer', async () => {
    const error = await importFailure([{ path: 'scan.pdf', bytes: pdfWithoutText() }]);
    expect(error.message).toBe(
      '“scan.pdf” looks scanned (it has no text layer); OCR is not supported. Export it as text, or run it through an OCR tool first.',
    );
  });

  it('a damaged PDF', async () => {
    const error = await importFailure([{ path: 'broken.pdf', bytes: strToU8('%PDF-1.4\nnot really') }]);
    expect(error.message).toMatch(/^“broken\.pdf” could not be read as a PDF/);
  });

  it('a text file with no dated entries', async () => {
    const error = await importFailure([textFile('notes.txt', 'Shopping list\n\nMilk, eggs, bread.\n')]);
    expect(error.message).toMatch(/^No dated entries were found in “notes\.txt”\./);
  });

  it('JSON that is cut short, and JSON that is no journal', async () => {
    expect((await importFailure([textFile('Journal.json', '{"entries": [')])).message).toBe(
      '“Journal.json” is not valid JSON; it may be cut short or damaged.',
    );
    expect((await importFailure([textFile('data.json', '{"weather": "fine"}')])).message).toMatch(
      /^“data\.json” is not a journal format Penpal can read/,
    );
  });

  it('in a folder, one unreadable file is skipped with a warning and the rest imported', async () => {
    const parsed = await parseJournalFiles([
      textFile('notes/2024-01-05.md', 'A day.'),
      { path: 'notes/2024-01-06.md', bytes: new Uint8Array([0, 1, 2, 3, 0, 0, 255]) },
    ]);
    expect(parsed.entries.map((entry) => entry.date)).toEqual(['2024-01-05']);
    expect(parsed.warnings).toContainEqual(
      expect.objectContaining({ code: 'file_skipped', file: 'notes/2024-01-06.md' }),
    );
  });
});
