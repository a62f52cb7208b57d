// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadTextCounter } from '../../shared/tokens';
import { Composer } from '../chat/Composer';
import { initI18n } from '../i18n';
import { wait } from '../library/testUtils';
import { TokenCount } from './TokenCount';
import { makePreview } from './testPreview';

beforeAll(() => {
  initI18n('en');
});
afterEach(cleanup);

function renderComposer(base = makePreview({ totalTokens: 1000 })): HTMLTextAreaElement {
  render(
    <Composer
      streaming={false}
      onSend={async () => true}
      onStop={() => undefined}
      meter={<TokenCount base={base} />}
    />,
  );
  return screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
}

const tokens = (): string => screen.getByLabelText('Tokens').textContent ?? '';

describe('TokenCount', () => {
  it('counts the rest of the request plus the draft as it is typed, against the window', async () => {
    const box = renderComposer();
    expect(tokens()).toBe('1,000 / 128,000');
    fireEvent.change(box, { target: { value: 'Hello' } });
    // The tokenizer loads on the first keystroke; until then the draft is estimated, and says so.
    await wait(200);
    const count = await loadTextCounter('o200k_base');
    const draft = 'Tell me about the summer of 1998, when everything changed.';
    fireEvent.change(box, { target: { value: `  ${draft}\n` } });
    // Updated in the same render as the keystroke, no waiting.
    expect(tokens()).toBe(`${(1000 + count(draft) + 4).toLocaleString('en')} / 128,000`);
    expect(screen.queryByText('estimate')).toBeNull();
    fireEvent.change(box, { target: { value: '' } });
    expect(tokens()).toBe('1,000 / 128,000');
  });

  it('says "estimate" when the model’s tokenizer is unknown', async () => {
    const base = makePreview({
      model: 'llama3',
      totalTokens: 50,
      counting: { encoding: 'estimate', estimated: true, perMessage: 4, perRequest: 3 },
    });
    const box = renderComposer(base);
    expect(screen.getByText('estimate')).toBeTruthy();
    fireEvent.change(box, { target: { value: 'abcdefgh' } });
    await wait(50);
    // About four characters a token, plus the message's own framing.
    expect(tokens()).toBe('56 / 128,000');
    expect(screen.getByText('estimate')).toBeTruthy();
  });

  it('shows nothing until the base count is known', () => {
    render(<TokenCount base={null} />);
    expect(screen.queryByLabelText('Tokens')).toBeNull();
  });
});
