// claims.test.mjs: `scaling claims` through the real binary: the list of claims with its keys, the
// verdicts under the default law and under kaplan2020, the inputs echoed, and refusals with exit 2.
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
const byId = (j) => Object.fromEntries(j.claims.map((c) => [c.id, c]));

test('claims: a list of objects with claim, computed, verdict, source, check and the numbers', () => {
  const j = json('claims');
  for (const k of ['law', 'flops', 'gpu', 'mfu', 'price_per_hour', 'prices_as_of', 'model', 'input_tokens',
    'output_tokens', 'batch', 'claims']) assert.ok(k in j, k);
  assert.equal(j.law, 'epoch2024');
  assert.equal(j.claims.length, 16);
  for (const c of j.claims) {
    for (const k of ['id', 'claim', 'computed', 'verdict', 'source', 'check', 'rule', 'claimed_low', 'claimed_high',
      'value', 'unit']) assert.ok(k in c, `${c.id}: ${k}`);
    assert.ok(['holds', 'roughly', 'does not hold', 'not computable'].includes(c.verdict), c.verdict);
  }
  const m = byId(j);
  // epoch2024 at 1e24: 18.14 tokens per parameter (tests/unit/test_claims.cpp has the python line).
  assert.ok(Math.abs(m['tokens-per-param'].value - 18.137105) < 1e-4);
  assert.equal(m['tokens-per-param'].verdict, 'holds');
  assert.equal(m['kaplan-10x'].verdict, 'does not hold');
  assert.equal(m['dollars-7b-70b'].claimed_high, null);  // "better": no upper bound
});

test('claims: the verdicts follow the law: Kaplan 2020 makes its 10x recommendation hold', () => {
  const m = byId(json('claims', '--law', 'kaplan2020'));
  assert.ok(Math.abs(m['kaplan-10x'].value - 10 ** 0.73) < 1e-6);
  assert.equal(m['kaplan-10x'].verdict, 'holds');
  const r = byId(json('claims', '--law', 'ratio20'));
  assert.equal(r['double-7b-14b'].verdict, 'not computable');
  assert.equal(r['double-7b-14b'].value, null);
});

test('claims: bad input is refused with exit 2, naming the field', () => {
  for (const [flag, text] of [['--mfu', '1.3'], ['--flops', 'abc'], ['--batch', '0'], ['--model', 'gpt-9']]) {
    const r = run('claims', flag, text);
    assert.equal(r.code, 2, `${flag} ${text}`);
    assert.ok(r.err.includes(flag), r.err);
  }
});
