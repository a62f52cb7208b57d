import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../bridge/api';
import { errorText } from '../chat/errorText';
import { InputField } from '../components/Field';

/**
 * "Proxy" (a URL: `http://user:pass@host:port`, `socks5://…`, empty = the system proxy) and
 * "Bypass" beside it, saved on their own. The password never comes back: the field shows the
 * URL without it, and saving that URL again keeps the saved password.
 */
export function ProxyFields(): ReactElement {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [bypass, setBypass] = useState('');
  const [hasPassword, setHasPassword] = useState(false);
  const [state, setState] = useState<{ saved: boolean; error: string | null }>({ saved: false, error: null });

  useEffect(() => {
    void call('proxy.get', {}).then((view) => {
      setUrl(view.url);
      setBypass(view.bypass);
      setHasPassword(view.hasPassword);
    });
  }, []);

  const save = async (): Promise<void> => {
    try {
      const view = await call('proxy.set', { url, bypass });
      setUrl(view.url);
      setBypass(view.bypass);
      setHasPassword(view.hasPassword);
      setState({ saved: true, error: null });
    } catch (err) {
      setState({ saved: false, error: errorText(t, err).summary });
    }
  };

  return (
    <section className="settings-section" aria-labelledby="settings-network">
      <h3 id="settings-network">{t('providers:network.title')}</h3>
      <div className="field-grid">
        <InputField
          label={t('providers:proxy.label')}
          hint={hasPassword ? t('providers:proxy.passwordSaved') : t('providers:proxy.hint')}
          error={state.error}
          type="text"
          spellCheck={false}
          autoComplete="off"
          placeholder={t('providers:proxy.placeholder')}
          value={url}
          onValueChange={(value) => (setUrl(value), setState({ saved: false, error: null }))}
        />
        <InputField
          label={t('providers:bypass.label')}
          hint={t('providers:bypass.hint')}
          error={null}
          type="text"
          spellCheck={false}
          autoComplete="off"
          value={bypass}
          onValueChange={(value) => (setBypass(value), setState({ saved: false, error: null }))}
        />
      </div>
      <button type="button" className="btn btn-small" onClick={() => void save()}>
        {t('providers:proxy.save')}
      </button>
      {state.saved && <span className="field-hint">{t('providers:proxy.saved')}</span>}
    </section>
  );
}
