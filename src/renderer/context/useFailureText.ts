import { useTranslation } from 'react-i18next';
import { errorSummary, toWireError } from '../chat/errorText';

/** A failed request's translated sentence, or null when there is no failure. */
export function useFailureText(failure: unknown): string | null {
  const { t } = useTranslation();
  return failure ? errorSummary(t, toWireError(failure)) : null;
}
