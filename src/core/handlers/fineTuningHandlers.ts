import { AppError } from '../../shared/errors';
import type { Handlers } from '../dispatcher';
import type { EventBus } from '../events';
import type { FineTuneJobs } from '../fineTuning/fineTuneJobs';
import type { TrainingSet } from '../fineTuning/trainingSet';

type FineTuningMethods =
  | 'training.list'
  | 'training.addConversations'
  | 'training.importFile'
  | 'training.updateMessage'
  | 'training.remove'
  | 'training.check'
  | 'training.export'
  | 'training.start'
  | 'training.jobs'
  | 'training.cancel';

/** Handlers of the Training data screen: the set, its check and export, and the jobs. */
export function fineTuningHandlers(
  set: TrainingSet,
  jobs: FineTuneJobs,
  events: EventBus,
): Pick<Handlers, FineTuningMethods> {
  const changed = (): void => events.emit('training.changed', {});
  return {
    'training.list': async () => ({ examples: set.list() }),
    'training.addConversations': async ({ conversationIds }) => {
      const added = set.addConversations(conversationIds);
      changed();
      return { examples: set.list(), added };
    },
    'training.importFile': async ({ name, base64 }) => {
      const result = set.importFile(name, Buffer.from(base64, 'base64'));
      changed();
      return { examples: set.list(), ...result };
    },
    'training.updateMessage': async (input) => {
      const example = set.updateMessage(input);
      changed();
      return example;
    },
    'training.remove': async ({ exampleIds }) => {
      set.remove(exampleIds);
      changed();
      return { ok: true as const };
    },
    'training.check': async (input) => set.check(input),
    'training.export': async ({ validationPercent }) => ({ files: set.exportFiles(validationPercent) }),
    'training.start': async (input) => {
      // Nothing is uploaded until the check is clean, or the user accepted its warnings.
      const report = await set.check(input);
      if (!report.ok)
        throw new AppError('invalid_input', 'The data check found errors: fix them before training.');
      if (!input.acceptWarnings && report.issues.length > 0)
        throw new AppError('invalid_input', 'The data check has warnings: accept them to start training.');
      const { train, validation } = set.jsonlFiles(input.validationPercent);
      return jobs.start({
        model: input.model,
        epochs: input.epochs,
        suffix: input.suffix,
        train,
        validation,
      });
    },
    'training.jobs': async () => ({ jobs: jobs.list() }),
    'training.cancel': async ({ id }) => jobs.cancel(id),
  };
}
