// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/**
 * Lint for Penpal. Besides the usual rules, the folder boundaries of GUIDE §1 are enforced here:
 * which folder may import what is decided by the folder a file lives in.
 */

const nodeBuiltins = [...builtinModules.filter((name) => !name.startsWith('_')), 'node:*'];

/** A relative import that climbs up to `src/<folder>`: `../core/x`, `../../web`, … */
const folder = (name) => `^(\\.\\./)+${name}(/|$)`;

const rules = {
  electron: {
    group: ['electron', 'electron/*'],
    message: 'Only src/main and src/preload may import electron.',
  },
  node: { group: nodeBuiltins, message: 'This folder runs in the renderer: no Node built-ins.' },
};
const noFolder = (name, message) => ({ regex: folder(name), message });

/** `no-restricted-imports` for a zone: the patterns its files may not import. */
const restrict = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'dist/**',
      'release/**',
      'test-results/**',
      'playwright-report/**',
      '.bench/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // A component using a library the React Compiler cannot memoize (TanStack Virtual) says so.
      'react-hooks/incompatible-library': 'warn',
    },
  },
  {
    // Playwright fixtures take `({}, use)` by design.
    files: ['e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },

  // --- Folder boundaries -------------------------------------------------------------------
  restrict(
    ['src/shared/**'],
    [
      rules.electron,
      { ...rules.node, message: 'src/shared is imported everywhere: no Node built-ins.' },
      ...['core', 'main', 'renderer', 'web', 'preload'].map((name) =>
        noFolder(name, `src/shared may not import src/${name}: it is the contract everyone derives from.`),
      ),
    ],
  ),
  restrict(
    ['src/core/**'],
    [
      { ...rules.electron, message: 'Core never imports electron: pass what it needs in through a port.' },
      ...['main', 'renderer', 'web', 'preload'].map((name) =>
        noFolder(name, `src/core may not import src/${name}.`),
      ),
    ],
  ),
  restrict(
    ['src/renderer/**'],
    [
      rules.electron,
      rules.node,
      ...['core', 'main', 'web', 'preload'].map((name) =>
        noFolder(
          name,
          `The renderer may import only src/shared (it talks to src/${name} through the bridge).`,
        ),
      ),
    ],
  ),
  restrict(
    ['src/main/**'],
    [
      noFolder('web', 'The app may not import the browser host (e.g. its host-only key cipher).'),
      noFolder('renderer', 'Main talks to the renderer only through IPC.'),
      noFolder('preload', 'Main and preload are separate bundles.'),
    ],
  ),
  restrict(
    ['src/preload/**'],
    [
      { ...rules.node, message: 'A sandboxed preload has no Node built-ins.' },
      ...['core', 'main', 'renderer', 'web'].map((name) =>
        noFolder(name, 'The preload may import only electron and src/shared.'),
      ),
    ],
  ),
  restrict(
    ['src/web/**'],
    [
      { ...rules.electron, message: 'The browser host runs in plain Node: no electron.' },
      ...['main', 'renderer', 'preload'].map((name) =>
        noFolder(name, `The browser host may not import src/${name}.`),
      ),
    ],
  ),
);
