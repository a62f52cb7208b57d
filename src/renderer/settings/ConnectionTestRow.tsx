import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../chat/errorText';
import type { ConnectionTest } from './useConnectionTest';

/** "Test connection" and what the last test found (models, or why it failed). */
export function ConnectionTestRow({
  test,
  onTest,
}: {
  test: ConnectionTest;
  onTest: () => void;
}): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="test-row">
      <button type="button" className="btn" onClick={onTest} disabled={test.state === 'testing'}>
        {test.state === 'testing' ? t('settings:test.testing') : t('settings:test.button')}
      </button>
      <TestResult test={test} />
    </div>
  );
}

function TestResult({ test }: { test: ConnectionTest }): ReactElement | null {
  const { t } = useTranslation();
  if (test.state === 'ok') {
    return (
      <div className="test-result" role="status">
        <p className="test-ok">✓ {t('settings:test.ok', { count: test.count })}</p>
        {!test.modelFound && (
          <p className="test-warn">{t('settings:test.modelMissing', { model: test.model })}</p>
        )}
      </div>
    );
  }
  if (test.state === 'failed') {
    const text = errorText(t, test.error, { baseURL: test.baseURL, model: test.model });
    return (
      <div className="test-result" role="alert">
        <p className="test-failed">{text.summary}</p>
        {text.detail && <p className="field-hint">{text.detail}</p>}
      </div>
    );
  }
  return null;
}
