import type { ReactElement } from 'react';
import type { Journal } from '../../shared/journalSchemas';

/**
 * The slot in a journal's header for actions of other features ("Talk with my younger self").
 * Owned by the younger-self work; renders nothing until it fills it in.
 */
export function JournalHeaderActions(props: { journal: Journal }): ReactElement | null {
  void props;
  return null;
}
