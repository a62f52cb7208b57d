import { describe, expect, it } from 'vitest';
import { MemoryKeyValueStore } from '../testing/memoryPorts';
import { SettingsService } from '../settings/settingsService';
import { configForProvider } from './providerConfig';
import { ProviderStore } from './providerStore';
import { migrateSettingsFile } from './settingsMigration';

function setup() {
  const file = new MemoryKeyValueStore();
  const settings = new SettingsService(file);
  settings.update({ baseURL: 'https://api.openai.com/v1', model: 'gpt-4o-mini' });
  migrateSettingsFile(file, settings);
  return { file, settings, providers: new ProviderStore(file, settings) };
}

describe('saved providers', () => {
  it('gives each address its own id, and a second one at a look-alike address another', () => {
    const { providers } = setup();
    const a = providers.add({ name: 'A', baseURL: 'https://a.example/v1/', defaultModel: 'm' });
    const b = providers.add({ name: 'B', baseURL: 'https://a-example/v1', defaultModel: 'm' });
    expect(a).toBe('a-example-v1');
    expect(b).toBe('a-example-v1-2');
    expect(providers.get(a)?.baseURL).toBe('https://a.example/v1');
    expect(() => providers.add({ name: 'Bad', baseURL: 'ftp://x', defaultModel: '' })).toThrow(/http/);
  });

  it('editing the provider in use edits the endpoint chat uses; another one leaves it', () => {
    const { providers, settings } = setup();
    const other = providers.add({ name: 'Other', baseURL: 'https://other.example/v1', defaultModel: 'o1' });
    providers.update(other, { name: 'Renamed' });
    expect(settings.get().baseURL).toBe('https://api.openai.com/v1');
    providers.update('default', { baseURL: 'https://proxy.example/openai/v1', defaultModel: 'gpt-4o' });
    expect(settings.get()).toMatchObject({ baseURL: 'https://proxy.example/openai/v1', model: 'gpt-4o' });
    expect(providers.inUse().id).toBe('default');
    expect(() => providers.update(other, { baseURL: 'https://proxy.example/openai/v1' })).toThrow(
      'already saved as “OpenAI”',
    );
  });

  it('with "default" removed, an address typed in the Connection form becomes a provider of its own', () => {
    const { providers, settings } = setup();
    const other = providers.add({ name: 'Other', baseURL: 'https://other.example/v1', defaultModel: 'o1' });
    expect(providers.remove('default')).toBe(other);
    settings.update({ baseURL: 'https://typed.example/v1' });
    const listed = providers.list();
    expect(listed.map((p) => [p.id, p.inUse])).toEqual([
      [other, false],
      ['typed-example-v1', true],
    ]);
  });

  it("a conversation's settings: its provider's address and model, the one in use's own model, a removed one falls back", () => {
    const { providers, settings } = setup();
    const other = providers.add({ name: 'Other', baseURL: 'https://other.example/v1', defaultModel: '' });
    providers.patch(other, (p) => ({
      ...p,
      capabilities: {
        checkedAt: '',
        models: ['listed-first'],
        streamingUsage: true,
        completions: false,
        contextLength: null,
      },
    }));
    settings.update({ model: 'typed-in-form' });
    expect(configForProvider(providers, settings.get(), other)).toMatchObject({
      baseURL: 'https://other.example/v1',
      model: 'listed-first',
      providerId: other,
      completions: false,
    });
    expect(configForProvider(providers, settings.get(), 'default')).toMatchObject({
      baseURL: 'https://api.openai.com/v1',
      model: 'typed-in-form',
      providerId: 'default',
    });
    expect(configForProvider(providers, settings.get(), 'gone')).toMatchObject({ providerId: 'default' });
    expect(configForProvider(providers, settings.get(), null)).toMatchObject({ providerId: 'default' });
  });
});
