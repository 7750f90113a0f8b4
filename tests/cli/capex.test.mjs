// capex.test.mjs: `scaling capex` through the real binary: the JSON keys, the worked values
// of the $5bn 2025 system (hand computation in tests/unit/test_capex.cpp), the claims' verdicts, and
// bad values refused with exit 2 naming the flag.
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

test('capex --json: keys and the $5bn 2025 system on H100 prices', () => {
  const j = json('capex');
  for (const k of ['accelerators', 'flops_per_second', 'training_flops', 'warnings', 'prices_as_of', 'claims', 'optimal',
    'training_flops_range', 'trend_factor']) assert.ok(k in j, k);
  // 2.5e9 / 33,750 = 74,074 accelerators; x 989e12 x 2^(2/2.07) x 0.4 x 90 days = 4.452e26 FLOP.
  near(j.accelerators, 74074.07, 1e-6);
  near(j.flops_per_second, 1.43124e20, 1e-4);
  near(j.training_flops, 4.45173e26, 1e-4);
  assert.match(j.prices_as_of, /^2023-05/);
  assert.deepEqual(j.claims.map((c) => c.verdict), ['agrees (within 2x)', 'above the trend\'s range', 'above the trend\'s range']);
  near(j.claims[1].computed_multiple, 81.92, 1e-3);
  near(j.claims[2].implied_doubling_years, 1.0, 1e-9);
  assert.ok(j.optimal.params > 0);
});

test('capex: the flags move the answer as the model says', () => {
  const base = json('capex').training_flops;
  near(json('capex', '--system-dollars', '150e9', '--year', '2028').training_flops, base * 30 * 2 ** (3 / 2.07), 1e-9);
  near(json('capex', '--dtype', 'fp8').training_flops, base * 1979 / 989, 1e-9);
  assert.equal(json('capex', '--accelerator-price', '40000').prices_as_of, 'your price');
  // The law's extrapolation warning is there at every frontier budget; 2040 adds the trend's.
  const w = json('capex', '--year', '2040').warnings;
  assert.equal(w.length, json('capex').warnings.length + 1);
  assert.match(w[0], /17 years from the reference price/);
});

test('capex: bad values exit 2 naming the flag', () => {
  for (const [flag, v] of [['--overhead-share', '1.2'], ['--system-dollars', '-1'], ['--mfu', '1.5'], ['--year', 'abc']]) {
    const r = run('capex', flag, v, '--json');
    assert.equal(r.code, 2, `${flag} ${v}`);
    assert.ok(r.err.includes(flag), r.err);
  }
});
