/**
 * A child process for the zip-bomb memory test: parses the chosen files as the import worker does
 * and prints, as one JSON line, how it ended and the peak resident memory of the whole process.
 * Usage: `node --import tsx importChild.ts <file>…`.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../../shared/errors';
import { parseInProcess } from '../parser';

const files = process.argv.slice(2).map((path) => ({
  name: basename(path),
  base64: readFileSync(path).toString('base64'),
}));

parseInProcess(files, () => {}).then(
  (parsed) => report({ conversations: parsed.conversations.length }),
  (error: unknown) =>
    report(
      error instanceof AppError ? { code: error.code, message: error.message } : { crash: String(error) },
    ),
);

function report(outcome: Record<string, unknown>): void {
  // maxRSS is the high-water mark in KiB: the peak, even between two samples.
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ ...outcome, peakMb })}\n`);
}
