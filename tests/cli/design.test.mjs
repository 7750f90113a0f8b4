// design.test.mjs: `scaling design` and `scaling design-fit` through the real binary (issue 20, the
// sweep designer): the JSON keys, 6ND = C for every run, the runs summing to the study budget, the
// CSV export read back by design-fit, and the refusal of a span under 1.5 decades with its reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
const near = (a, b, rel = 1e-12) => assert.ok(Math.abs(a - b) <= rel * Math.abs(b), `${a} vs ${b}`);

test('design: 1e21 FLOP, the defaults -> 5 budgets x 7 runs with params, tokens, flops, loss, budget_index; 6ND = C', () => {
  const j = json('design', '--study-flops', '1e21', '--law', 'chinchilla-a3');
  for (const k of ['runs', 'budgets', 'study_flops', 'largest_budget', 'smallest_budget', 'fitted_range',
    'approach2_check', 'biases', 'warnings']) assert.ok(k in j, k);
  assert.equal(j.runs.length, 35);
  assert.equal(j.budgets.length, 5);
  let total = 0;
  for (const r of j.runs) {
    for (const k of ['params', 'tokens', 'flops', 'loss', 'budget_index']) assert.ok(k in r, k);
    near(6 * r.params * r.tokens, r.flops, 1e-12);
    total += r.flops;
  }
  near(total, 1e21, 1e-12);
  assert.equal(j.study_flops, 1e21);
  near(j.runs_total_flops, 1e21, 1e-12);
  // 1e21 / (7 x (1 + 10^-0.5 + 10^-1 + 10^-1.5 + 10^-2)) (python: 9.799162443672012e19).
  near(j.largest_budget, 9.799162443672012e19, 1e-12);
  near(j.approach2_check.a_recovered, 0.28 / 0.62, 1e-6);
  assert.ok(j.biases.some((b) => /arXiv 2603\.22339/.test(b)), j.biases);
});

test('design --csv: the runs as CSV, which design-fit reads back and fits both ways', () => {
  const r = run('design', '--study-flops', '1e21', '--law', 'chinchilla-a3', '--csv');
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trim().split('\n');
  assert.equal(lines[0], 'budget_index,params,tokens,flops,loss');
  assert.equal(lines.length, 36);
  const file = join(mkdtempSync(join(tmpdir(), 'design-')), 'sweep.csv');
  writeFileSync(file, r.out);
  const j = json('design-fit', file);
  for (const k of ['runs', 'approach2', 'approach3', 'largest_flops', 'biases', 'warnings']) assert.ok(k in j, k);
  assert.equal(j.runs, 35);
  assert.equal(j.approach2.budgets.length, 5);
  near(j.approach2.a, 0.28 / 0.62, 1e-5);
  near(j.approach3.a, 0.28 / 0.62, 1e-4);
});

test('design: a span under 1.5 decades is refused with its reason, exit 2', () => {
  const r = run('design', '--study-flops', '1e21', '--span-decades', '1');
  assert.equal(r.code, 2);
  assert.match(r.err, /--span-decades: must be at least 1\.5 decades/);
});
