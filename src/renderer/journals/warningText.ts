import type { TFunction } from 'i18next';
import type { JournalPreview } from '../../shared/journalSchemas';
import { dayLabel } from './format';

/**
 * A parser warning in the interface's language, from its reason code; an older or unknown warning
 * falls back to core's English `detail`.
 */
export function warningText(
  t: TFunction,
  language: string,
  warning: JournalPreview['warnings'][number],
): string {
  if (!warning.reason) return warning.detail;
  const count = warning.count ?? 0;
  const value =
    warning.reason === 'weekday' && warning.value ? dayLabel(warning.value, language) : (warning.value ?? '');
  return t(`journals:warning.${warning.reason}`, {
    count,
    formatted: count.toLocaleString(language),
    value,
    defaultValue: warning.detail,
  });
}
