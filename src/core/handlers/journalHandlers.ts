import { AppError } from '../../shared/errors';
import type { Handlers } from '../dispatcher';
import type { EventBus } from '../events';
import { MAX_JOURNAL_FILES, type JournalJobInput, type JournalJobRunner } from '../importers/journalJob';
import type { DateOrder, JournalPreview } from '../../shared/journalSchemas';
import type { ConversationStore } from '../store/types';
import { JournalPreviews, summarize } from './journalPreviews';

type JournalMethods =
  | 'journal.upload'
  | 'journal.preview'
  | 'journal.previewPaths'
  | 'journal.repreview'
  | 'journal.save'
  | 'journal.discardPreview'
  | 'journal.list'
  | 'journal.get'
  | 'journal.months'
  | 'journal.entries'
  | 'journal.searchEntries'
  | 'journal.update'
  | 'journal.updateEntry'
  | 'journal.setExcluded'
  | 'journal.delete'
  | 'journal.restore';

/**
 * Handlers for journals: import through the worker (`runJob`), preview, save in one transaction,
 * and the library of journals and entries over `store.journals`.
 */
export function journalHandlers(
  store: ConversationStore,
  events: EventBus,
  runJob: JournalJobRunner,
): Pick<Handlers, JournalMethods> {
  const previews = new JournalPreviews();
  const journals = store.journals;
  const progress = (phase: 'reading' | 'parsing' | 'saving', done: number, total: number): void =>
    events.emit('journal.importProgress', { phase, done, total });
  const changed = (id: string | null): void => events.emit('journals.changed', { id });

  const preview = async (
    input: JournalJobInput,
    dateOrder: DateOrder,
    token?: string,
  ): Promise<JournalPreview> => {
    const result = await runJob({ ...input, options: { ...input.options, dateOrder } }, progress);
    const session = previews.keep(input, result, dateOrder, token);
    const known = journals.countKnown(
      session.sourceKey,
      session.entries.map((entry) => entry.sourceKey),
    );
    return summarize(session, result.parsed.warnings, known);
  };

  return {
    'journal.upload': async ({ uploadId, files }) =>
      previews.addUpload(
        uploadId,
        files.map((file) => ({ path: file.path, bytes: new Uint8Array(Buffer.from(file.base64, 'base64')) })),
        MAX_JOURNAL_FILES,
      ),
    'journal.preview': async ({ uploadId, dateOrder }) =>
      preview({ files: previews.takeUpload(uploadId), options: {} }, dateOrder),
    'journal.previewPaths': async ({ paths, dateOrder }) => preview({ paths, options: {} }, dateOrder),
    'journal.repreview': async ({ token, dateOrder }) =>
      preview(previews.get(token).source, dateOrder, token),
    'journal.save': async ({ token, name, ownerName, birthYear }) => {
      const session = previews.get(token);
      progress('saving', 0, session.entries.length);
      const result = journals.save({
        name,
        ownerName,
        birthYear,
        sourceKey: session.sourceKey,
        format: session.format,
        entries: session.entries,
      });
      progress('saving', session.entries.length, session.entries.length);
      previews.discard(token);
      changed(result.journal.id);
      return result;
    },
    'journal.discardPreview': async ({ token }) => {
      previews.discard(token);
      return { ok: true as const };
    },
    'journal.list': async () => journals.list(),
    'journal.get': async ({ id }) => {
      const journal = journals.get(id);
      if (!journal) throw new AppError('not_found', `No journal with id ${id}.`);
      return journal;
    },
    'journal.months': async ({ id }) => journals.months(id),
    'journal.entries': async ({ id, ...query }) => journals.entries(id, query),
    'journal.searchEntries': async ({ id, query, from, to, limit }) =>
      query.trim() === '' ? [] : journals.search(id, query, { from, to, limit }),
    'journal.update': async ({ id, ...patch }) => {
      const journal = journals.update(id, patch);
      changed(id);
      return journal;
    },
    'journal.updateEntry': async ({ id, ...patch }) => {
      const entry = journals.updateEntry(id, patch);
      changed(entry.journalId);
      return entry;
    },
    'journal.setExcluded': async ({ id, excluded }) => {
      const entry = journals.setExcluded(id, excluded);
      changed(entry.journalId);
      return entry;
    },
    'journal.delete': async ({ id }) => {
      journals.delete(id);
      changed(null);
      return { ok: true as const };
    },
    'journal.restore': async ({ id }) => {
      const journal = journals.restore(id);
      changed(null);
      return journal;
    },
  };
}
