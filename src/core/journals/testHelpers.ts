/** Test helpers for the journal importer: text as a dropped file, and the failure a parse must throw. */
import { expect } from 'vitest';
import { AppError } from '../../shared/errors';
import { parseJournalFiles } from './index';
import type { JournalParseOptions, JournalSourceFile } from './types';

/** A dropped file holding `body` as UTF-8. */
export function textFile(path: string, body: string): JournalSourceFile {
  return { path, bytes: new TextEncoder().encode(body) };
}

/** The `import_failed` error parsing these files must throw. */
export async function importFailure(
  files: JournalSourceFile[],
  options?: JournalParseOptions,
): Promise<AppError> {
  try {
    await parseJournalFiles(files, options);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('import_failed');
    return error as AppError;
  }
  throw new Error('expected parseJournalFiles to fail');
}
