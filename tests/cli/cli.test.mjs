// cli.test.mjs: the `scaling` command as a user runs it: outputs, JSON keys and values, and exit
// code 2 with a message naming the argument for every kind of bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = process.env.SCALING_CLI || join(ROOT, 'build/native/bin/scaling');

function run(...args) {
  const r = spawnSync(CLI, args, { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function json(...args) {
  const r = run(...args, '--json');
  assert.equal(r.code, 0, r.err);
  return JSON.parse(r.out);
}
const near = (a, b, tol) => Math.abs(a - b) <= tol;

test('optimal --json at 5.76e23 under chinchilla-a3 gives params 3.22e10 and tokens 2.98e12', () => {
  const j = json('optimal', '--flops', '5.76e23', '--law', 'chinchilla-a3');
  assert.deepEqual(Object.keys(j), ['law', 'flops', 'params', 'tokens', 'tokens_per_param', 'loss', 'extrapolated',
    'fitted_flops', 'warnings']);
  assert.equal(j.law, 'chinchilla-a3');
  assert.equal(j.flops, 5.76e23);
  assert.equal(j.params.toPrecision(3), '3.22e+10');  // the worked value, to its 3 printed digits
  assert.equal(j.tokens.toPrecision(3), '2.98e+12');
  assert.ok(near(j.loss, 1.9307, 5e-5), `loss ${j.loss}`);
  assert.ok(near(j.params * j.tokens * 6, 5.76e23, 5.76e23 * 1e-12), 'C = 6ND');
});

test('loss for 70B params on 1.4T tokens under chinchilla-a3 prints 1.9366', () => {
  const r = run('loss', '--params', '70B', '--tokens', '1.4T', '--law', 'chinchilla-a3');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /loss\s+1\.9366 nats\/token/);
  const j = json('loss', '--params', '70B', '--tokens', '1.4T', '--law', 'chinchilla-a3');
  assert.ok(near(j.loss, 1.9366, 5e-5));
  assert.equal(j.law, 'chinchilla-a3');
});

test('with no --law every command uses the Epoch 2024 refit: Chinchilla\'s budget buys about 70B on 1.3T', () => {
  const j = json('optimal', '--flops', '5.76e23');
  assert.equal(j.law, 'epoch2024');
  assert.equal(j.params.toPrecision(3), '7.22e+10');  // beside Chinchilla's own 70B on 1.4T
  assert.equal(j.tokens.toPrecision(3), '1.33e+12');
  assert.ok(j.tokens_per_param > 15 && j.tokens_per_param < 25, 'about 20 tokens per parameter');
  for (const args of [['loss', '--params', '70B', '--tokens', '1.4T'], ['scenario', '--params', '70B', '--tokens', '1.4T',
    '--compute-multiple', '10', '--data-cap', '2'], ['next-flop', '--flops', '1e24'], ['lifetime', '--loss', '2.1',
    '--inference-tokens', '1e12']])
    assert.equal(json(...args).law, 'epoch2024', args.join(' '));
  // The printed Approach-3 constants stay one flag away, with their erratum.
  const a3 = run('optimal', '--flops', '5.76e23', '--law', 'chinchilla-a3');
  assert.match(a3.out, /params\s+32\.2B params/);
  assert.match(run('laws', '--json').out, /"errata":"Table A3 prints 1\.26e24 FLOP/);
});

test('human output shows readable quantities, the convention and the source', () => {
  const r = run('optimal', '--flops', '5.76e23 FLOP');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /params\s+72\.2B params/);
  assert.match(r.out, /tokens\s+1\.33T tokens/);
  assert.match(r.out, /C = 6ND/);
  assert.match(r.out, /arXiv 2404\.10102/);
});

test('every command says what the UI says: extrapolated with the fitted range, and warnings, in JSON and text', () => {
  const far = json('optimal', '--flops', '1e27');
  assert.equal(far.extrapolated, true);
  assert.deepEqual(far.fitted_flops, [6e18, 3e21]);
  assert.match(far.warnings[0], /1e27 FLOP lies outside the budgets epoch2024 was fitted on \(6e18 to 3e21 FLOP\)/);
  const text = run('optimal', '--flops', '1e27');
  assert.match(text.out, /^extrapolated\s+yes: fitted on 6e18 to 3e21 FLOP$/m);
  const inside = json('optimal', '--flops', '1e20');
  assert.equal(inside.extrapolated, false);
  assert.deepEqual(inside.warnings, []);
  assert.equal(run('optimal', '--flops', '1e27', '--json').err.trim(),
    'scaling optimal: warning: 1e27 FLOP lies outside the budgets epoch2024 was fitted on (6e18 to 3e21 FLOP): an extrapolation.');
  // Every command that reports a model carries the keys.
  const commands = [
    ['loss', '--params', '70B', '--tokens', '1.4T'],
    ['compare', '--flops', '1e24'],
    ['scenario', '--params', '70B', '--tokens', '1.4T', '--compute-multiple', '10', '--data-cap', '2'],
    ['project', '--reference-flops', '3e26', '--reference-multiple', '150'],
    ['next-flop', '--flops', '1e24'],
    ['lifetime', '--loss', '2.1', '--inference-tokens', '1e12'],
    ['lifetime-cost', '--loss', '2.1', '--requests', '1e10'],
    ['data', '--flops', '1e22', '--unique-tokens', '25B'],
    ['budget', '--gpus', '1000', '--days', '60', '--mfu', '0.4'],
  ];
  for (const args of commands) {
    const j = json(...args);
    assert.equal(typeof j.extrapolated, 'boolean', args.join(' '));
    assert.ok(Array.isArray(j.warnings), args.join(' '));
    if (j.extrapolated) assert.ok(j.warnings.some((w) => /an extrapolation/.test(w)), args.join(' '));
  }
  for (const row of json('frontier', '--from', '1e18', '--to', '1e28', '--points', '3', '--law', 'epoch2024'))
    assert.equal(row.extrapolated, row.flops < 6e18 || row.flops > 3e21);
  const compare = json('compare', '--flops', '1e27');
  assert.equal(compare.extrapolated, true);
  assert.ok(compare.warnings.some((w) => /^Kaplan et al\. \(2020\): 0\.0048 tokens per parameter/.test(w)), compare.warnings.join('\n'));
  assert.equal(compare.laws.find((r) => r.law === 'epoch2024').extrapolated, true);
});

test('answers that make no physical sense are refused (exit 2, the field named) or warned about', () => {
  // --flops 1 once returned a 0.6-parameter model with a loss of 1,073 nats/token and exit 0.
  const one = run('optimal', '--flops', '1', '--law', 'chinchilla-a3');
  assert.equal(one.code, 2);
  assert.match(one.err, /--flops: 1e0 FLOP buys, under chinchilla-a3, a model of 0\.599 parameters: less than one parameter/);
  // Worse than guessing uniformly over the largest vocabulary (ln 256,000 = 12.45): refused.
  const tiny = run('optimal', '--flops', '1e12');
  assert.equal(tiny.code, 2);
  assert.match(tiny.err, /--flops: 1e12 FLOP buys, under epoch2024, a model of 67\.7K parameters on 2\.46M tokens with a predicted loss of 21\.5 nats\/token, above ln 256,000 = 12\.45/);
  assert.equal(run('loss', '--params', '500K', '--tokens', '2M').code, 2);
  assert.match(run('lifetime', '--loss', '13', '--inference-tokens', '1e12').err, /--loss: "13" is above ln 256,000/);
  assert.equal(run('next-flop', '--flops', '1').code, 2);
  assert.equal(run('data', '--flops', '1', '--unique-tokens', '25B').code, 2);
  assert.equal(run('scenario', '--params', '0.5', '--tokens', '1T', '--compute-multiple', '10', '--data-cap', '2').code, 2);
  // Sensible enough to answer, not to trust: warnings, exit 0.
  const small = json('optimal', '--flops', '1e15');
  assert.ok(small.params < 1e7);
  const smallText = run('loss', '--params', '800K', '--tokens', '1B', '--law', 'chinchilla-a3');
  assert.equal(smallText.code, 0, smallText.err);
  assert.match(smallText.out, /^warning\s+800K parameters is below 1M/m);
  assert.match(json('loss', '--params', '1B', '--tokens', '800K', '--law', 'chinchilla-a3').warnings.join(' '), /800K tokens is below 1M/);
  assert.match(json('loss', '--params', '70B', '--tokens', '10B').warnings.join(' '), /0\.143 tokens per parameter, fewer tokens than parameters/);
  assert.match(json('loss', '--params', '1.5M', '--tokens', '8M').warnings.join(' '), /a loss of 11\.47 nats\/token is above ln 50,257 = 10\.82/);
  assert.match(json('optimal', '--flops', '1e27', '--law', 'kaplan2020').warnings.join(' '), /0\.0048 tokens per parameter/);
});

test('kaplan2020 states its compute convention (C_min in PF-days)', () => {
  const r = run('optimal', '--flops', '8.64e19', '--law', 'kaplan2020');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /C_min in PF-days/);
  const j = json('optimal', '--flops', '8.64e19', '--law', 'kaplan2020');
  assert.ok(near(j.params, 1.3e9, 1), 'N_opt(1 PF-day) = 1.3e9');
});

test('a law without a loss form has no loss key in JSON and refuses `loss`', () => {
  const j = json('optimal', '--flops', '1e24', '--law', 'ratio20');
  assert.ok(!('loss' in j));
  assert.equal(j.tokens_per_param, 20);
  const r = run('loss', '--params', '70B', '--tokens', '1.4T', '--law', 'ratio20');
  assert.equal(r.code, 2);
  assert.match(r.err, /--law: .*predicts no loss/);
});

test('laws lists every id with its citation, as text and as JSON', () => {
  const r = run('laws');
  assert.equal(r.code, 0);
  for (const id of ['chinchilla-a3', 'chinchilla-a3-exact', 'chinchilla-a1', 'chinchilla-a2', 'epoch2024',
    'kaplan2020', 'deepseek2024', 'llama3', 'muennighoff2023', 'ratio20', 'custom']) {
    assert.match(r.out, new RegExp(`^${id}\\s`, 'm'));
  }
  const j = json('laws');
  assert.equal(j.length, 11);
  for (const l of j) assert.match(l.citation, /arXiv/);
});

test('bad input exits 2 with a message on stderr naming the argument', () => {
  const cases = [
    [['optimal', '--flops', '-5'], /--flops: .*negative/],
    [['optimal', '--flops', 'abc'], /--flops: .*not a number/],
    [['optimal', '--flops', '1e400'], /--flops: .*too large/],
    [['optimal', '--flops', '0'], /--flops: .*zero/],
    [['optimal', '--flops', 'nan'], /--flops: .*not a number/],
    [['optimal', '--flops', '1e24e5'], /--flops: /],
    [['optimal', '--flops', ''], /--flops: .*empty/],
    [['optimal', '--flops', '1e24', '--law', 'nope'], /--law: unknown law "nope"; valid ids: chinchilla-a3, chinchilla-a3-exact, chinchilla-a1/],
    [['optimal', '--flops', '1e24', '--law', 'custom', '--alpha', '-0.3'], /--alpha: .*greater than zero/],
    [['optimal', '--flops', '1e24', '--law', 'epoch2024', '--E', '1.5'], /--E: only --law custom takes constants/],
    [['optimal', '--flops', '1e24', '--law', 'deepseek2024', '--m-over-n', 'x'], /--m-over-n: /],
    [['optimal'], /--flops is required/],
    [['optimal', '--flops', '1e24', '--bogus'], /bogus/],
    [['loss', '--params', '70B', '--tokens', '-1T'], /--tokens: .*negative/],
    [['loss', '--params', '70B tokens', '--tokens', '1T'], /--params: .*expected params/],
    [[], /subcommand/i],
    [['frobnicate'], /frobnicate/],
  ];
  for (const [args, pattern] of cases) {
    const r = run(...args);
    assert.equal(r.code, 2, `${args.join(' ')}: exit ${r.code}, stderr ${r.err}`);
    assert.match(r.err, pattern, args.join(' '));
    assert.equal(r.out, '', `${args.join(' ')}: nothing on stdout`);
  }
});

test('--help exits 0 and lists the subcommands', () => {
  const r = run('--help');
  assert.equal(r.code, 0);
  for (const s of ['optimal', 'loss', 'laws']) assert.match(r.out, new RegExp(s));
});

test('frontier rows satisfy 6·N·D = C and match `scaling optimal` at the same budgets', () => {
  const rows = json('frontier', '--from', '1e18', '--to', '1e28', '--points', '41');
  assert.equal(rows.length, 41 * 11, 'every law by default');
  for (const r of rows) {
    if (r.law === 'deepseek2024') {  // C = M·D there, and no parameters without --m-over-n
      assert.ok(!('params' in r));
      assert.ok(near(r.flops_per_token * r.tokens, r.flops, r.flops * 2e-4), JSON.stringify(r));
      continue;
    }
    assert.ok(near(6 * r.params * r.tokens, r.flops, r.flops * 1e-12), JSON.stringify(r));
  }
  const some = rows.filter((r, i) => i % 17 === 0);
  for (const r of some) {
    const o = json('optimal', '--flops', String(r.flops), '--law', r.law);
    assert.deepEqual(o, r);
  }
  const one = json('frontier', '--from', '1e20', '--to', '1e22', '--points', '3', '--law', 'epoch2024');
  assert.deepEqual(one.map((r) => r.flops), [1e20, 1e21, 1e22]);
});

test('frontier --csv has a header and the same numbers as --json', () => {
  const r = run('frontier', '--from', '1e20', '--to', '1e22', '--points', '3', '--law', 'chinchilla-a3', '--csv');
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trim().split('\n');
  assert.equal(lines[0], 'law,flops,params,tokens,tokens_per_param,loss,extrapolated');
  assert.equal(lines.length, 4);
  const j = json('frontier', '--from', '1e20', '--to', '1e22', '--points', '3', '--law', 'chinchilla-a3');
  lines.slice(1).forEach((line, i) => {
    const [law, flops, params] = line.split(',');
    assert.equal(law, 'chinchilla-a3');
    assert.ok(near(Number(flops), j[i].flops, j[i].flops * 1e-6));
    assert.ok(near(Number(params), j[i].params, j[i].params * 1e-6));
    assert.equal(line.split(',')[6], String(j[i].extrapolated));
  });
});

test('frontier refuses bad ranges with exit 2', () => {
  for (const [args, pattern] of [
    [['--from', '1e20', '--to', '1e18'], /--to: must be greater than --from/],
    [["--points", "1"], /--points: "1" must be from 2 to 100000/],
    [['--from', 'abc'], /--from: .*not a number/],
    [['--to', '1e400'], /--to: .*too large/],
    [['--csv', '--json'], /at most 1/],
    [['--law', 'nope'], /--law: unknown law/],
  ]) {
    const r = run('frontier', ...args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
    assert.match(r.err, pattern);
  }
});

test('--law custom takes the five constants and reproduces Sardana et al.\'s L(70e9, 1e12) = 1.947', () => {
  const j = json('loss', '--params', '70B', '--tokens', '1T', '--law', 'custom', '--E', '1.69', '--A', '406.4',
    '--B', '410.7', '--alpha', '0.336', '--beta', '0.283');
  assert.ok(near(j.loss, 1.947, 5e-4), `loss ${j.loss}`);
});

test('deepseek2024 answers in FLOP per token, and in parameters given --m-over-n', () => {
  const m = json('optimal', '--flops', '1e24', '--law', 'deepseek2024');
  assert.ok(!('params' in m) && m.flops_per_token > 0);
  const r = run('optimal', '--flops', '1e24', '--law', 'deepseek2024');
  assert.match(r.out, /FLOP\/token .*non-embedding FLOP per token/);
  assert.match(r.out, /params\s+not given by this law: pass --m-over-n/);
  const n = json('optimal', '--flops', '1e24', '--law', 'deepseek2024', '--m-over-n', '6.5');
  assert.ok(near(n.params, m.flops_per_token / 6.5, n.params * 1e-12));
});

test('compare --flops 1e24 lists every law with N, D, tokens/param, spread, ranges and rules of thumb', () => {
  const r = run('compare', '--flops', '1e24');
  assert.equal(r.code, 0, r.err);
  for (const name of ['Chinchilla, Approach 3', 'Epoch AI refit (2024)', 'Kaplan et al. (2020)', 'Llama 3 (2024)',
    'DeepSeek LLM (2024)', 'Muennighoff et al. (2023), C4']) assert.ok(r.out.includes(name), name);
  assert.match(r.out, /95% range/);
  assert.match(r.out, /Spread over published laws: params .* \(\d+(\.\d+)?x\)/);
  assert.match(r.out, /N = 0\.6·√\(C\/6\).*disagrees with every law/);
  const j = json('compare', '--flops', '1e24');
  assert.equal(j.laws.length, 11);
  const epoch = j.laws.find((l) => l.law === 'epoch2024');
  assert.ok(epoch.range_95.params[0] < epoch.params && epoch.params < epoch.range_95.params[1]);
  assert.ok(j.spread.params_ratio > 1);
  const rules = Object.fromEntries(j.rules_of_thumb.map((t) => [t.id, t]));
  assert.equal(rules['0.6-sqrt-c-over-6'].tokens_per_param.toFixed(2), '2.78');  // the claim's own "it gives 2.8"
  assert.ok(near(rules['sqrt-c-over-6'].tokens_per_param, 1, 1e-12));
  assert.equal(rules['0.6-sqrt-c-over-6'].params.toPrecision(3), '2.45e+11');    // Worked value: N = 2.45e11 at 1e24
  assert.equal(rules['20-tokens-per-param'].disagrees_with_every_law, false);
  assert.equal(rules['sqrt-c-over-6'].disagrees_with_every_law, true);
  // The ranges come from Epoch's joint bootstrap draws (assets/epoch2024-bootstrap.csv), and say so.
  assert.match(j.range_method, /^Epoch AI refit \(2024\): 2\.5th to 97\.5th percentile, at each budget, over 4000 bootstrap resamples of its 240 runs \(drawn with replacement, seed 20240416\)/);
  assert.doesNotMatch(j.range_method, /split normal|assumption/);
  assert.match(r.out, /\nRanges: Epoch AI refit \(2024\): 2\.5th to 97\.5th percentile/);
  assert.match(r.out, /  95% range\s+67\.6B-156B 1\.07T-2\.47T\s+6\.88-36\.5 1\.935-1\.989/);
  assert.ok(epoch.range_95.tokens_per_param[0] < epoch.tokens_per_param && epoch.tokens_per_param < epoch.range_95.tokens_per_param[1]);
  assert.ok(epoch.range_95.loss[0] < epoch.loss && epoch.loss < epoch.range_95.loss[1]);
  assert.ok(!('range_error' in epoch));
  const bad = run('compare', '--flops', '1e24', '--law', 'epoch2024');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--law: compare shows every law/);
});

test('models lists the gallery against a law; --json carries every law and the MoE estimate', () => {
  const r = run('models');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /GPT-3 175B\s+2020\s+175B\s+300B\s+3\.15e23/);
  assert.match(r.out, /DeepSeek-V3\s+2024\s+37B\/671B/);
  assert.match(r.out, /Mistral 7B .*tokens not published/);
  const j = json('models');
  assert.ok(j.length >= 25);
  for (const m of j) assert.ok(m.source.length > 0, m.id);
  const gpt3 = j.find((m) => m.id === 'gpt3');
  assert.ok(near(gpt3.flops, gpt3.reported_flops, gpt3.reported_flops * 0.05), '6ND within 5% of the reported 3.14e23');
  assert.ok(gpt3.versus.epoch2024.overtraining < 1);
  const ds = j.find((m) => m.id === 'deepseek-v3');
  assert.ok(near(ds.dense_equivalent_flops_estimate, 6 * ds.flops, ds.flops * 1e-9));
  assert.ok(!('loss' in ds.versus.epoch2024), 'no dense-law loss claimed for a mixture of experts');
  const bad = run('models', '--law', 'nope');
  assert.equal(bad.code, 2);
});

