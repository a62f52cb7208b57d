import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContextPreview } from '../../shared/contextSchemas';
import { draftMessageTokens, useDraftCounter } from './draftCounter';
import { useDraft } from './draftStore';
import { useFormatters } from './format';

/**
 * The running count near the composer, labelled "Tokens": the whole next request (system
 * prompt, examples, summary, history, from `base`) plus the draft counted here as it is typed,
 * against the model's window. Only this component re-renders per keystroke.
 */
export function TokenCount({ base }: { base: ContextPreview | null }): ReactElement | null {
  const { t } = useTranslation();
  const format = useFormatters();
  const labelId = useId();
  const draft = useDraft();
  const counter = useDraftCounter(base?.counting.encoding ?? null, draft !== '');
  if (!base) return null;
  const added = draftMessageTokens(draft, counter, base.counting);
  const total = base.totalTokens + added.tokens;
  const estimated = base.counting.estimated || added.estimated;
  const over = total + base.maxOutput > base.contextWindow;
  return (
    <p
      className={`token-count${over ? ' token-count-over' : ''}`}
      title={over ? t('context:tokens.over') : estimated ? t('context:tokens.estimateHint') : undefined}
    >
      <span id={labelId}>{t('context:tokens.label')}</span>
      <output aria-labelledby={labelId} data-tokens={total}>
        {t('context:tokens.value', {
          used: format.count(total),
          window: format.count(base.contextWindow),
        })}
      </output>
      {estimated && <span className="token-count-estimate">{t('context:tokens.estimate')}</span>}
    </p>
  );
}
