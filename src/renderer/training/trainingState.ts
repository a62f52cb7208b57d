import type {
  DataCheckReport,
  FineTuneJob,
  TrainingExample,
  TrainingWeight,
} from '../../shared/fineTuningSchemas';
import { call, onEvent } from '../bridge/api';
import { toError } from '../chat/errorText';
import { downloadFile } from '../library/download';
import { fileToBase64 } from '../library/readFiles';
import { createStore, useStore } from '../state/createStore';

/** What the job form asks: base model, epochs, suffix, validation share. */
export interface TrainingForm {
  model: string;
  epochs: number;
  suffix: string;
  validationPercent: number;
  acceptWarnings: boolean;
}

/** The Training data screen's store.get(). */
export interface TrainingState {
  open: boolean;
  examples: TrainingExample[];
  loaded: boolean;
  jobs: FineTuneJob[];
  report: DataCheckReport | null;
  /** The set or the form changed since the report was made: check again before training. */
  reportStale: boolean;
  form: TrainingForm;
  /** What is under way, so its button can say so and the others wait. */
  busy: 'import' | 'check' | 'export' | 'start' | null;
  /** The last failure, shown under the toolbar. */
  error: Error | null;
  /** What the last import did. */
  imported: { added: number; skipped: number } | null;
}

const store = createStore<TrainingState>(
  {
    open: false,
    examples: [],
    loaded: false,
    jobs: [],
    report: null,
    reportStale: false,
    form: { model: 'gpt-4o-mini', epochs: 3, suffix: '', validationPercent: 0, acceptWarnings: false },
    busy: null,
    error: null,
    imported: null,
  },
  // The first screen that reads it fetches the set and the jobs and watches for changes.
  () => watch(),
);
const set = store.set;

async function refresh(): Promise<void> {
  try {
    const [{ examples }, { jobs }] = await Promise.all([
      call('training.list', {}),
      call('training.jobs', {}),
    ]);
    set({ examples, jobs, loaded: true });
  } catch (error) {
    set({ loaded: true, error: toError(error) });
  }
}

function watch(): void {
  onEvent('training.changed', () => void refresh());
  onEvent('training.job', (job) => {
    const others = store.get().jobs.filter((item) => item.id !== job.id);
    set({ jobs: [job, ...others].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) });
  });
  void refresh();
}

/** The Training data screen's state; re-renders when it changes. */
export function useTraining(): TrainingState {
  return useStore(store);
}

/** Opens the Training data screen. */
export function openTraining(): void {
  set({ open: true });
}

/** Back to the chats. */
export function closeTraining(): void {
  if (store.get().open) set({ open: false });
}

/** Changes the form; a report made for other figures is stale. */
export function setForm(patch: Partial<TrainingForm>): void {
  const figures = patch.model !== undefined || patch.epochs !== undefined;
  set({ form: { ...store.get().form, ...patch }, reportStale: store.get().reportStale || figures });
}

async function run(busy: NonNullable<TrainingState['busy']>, work: () => Promise<void>): Promise<void> {
  if (store.get().busy) return;
  set({ busy, error: null });
  try {
    await work();
  } catch (error) {
    set({ error: toError(error) });
  } finally {
    set({ busy: null });
  }
}

/** Adds conversations as examples. */
export async function addConversations(conversationIds: string[]): Promise<void> {
  if (conversationIds.length === 0) return;
  await run('import', async () => {
    const { examples } = await call('training.addConversations', { conversationIds });
    set({ examples, reportStale: true });
  });
}

/** Imports a CSV of pairs or a JSONL file. */
export async function importFile(file: File): Promise<void> {
  await run('import', async () => {
    const result = await call('training.importFile', { name: file.name, base64: await fileToBase64(file) });
    set({
      examples: result.examples,
      reportStale: true,
      imported: { added: result.added, skipped: result.skipped.length },
    });
  });
}

/**
 * Excludes or brings back a message, or sets whether an answer is trained on. Shown at once (the
 * checkbox must not lag behind the click), put back if main refuses.
 */
export async function updateMessage(
  exampleId: string,
  index: number,
  change: { excluded?: boolean; weight?: TrainingWeight },
): Promise<void> {
  const before = store.get().examples;
  const replace = (example: TrainingExample) =>
    set({
      examples: store.get().examples.map((item) => (item.id === example.id ? example : item)),
      reportStale: true,
    });
  const current = before.find((item) => item.id === exampleId);
  if (current)
    replace({
      ...current,
      messages: current.messages.map((message, at) => (at === index ? { ...message, ...change } : message)),
    });
  try {
    replace(await call('training.updateMessage', { exampleId, index, ...change }));
  } catch (error) {
    set({ examples: before, error: toError(error) });
  }
}

/** Takes an example out of the set. */
export async function removeExample(id: string): Promise<void> {
  try {
    await call('training.remove', { exampleIds: [id] });
    set({ examples: store.get().examples.filter((item) => item.id !== id), reportStale: true });
  } catch (error) {
    set({ error: toError(error) });
  }
}

/** Runs the data check for the form's model and epochs. */
export async function checkData(): Promise<void> {
  await run('check', async () => {
    const { model, epochs } = store.get().form;
    set({ report: await call('training.check', { model, epochs }), reportStale: false });
  });
}

/** Downloads the set as JSONL (and the validation file, when a share is held out). */
export async function exportJsonl(): Promise<void> {
  await run('export', async () => {
    const { files } = await call('training.export', {
      validationPercent: store.get().form.validationPercent,
    });
    for (const file of files) downloadFile(file);
  });
}

/** Uploads the set and starts a job. */
export async function startTraining(): Promise<void> {
  await run('start', async () => {
    const job = await call('training.start', { ...store.get().form, suffix: store.get().form.suffix.trim() });
    set({ jobs: [job, ...store.get().jobs.filter((item) => item.id !== job.id)] });
  });
}

/** Asks the provider to cancel a job. */
export async function cancelJob(id: string): Promise<void> {
  try {
    await call('training.cancel', { id });
  } catch (error) {
    set({ error: toError(error) });
  }
}
