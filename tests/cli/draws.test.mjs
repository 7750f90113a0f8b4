// draws.test.mjs: assets/epoch2024-bootstrap.csv is what scripts/make-bootstrap-draws makes from the
// shared data: regenerated whole (4,000 refits, about 10 s) and compared byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

test('the Epoch bootstrap draws in assets/ reproduce from scripts/make-bootstrap-draws', () => {
  assert.ok(existsSync(join(ROOT, '../shared/data/chinchilla-fig4-epoch2024.csv')), 'needs ../shared/data beside the project');
  const r = spawnSync(join(ROOT, 'scripts/make-bootstrap-draws'), ['--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /assets\/epoch2024-bootstrap\.csv reproduces from scripts\/make-bootstrap-draws/);
});
