// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n';
import { Composer } from './Composer';
import { isSendKey } from './composerKeys';

beforeAll(() => {
  initI18n('en');
});
afterEach(cleanup);

describe('isSendKey', () => {
  it('sends on Enter, not on Shift+Enter or while an IME composes', () => {
    expect(isSendKey({ key: 'Enter', shiftKey: false })).toBe(true);
    expect(isSendKey({ key: 'Enter', shiftKey: true })).toBe(false);
    expect(isSendKey({ key: 'Enter', shiftKey: false, isComposing: true })).toBe(false);
    expect(isSendKey({ key: 'Enter', shiftKey: false, keyCode: 229 })).toBe(false);
    expect(isSendKey({ key: 'Enter', shiftKey: false }, true)).toBe(false);
    expect(isSendKey({ key: 'a', shiftKey: false })).toBe(false);
  });
});

function setup(streaming = false): {
  onSend: ReturnType<typeof vi.fn>;
  onStop: ReturnType<typeof vi.fn>;
  box: HTMLTextAreaElement;
} {
  const onSend = vi.fn(async () => true);
  const onStop = vi.fn();
  render(<Composer streaming={streaming} onSend={onSend} onStop={onStop} />);
  const box = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
  return { onSend, onStop, box };
}

describe('Composer', () => {
  it('Enter sends the trimmed text and clears the box', async () => {
    const { onSend, box } = setup();
    fireEvent.change(box, { target: { value: '  hello  ' } });
    await act(async () => {
      fireEvent.keyDown(box, { key: 'Enter' });
    });
    expect(onSend).toHaveBeenCalledWith('hello');
    expect(box.value).toBe('');
  });

  it('Shift+Enter does not send', () => {
    const { onSend, box } = setup();
    fireEvent.change(box, { target: { value: 'line one' } });
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    expect(onSend).not.toHaveBeenCalled();
  });

  it('Enter that confirms a Chinese IME candidate does not send', () => {
    const { onSend, box } = setup();
    fireEvent.compositionStart(box);
    fireEvent.change(box, { target: { value: '你好' } });
    fireEvent.keyDown(box, { key: 'Enter', isComposing: true, keyCode: 229 });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
    fireEvent.compositionEnd(box);
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('你好');
  });

  it('puts the text back when sending fails', async () => {
    const onSend = vi.fn(async () => false);
    render(<Composer streaming={false} onSend={onSend} onStop={() => undefined} />);
    const box = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    fireEvent.change(box, { target: { value: 'keep me' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    });
    expect(box.value).toBe('keep me');
  });

  it('shows Stop while streaming; Stop keeps the draft and Enter does not send', () => {
    const { onSend, onStop, box } = setup(true);
    fireEvent.change(box, { target: { value: 'next question' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(onStop).toHaveBeenCalledTimes(1);
    expect(box.value).toBe('next question');
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
  });
});