test('budget: 1,000 H100s for 60 days at 40% MFU gives the FLOP, dollars, optimal model and GPUs to serve it', () => {
  const j = json('budget', '--gpu', 'h100-sxm', '--gpus', '1000', '--days', '60', '--mfu', '0.4', '--law', 'epoch2024');
  assert.ok(near(j.flops, 1000 * 60 * 86400 * 989e12 * 0.4, 1e12));
  assert.ok(near(j.dollars, 1000 * 60 * 24 * 2.5, 1e-6));
  assert.equal(j.optimal.law, 'epoch2024');
  assert.ok(j.memory.gpus_to_serve >= 1);
  const back = json('budget', '--gpu', 'h100-sxm', '--flops', String(j.flops), '--gpus', '1000', '--mfu', '0.4');
  assert.ok(near(back.days, 60, 1e-9), 'FLOP -> days round trip');
  const ds = json('budget', '--preset', 'deepseek-v3');
  assert.ok(near(ds.dollars, 5.576e6, 1), 'DeepSeek-V3: 2.788M H800-hours at $2 = $5.576M');
  for (const [args, pattern] of [
    [['--gpus', '1000', '--days', '60', '--mfu', '1.5'], /--mfu: "1.5" must be above 0 and at most 1/],
    [['--gpus', '0', '--days', '60', '--mfu', '0.4'], /--gpus: .*greater than zero/],
    [['--gpus', '-8', '--days', '60', '--mfu', '0.4'], /--gpus: /],
    [['--gpu', 'h9000', '--gpus', '8', '--days', '1', '--mfu', '0.4'], /--gpu: unknown GPU "h9000"; valid ids/],
    [['--gpu', 'a100-80gb', '--dtype', 'fp8', '--gpus', '8', '--days', '1', '--mfu', '0.4'], /--dtype: .*no dense FP8/],
    [['--gpus', '8'], /too little/],
  ]) {
    const r = run('budget', ...args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
    assert.match(r.err, pattern);
  }
});

test('memory: 70B in BF16 with a 4K-token cache for 16 sequences on H100s', () => {
  const j = json('memory', '--params', '70B', '--layers', '80', '--kv-heads', '8', '--head-dim', '128',
    '--context', '4096', '--batch', '16');
  assert.equal(j.weights_gb, 140);
  assert.equal(j.training_gb, 1120);
  assert.equal(j.kv_bytes_per_token, 327680);
  assert.equal(j.gpus_to_serve, 3);
  assert.equal(j.gpus_to_train, 16);
  const bad = run('memory', '--params', '70B', '--usable', '1.5');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--usable: /);
});

