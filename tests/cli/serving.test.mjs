// serving.test.mjs: `scaling serve` and `scaling moe` through the real binary: their JSON keys
// (decode_tokens_per_second, prices_as_of, warnings as the issue names them), the 7B-against-70B
// decode speeds against a hand computation, MoE's DeepSeek-V3 defaults, and refusals with exit 2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// The real binary (or SCALING_CLI): exit code, stdout and stderr; json() parses a run that must succeed.
const CLI = process.env.SCALING_CLI || fileURLToPath(new URL('../../build/native/bin/scaling', import.meta.url));
function run(...args) {
  const { status, stdout, stderr } = spawnSync(CLI, args, { encoding: 'utf8' });
  return { code: status, out: stdout, err: stderr };
}
function json(...args) {
  const { code, out, err } = run(...args, '--json');
  assert.equal(code, 0, err);
  return JSON.parse(out);
}
const near = (a, b, rel, what) => assert.ok(Math.abs(a - b) <= rel * Math.abs(b), `${what}: ${a} vs ${b}`);

test('serve --json has the issue\'s keys, with the default model (Llama 3 70B on H100 SXM)', () => {
  const j = json('serve');
  for (const k of ['decode_tokens_per_second', 'throughput_tokens_per_second', 'prefill_tokens_per_second',
    'ttft_seconds', 'max_batch', 'tp', 'weights_gb_per_gpu', 'kv_bytes_per_token', 'dollars_per_million_tokens',
    'dollars_per_request', 'prices_as_of', 'warnings', 'memory_bound', 'per_card', 'seven_vs_seventy'])
    assert.ok(k in j, k);
  assert.equal(j.model, 'llama3-70b');
  assert.equal(j.gpu, 'h100-sxm');
  assert.equal(j.prices_as_of, '2025');
  assert.equal(j.kv_bytes_per_token, 327680);  // 2 x 80 x 8 x 128 x 2 bytes
  assert.equal(j.tp, 2);                       // batch 1 (the CLI's default): 140 GB over two 72 GB cards
  assert.ok(Array.isArray(j.warnings));
  assert.match(j.per_card, /never pooled/);
  assert.match(json('serve', '--model', 'llama3-8b').per_card, /^one GPU holds/);
});

test('serve: 7B against 70B decode speed at batch 1 on one MI300X each, as computed by hand', () => {
  // Pure roofline (bandwidth fraction 1), prompt 1000 and output 250 (mean context 1125):
  // 7B (Llama 2: 32 layers, 32 KV heads of 128): 14e9 + 524,288 x 1125 = 14.589824e9 bytes per
  //   token; 5300e9 / that = 363.27 tokens/s.
  // 70B (Llama 2: 80 layers, 8 KV heads of 128): 140e9 + 327,680 x 1125 = 140.36864e9 bytes;
  //   5300e9 / that = 37.757 tokens/s: 9.62x slower.
  const small = json('serve', '--model', 'llama2-7b', '--gpu', 'mi300x', '--bandwidth-fraction', '1');
  const large = json('serve', '--model', 'llama2-70b', '--gpu', 'mi300x', '--bandwidth-fraction', '1');
  near(small.decode_tokens_per_second, 5300e9 / 14.589824e9, 1e-9, '7B');
  near(large.decode_tokens_per_second, 5300e9 / 140.36864e9, 1e-9, '70B');
  assert.equal(small.tp, 1);
  assert.equal(large.tp, 1);
  near(small.seven_vs_seventy.speed_ratio, 140.36864 / 14.589824, 1e-9, 'ratio');
  // On H100s the 70B needs two cards: 70.18432e9 bytes per card per token -> 47.731 tokens/s.
  const h100 = json('serve', '--model', 'llama2-70b', '--bandwidth-fraction', '1');
  assert.equal(h100.tp, 2);
  near(h100.decode_tokens_per_second, 3350e9 / 70.18432e9, 1e-9, '70B on H100');
  near(h100.dollars_per_million_tokens, 1e6 / (3350e9 / 70.18432e9) / 720, 1e-9, '$/Mtok at 2 x $2.50/h');
  assert.match(h100.seven_vs_seventy.sentence, /4\.8x slower per sequence/);
});

test('serve: typed values override the preset; MoE reads active and holds total; your price', () => {
  const j = json('serve', '--model', 'deepseek-v3', '--gpu', 'h200', '--dtype', 'fp8', '--batch', '1',
    '--bandwidth-fraction', '1', '--price', '4');
  assert.equal(j.params, 671e9);
  assert.equal(j.active_params, 37e9);
  assert.equal(j.kv_bytes_per_token, 70272);  // MLA: 61 x 576 x 2
  assert.equal(j.tp, 8);
  near(j.decode_tokens_per_second, 4800e9 / (37e9 / 8 + 70272 * 1125), 1e-9, 'DeepSeek-V3');
  assert.equal(j.prices_as_of, 'your price');
  const custom = json('serve', '--params', '8B', '--layers', '32', '--heads', '32', '--kv-heads', '8', '--head-dim', '128');
  assert.equal(custom.model, 'custom');
  assert.equal(custom.params, 8e9);
  const edited = json('serve', '--model', 'llama3-70b', '--layers', '40');
  assert.equal(edited.layers, 40);
  assert.equal(edited.kv_bytes_per_token, 163840);
  const big = json('serve', '--batch', '500', '--tp', '2');
  assert.ok(big.warnings.some((w) => /Speeds are computed as if it fit/.test(w)), big.warnings.join('\n'));
});

test('moe --json: DeepSeek-V3 by default, Mixtral 8x7B from its parts', () => {
  const d = json('moe');
  for (const k of ['total_params', 'active_params', 'training_flops_per_token', 'inference_flops_per_token',
    'weights_gb', 'sparsity', 'dense_equivalent_multiplier', 'sentence']) assert.ok(k in d, k);
  near(d.total_params, 671e9, 0.005, 'total');
  near(d.active_params, 37e9, 0.02, 'active');
  assert.equal(d.dense_equivalent_multiplier, 6);
  assert.equal(d.sentence, '671B parameters with the compute per token of a 37.5B dense model');
  const m = json('moe', '--experts', '8', '--experts-per-token', '2', '--shared-experts', '0',
    '--expert-params', '5637144576', '--always-on-params', '1605636096');
  near(m.total_params, 46.7e9, 0.001, 'Mixtral total');
  near(m.active_params, 12.9e9, 0.002, 'Mixtral active');
});

test('serve and moe refuse bad values with exit 2, naming the flag', () => {
  for (const [args, flag] of [
    [['serve', '--batch', '-1'], '--batch'],
    [['serve', '--tp', '1'], '--tp'],
    [['serve', '--gpu', 'h9000'], '--gpu'],
    [['serve', '--dtype', 'fp4'], '--dtype'],
    [['serve', '--kv-dtype', 'int4'], '--kv-dtype'],
    [['serve', '--params', '1e400'], '--params'],
    [['serve', '--bandwidth-fraction', '1.5'], '--bandwidth-fraction'],
    [['serve', '--kv-heads', '65'], '--kv-heads'],
    [['moe', '--experts-per-token', '300'], '--experts-per-token'],
    [['moe', '--expert-params', 'NaN'], '--expert-params'],
  ]) {
    const r = run(...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.ok(r.err.includes(flag), `${args.join(' ')}: ${r.err}`);
  }
});
