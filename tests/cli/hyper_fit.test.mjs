// hyper_fit.test.mjs: `scaling hyper`'s JSON keys and figures, and `scaling fit --form power` with as
// few points as constants, --predict and --bootstrap (issue 20).
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
const near = (a, b, rel) => Math.abs(a / b - 1) <= rel;

test('hyper --json: DeepSeek 2024 learning rate and batch, Kaplan critical batch, at 5.76e23', () => {
  const j = json('hyper', '--flops', '5.76e23', '--law', 'chinchilla-a3');
  // python3: 0.3118*5.76e23**-0.125, 0.2920*5.76e23**0.3271 -> 3.3405910e-4, 17274959.8
  assert.ok(near(j.deepseek.learning_rate, 3.340591e-4, 1e-6), JSON.stringify(j));
  assert.ok(near(j.deepseek.batch_tokens, 17274959.8, 1e-8));
  assert.ok(near(j.kaplan.critical_batch_tokens, 8718300.25, 1e-8));
  assert.match(j.deepseek.source, /2401\.02954/);
  assert.ok(j.warnings.length >= 1);
  assert.equal(json('hyper', '--flops', '1e22', '--law', 'ratio20').kaplan, null);
});

test('fit --form power: two points against N alone; --predict and --bootstrap work or are refused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scaling-power-'));
  const two = join(dir, 'two.csv');
  writeFileSync(two, 'N,loss\n1e8,3.5\n1e9,2.9\n');
  const j = json('fit', two, '--form', 'power', '--x', 'N', '--predict', '1e10');
  assert.ok(near(j.pure.alpha, Math.log(3.5 / 2.9) / Math.log(10), 1e-9));
  assert.equal(j.saturating, null);
  assert.ok(near(j.prediction.pure, 2.9 * 2.9 / 3.5, 1e-9));
  const boot = run('fit', two, '--form', 'power', '--x', 'N', '--bootstrap', '100');
  assert.equal(boot.code, 2);
  assert.match(boot.err, /--bootstrap:/);
  assert.equal(run('fit', two).code, 2);  // the five-constant form still needs D or C and 5 runs
});