test('lifetime: Sardana et al.\'s law, 2T inference tokens: a smaller model trained longer, cheaper over its life', () => {
  const j = json('lifetime', '--loss', '1.947', '--inference-tokens', '2e12', '--law', 'custom',
    '--E', '1.69', '--A', '406.4', '--B', '410.7', '--alpha', '0.336', '--beta', '0.283');
  assert.ok(j.params_ratio < 1 && j.tokens_ratio > 1 && j.lifetime_saving > 0);
  assert.ok(near(j.optimal.total_flops, j.optimal.train_flops + j.optimal.inference_flops, j.optimal.total_flops * 1e-12));
  const zero = json('lifetime', '--loss', '1.947', '--inference-tokens', '0', '--law', 'custom');
  assert.ok(near(zero.params_ratio, 1, 1e-6), 'no demand: the Chinchilla-optimal model');
  const req = json('lifetime', '--loss', '2.0', '--requests', '1e10', '--tokens-per-request', '1250', '--law', 'epoch2024');
  assert.equal(req.inference_tokens, 1.25e13);
  const bad = run('lifetime', '--loss', '1.5', '--inference-tokens', '1e12', '--law', 'custom');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--loss: .*irreducible/);
});

test('lifetime-cost: 1e10 requests of 1,250 tokens, priced per phase, with its break-even', () => {
  const j = json('lifetime-cost', '--loss', '2.0', '--requests', '1e10', '--input-tokens', '1000', '--output-tokens', '250',
    '--law', 'epoch2024', '--decode-mfu', '0.1');
  assert.ok(j.optimal_dollars.total < j.chinchilla_dollars.total);
  assert.ok(near(j.optimal_dollars.total, j.optimal_dollars.train + j.optimal_dollars.prefill + j.optimal_dollars.decode, 1e-3));
  assert.ok(j.break_even_requests > 0);
  assert.equal(j.hardware.decode.mfu, 0.1);
  const bad = run('lifetime-cost', '--loss', '2.0', '--requests', '1e10', '--train-mfu', '2');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--train-mfu: /);
});

