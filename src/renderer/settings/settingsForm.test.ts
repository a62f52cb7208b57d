import { describe, expect, it } from 'vitest';
import type { KeyStatus } from '../../shared/schemas';
import { formFromSettings, savedKeyGoesTo, validateForm, type SettingsForm } from './settingsForm';

const saved: KeyStatus = {
  configured: true,
  last4: 'WXYZ',
  storage: 'keychain',
  canPersistSecurely: true,
  backend: 'test',
  origin: 'https://api.openai.com',
  plainHttpConfirmed: false,
  canConfirmReuse: false,
};

function form(patch: Partial<SettingsForm>): SettingsForm {
  return {
    ...formFromSettings(
      {
        baseURL: 'https://api.openai.com/v1',
        model: 'gpt-4o-mini',
        temperature: 1,
        topP: 1,
        maxTokens: null,
        systemPrompt: '',
        language: 'en',
        autoTitle: true,
      },
      false,
    ),
    ...patch,
  };
}

describe('the settings form and the key binding', () => {
  it('keeps the saved key for the same origin, whatever the path', () => {
    expect(savedKeyGoesTo(saved, 'https://API.openai.com:443/v2/')).toBe(true);
    expect(validateForm(form({ baseURL: 'https://api.openai.com/other' }), false, saved)).toEqual({});
  });

  it('asks for the key again when the origin changes (scheme, host or port)', () => {
    for (const baseURL of [
      'http://api.openai.com/v1',
      'https://api.openai.com:8443/v1',
      'http://127.0.0.1:11434/v1',
    ]) {
      expect(validateForm(form({ baseURL }), false, saved).key, baseURL).toEqual({ key: 'key.retype' });
      expect(validateForm(form({ baseURL, key: 'sk-typed' }), false, saved).key).toBeUndefined();
    }
  });

  it('needs a confirmation before a key goes unencrypted to a public host', () => {
    const baseURL = 'http://example.com/v1';
    expect(validateForm(form({ baseURL, key: 'sk-typed' }), false, saved).baseURL).toEqual({
      key: 'baseURL.plainHttpRequired',
    });
    expect(validateForm(form({ baseURL, key: 'sk-typed', plainHttpConfirmed: true }), false, saved)).toEqual(
      {},
    );
    // Already confirmed for this origin when the key was saved: nothing more to ask.
    const confirmed = { ...saved, origin: 'http://example.com', plainHttpConfirmed: true };
    expect(validateForm(form({ baseURL }), false, confirmed)).toEqual({});
    expect(validateForm(form({ baseURL: 'http://10.0.0.2:8000/v1', key: 'sk-typed' }), false, saved)).toEqual(
      {},
    );
  });
});

describe('the model on this computer', () => {
  it('asks for no key and no confirmation', () => {
    const builtin = form({ baseURL: 'http://on-this-computer.invalid/v1', key: '' });
    expect(validateForm(builtin, true, null)).toEqual({});
  });
});

describe('a provider in use with its own key', () => {
  const beta = { baseURL: 'http://127.0.0.1:9000/v1', key: { source: 'own' as const } };

  it('asks for no Connection key at its address, even where the saved one is bound elsewhere', () => {
    const atBeta = form({ baseURL: beta.baseURL });
    expect(validateForm(atBeta, false, saved).key).toEqual({ key: 'key.retype' });
    expect(validateForm(atBeta, true, null).key).toEqual({ key: 'key.required' });
    expect(validateForm(atBeta, false, saved, beta)).toEqual({});
    expect(validateForm(atBeta, true, null, beta)).toEqual({});
    expect(validateForm(atBeta, true, null, { ...beta, key: { source: 'keyless' } })).toEqual({});
  });

  it('asks again once the address is another, or when its key is not its own', () => {
    const elsewhere = form({ baseURL: 'http://127.0.0.1:9001/v1' });
    expect(validateForm(elsewhere, false, saved, beta).key).toEqual({ key: 'key.retype' });
    const none = { ...beta, key: { source: 'none' as const } };
    expect(validateForm(form({ baseURL: beta.baseURL }), true, null, none).key).toEqual({
      key: 'key.required',
    });
  });
});
