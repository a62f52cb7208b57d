import type { StoreNotice } from '../store';
import type { ConversationStore } from '../store/types';
import { builtInPersonas, seedLanguage } from './builtIns';

/**
 * At start: seeds the built-in personas the first time (in the UI's language) and reports stored
 * personas that no longer pass validation, so the user learns why one is missing from the list.
 */
export function preparePersonas(
  store: ConversationStore,
  options: { uiLanguage: string; systemLanguage: string; databasePath: string },
): StoreNotice[] {
  try {
    store.personas.seedOnce(builtInPersonas(seedLanguage(options.uiLanguage, options.systemLanguage)));
  } catch {
    // A read-only library opens without built-ins; seeding is tried again at the next start.
  }
  try {
    const { damaged } = store.personas.list();
    if (damaged.length === 0) return [];
    const detail = damaged.map((d) => `${d.id}: ${d.problem}`).join('; ');
    return [
      {
        kind: 'personas_damaged',
        message: `${damaged.length} stored persona(s) could not be read and are hidden (${detail}).`,
        path: options.databasePath,
      },
    ];
  } catch {
    return [];
  }
}
