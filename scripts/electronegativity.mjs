// `npm test`'s electronegativity step: Doyensec's Electron security scanner over the sources
// (`src`) and over what ships (the build in `out/`, without the browser host's page), assuming the
// installed Electron's version. Every finding must be listed in `electronegativity-allow.json`
// with a reason (per check and file, with how many there are); a new finding, a changed count or
// an entry that no longer matches anything fails the step, so the list stays reviewed.
//
// Run through its programmatic API rather than its CLI, for one reason: it fetches translations
// from S3 at every start, and its HTTP client (got 11) crashes the run when that request times
// out offline. `npm test` must not reach the network, so the `got` it loads is replaced by one
// that fails at once; it then uses its bundled English texts.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

const require = createRequire(import.meta.url);
const root = join(dirname(new URL(import.meta.url).pathname), '..');
const allowFile = join(root, 'electronegativity-allow.json');
const allow = JSON.parse(readFileSync(allowFile, 'utf8'));
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;

const scannerDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const gotPath = require.resolve('got', { paths: [scannerDir] });
const offline = () => Promise.reject(new Error('electronegativity runs offline in npm test'));
offline.head = offline;
const stub = new Module(gotPath);
stub.exports = { __esModule: true, default: offline };
stub.loaded = true;
require.cache[gotPath] = stub;
const scan = require(scannerDir);

// What ships is out/main, out/preload and out/renderer (electron-builder.yml leaves out/web out).
// They are scanned together, as one app, so that the global checks (CSP, navigation limits,
// permission handler) see main and renderer side by side.
const built = ['main', 'preload', 'renderer'];
if (!built.every((name) => existsSync(join(root, 'out', name)))) {
  console.error('electronegativity: no build in out/ — run `npx electron-vite build` first.');
  process.exit(1);
}
const shipped = mkdtempSync(join(tmpdir(), 'penpal-electronegativity-'));
for (const name of built) cpSync(join(root, 'out', name), join(shipped, 'out', name), { recursive: true });

const findings = [];
const unparsed = [];
try {
  for (const [input, base] of [
    [join(root, 'src'), root],
    [join(shipped, 'out'), shipped],
  ]) {
    const result = await scan({
      input,
      electronVersionOverride: electronVersion,
      excludeFromScan: allow.excludedChecks.map((entry) => entry.check),
    });
    for (const issue of result.issues) {
      const file = issue.file === 'N/A' ? 'N/A' : relative(base, issue.file);
      findings.push({
        check: issue.id,
        file,
        line: `${issue.location.line}:${issue.location.column}`,
        issue,
      });
    }
    for (const error of result.errors) {
      if (!error.tolerable) unparsed.push(`${relative(base, error.file)}: ${error.message}`);
    }
  }
} finally {
  rmSync(shipped, { recursive: true, force: true });
}

const key = (check, file) => `${check} ${file}`;
const counts = new Map();
for (const finding of findings)
  counts.set(key(finding.check, finding.file), (counts.get(key(finding.check, finding.file)) ?? 0) + 1);
const problems = [];
for (const [name, count] of counts) {
  const entry = allow.allowed.find((candidate) => key(candidate.check, candidate.file) === name);
  if (!entry) {
    problems.push(`new finding${count > 1 ? 's' : ''}: ${name} (${count})`);
    for (const finding of findings.filter((f) => key(f.check, f.file) === name)) {
      problems.push(
        `    at ${finding.line} — ${finding.issue.description} ${finding.issue.shortenedURL ?? ''}`,
      );
    }
  } else if (entry.count !== count) {
    problems.push(`${name}: ${count} finding(s), the allow-list expects ${entry.count}; review the change`);
  }
}
for (const entry of allow.allowed) {
  if (!counts.has(key(entry.check, entry.file))) {
    problems.push(`stale allow-list entry (nothing matches it any more): ${key(entry.check, entry.file)}`);
  }
}
for (const file of unparsed) problems.push(`not scanned (parse error): ${file}`);

console.log(
  `electronegativity (Electron ${electronVersion}): ${findings.length} finding(s) in src/ and the build.`,
);
for (const finding of findings) console.log(`  ${finding.check}  ${finding.file}:${finding.line}`);
if (problems.length) {
  console.error(`\n${problems.join('\n')}`);
  console.error(`\nFix the finding, or list it in ${relative(root, allowFile)} with a reason.`);
  process.exit(1);
}
console.log('Every finding is reviewed and listed with its reason.');
