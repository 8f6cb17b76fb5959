#!/usr/bin/env node
// `npm test`: typecheck, unit tests, both builds (+ Firefox lint), end-to-end tests in real
// Chromium. Prints one line per step and, last, the plain summary `tests: N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = join(root, 'tests/.tmp');
mkdirSync(tmp, { recursive: true });
const bin = (name) => join(root, 'node_modules/.bin', name);

const results = [];
function run(label, command, args) {
  console.log(`\n▶ ${label}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: status === 0, seconds };
}

/** A step that is one check (typecheck, a build). */
function check(label, command, args) {
  const { ok, seconds } = run(label, command, args);
  results.push({ label, passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds });
  return ok;
}

/** A vitest run: counts come from its JSON report. */
function vitest(label, config) {
  const report = join(tmp, `${label}.json`);
  rmSync(report, { force: true });
  const { ok, seconds } = run(label, bin('vitest'), [
    'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`,
  ]);
  let passed = 0;
  let failed = ok ? 0 : 1;
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed = json.numPassedTests;
    failed = json.numFailedTests + (json.numTotalTestSuites && !json.success && !json.numFailedTests ? 1 : 0);
    if (json.numTotalTests === 0) failed += 1; // a run that ran nothing is a failure
  }
  results.push({ label, passed, failed, seconds });
}

check('typecheck', bin('tsc'), ['--noEmit']);
vitest('unit', 'vitest.config.ts');
const built = check('build chrome', bin('wxt'), ['build']);
check('build firefox', bin('wxt'), ['build', '-b', 'firefox']);
check('lint firefox', bin('web-ext'), ['lint', '--source-dir', '.output/firefox-mv3', '--no-input']);
if (built) vitest('e2e', 'vitest.e2e.config.ts');
else results.push({ label: 'e2e', passed: 0, failed: 1, seconds: '0' });

console.log('\nSummary');
for (const r of results) console.log(`${r.label}: ${r.passed} passed, ${r.failed} failed (${r.seconds}s)`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
