import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/errors';
import { initI18n } from '../i18n';
import { errorSummary, errorText } from './errorText';

beforeAll(() => {
  initI18n('en');
});

describe('errorText', () => {
  it('has a translated sentence for every error code, in both languages', async () => {
    for (const language of ['en', 'zh-CN']) {
      await i18next.changeLanguage(language);
      for (const code of ERROR_CODES) {
        const text = errorSummary(i18next.t, { code, message: '' });
        expect(text, `${language}:${code}`).not.toMatch(/^errors:|\{\{/);
      }
    }
    await i18next.changeLanguage('en');
  });

  it('names the host, the model and the retry delay', () => {
    const t = i18next.t;
    expect(
      errorSummary(t, { code: 'network', message: '' }, { baseURL: 'http://localhost:11434/v1' }),
    ).toContain('localhost:11434');
    expect(errorSummary(t, { code: 'model_not_found', message: '' }, { model: 'gpt-9' })).toContain(
      '“gpt-9”',
    );
    expect(errorSummary(t, { code: 'rate_limited', message: '', retryAfter: 7.2 })).toContain('8 s');
    expect(errorSummary(t, { code: 'unauthorized', message: '' })).toMatch(/^The API key was refused/);
    expect(errorSummary(t, { code: 'bad_url', message: '' })).toMatch(
      /^No OpenAI-compatible API at this URL/,
    );
  });

  it('adds the service detail and treats unknown failures as internal', () => {
    const { summary, detail } = errorText(i18next.t, new Error('boom'));
    expect(summary).toBe('Something went wrong inside Penpal.');
    expect(detail).toBe('Details: boom');
  });
});
