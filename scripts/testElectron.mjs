// `npm run test:electron`: the opt-in Playwright project for the desktop shell. It needs the real
// Electron binary, which `npm start` downloads once; where it is missing (CI images, sandboxes)
// this says so and exits 0, so the run is skipped rather than failed. Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const SKIPPED = 'Skipped: the Electron binary is not installed (run npm start once to download it)';

function electronBinary() {
  try {
    // Where the `electron` package put the binary (`path.txt`, written once it is downloaded);
    // read directly, because requiring the package may try to download it.
    const root = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(root, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const path = join(root, 'dist', readFileSync(pathFile, 'utf8').trim());
    if (!existsSync(path)) return null;
    const probe = spawnSync(path, ['--version'], {
      timeout: 20_000,
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    });
    return probe.status === 0 ? path : null;
  } catch {
    return null;
  }
}

if (!electronBinary()) {
  console.log(SKIPPED);
  process.exit(0);
}
const run = (command, args) =>
  spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
const build = run('npx', ['electron-vite', 'build']);
if (build.status !== 0) process.exit(build.status ?? 1);
const tests = run('npx', [
  'playwright',
  'test',
  '-c',
  'playwright.electron.config.ts',
  ...process.argv.slice(2),
]);
process.exit(tests.status ?? 1);
