import { describe, expect, it } from 'vitest';
import { initI18n } from '../i18n';
import { providerName } from './providerName';

describe('providerName', () => {
  it('shows "On this computer" in the UI language, and other providers by the name they were given', async () => {
    const i18n = initI18n('zh-CN');
    const builtin = { kind: 'builtin', name: 'On this computer' };
    expect(providerName(i18n.t, builtin)).toBe('本机模型');
    expect(providerName(i18n.t, { kind: 'custom', name: 'Beta' })).toBe('Beta');
    await i18n.changeLanguage('en');
    expect(providerName(i18n.t, builtin)).toBe('On this computer');
  });
});
