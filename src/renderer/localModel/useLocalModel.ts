import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input, Output } from '../../shared/contract';
import { call, onEvent } from '../bridge/api';
import { errorText } from '../chat/errorText';
import { noteSettings } from '../state/settingsStore';

/** What the "On this computer" section shows. */
export type LocalModelView = Output<'localModel.get'>;

/** The section's state: main's view (refreshed on `localModel.changed`), the last error, and actions. */
export function useLocalModel() {
  const { t } = useTranslation();
  const [view, setView] = useState<LocalModelView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    call('localModel.get', {}).then(setView, (err: unknown) => setError(errorText(t, err).summary));
  }, [t]);
  useEffect(() => {
    refresh();
    return onEvent('localModel.changed', refresh);
  }, [refresh]);

  // Every action answers with the new view; its error is shown in the section, nothing else changes.
  const act = async (run: () => Promise<LocalModelView | void>): Promise<void> => {
    setError(null);
    try {
      const next = await run();
      if (next) setView(next);
    } catch (err) {
      setError(errorText(t, err).summary);
    }
  };
  return {
    view,
    error,
    use: (id: string) =>
      act(async () => {
        noteSettings(await call('localModel.use', { id }));
        return call('localModel.get', {});
      }),
    addFile: (path: string) => act(() => call('localModel.addFile', { path })),
    download: (input: Input<'localModel.download'>) => act(() => call('localModel.download', input)),
    pause: (id: string) => act(() => call('localModel.pause', { id })),
    remove: (id: string) => act(() => call('localModel.delete', { id })),
    setIdle: (minutes: number) => act(() => call('localModel.setIdle', { minutes })),
    unload: () =>
      act(async () => {
        await call('localModel.unload', {});
        return call('localModel.get', {});
      }),
  };
}

/** Bytes as people read them: 398 MB, 1.1 GB. */
export function formatBytes(bytes: number, locale: string): string {
  const gb = bytes / 1e9;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: gb >= 1 ? 1 : 0 });
  if (gb >= 1) return `${number.format(gb)} GB`;
  return bytes >= 1e6 ? `${number.format(bytes / 1e6)} MB` : `${number.format(Math.ceil(bytes / 1e3))} KB`;
}

/** Language tags in the UI's language ("zh" → 中文 / Chinese). */
export function languageNames(tags: readonly string[], locale: string): string {
  const names = new Intl.DisplayNames([locale], { type: 'language' });
  return tags.map((tag) => names.of(tag) ?? tag).join(locale.startsWith('zh') ? '、' : ', ');
}
