// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n';
import { AvatarField } from './AvatarField';
import { MAX_AVATAR_BYTES } from './personaForm';

beforeAll(() => {
  initI18n('en');
});
afterEach(cleanup);

function choose(file: File): void {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
  fireEvent.change(input, { target: { files: [file] } });
}

describe('AvatarField', () => {
  it('takes an emoji, or a small image as a data URL', async () => {
    const onChange = vi.fn();
    render(<AvatarField value="🙂" onChange={onChange} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Avatar' }), { target: { value: '🦉' } });
    expect(onChange).toHaveBeenLastCalledWith('🦉');

    // The 8-byte PNG signature is enough for a data URL of type image/png.
    choose(new File([new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10])], 'owl.png', { type: 'image/png' }));
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith('data:image/png;base64,iVBORw0KGgo='));
  });

  it('refuses an image over 200 KB and a file that is not an image, keeping the avatar', async () => {
    const onChange = vi.fn();
    render(<AvatarField value="🙂" onChange={onChange} />);
    choose(new File([new Uint8Array(MAX_AVATAR_BYTES + 1)], 'big.png', { type: 'image/png' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'That image is larger than 200 KB. Choose a smaller one.',
    );
    choose(new File(['<html></html>'], 'page.html', { type: 'text/html' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(/not an image Penpal can show/),
    );
    expect(onChange).not.toHaveBeenCalled();
  });
});
