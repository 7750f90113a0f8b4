// kaplan.test.mjs: `scaling kaplan` through the real binary: Kaplan et al. 2020's L(N), L(D),
// L(C_min) at hand-computed points, compute as FLOP or PF-days, the frontier's exponents with and
// without E and their keys; `scaling emergence` lists the catalogue and grokking.
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
const near = (a, b, rel = 1e-6) => assert.ok(Math.abs(a - b) <= rel * Math.abs(b), `${a} vs ${b}`);

test('kaplan: L(N = 1e9) = (8.8e13/1e9)^0.076, L(D = 1e10) = (5.4e13/1e10)^0.095, L(1 PF-day) = 3.1e8^0.05', () => {
  const j = json('kaplan', '--params', '1e9', '--tokens', '1e10', '--pf-days', '1');
  for (const k of ['params', 'tokens', 'flops', 'pf_days', 'loss_n', 'loss_d', 'loss_c', 'constants', 'citations', 'law',
    'exponent_reducible', 'exponent_total', 'frontier', 'exponents_by_budget', 'reconciliation']) assert.ok(k in j, k);
  near(j.loss_n, (8.8e13 / 1e9) ** 0.076);
  near(j.loss_d, (5.4e13 / 1e10) ** 0.095);
  near(j.loss_c, 3.1e8 ** 0.05);
  near(j.flops, 8.64e19);
  assert.match(j.citations.loss_n, /2001\.08361, Eq\. 1\.1/);
  // --flops 8.64e19 is the same compute.
  near(json('kaplan', '--flops', '8.64e19').loss_c, 3.1e8 ** 0.05);
});

test('kaplan: epoch2024 at 1e24 FLOP: 0.178 without E (alpha·beta/(alpha+beta)), 0.0130 with it', () => {
  const j = json('kaplan', '--flops', '1e24');
  assert.equal(j.law, 'epoch2024');
  near(j.exponent_reducible, 0.3478 * 0.3658 / (0.3478 + 0.3658), 1e-9);
  near(j.exponent_total, j.exponent_reducible * (j.frontier.loss - 1.8172) / j.frontier.loss, 1e-9);
  near(j.exponent_total, 0.012965, 1e-4);
  assert.equal(j.exponents_by_budget.length, 10);
  near(j.total_exponent_003_at_flops, 4.915028e21, 1e-5);
  near(j.total_exponent_002_at_flops, 6.889431e22, 1e-5);
  // Kaplan's own law has no E: null exponents and a note, still exit 0.
  const k = json('kaplan', '--law', 'kaplan2020');
  assert.equal(k.exponent_reducible, null);
  assert.match(k.exponent_note, /irreducible/);
});

test('kaplan: --flops and --pf-days together are refused, naming --pf-days', () => {
  const r = run('kaplan', '--flops', '1e21', '--pf-days', '2');
  assert.equal(r.code, 2);
  assert.match(r.err, /--pf-days/);
});

test('emergence --json lists the claimed thresholds with sources and grokking (Power et al. 2022)', () => {
  const j = json('emergence');
  assert.ok(j.claims.length >= 14);
  for (const c of j.claims) assert.ok(c.source.length > 10, c.ability);
  const tom = j.claims.filter((c) => c.ability === 'Theory of mind');
  assert.equal(tom.length, 2);
  assert.ok(tom.every((c) => c.disputed));
  assert.ok(j.claims.some((c) => c.ability === 'Instruction following' && c.flops === 1.3e23));
  assert.equal(j.grokking.train_near_perfect_steps, 1e3);
  assert.equal(j.grokking.validation_near_perfect_steps, 1e6);
  assert.match(j.grokking.source, /2201\.02177/);
});
