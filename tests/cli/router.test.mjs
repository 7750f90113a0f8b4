// router.test.mjs: `scaling router` through the real binary: the JSON keys, the default
// mix's worked values (hand computation in tests/unit/test_router.cpp), the claim's verdict, and
// shares refused with exit 2 naming the flag (above 100%, a sum off 100%).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = process.env.SCALING_CLI || join(ROOT, 'build/native/bin/scaling');
const run = (...args) => {
  const r = spawnSync(CLI, args, { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const json = (...args) => {
  const r = run(...args, '--json');
  assert.equal(r.code, 0, r.err);
  return JSON.parse(r.out);
};
const near = (a, b, rel) => assert.ok(Math.abs(a - b) <= rel * Math.abs(b), `${a} vs ${b}`);

test('router --json: keys and the default mix on an H100', () => {
  const j = json('router');
  for (const k of ['blended_dollars_per_request', 'blended_latency_seconds', 'all_expensive_dollars_per_request',
    'saving_factor', 'classes', 'warnings', 'modes', 'prices_as_of', 'saving_verdict']) assert.ok(k in j, k);
  near(j.blended_dollars_per_request, 1.257693e-3, 1e-4);
  near(j.all_expensive_dollars_per_request, 1.172481e-2, 1e-4);
  near(j.saving_factor, 9.3225, 1e-4);
  assert.equal(j.saving_verdict, 'within the claim');
  assert.deepEqual(j.classes.map((c) => c.name), ['classification', 'summarisation', 'reasoning']);
  assert.deepEqual(j.modes.map((m) => m.mode), ['fast', 'thinking', 'background']);
  assert.equal(j.prices_as_of, '2025');
});

test('router: quality per dollar appears when every class has a quality', () => {
  const j = json('router', '--quality-classification', '0.9', '--quality-summarisation', '0.8',
    '--quality-reasoning', '0.7');
  near(j.blended_quality, 0.85, 1e-12);
  near(j.quality_per_dollar, 0.85 / 1.257693e-3, 1e-4);
});

test('router: a share of 120% and shares summing to 110% exit 2 naming the flag', () => {
  const high = run('router', '--share-classification', '120', '--json');
  assert.equal(high.code, 2);
  assert.ok(high.err.includes('--share-classification'), high.err);
  const sum = run('router', '--share-classification', '70', '--json');
  assert.equal(sum.code, 2);
  assert.ok(sum.err.includes('--share-reasoning') && sum.err.includes('110%'), sum.err);
});
