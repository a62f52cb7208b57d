// `npm test`: every check in order — type-check, lint, formatting, unit tests, the app build, Electron's
// security scanner (electronegativity), end-to-end — and
// one closing line `N passed, N failed` counting every test and check. Runs on the Node that npm
// put first on PATH (Node 24 from the `node` devDependency). `npm test -- unit e2e` runs only the
// steps named (`e2e` builds the web renderer first, as it tests the built one).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const STEPS = [
  'typecheck',
  'typecheck-web',
  'typecheck-bench',
  'lint',
  'format',
  'unit',
  'build',
  'electronegativity',
  'build-web',
  'e2e',
];
const only = process.argv.slice(2);
const unknown = only.filter((name) => !STEPS.includes(name));
if (unknown.length) {
  console.error(
    `Unknown step${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Steps: ${STEPS.join(', ')}.`,
  );
  process.exit(1);
}
if (only.includes('e2e') && !only.includes('build-web')) only.push('build-web');
if (only.includes('electronegativity') && !only.includes('build')) only.push('build');

const reports = join(process.cwd(), 'test-results', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
let passed = 0;
let failed = 0;
const failures = [];

function run(name, command, args, env = {}) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const outcome = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(
    `◀ ${name}: ${outcome.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return outcome.status === 0;
}

function check(name, command, args) {
  if (only.length && !only.includes(name)) return;
  if (run(name, command, args)) passed++;
  else {
    failed++;
    failures.push(name);
  }
}

/** Runs a test runner that writes a JSON report, and counts its tests from the report. */
function suite(name, command, args, reportFile, count, env) {
  if (only.length && !only.includes(name)) return;
  const ok = run(name, command, args, env);
  if (!existsSync(reportFile)) {
    failed++;
    failures.push(`${name} (no report)`);
    return;
  }
  const counts = count(JSON.parse(readFileSync(reportFile, 'utf8')));
  passed += counts.passed;
  failed += counts.failed;
  if (!ok || counts.failed) failures.push(name);
  if (!ok && counts.failed === 0) {
    failed++; // the runner failed outside any test (a crash, a failed setup)
  }
}

check('typecheck', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']);
check('typecheck-web', 'npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']);
check('typecheck-bench', 'npx', ['tsc', '-p', 'bench/streaming/tsconfig.json', '--noEmit']);
check('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
check('format', 'npx', ['prettier', '--check', '.', '--log-level=warn']);
suite(
  'unit',
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${join(reports, 'vitest.json')}`],
  join(reports, 'vitest.json'),
  (report) => ({ passed: report.numPassedTests, failed: report.numFailedTests }),
);
check('build', 'npx', ['electron-vite', 'build']);
// Electron's security scanner over src/ and the build just made; needs `build` (scans out/).
check('electronegativity', 'node', ['scripts/electronegativity.mjs']);
check('build-web', 'npx', ['vite', 'build', '--config', 'vite.web.config.ts']);
suite(
  'e2e',
  'npx',
  ['playwright', 'test', '--reporter=list,json'],
  join(reports, 'playwright.json'),
  (report) => ({ passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected }),
  { PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, 'playwright.json') },
);

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
