// tco.test.mjs: `scaling tco` through the real binary: the worked examples, its JSON keys,
// the cost per request per million tokens and the refusal of both forms at once; the dates of
// catalogue prices (`prices_as_of`) and the over-training pair in budget and lifetime-cost.
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
const near = (a, b, rel = 1e-12) => assert.ok(Math.abs(a - b) <= rel * Math.abs(b), `${a} vs ${b}`);

test('tco: $10M training, $0.01 a request, 1e9 a day -> break-even after 1e9 requests, 1 day, $3.65B a year (365x)', () => {
  const j = json('tco', '--training-dollars', '10M', '--dollars-per-request', '0.01', '--requests-per-day', '1e9');
  for (const k of ['break_even_requests', 'break_even_days', 'inference_dollars_per_year', 'inference_to_training_per_year',
    'tco_dollars', 'lifetime_inference_dollars', 'claim', 'warnings']) assert.ok(k in j, k);
  near(j.break_even_requests, 1e9);
  near(j.break_even_days, 1);
  near(j.inference_dollars_per_year, 3.65e9);
  near(j.inference_to_training_per_year, 365);
  near(j.tco_dollars, 3.66e9);  // a year by default: 1e7 + 3.65e9
  assert.deepEqual(j.warnings, []);
  assert.match(j.claim.formula, /N_large - N_small/);
  assert.match(j.claim.dimensions, /days \/ parameter/);
  assert.match(j.claim.consistent_form, /extra_training_dollars \/ \(saving_per_request x requests_per_day\)/);
});

test('tco: $5M of extra training saving $0.001 a request at 1e7 a day -> $10K a day, paid back in 500 days', () => {
  const j = json('tco', '--training-dollars', '10M', '--dollars-per-request', '0.01', '--requests-per-day', '1e7',
    '--extra-training-dollars', '5M', '--saving-per-request', '0.001', '--lifetime-days', '730');
  near(j.saving_dollars_per_day, 1e4);
  near(j.payback_requests, 5e9);
  near(j.payback_days, 500);
  near(j.lifetime_net_saving_dollars, 2.3e6, 1e-9);
  // Within a year it does not pay back: a warning says so.
  const short = json('tco', '--training-dollars', '10M', '--dollars-per-request', '0.01', '--requests-per-day', '1e7',
    '--extra-training-dollars', '5M', '--saving-per-request', '0.001');
  assert.ok(short.warnings.some((w) => /pays back after 500 days, beyond the lifetime of 365 days/.test(w)), short.warnings);
});

test('tco: per million tokens x tokens per request is the same answer; both forms at once are refused, naming them', () => {
  const j = json('tco', '--training-dollars', '10M', '--dollars-per-million-tokens', '2.5', '--tokens-per-request', '4000',
    '--requests-per-day', '1e9');
  near(j.dollars_per_request, 0.01);
  near(j.break_even_days, 1);
  const both = run('tco', '--training-dollars', '10M', '--dollars-per-request', '0.01', '--dollars-per-million-tokens', '2.5',
    '--tokens-per-request', '4000', '--requests-per-day', '1e9');
  assert.equal(both.code, 2);
  assert.match(both.err, /--dollars-per-request/);
  assert.match(both.err, /--dollars-per-million-tokens/);
  const growth = json('tco', '--training-dollars', '10M', '--dollars-per-request', '0.01', '--requests-per-day', '1e7',
    '--traffic-growth', '1');
  near(growth.break_even_days, Math.log1p(100 * Math.LN2 / 365) / (Math.LN2 / 365));  // 91.56 days, not 100
});

test('budget and lifetime-cost say when their catalogue prices were read; lifetime-cost gives the over-training pair', () => {
  const b = json('budget', '--gpus', '1000', '--days', '60', '--mfu', '0.4');
  assert.match(b.prices_as_of, /^\d{4}/);
  assert.equal(json('budget', '--gpus', '1000', '--days', '60', '--mfu', '0.4', '--price', '2').prices_as_of, 'your price');
  const dollars = json('budget', '--gpus', '1000', '--dollars', '1M', '--mfu', '0.4');
  near(dollars.gpu_hours * dollars.price_per_hour, 1e6, 1e-9);
  const l = json('lifetime-cost', '--loss', '2.1', '--requests', '1e10');
  assert.match(l.prices_as_of, /^\d{4}/);
  assert.ok(l.extra_training_dollars > 0 && l.saving_per_request > 0, JSON.stringify(l));
  // The pair is the optimum against the Chinchilla model of the same loss.
  near(l.extra_training_dollars, l.optimal_dollars.train - l.chinchilla_dollars.train, 1e-9);
});
