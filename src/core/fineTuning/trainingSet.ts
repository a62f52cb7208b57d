import { AppError } from '../../shared/errors';
import type { DataCheckReport, TrainingExample, TrainingWeight } from '../../shared/fineTuningSchemas';
import type { ExportFile } from '../../shared/schemas';
import { loadTokenCounter } from '../../shared/tokens';
import type { ModelTableService } from '../context/modelTableService';
import type { ConversationStore } from '../store/types';
import { parsePairsCsv, type SkippedRow } from './csvPairs';
import { checkTrainingData } from './dataCheck';
import { exampleFromConversation } from './fromConversation';
import { parseJsonlFile } from './jsonlImport';
import { exampleLine, splitValidation, writeJsonl } from './jsonl';
import type { NewExample } from './trainingStore';
import { trainingFiguresFor } from './trainingPrices';

/** The training set's operations: adding, importing, editing, checking and exporting examples. */
export class TrainingSet {
  constructor(
    private readonly store: ConversationStore,
    private readonly models?: ModelTableService,
  ) {}

  /** Every example, in the order added. */
  list(): TrainingExample[] {
    return this.store.training.listExamples();
  }

  /** Adds each conversation's shown branch as one example; returns how many were added. */
  addConversations(ids: readonly string[]): number {
    const list = ids.map((id) => exampleFromConversation(this.store, id));
    this.store.training.addExamples(list);
    return list.length;
  }

  /** Imports a CSV of pairs or a JSONL file, told apart by its name. Nothing is added when it fails. */
  importFile(name: string, bytes: Uint8Array): { added: number; skipped: SkippedRow[] } {
    const base = name.split(/[\\/]/).pop() ?? name;
    let list: NewExample[];
    let skipped: SkippedRow[] = [];
    if (/\.jsonl?$/i.test(base)) {
      list = parseJsonlFile(bytes).map((line) => ({
        source: 'jsonl',
        label: `${base}:${line.line}`,
        conversationId: null,
        messages: line.messages,
        raw: line.raw,
      }));
    } else if (/\.(csv|tsv|txt)$/i.test(base)) {
      const parsed = parsePairsCsv(bytes);
      skipped = parsed.skipped;
      list = parsed.pairs.map((pair) => ({
        source: 'csv',
        label: `${base}:${pair.line}`,
        conversationId: null,
        messages: [
          ...(pair.system
            ? [{ role: 'system', content: pair.system, excluded: false, weight: 1 as const }]
            : []),
          { role: 'user', content: pair.question, excluded: false, weight: 1 },
          // A row with no answer has nothing to learn from: kept without one, so the check lists it.
          ...(pair.answer
            ? [{ role: 'assistant', content: pair.answer, excluded: false, weight: 1 as const }]
            : []),
        ],
        raw: null,
      }));
    } else {
      throw new AppError('import_failed', `"${base}" is not a CSV or JSONL file (.csv, .tsv, .jsonl).`);
    }
    if (list.length === 0) throw new AppError('import_failed', `"${base}" has no examples in it.`);
    this.store.training.addExamples(list);
    return { added: list.length, skipped };
  }

  /** Takes examples out of the set. */
  remove(ids: readonly string[]): void {
    this.store.training.removeExamples(ids);
  }

  /** Excludes or brings back one message, or sets an assistant turn's weight. */
  updateMessage(input: {
    exampleId: string;
    index: number;
    excluded?: boolean;
    weight?: TrainingWeight;
  }): TrainingExample {
    const example = this.list().find((candidate) => candidate.id === input.exampleId);
    if (!example) throw new AppError('not_found', 'That example is no longer in the training set.');
    const message = example.messages[input.index];
    if (!message) throw new AppError('invalid_input', 'That example has no such message.');
    const messages = example.messages.map((item, index) =>
      index === input.index
        ? { ...item, excluded: input.excluded ?? item.excluded, weight: input.weight ?? item.weight }
        : item,
    );
    return this.store.training.setMessages(example.id, messages);
  }

  /** The data check report of the set as it would be uploaded, for a base model and epochs. */
  async check(input: { model: string; epochs: number }): Promise<DataCheckReport> {
    const figures = trainingFiguresFor(input.model);
    // A model the training table does not know (a compatible server's) is held to its window.
    const exampleLimit = figures?.exampleLimit ?? this.models?.resolve(input.model).contextWindow ?? 8_192;
    const lines = this.list().map((example) => ({ label: example.label, line: exampleLine(example) }));
    return checkTrainingData(lines, {
      model: input.model,
      counter: await loadTokenCounter(input.model),
      exampleLimit,
      epochs: input.epochs,
      pricePerMillion: figures?.pricePerMillion ?? null,
    });
  }

  /** The training file and, when a share is held out, the validation file, as JSONL. */
  jsonlFiles(validationPercent: number): { train: string; validation: string | null } {
    const examples = this.list();
    if (examples.length === 0) throw new AppError('invalid_input', 'The training set is empty.');
    const { train, validation } = splitValidation(examples, validationPercent);
    return { train: writeJsonl(train), validation: validation.length ? writeJsonl(validation) : null };
  }

  /** The JSONL files for "Export JSONL". */
  exportFiles(validationPercent: number): ExportFile[] {
    const { train, validation } = this.jsonlFiles(validationPercent);
    const file = (name: string, content: string): ExportFile => ({
      filename: name,
      mimeType: 'application/jsonl',
      content,
    });
    return validation === null
      ? [file('penpal-training.jsonl', train)]
      : [file('penpal-training.jsonl', train), file('penpal-validation.jsonl', validation)];
  }
}
