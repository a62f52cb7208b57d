import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { UsageTotal } from '../../shared/contextSchemas';
import { call } from '../bridge/api';
import { useFormatters } from './format';

/** A usage total as one line: answers, tokens in and out, cost. */
export function UsageLine({ total }: { total: UsageTotal }): ReactElement {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <p className="usage-line">
      <span>{t('context:usage.answers', { count: total.answers })}</span>
      <span>
        {t('context:usage.tokens', {
          prompt: format.count(total.promptTokens),
          completion: format.count(total.completionTokens),
        })}
      </span>
      <strong>{total.cost === null ? t('context:usage.costUnknown') : format.cost(total.cost)}</strong>
    </p>
  );
}

/** Tokens and cost of a conversation's answers so far (refetched when `refreshKey` changes). */
export function ConversationUsage({
  id,
  refreshKey,
}: {
  id: string;
  refreshKey: string;
}): ReactElement | null {
  const { t } = useTranslation();
  const [total, setTotal] = useState<{ id: string; total: UsageTotal } | null>(null);
  useEffect(() => {
    let live = true;
    call('usage.conversation', { id }).then(
      (next) => live && setTotal({ id, total: next }),
      // Usage is a nicety here: without it the inspector still shows the request.
      () => live && setTotal(null),
    );
    return () => {
      live = false;
    };
  }, [id, refreshKey]);
  if (!total || total.id !== id) return null;
  return (
    <section className="ctx-section">
      <h3>{t('context:usage.conversation')}</h3>
      <UsageLine total={total.total} />
    </section>
  );
}
