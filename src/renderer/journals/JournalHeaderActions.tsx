import type { ReactElement } from 'react';
import type { Journal } from '../../shared/journalSchemas';
import { TalkWithYoungerSelf } from '../youngerSelf/TalkWithYoungerSelf';

/** The actions in a journal's header that belong to other features: "Talk with my younger self". */
export function JournalHeaderActions({ journal }: { journal: Journal }): ReactElement {
  return <TalkWithYoungerSelf journal={journal} />;
}
