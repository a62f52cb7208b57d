import { startOpenAITestServer } from './fixtures/openaiTestServer';
import { expect, test } from './fixtures/test';

// The saved key is bound to the origin of its Base URL: the settings form asks for it again when
// the address moves, and warns before the key goes unencrypted to a public http:// host.

test('changing the Base URL asks for the key again, and the new server never sees the old key', async ({
  ready,
  server,
}) => {
  const { page } = ready;
  const other = await startOpenAITestServer({ models: ['other-model'] });
  try {
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Base URL').fill(other.baseURL);
    const oldOrigin = new URL(server.baseURL).origin;
    await expect(dialog.getByTestId('key-retype-notice')).toContainText(
      `Your saved key is only sent to ${oldOrigin}. Type it again to use it with ${new URL(other.baseURL).origin}.`,
    );
    await expect(dialog.getByLabel('API key')).toHaveAttribute(
      'placeholder',
      'Type your key again for this address',
    );

    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(dialog.getByText(/Your saved API key belongs to another address/)).toBeVisible();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText('Type the key again to save this address.')).toBeVisible();
    expect(other.requests).toHaveLength(0);
    await page.screenshot({ path: 'test-results/screens/settings-key-retype.png' });

    // Typed again, it goes to the new address (and only the typed key does).
    await dialog.getByLabel('API key').fill('sk-e2e-new-address-4321');
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(dialog.getByText(/✓ Connected/)).toBeVisible();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(other.requests.length).toBeGreaterThan(0);
    for (const request of other.requests) {
      expect(request.headers.authorization).toBe('Bearer sk-e2e-new-address-4321');
    }
  } finally {
    await other.close();
  }
});

test('a public http:// Base URL is warned about and needs a confirmation to save', async ({ ready }) => {
  const { page } = ready;
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Base URL').fill('http://example.com/v1');
  const warning = dialog.getByTestId('plain-http-warning');
  await expect(warning).toContainText('This address is not encrypted');
  await expect(warning).toContainText('example.com uses plain http://');
  await dialog.getByLabel('API key').fill('sk-e2e-plain-http-1111');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(
    dialog.getByText('Confirm that your key may be sent unencrypted, or use https://.'),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/settings-plain-http.png' });

  await warning.getByLabel('Send my key to this address without encryption').check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Local and private addresses need no warning.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog').getByLabel('Base URL').fill('http://192.168.1.20:11434/v1');
  await expect(page.getByRole('dialog').getByTestId('plain-http-warning')).toHaveCount(0);
});
