import { AppError } from '../../shared/errors';
import type { Handlers } from '../dispatcher';

type ContextMethods =
  | 'chat.previewContext'
  | 'conversation.setMemory'
  | 'message.setContextBreak'
  | 'summary.update'
  | 'summary.refresh'
  | 'models.table'
  | 'models.setInfo'
  | 'models.resetInfo'
  | 'usage.conversation'
  | 'usage.monthly';

// TEMPORARY SCAFFOLD (branch h-context only): every handler refuses until it is implemented.
// Replace each entry with the real handler; this file must not reach main with any left.
const notYet = async (): Promise<never> => {
  throw new AppError('internal', 'Not implemented yet.');
};

/** Handlers for the context, the model table and usage (personas: personaHandlers.ts). */
export function contextHandlers(): Pick<Handlers, ContextMethods> {
  return {
    'chat.previewContext': notYet,
    'conversation.setMemory': notYet,
    'message.setContextBreak': notYet,
    'summary.update': notYet,
    'summary.refresh': notYet,
    'models.table': notYet,
    'models.setInfo': notYet,
    'models.resetInfo': notYet,
    'usage.conversation': notYet,
    'usage.monthly': notYet,
  };
}
