import { defineConfig } from '@playwright/test';

/**
 * The desktop shell against the real Electron app (`npm run test:electron`, which skips itself
 * where the Electron binary is not installed). Needs `electron-vite build` first (the script does it).
 */
export default defineConfig({
  testDir: 'e2e-electron',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  outputDir: 'test-results/e2e-electron',
  use: { trace: 'retain-on-failure' },
});