test('fit reports its convergence and warns, in JSON and in text, when constants trade off (a narrow sweep)', () => {
  const data = join(ROOT, 'tests', 'data', 'narrow-sweep.csv');
  const j = json('fit', data, '--bootstrap', '200');
  assert.equal(j.convergence.converged, true);
  assert.equal(j.convergence.capped_starts, 0);
  assert.ok(j.convergence.iterations > 10 && j.convergence.newton_gain < 1e-12, JSON.stringify(j.convergence));
  assert.ok(j.convergence.gradient_norm < 1e-6);
  assert.ok(Math.abs(j.correlations.alpha_A) > 0.95);
  assert.ok(j.warnings.some((w) => /α and A \(correlation/.test(w)), JSON.stringify(j.warnings));
  // JSON on stdout stays clean; the person at the terminal sees the warnings on stderr.
  const r = run('fit', data, '--bootstrap', '200', '--json');
  assert.match(r.err, /scaling fit: warning: The constants trade off/);
  const text = run('fit', data, '--bootstrap', '200');
  assert.equal(text.code, 0, text.err);
  assert.match(text.out, /^convergence\.converged\s+true$/m);
  assert.match(text.out, /^warning\s+The constants trade off/m);
  assert.match(text.out, /^at_largest_run_95\.params_opt\s+\S+M to \S+M$/m);
});

test('fit: the shared Chinchilla data gives Epoch\'s constants; bad files exit 2 with a reason', () => {
  const data = join(ROOT, '..', 'shared', 'data', 'chinchilla-fig4-epoch2024.csv');
  const j = json('fit', data, '--exclude-top', '5', '--bootstrap', '100');
  assert.equal(j.runs_used, 240);
  assert.ok(Math.abs(j.constants.E / 1.8172 - 1) < 0.02, `E ${j.constants.E}`);
  assert.ok(Math.abs(j.constants.alpha / 0.3478 - 1) < 0.02);
  assert.ok(Math.abs(j.constants.beta / 0.3658 - 1) < 0.02);
  assert.ok(Math.abs(j.constants.A / 482.01 - 1) < 0.1);
  assert.ok(Math.abs(j.constants.B / 2085.43 - 1) < 0.1);
  assert.ok(j.intervals_95.alpha[0] < 0.3478 && 0.3478 < j.intervals_95.alpha[1]);
  assert.ok(j.held_out.runs >= 1 && j.held_out.mean_abs_error_fraction < 0.05, 'the largest runs are predicted within 5%');
  const far = run('fit', data, '--exclude-top', '5', '--predict', '1e24', '--json');
  assert.equal(far.code, 0, far.err);
  assert.match(far.err, /warning: 1e24 FLOP is .*x the largest run .*extrapolation/);
  assert.equal(JSON.parse(far.out).prediction.extrapolation, true);
  const dir = mkdtempSync('/tmp/scaling-fit-');
  const cases = [
    ['', /no header/],
    ['N,D,loss\n1e9,2e10,2.5\n', /only 1 usable rows/],
    ['N,params,D,loss\n1e9,1e9,2e10,2.5\n', /two columns/],
    ['N,D,loss\n1e9,abc,2.5\n2e9,4e10,2.4\n', /only 1 usable/],
  ];
  cases.forEach(([text, pattern], i) => {
    const file = `${dir}/bad${i}.csv`;
    writeFileSync(file, text);
    const r = run('fit', file);
    assert.equal(r.code, 2, `${JSON.stringify(text)}: ${r.err}`);
    assert.match(r.err, pattern);
  });
  const rejected = `${dir}/rows.csv`;
  writeFileSync(rejected, 'N,D,loss\n' + ['1e8,2e9,3.2', '2e8,4e9,3.0', 'x,1,1', '4e8,8e9,2.8', '8e8,1.6e10,2.6',
    '1.6e9,3.2e10,2.5', '3.2e9,6.4e10,2.4'].join('\n'));
  const r = run('fit', rejected, '--json');
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /line 4 left out: params "x" is not a number/);
  assert.equal(run('fit', '/nonexistent.csv').code, 2);
  const power = json('fit', data, '--exclude-top', '5', '--form', 'power', '--x', 'C');
  assert.ok(power.saturating.E > 1 && power.saturating.E < 2.5 && power.saturating.alpha > 0, JSON.stringify(power));
  assert.ok(power.pure.alpha > 0);
  assert.equal(run('fit', data, '--form', 'cubic').code, 2);
  // Columns with names the reader does not know: refused with the header listed, then mapped by hand.
  const odd = `${dir}/odd.csv`;
  writeFileSync(odd, 'run,width,toks,val\n' + ['a,1e8,2e9,3.2', 'b,2e8,4e9,3.0', 'c,4e8,8e9,2.8', 'd,8e8,1.6e10,2.6',
    'e,1.6e9,3.2e10,2.5', 'f,3.2e9,6.4e10,2.4'].join('\n'));
  const unmapped = run('fit', odd);
  assert.equal(unmapped.code, 2);
  assert.match(unmapped.err, /it has "run", "width", "toks", "val"/);
  const mapped = json('fit', odd, '--target', 'val', '--columns', 'N=width,D=toks');
  assert.deepEqual(mapped.columns, { N: 'width', D: 'toks', C: null, loss: 'val' });
  assert.equal(mapped.runs_used, 6);
  const wrong = run('fit', odd, '--target', 'lss', '--columns', 'N=width,D=toks');
  assert.equal(wrong.code, 2);
  assert.match(wrong.err, /no column named "lss" for loss/);
  assert.match(run('fit', odd, '--columns', 'Q=width').err, /--columns: "Q=width" is not KEY=NAME/);
});

