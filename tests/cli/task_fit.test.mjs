// task_fit.test.mjs: `scaling task-fit` through the real binary (issue 20): the worked example in
// circulation and its JSON keys, 4 points with a leave-one-out interval, points read from a file
// (--points @file.csv) with a header, and an unreadable file refused naming --points.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

test('task-fit: 7B at 60% and 13B at 70% -> 86.3% at 70B (alpha 0.46472), 138B for 90%, no interval', () => {
  const j = json('task-fit', '--points', '7e9:0.60,13e9:0.70', '--at', '70B', '--target', '0.9');
  for (const k of ['form', 'points_used', 'A', 'alpha', 'predicted_score', 'interval', 'size_for_target', 'warnings'])
    assert.ok(k in j, k);
  assert.equal(j.form, 'error');
  assert.equal(j.points_used, 2);
  near(j.alpha, 0.4647235);  // ln(0.4/0.3) / ln(13/7)
  near(j.predicted_score, 0.8628056);  // 1 - 0.3 (70/13)^-alpha
  near(j.size_for_target, 1.3823596e11);  // 13e9 (0.1/0.3)^(-1/alpha)
  assert.equal(j.interval, null);
  assert.ok(j.warnings.some((w) => w.includes('two points always fits')), j.warnings.join('\n'));
});

test('task-fit: 4 points from a CSV file with a header give the leave-one-out interval; the sigmoid form', () => {
  const dir = mkdtempSync('/tmp/scaling-task-');
  try {
    const file = join(dir, 'points.csv');
    writeFileSync(file, 'N,score\n1e9,0.45\n3e9,0.55\n7e9,0.62\n13e9,0.68\n');
    const j = json('task-fit', '--points', `@${file}`, '--at', '70B');
    assert.equal(j.points_used, 4);
    near(j.alpha, 0.2076854);  // numpy.polyfit on ln N, ln(1 - s): tests/unit/test_task_fit.cpp
    near(j.predicted_score, 0.7693699);
    near(j.interval[0], 0.7537138);
    near(j.interval[1], 0.7806073);
    assert.equal(j.size_for_target, null);  // no target given
    const s = json('task-fit', '--points', '1e9:0.27,3e9:0.35,10e9:0.6,30e9:0.8', '--task-form', 'sigmoid',
      '--chance', '0.25', '--at', '100B');
    assert.equal(s.form, 'sigmoid');
    near(s.k, 1.3649617);
    near(s.x0, 23.264739);
    near(s.predicted_score, 0.9576854);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('task-fit: an unreadable file and a score of 1.3 are refused with exit 2, naming --points', () => {
  let r = run('task-fit', '--points', '@/nonexistent/points.csv');
  assert.equal(r.code, 2);
  assert.match(r.err, /--points: cannot read/);
  r = run('task-fit', '--points', '7e9:1.3,13e9:0.7');
  assert.equal(r.code, 2);
  assert.match(r.err, /--points: .*score/);
});
