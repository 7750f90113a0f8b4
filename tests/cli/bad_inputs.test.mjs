// bad_inputs.test.mjs: the CLI half of the bad-input catalogue (tests/bad_inputs.json): every case
// exits 2 with a short message on stderr naming the flag at fault, and prints nothing on stdout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = process.env.SCALING_CLI || join(ROOT, 'build/native/bin/scaling');
const catalogue = JSON.parse(readFileSync(join(ROOT, 'tests/bad_inputs.json'), 'utf8'));

// '@repeat:N:TEXT' -> TEXT N times, with a literal \n in TEXT as a newline.
const expand = (t) => t.replace(/@repeat:(\d+):(.*)$/s, (_, n, s) => s.replace(/\\n/g, '\n').repeat(Number(n)));

test(`bad-input catalogue, CLI: ${catalogue.cli.length} cases exit 2 naming the flag, nothing on stdout`, () => {
  const dir = mkdtempSync('/tmp/scaling-bad-');
  try {
    for (const c of catalogue.cli) {
      const args = c.args.map((a) => {
        if (a !== '@file') return a;
        const path = join(dir, 'input.csv');
        writeFileSync(path, expand(c.file));
        return path;
      });
      const what = c.args.join(' ').slice(0, 120);
      const r = spawnSync(CLI, args, { encoding: 'utf8', timeout: 120000, maxBuffer: 64 << 20 });
      assert.equal(r.signal, null, `${what}: killed by ${r.signal}`);
      assert.equal(r.status, 2, `${what}: exit ${r.status}, stderr ${r.stderr.slice(0, 300)}`);
      assert.equal(r.stdout, '', `${what}: stdout must stay empty`);
      assert.ok(r.stderr.includes(c.names), `${what}: the message names ${c.names}: ${r.stderr.slice(0, 300)}`);
      assert.ok(r.stderr.length < 2000, `${what}: a short message, not ${r.stderr.length} bytes`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