test('data --json: three ways to spend 1e22 FLOP on 25B unique tokens; the optimum wins; C = 6ND each', () => {
  const j = json('data', '--unique-tokens', '25e9', '--flops', '1e22');
  assert.equal(j.law, 'muennighoff2023');
  assert.equal(j.data_binding, true);
  assert.ok(near(j.ceiling_tokens / 25e9, 16.387756, 1e-9), 'the 16.39 U ceiling');
  for (const key of ['one_epoch', 'compute_optimal_repeated', 'data_constrained_optimum']) {
    const p = j[key];
    assert.ok(near(6 * p.params * p.tokens, 1e22, 1e22 * 1e-9), `${key}: C = 6ND`);
    assert.ok(p.effective_tokens <= p.tokens && p.effective_tokens <= j.ceiling_tokens, key);
    assert.ok(p.loss >= p.fresh_data_loss, `${key}: repetition never helps`);
  }
  assert.equal(j.one_epoch.tokens, 25e9);
  assert.ok(j.data_constrained_optimum.loss <= j.one_epoch.loss);
  assert.ok(j.data_constrained_optimum.loss < j.compute_optimal_repeated.loss);
  assert.equal(j.constants.r_star_data, 15.387756);
});

test('loss --unique-tokens: 100B tokens from 25B unique are worth 3.73 x 25B (4 epochs) and lose more', () => {
  const j = json('loss', '--law', 'muennighoff2023', '--params', '1B', '--tokens', '100B', '--unique-tokens', '25B');
  assert.equal(j.epochs, 4);
  assert.equal((j.effective_tokens / 25e9).toFixed(2), '3.73');
  const fresh = json('loss', '--law', 'muennighoff2023', '--params', '1B', '--tokens', '100B');
  assert.ok(j.loss > fresh.loss);
  assert.equal(fresh.epochs, undefined, 'no repetition keys without --unique-tokens');
});

