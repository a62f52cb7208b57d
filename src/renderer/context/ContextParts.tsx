import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContextPart, ContextPreview } from '../../shared/contextSchemas';
import { useFormatters } from './format';

/** Past this many characters a part is shown folded, with "Show all". */
const FOLD_CHARS = 700;

function Part({ part, index }: { part: ContextPart; index: number }): ReactElement {
  const { t } = useTranslation();
  const format = useFormatters();
  const [open, setOpen] = useState(false);
  const long = part.content.length > FOLD_CHARS || part.content.split('\n', 12).length > 10;
  return (
    <li className={`ctx-part ctx-part-${part.kind}`} data-kind={part.kind} data-role={part.role}>
      <div className="ctx-part-head">
        <span className="ctx-part-index">{index + 1}</span>
        <span className="ctx-part-kind">{t(`context:kinds.${part.kind}`)}</span>
        <span className="ctx-part-role">{t(`context:roles.${part.role}`)}</span>
        <span className="ctx-part-tokens">
          {t('context:inspector.partTokens', { count: part.tokens, formatted: format.count(part.tokens) })}
        </span>
      </div>
      {/* Plain text, never HTML: model output and diary text are untrusted. */}
      <div className={`ctx-part-content${long && !open ? ' ctx-folded' : ''}`} data-part-content>
        {part.content}
      </div>
      {long && (
        <button type="button" className="ctx-link" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('context:inspector.showLess') : t('context:inspector.showAll')}
        </button>
      )}
    </li>
  );
}

/** The messages of a request, in the order sent, each with its kind, role and tokens. */
export function ContextParts({ preview }: { preview: ContextPreview }): ReactElement {
  const { t } = useTranslation();
  return (
    <section className="ctx-section">
      <h3>{t('context:inspector.messages', { count: preview.parts.length })}</h3>
      <ol className="ctx-parts">
        {preview.parts.map((part, index) => (
          <Part key={`${index}-${part.messageId ?? part.kind}`} part={part} index={index} />
        ))}
      </ol>
      {preview.prompt !== null && (
        <>
          <h3>{t('context:inspector.prompt')}</h3>
          <pre className="ctx-prompt">{preview.prompt}</pre>
        </>
      )}
      {preview.stop.length > 0 && (
        <p className="ctx-stop">
          <span>{t('context:inspector.stop')}</span>
          {preview.stop.map((stop) => (
            <code key={stop}>{JSON.stringify(stop)}</code>
          ))}
        </p>
      )}
    </section>
  );
}

/** What was not sent, grouped by why, with the tokens it would have taken. */
export function LeftOutList({ leftOut }: { leftOut: ContextPreview['leftOut'] }): ReactElement {
  const { t } = useTranslation();
  const format = useFormatters();
  const groups = new Map<string, { count: number; tokens: number }>();
  for (const item of leftOut) {
    const group = groups.get(item.reason) ?? { count: 0, tokens: 0 };
    group.count++;
    group.tokens += item.tokens;
    groups.set(item.reason, group);
  }
  return (
    <section className="ctx-section">
      <h3>{t('context:inspector.leftOut')}</h3>
      {groups.size === 0 ? (
        <p className="muted ctx-small">{t('context:inspector.nothingLeftOut')}</p>
      ) : (
        <ul className="ctx-left-out">
          {[...groups].map(([reason, group]) => (
            <li key={reason} data-reason={reason}>
              <span>{t(`context:reasons.${reason}`)}</span>
              <span className="muted">
                {t('context:inspector.leftOutCount', {
                  count: group.count,
                  tokens: format.count(group.tokens),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
