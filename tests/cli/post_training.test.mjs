// post_training.test.mjs: `scaling rl` and `scaling distill` through the real binary (RL and
// distillation, issue 19): the JSON keys, the worked values (hand computation in
// tests/unit/test_post_training.cpp), the sourced claims, and bad values refused with exit 2 naming the flag.
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
const near = (a, b, rel = 1e-9) => assert.ok(Math.abs(a - b) <= rel * Math.abs(b), `${a} vs ${b}`);
const RL = ['rl', '--params', '7e9', '--prompts', '1e4', '--group-size', '8', '--tokens-per-sample', '1000'];

test('rl --json: keys and N = 7e9, P = 1e4, K = 8, T = 1000 by hand', () => {
  const j = json(...RL);
  for (const k of ['rollout_flops', 'update_flops', 'reference_flops', 'total_flops', 'gpu_hours', 'dollars',
    'prices_as_of', 'pretraining_flops', 'pretraining_share', 'pretraining_tokens_source', 'claims', 'warnings',
    'phases']) assert.ok(k in j, k);
  near(j.rollout_flops, 2 * 7e9 * 8 * 1e4 * 1000);  // 1.12e18
  near(j.update_flops, 6 * 7e9 * 8 * 1e4 * 1000);   // 3.36e18
  near(j.reference_flops, 1.12e18);
  near(j.total_flops, 5.6e18);
  near(j.gpu_hours, 5.6e18 / (989e12 * 0.4 * 3600));  // H100 BF16 dense peak, 40% MFU
  near(j.dollars, j.gpu_hours * 2.5);
  assert.equal(j.prices_as_of, '2025');
  near(j.pretraining_flops, 6 * 7e9 * 20 * 7e9);       // 20 tokens per parameter when not given
  assert.match(j.pretraining_tokens_source, /Chinchilla/);
  near(j.pretraining_share, 5.6e18 / 5.88e21);
  assert.match(j.claims[0].source, /Toby Ord 2025/);
});

test('rl: no KL term, epochs, pretraining tokens and a price move the answer as stated', () => {
  near(json(...RL, '--reference-model', 'no').total_flops, 4.48e18);
  assert.equal(json(...RL, '--reference-model', 'no').reference_flops, 0);
  near(json(...RL, '--epochs', '2').total_flops, 1.12e19);
  near(json(...RL, '--pretraining-tokens', '2T').pretraining_share, 5.6e18 / 8.4e22);
  const priced = json(...RL, '--price', '4');
  assert.equal(priced.prices_as_of, 'your price');
  near(priced.dollars, priced.gpu_hours * 4);
  // A rollout MFU of 0.1 stretches only the rollouts' GPU-hours.
  const slow = json(...RL, '--rollout-mfu', '0.1');
  near(slow.phases.rollout.gpu_hours, 1.12e18 / (989e12 * 0.1 * 3600));
  near(slow.phases.update.gpu_hours, 3.36e18 / (989e12 * 0.4 * 3600));
});

test('distill --json: 300 GB at 4 bytes per token, a 70B teacher and a 7B student by hand', () => {
  const j = json('distill', '--teacher-params', '70B', '--student-params', '7B', '--dataset-gb', '300');
  for (const k of ['tokens', 'generation_flops', 'fine_tuning_flops', 'total_flops', 'gpu_hours', 'dollars',
    'prices_as_of', 'bytes_per_token_source', 'scaling_law', 'claims']) assert.ok(k in j, k);
  near(j.tokens, 7.5e10);
  near(j.generation_flops, 2 * 70e9 * 7.5e10);  // 1.05e22
  near(j.fine_tuning_flops, 6 * 7e9 * 7.5e10);  // 3.15e21
  near(j.gpu_hours, 1.365e22 / (989e12 * 0.4 * 3600));
  assert.match(j.scaling_law, /not computed/);
  assert.ok(j.claims.every((c) => /2502\.08606/.test(c.source)));
  near(json('distill', '--teacher-params', '70B', '--student-params', '7B', '--dataset-gb', '300', '--epochs', '3')
    .fine_tuning_flops, 3 * 3.15e21);
});

test('rl and distill refuse bad values with exit 2, naming the flag', () => {
  // A flag of RL's own is replaced, not repeated.
  const with_ = (flag, v) => (RL.includes(flag) ? RL.map((a, i) => (RL[i - 1] === flag ? v : a)) : [...RL, flag, v]);
  for (const [flag, v] of [['--group-size', '2.5'], ['--params', '-1'], ['--mfu', '0'], ['--reference-model', 'maybe']]) {
    const r = run(...with_(flag, v));
    assert.equal(r.code, 2, `${flag} ${v}`);
    assert.match(r.err, new RegExp(flag));
  }
  const r = run('distill', '--teacher-params', '70B', '--student-params', '7B', '--dataset-gb', 'abc');
  assert.equal(r.code, 2);
  assert.match(r.err, /--dataset-gb/);
  const missing = run('rl', '--params', '7e9');
  assert.equal(missing.code, 2);
  assert.match(missing.err, /--prompts/);
});