test('data and loss --unique-tokens refuse bad input by name with exit 2', () => {
  for (const [args, field] of [
    [['data', '--unique-tokens', 'abc', '--flops', '1e22'], '--unique-tokens'],
    [['data', '--unique-tokens', '25B', '--flops', '-1'], '--flops'],
    [['data', '--unique-tokens', '25B', '--flops', '1e22', '--law', 'llama3'], '--law'],
    [['data', '--unique-tokens', '1e400', '--flops', '1e22'], '--unique-tokens'],
    [['loss', '--params', '1B', '--tokens', '1T', '--unique-tokens', '0'], '--unique-tokens'],
    [['loss', '--params', '1B', '--tokens', '1T', '--unique-tokens', '5B', '--law', 'kaplan2020'], '--law'],
  ]) {
    const r = run(...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.ok(r.err.includes(field), `${args.join(' ')}: ${r.err}`);
    assert.equal(r.out, '');
  }
});

test('scenario: 10x compute from Chinchilla 70B / 1.4T, data-driven against data capped at 2x', () => {
  const j = json('scenario', '--params', '70B', '--tokens', '1.4T', '--compute-multiple', '10', '--data-cap', '2');
  assert.equal(j.law, 'epoch2024');
  assert.equal(j.cap_binds, true);
  for (const key of ['data_driven', 'model_driven']) {
    const g = j[key];
    assert.ok(near(g.params_mult * g.tokens_mult, 10, 1e-9), `${key}: the multiples multiply to k`);
    assert.ok(near(g.flops, 10 * j.base.flops, j.base.flops * 1e-9), `${key}: 10x the base's 6ND`);
    assert.ok(g.loss < j.base.loss, `${key}: more compute, lower loss`);
  }
  assert.equal(j.model_driven.tokens_mult, 2);
  assert.ok(near(j.model_driven.params_mult, 5, 1e-12));
  assert.ok(j.model_driven.loss > j.data_driven.loss, 'capped data costs loss at the same compute');
  // alpha = beta (muennighoff2023): data-driven growth is sqrt(10) each, the "10 TB -> ~30 TB" of the Grok example.
  const m = json('scenario', '--params', '70B', '--tokens', '1.4T', '--compute-multiple', '10', '--data-cap', '2',
    '--law', 'muennighoff2023');
  assert.ok(near(m.data_driven.tokens_mult, Math.sqrt(10), 1e-9));
});

test('project: 150x Grok 3\'s ~3e26 FLOP is 4.5e28 raw, 3x that dense-equivalent at 1:8 sparsity', () => {
  const j = json('project', '--reference-flops', '3e26', '--reference-multiple', '150', '--sparsity', '8');
  assert.ok(near(j.flops, 4.5e28, 1e16));
  assert.ok(near(j.dense_equivalent_multiplier, 3, 1e-12));
  assert.ok(near(j.dense_equivalent_flops, 1.35e29, 1e17));
  assert.ok(near(j.optimal_at_dense_equivalent.flops, j.dense_equivalent_flops, 1e17));
  assert.ok(j.optimal_at_dense_equivalent.loss < j.optimal_at_flops.loss);
  const dense = json('project', '--reference-flops', '3e26', '--reference-multiple', '150');
  assert.equal(dense.dense_equivalent_multiplier, 1, 'no --sparsity: dense');
  assert.equal(json('project', '--reference-flops', '3e26', '--reference-multiple', '150', '--sparsity', '32')
    .dense_equivalent_multiplier.toFixed(6), '6.000000');
});

test('next-flop: 10x pretraining against 10x samples, and the samples the same total FLOP buys', () => {
  const j = json('next-flop', '--flops', '5.76e23', '--success', '0.2', '--samples', '1', '--inference-ratio', '0.1');
  const opt = json('optimal', '--flops', '5.76e23');
  const ten = json('optimal', '--flops', '5.76e24');
  assert.ok(near(j.pretraining.loss_gain, opt.loss - ten.loss, 1e-12));
  assert.ok(near(j.pretraining.size_ratio, ten.params / opt.params, 1e-9));
  assert.ok(near(j.test_time.pass_at_k_scaled, 1 - 0.8 ** 10, 1e-12));
  // k' = M·k + 3·(10 − 1)/R: at R = 0.1 that is M + 270.
  assert.ok(near(j.equal_total_flop.samples, j.pretraining.size_ratio + 270, 1e-9));
  const llama = json('next-flop', '--flops', '1e24', '--law', 'llama3');
  assert.equal(llama.pretraining.loss_gain, undefined, 'an allocation-only law has no loss');
});

test('scenario, project and next-flop: bad input exits 2 naming the flag, with nothing on stdout', () => {
  for (const [args, field] of [
    [['scenario', '--params', '70B', '--tokens', 'abc', '--compute-multiple', '10', '--data-cap', '2'], '--tokens'],
    [['scenario', '--params', '70B', '--tokens', '1T', '--compute-multiple', '10', '--data-cap', '0.5'], '--data-cap'],
    [['scenario', '--params', '70B', '--tokens', '1T', '--compute-multiple', 'NaN', '--data-cap', '2'], '--compute-multiple'],
    [['scenario', '--params', '70B', '--tokens', '1T', '--compute-multiple', '1e300', '--data-cap', '2'], '--compute-multiple'],
    [['scenario', '--params', '-70B', '--tokens', '1T', '--compute-multiple', '10', '--data-cap', '2'], '--params'],
    [['project', '--reference-flops', '1e400', '--reference-multiple', '2'], '--reference-flops'],
    [['project', '--reference-flops', '3e26', '--reference-multiple', '0'], '--reference-multiple'],
    [['project', '--reference-flops', '3e26', '--reference-multiple', '2', '--sparsity', '0.5'], '--sparsity'],
    [['next-flop', '--flops', '1e24', '--samples', '2.5'], '--samples'],
    [['next-flop', '--flops', '1e24', '--success', '1.5'], '--success'],
    [['next-flop', '--flops', '1e24', '--factor', '1'], '--factor'],
    [['next-flop', '--flops', '1e24', '--inference-ratio', 'inf'], '--inference-ratio'],
  ]) {
    const r = run(...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.ok(r.err.includes(field), `${args.join(' ')}: ${r.err}`);
    assert.equal(r.out, '');
  }
});
