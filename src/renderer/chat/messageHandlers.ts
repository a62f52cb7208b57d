import type { ConversationPage } from '../../shared/schemas';
import type { SendStarted } from './chatActions';

/** What a message's buttons report back to the chat view. */
export interface MessageHandlers {
  /** A new answer started streaming (edit, regenerate, retry). */
  onStarted: (started: SendStarted) => void;
  /** A method returned the new branch (delete, switch version). */
  onReplace: (view: ConversationPage) => void;
  /** An action failed; the view shows why. */
  onFailure: (error: unknown) => void;
}
