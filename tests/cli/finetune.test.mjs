// finetune.test.mjs: `scaling fine-tuning` through the real binary: the planner's worked example
// (7B, 10,000 examples x 500 tokens), its JSON keys, LoRA's accounting and adapters, the fit to
// typed points and the circulating curve's best fits, and refusals that name the field (exit 2).
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

test('fine-tuning: 7B on 10,000 x 500 tokens -> 6 N D = 2.1e17 FLOP, 112 GB, 2 H100s; no LoRA unless asked', () => {
  const j = json('fine-tuning', '--params', '7B', '--examples', '10000', '--tokens-per-example', '500');
  for (const k of ['flops', 'tokens', 'full', 'gpu', 'mfu', 'price_per_hour', 'prices_as_of', 'versus_pretraining',
    'circulating_curve', 'lora_rank_claims', 'performance', 'transfer']) assert.ok(k in j, k);
  near(j.flops, 2.1e17);
  near(j.tokens, 5e6);
  near(j.full.memory_gb, 112);
  assert.equal(j.full.gpus, 2);
  near(j.full.gpu_hours, 2.1e17 / (989e12 * 0.4) / 3600);
  assert.equal(j.prices_as_of, '2025');
  assert.ok(!('lora' in j));
  near(j.versus_pretraining.pretraining_flops, 6 * 7e9 * 20 * 7e9);
  assert.equal(j.lora_rank_claims[0].status, 'in circulation; no primary source found');
});

test('fine-tuning --lora-rank 8 on 32 x 4096: 8,388,608 adapters, 4 N D + 6 A D FLOP, 14.13 GB', () => {
  const j = json('fine-tuning', '--params', '7B', '--examples', '10000', '--tokens-per-example', '500',
    '--lora-rank', '8', '--layers', '32', '--d-model', '4096');
  assert.equal(j.lora.adapter_params, 8388608);
  near(j.lora.flops, 4 * 7e9 * 5e6 + 6 * 8388608 * 5e6);
  near(j.lora.memory_gb, 14 + 8388608 * 16 / 1e9);
  assert.equal(j.lora.gpus, 1);
  assert.match(j.lora.flops_accounting, /accounting choice/);
  const q = json('fine-tuning', '--params', '7B', '--lora-rank', '8', '--layers', '32', '--d-model', '4096',
    '--frozen-dtype', 'int4');
  near(q.lora.memory_gb, 3.5 + 8388608 * 16 / 1e9);
});

test('fine-tuning --score-points: least squares on the circulating curve; the claim best fits 7.3 and 6.0 points', () => {
  const j = json('fine-tuning', '--score-points', '100 0.6, 1000 0.8, 10000 0.9, 100000 0.92');
  near(j.fit.base_quality, 0.873341, 1e-5);
  near(j.fit.max_error, 0.07333, 1e-3);
  near(j.circulating_curve.minimax.max_error, 0.0599781, 1e-5);
  assert.equal(j.circulating_curve.source, 'in circulation; no primary source found');
});

test('fine-tuning refuses bad input naming the field, exit 2', () => {
  for (const [flag, value] of [['--params', '-7B'], ['--lora-rank', '0'], ['--score-points', '100 0.6, 1000'],
    ['--score-points', '100 60, 1000 80, 10000 90'], ['--tokens-per-example', 'abc'], ['--gpu', 'nope']]) {
    const r = run('fine-tuning', flag, value, '--json');
    assert.equal(r.code, 2, `${flag} ${value}`);
    assert.match(r.err, new RegExp(flag), `${flag} ${value}: ${r.err}`);
  }
});
