import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { displayAccelerator, parseAccelerator } from '../../shared/accelerator';
import type { Output } from '../../shared/contract';
import type { ShellSettings } from '../../shared/contract/shell';
import { BridgeError, call, onEvent } from '../bridge/api';
import { errorText } from '../chat/errorText';
import { CheckField, Field } from '../components/Field';
import { ShortcutRecorder, type RecorderResult } from './ShortcutRecorder';

type ShellStatus = Output<'shell.status'>;

// Offered when the shortcut cannot be registered: common free combinations, in order.
const ALTERNATIVES = ['Control+Alt+Space', 'Alt+Shift+Space', 'Control+Shift+Space', 'Control+Alt+P'];

/**
 * Settings' Desktop section: the quick-chat shortcut (recorded, refused with a reason when the
 * system or another app holds it, with another one offered), what quick chat continues, launch
 * at login and keeping Penpal in the tray. Each change saves at once, like the proxy fields.
 */
export function ShellFields(): ReactElement | null {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ShellStatus | null>(null);
  const [platform, setPlatform] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const reload = useCallback(() => {
    void call('shell.status', {})
      .then(setStatus)
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    reload();
    void call('app.info', {})
      .then((info) => setPlatform(info.platform))
      .catch(() => undefined);
    return onEvent('shell.changed', reload);
  }, [reload]);

  if (!status) return null;
  const shortcut = status.shortcut;

  const save = async (patch: Partial<ShellSettings>): Promise<void> => {
    // A checkbox or choice shows at once; a shortcut only once it is registered.
    if (patch.quickChatShortcut === undefined)
      setStatus({ ...status, settings: { ...status.settings, ...patch } });
    try {
      await call('shell.update', patch);
      setProblem(null);
    } catch (error) {
      const accelerator = patch.quickChatShortcut ? (parseAccelerator(patch.quickChatShortcut) ?? '') : '';
      setProblem(
        error instanceof BridgeError && error.code === 'shortcut_taken'
          ? t('shell:settings.notRegistered', { shortcut: displayAccelerator(accelerator, platform) })
          : errorText(t, error).summary,
      );
    }
    reload();
  };
  const recorded = (result: RecorderResult): void => {
    if ('problem' in result) setProblem(t('shell:settings.needsModifier'));
    else void save({ quickChatShortcut: result.accelerator });
  };

  // A shortcut that failed at start is said so here, with another one to take.
  const startProblem =
    shortcut.supported && !shortcut.registered && shortcut.error
      ? t('shell:settings.notRegistered', { shortcut: displayAccelerator(shortcut.accelerator, platform) })
      : null;
  const shownProblem = problem ?? startProblem;
  const alternative = shownProblem
    ? ALTERNATIVES.find((candidate) => candidate !== status.settings.quickChatShortcut)
    : undefined;

  return (
    <section className="settings-section" aria-labelledby="settings-shell">
      <h3 id="settings-shell">{t('shell:settings.heading')}</h3>
      {!status.desktop && <p className="field-hint">{t('shell:settings.webOnly')}</p>}
      <Field
        label={t('shell:settings.shortcut')}
        hint={t('shell:settings.shortcutHint')}
        error={shownProblem}
      >
        {({ id, describedBy, invalid }) => (
          <div className="shortcut-row">
            <ShortcutRecorder
              id={id}
              describedBy={describedBy}
              invalid={invalid}
              accelerator={status.settings.quickChatShortcut}
              platform={platform}
              onRecorded={recorded}
            />
            {alternative && (
              <button
                type="button"
                className="btn btn-small"
                onClick={() => void save({ quickChatShortcut: alternative })}
              >
                {t('shell:settings.useInstead', { shortcut: displayAccelerator(alternative, platform) })}
              </button>
            )}
          </div>
        )}
      </Field>
      <Field label={t('shell:settings.continues')}>
        {({ id }) => (
          <select
            id={id}
            className="input select"
            value={status.settings.quickChatContinues}
            onChange={(event) =>
              void save({ quickChatContinues: event.target.value === 'new' ? 'new' : 'last' })
            }
          >
            <option value="last">{t('shell:settings.continuesLast')}</option>
            <option value="new">{t('shell:settings.continuesNew')}</option>
          </select>
        )}
      </Field>
      <CheckField
        label={t('shell:settings.launchAtLogin')}
        checked={status.settings.launchAtLogin}
        onCheckedChange={(launchAtLogin) => void save({ launchAtLogin })}
      />
      {platform !== 'darwin' && (
        <CheckField
          label={t('shell:settings.closeToTray')}
          checked={status.settings.closeToTray}
          onCheckedChange={(closeToTray) => void save({ closeToTray })}
        />
      )}
    </section>
  );
}
