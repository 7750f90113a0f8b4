// commands.test.mjs: the subcommands made from the command table for the Test-time, Emergence and
// Fine-tuning views: their JSON keys, their defaults (the views'), and bad values refused with exit
// 2 naming the flag.
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

test('test-time --json has the view\'s numbers, from its defaults', () => {
  const j = json('test-time');
  for (const k of ['success', 'samples', 'wrong_answers', 'skew', 'model_params', 'answer_tokens', 'at_most_samples', 'curve',
    'sqrt_claim_holds', 'claims', 'small_versus_large']) assert.ok(k in j, k);
  assert.equal(j.success, 0.2);
  assert.equal(j.samples, 64);
  assert.deepEqual(Object.keys(j.at_most_samples),
    ['samples', 'pass_at_k', 'pass_all_k', 'plurality_vote', 'plurality_vote_error_bound', 'flops_per_question']);
  for (const c of j.claims) assert.deepEqual(Object.keys(c), ['claim', 'claimed', 'computed', 'unit', 'verdict', 'source']);
  assert.equal(j.curve.at(-1).samples, 64);
  assert.equal(json('test-time', '--samples', '8').curve.map((c) => c.samples).join(), '1,2,4,8');
  assert.ok(Math.abs(j.small_versus_large.equal_total_flop.samples_exact - 280) < 1e-9);
  // The example: p = 0.2 and 10 votes. Binary (one wrong answer): 2.0%; ten wrong answers: 36.6%.
  const vote10 = (m) => json('test-time', '--success', '0.2', '--samples', '10', '--wrong-answers', m).at_most_samples.plurality_vote;
  assert.ok(Math.abs(vote10('1') - 0.0195815) < 1e-6, vote10('1'));
  assert.ok(Math.abs(vote10('10') - 0.366395) < 1e-6, vote10('10'));
  const measured = json('test-time', '--measured-samples', '200', '--measured-correct', '37', '--samples', '1');
  assert.ok(Math.abs(measured.measured.estimate[0].pass_at_k - 37 / 200) < 1e-12);
  const text = run('test-time', '--success', '0.5');
  assert.equal(text.code, 0, text.err);
  assert.match(text.out, /^at_most_samples\.pass_at_k\s+\S+/m);
});

test('emergence and fine-tuning --json carry the views\' keys', () => {
  const e = json('emergence', '--answer-length', '20');
  assert.equal(e.answer_length, 20);
  for (const k of ['params_at_half_exact_match', 'by_per_token_accuracy', 'by_params']) assert.ok(k in e, k);
  assert.deepEqual(e.by_per_token_accuracy.map((r) => r.per_token_accuracy), [0.8, 0.9, 0.95, 0.99]);
  const f = json('fine-tuning');
  for (const k of ['performance', 'examples_for_90_percent', 'examples_for_99_percent', 'method', 'transfer']) assert.ok(k in f, k);
  assert.equal(f.examples, 2000);
  assert.equal(typeof f.method, 'string');
  assert.ok(f.transfer.pretraining_fraction > 0 && f.transfer.pretraining_fraction < 1);
});

test('the new subcommands refuse bad values with exit 2, naming the flag', () => {
  for (const [args, pattern] of [
    [['test-time', '--samples', '0'], /--samples: "0" must be from 1 to 10000/],
    [['test-time', '--success', '1.5'], /--success: /],
    [['test-time', '--size-ratio', 'abc'], /--size-ratio: .*not a number/],
    [['emergence', '--answer-length', '2.5'], /--answer-length: .*whole number/],
    [['emergence', '--accuracy-alpha', '9'], /--accuracy-alpha: /],
    [['fine-tuning', '--base-quality', '2'], /--base-quality: /],
    [['fine-tuning', '--finetune-tokens', '-1'], /--finetune-tokens: /],
    [['fine-tuning', '--bogus', '1'], /bogus/],
  ]) {
    const r = run(...args);
    assert.equal(r.code, 2, `${args.join(' ')}: exit ${r.code}, ${r.err}`);
    assert.match(r.err, pattern, args.join(' '));
    assert.equal(r.out, '');
  }
});

test('an unknown command lists the table\'s commands', () => {
  const r = run('testtime');
  assert.equal(r.code, 2);
  assert.match(r.err, /unknown command "testtime"; commands: optimal, loss, .*test-time, emergence, fine-tuning/);
});
