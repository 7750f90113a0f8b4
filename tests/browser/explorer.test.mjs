// explorer.test.mjs: the web build in headless Chromium, as a user and as a host page would use it:
// first frame, the JS API against the CLI's JSON, a mouse drag and a touch drag on the budget
// slider, crisp rendering at devicePixelRatio 3. Screenshots go to build/test-artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ARTIFACTS, CLI, openApp, probe, startAll, stopAll, waitForTextChange } from './harness.mjs';

let env;
before(async () => { env = await startAll(); });
after(async () => { await stopAll(env); });

function cliJson(args) {
  return JSON.parse(execFileSync(CLI, [...args, '--json'], { encoding: 'utf8' }));
}

// Same keys, same strings, numbers equal to 1e-12 relative: native glibc and the WASM libm may
// differ in the last bits of pow(); anything more is a real divergence.
function assertSameResult(actual, expected, what) {
  assert.deepEqual(Object.keys(actual), Object.keys(expected), `${what}: keys`);
  for (const k of Object.keys(expected)) {
    if (typeof expected[k] === 'number') {
      // An expected 0 (a skew of 0, say) is compared absolutely: 0/0 is not a relative error.
      const diff = Math.abs(actual[k] - expected[k]);
      const rel = expected[k] === 0 ? diff : diff / Math.abs(expected[k]);
      assert.ok(rel <= 1e-12, `${what}: ${k} = ${actual[k]} vs CLI ${expected[k]}`);
    } else {
      assert.deepEqual(actual[k], expected[k], `${what}: ${k}`);
    }
  }
}

test('the first frame draws the Allocator with its answer for the default budget', async () => {
  const { context, page, problems } = await openApp(env.browser, env.url, { viewport: { width: 1280, height: 800 } });
  const firstFrameMs = await page.evaluate(() => performance.getEntriesByName('scaling-first-frame')[0].startTime);
  console.log(`first frame ${firstFrameMs.toFixed(0)} ms after navigation (1280x800)`);
  const p = await probe(page);
  assert.equal(p.texts.law, 'epoch2024');  // the default law: Chinchilla's budget buys about 70B on 1.3T
  assert.equal(p.texts.params, '72.2B');
  assert.equal(p.texts.tokens, '1.33T');
  await page.screenshot({ path: join(ARTIFACTS, 'desktop-first-frame.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the bold face is fetched after the first frame (outside the first view), and arrives', async () => {
  const { context, page, problems } = await openApp(env.browser, env.url, { viewport: { width: 1280, height: 800 } });
  const t = await page.evaluate(() => ({
    frame: performance.getEntriesByName('scaling-first-frame')[0].startTime,
    font: performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/font-bold')).map((e) => ({ start: e.startTime, size: e.decodedBodySize })),
  }));
  assert.equal(t.font.length, 1, 'font-bold fetched once');
  assert.ok(t.font[0].start >= t.frame, `asked for at ${t.font[0].start} ms, the first frame at ${t.frame} ms`);
  assert.ok(t.font[0].size > 10000, `font-bold has ${t.font[0].size} bytes`);
  // Written where the app reads its fonts, so the atlas built after it holds the bold face.
  assert.ok(await page.evaluate(() => FS.stat('/fonts/bold').size > 10000));
  assert.deepEqual(problems, []);
  await context.close();
});

test('scaling.optimal, scaling.loss and scaling.laws equal the CLI JSON', async () => {
  const { context, page, problems } = await openApp(env.browser, env.url);
  for (const flops of [1e21, 5.76e23, 3.8e25]) {
    for (const law of ['chinchilla-a3', 'epoch2024', 'kaplan2020']) {
      const web = await page.evaluate((a) => window.scaling.optimal(a), { flops, law });
      assertSameResult(web, cliJson(['optimal', '--flops', String(flops), '--law', law]), `optimal ${flops} ${law}`);
    }
  }
  const ratio = await page.evaluate(() => window.scaling.optimal({ flops: '1e24', law: 'ratio20' }));
  assertSameResult(ratio, cliJson(['optimal', '--flops', '1e24', '--law', 'ratio20']), 'ratio20');
  assert.ok(!('loss' in ratio), 'no loss is invented for an allocation-only law');

  // No law named: the API's default is the CLI's (epoch2024).
  const byDefault = await page.evaluate(() => window.scaling.optimal({ flops: 5.76e23 }));
  assertSameResult(byDefault, cliJson(['optimal', '--flops', '5.76e23']), 'optimal, default law');
  assert.equal(byDefault.law, 'epoch2024');
  const loss = await page.evaluate(() => window.scaling.loss({ params: '70B', tokens: '1.4T', law: 'chinchilla-a3' }));
  assertSameResult(loss, cliJson(['loss', '--params', '70B', '--tokens', '1.4T', '--law', 'chinchilla-a3']), 'loss');
  assert.ok(Math.abs(loss.loss - 1.9366) < 5e-5);

  assert.deepEqual(await page.evaluate(() => window.scaling.laws()), cliJson(['laws']));

  // compare, and a custom law's constants, go through the same core as the CLI. Epoch's range needs
  // its bootstrap draws, which the page fetches only when first needed: until then it says so.
  const cliCmp = cliJson(['compare', '--flops', '1e24']);
  const early = await page.evaluate(() => window.scaling.compare({ flops: 1e24 }));
  const earlyEpoch = early.laws.find((l) => l.law === 'epoch2024');
  assert.ok(earlyEpoch.range_95 || /still loading/.test(earlyEpoch.range_error), JSON.stringify(earlyEpoch));
  await page.evaluate(() => window.scaling.draws());
  const cmp = await page.evaluate(() => window.scaling.compare({ flops: 1e24 }));
  assert.equal(cmp.laws.length, cliCmp.laws.length);
  cmp.laws.forEach((l, i) => { if (l.params) assertSameResult({ p: l.params }, { p: cliCmp.laws[i].params }, l.name); });
  const epoch = cmp.laws.find((l) => l.law === 'epoch2024');
  const cliEpoch = cliCmp.laws.find((l) => l.law === 'epoch2024');
  for (const k of ['params', 'tokens', 'tokens_per_param', 'loss'])
    assertSameResult({ lo: epoch.range_95[k][0], hi: epoch.range_95[k][1] }, { lo: cliEpoch.range_95[k][0], hi: cliEpoch.range_95[k][1] }, `range_95.${k}`);
  assert.equal(cmp.range_method, cliCmp.range_method);
  const custom = await page.evaluate(() => window.scaling.loss({ params: '70B', tokens: '1T', law: 'custom', E: 1.69,
    A: 406.4, B: 410.7, alpha: 0.336, beta: 0.283 }));
  assert.ok(Math.abs(custom.loss - 1.947) < 5e-4, 'Sardana et al. worked value through the JS API');
  assert.deepEqual(problems, []);
  await context.close();
});

test('bad arguments to the JS API return {error} naming the argument, never throw', async () => {
  const { context, page } = await openApp(env.browser, env.url);
  const cases = [
    [{ flops: -5 }, /flops: .*negative/],
    [{ flops: 'abc' }, /flops: .*not a number/],
    [{ flops: '1e400' }, /flops: .*too large/],
    [{ flops: NaN }, /flops: .*not a number/],
    [{ flops: 1e24, law: 'nope' }, /law: unknown law "nope"; valid ids: chinchilla-a3/],
    [{}, /flops: is required/],
    [{ flops: { x: 1 } }, /flops: expected a number or a string/],
    [{ flops: 1e24, flop: 5 }, /flop.*unknown argument/],
    [{ flops: 1e24, law: 'epoch2024', E: 1.5 }, /E: only --law custom takes constants/],
    // Answers that make no physical sense are refused as by the CLI (exit 2 there).
    [{ flops: 1 }, /flops: 1e0 FLOP buys, under epoch2024, a model of .* less than one parameter/],
  ];
  for (const [args, pattern] of cases) {
    const r = await page.evaluate((a) => window.scaling.optimal(a), args);
    assert.match(r.error ?? '', pattern, JSON.stringify(args));
  }
  const r = await page.evaluate(() => window.scaling.optimal(null));
  assert.match(r.error, /flops: is required/);
  // ...and an answer beyond the law's fitted budgets says so, as the CLI's JSON does.
  const far = await page.evaluate(() => window.scaling.optimal({ flops: 1e27 }));
  assert.equal(far.extrapolated, true);
  assert.deepEqual(far.fitted_flops, [6e18, 3e21]);
  assertSameResult(far, cliJson(['optimal', '--flops', '1e27']), 'optimal 1e27');
  await context.close();
});

test('the JS API and the command table agree: a method per command, and no method without one', async () => {
  const { context, page } = await openApp(env.browser, env.url);
  const { table, methods } = await page.evaluate(() => ({
    table: window.scaling.commands(),
    methods: Object.keys(window.scaling).filter((k) => typeof window.scaling[k] === 'function'),
  }));
  const jsNames = table.map((c) => c.js_name);
  for (const c of table) {
    assert.ok(methods.includes(c.js_name), `${c.name}: scaling.${c.js_name} missing`);
    assert.equal(c.js_name, c.name.replace(/_(.)/g, (_, ch) => ch.toUpperCase()), c.name);
    for (const i of c.inputs) assert.ok(i.key && i.label && 'optional' in i, `${c.name}.${i.key}`);
  }
  for (const m of methods) {
    if (['draws', 'commands'].includes(m)) continue;  // the draws' loader and the table itself
    assert.ok(jsNames.includes(m), `scaling.${m} is not a table command`);
  }
  for (const name of ['optimal', 'loss', 'compare', 'laws', 'models', 'budget', 'memory', 'lifetime', 'lifetimeCost',
    'fit', 'data', 'scenario', 'project', 'nextFlop', 'testTime', 'emergence', 'fineTuning', 'frontier']) {
    assert.ok(jsNames.includes(name), name);
  }
  // The new methods answer as the CLI's commands of the same names.
  const same = [
    ['testTime', { samples: 16 }, ['test-time', '--samples', '16']],
    ['emergence', { answer_length: 20 }, ['emergence', '--answer-length', '20']],
    ['fineTuning', { examples: 5000 }, ['fine-tuning', '--examples', '5000']],
    ['frontier', { from: 1e20, to: 1e22, points: 3, law: 'chinchilla-a3' },
      ['frontier', '--from', '1e20', '--to', '1e22', '--points', '3', '--law', 'chinchilla-a3']],
    // TCO (issue 18)
    ['tco', { training_dollars: '10M', dollars_per_request: 0.01, requests_per_day: 1e9 },
      ['tco', '--training-dollars', '10M', '--dollars-per-request', '0.01', '--requests-per-day', '1e9']],
    // Downstream-task extrapolation (issue 20)
    ['taskFit', { points: '7e9:0.60,13e9:0.70', at: '70B', target: 0.9 },
      ['task-fit', '--points', '7e9:0.60,13e9:0.70', '--at', '70B', '--target', '0.9']],
  ];
  for (const [method, args, cli] of same) {
    const web = await page.evaluate(([m, a]) => window.scaling[m](a), [method, args]);
    assert.deepEqual(JSON.parse(JSON.stringify(web), (k, v) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v)),
      JSON.parse(JSON.stringify(cliJson(cli)), (k, v) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v)), method);
  }
  const bad = await page.evaluate(() => window.scaling.testTime({ samples: 0 }));
  assert.equal(bad.field, 'samples');
  await context.close();
});

test('a mouse drag on the budget slider changes the result (desktop 1280x800)', async () => {
  const { context, page, problems } = await openApp(env.browser, env.url, { viewport: { width: 1280, height: 800 } });
  const p = await probe(page);
  const [x0, y0, x1, y1] = p.rects.budget_slider;
  const y = (y0 + y1) / 2;
  await page.mouse.move(x0 + (x1 - x0) * 0.25, y);
  await page.mouse.down();
  for (let f = 0.3; f <= 0.9; f += 0.05) await page.mouse.move(x0 + (x1 - x0) * f, y);
  await page.mouse.up();
  const params = await waitForTextChange(page, 'params', p.texts.params);
  const flops = await page.evaluate(() => window.scaling._ui.flops());
  assert.ok(flops > 1e25, `budget after drag ${flops}`);
  assert.notEqual(params, '72.2B');
  await page.screenshot({ path: join(ARTIFACTS, 'desktop-after-drag.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('typing a budget with a suffix into the field updates the answer; bad text shows a message', async () => {
  const { context, page, problems } = await openApp(env.browser, env.url, { viewport: { width: 1280, height: 800 } });
  const p = await probe(page);
  const [x0, y0, x1, y1] = p.rects.budget_input;
  await page.mouse.click((x0 + x1) / 2, (y0 + y1) / 2);
  await page.keyboard.type('3.8e25');
  await page.keyboard.press('Enter');
  // The field answers as you type (3, 3.8, ..., 3.8e25): wait for the whole budget.
  await page.waitForFunction(() => window.scaling._ui.probe().texts.flops === '3.8e25');
  // The screen shows what the CLI prints for the same budget (one formatter in the core).
  const cliText = execFileSync(CLI, ['optimal', '--flops', '3.8e25'], { encoding: 'utf8' });
  const cliParams = cliText.match(/^params\s+(\S+) params/m)[1];
  assert.equal((await probe(page)).texts.params, cliParams);

  // Select what is there with the keyboard (a quick second click would select only a word).
  await page.mouse.click((x0 + x1) / 2, (y0 + y1) / 2);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('abc');
  await page.waitForFunction(() => (window.scaling._ui.probe().texts.budget_error || '').includes('not a number'));
  assert.equal(await page.evaluate(() => window.scaling._ui.flops()), 3.8e25, 'the last valid budget stays');
  await page.screenshot({ path: join(ARTIFACTS, 'desktop-bad-input.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a touch drag on the budget slider changes the result (390x844, DPR 3) and the canvas is crisp', async () => {
  const { context, page, problems } = await openApp(env.browser, env.url, {
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true,
  });
  const backing = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight, dpr: devicePixelRatio };
  });
  assert.equal(backing.dpr, 3);
  assert.equal(backing.w, backing.cssW * 3, 'backing store is CSS width x DPR');
  assert.equal(backing.h, backing.cssH * 3, 'backing store is CSS height x DPR');

  const p = await probe(page);
  const [x0, y0, x1, y1] = p.rects.budget_slider;
  const y = (y0 + y1) / 2;
  const cdp = await context.newCDPSession(page);
  const touch = (type, x) => cdp.send('Input.dispatchTouchEvent', {
    type, touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1 }],
  });
  await touch('touchStart', x0 + (x1 - x0) * 0.8);
  for (let f = 0.75; f >= 0.2; f -= 0.05) {
    await touch('touchMove', x0 + (x1 - x0) * f);
    await page.waitForTimeout(16);
  }
  await touch('touchEnd');
  const params = await waitForTextChange(page, 'params', p.texts.params);
  const flops = await page.evaluate(() => window.scaling._ui.flops());
  assert.ok(flops < 1e22, `budget after touch drag ${flops}`);
  assert.notEqual(params, '72.2B');
  await page.screenshot({ path: join(ARTIFACTS, 'phone-after-touch-drag.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('Scenarios on a phone: the Grok preset by a tap; scenario, project and nextFlop equal the CLI; a Next FLOP link', async () => {
  const { context, page, problems } = await openApp(env.browser, `${env.url}?view=scenarios`,
    { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  await page.waitForFunction(() => window.scaling._ui.probe().texts.view === 'Scenarios');
  const r = (await probe(page)).rects.sc_grok;
  await page.touchscreen.tap((r[0] + r[2]) / 2, (r[1] + r[3]) / 2);
  await page.waitForFunction(() => window.scaling._ui.probe().texts['sc_model:Data on disk'] === '20.0 TB');
  const p = await probe(page);
  assert.equal(p.texts['sc_model:Tokens D'].endsWith('(x2.00)'), true, p.texts['sc_model:Tokens D']);
  assert.equal(p.texts['sc_model:Parameters N'].endsWith('(x5.00)'), true);
  assert.match(p.texts.sc_summary, /10\.0 TB -> 3\d\.\d TB/);
  assert.match(await page.evaluate(() => location.search), /compute-multiple=10&data-cap=2&base-data-tb=10/);
  await page.screenshot({ path: join(ARTIFACTS, 'phone-scenarios-grok.png') });

  const args = { params: '70B', tokens: '1.4T', compute_multiple: '10', data_cap: '2' };
  const web = await page.evaluate((a) => window.scaling.scenario(a), args);
  const cli = cliJson(['scenario', '--params', '70B', '--tokens', '1.4T', '--compute-multiple', '10', '--data-cap', '2']);
  for (const k of ['base', 'data_driven', 'model_driven']) assertSameResult(web[k], cli[k], `scenario ${k}`);
  const proj = await page.evaluate(() => window.scaling.project({ reference_flops: '3e26', reference_multiple: '150', sparsity: '8' }));
  assertSameResult(proj.optimal_at_dense_equivalent,
    cliJson(['project', '--reference-flops', '3e26', '--reference-multiple', '150', '--sparsity', '8']).optimal_at_dense_equivalent, 'project');
  const next = await page.evaluate(() => window.scaling.nextFlop({ flops: '1e24' }));
  assertSameResult(next.test_time, cliJson(['next-flop', '--flops', '1e24']).test_time, 'nextFlop');
  assert.match((await page.evaluate(() => window.scaling.scenario({ params: '70B' }))).error, /tokens: is required/);

  await page.goto(`${env.url}?view=next-flop&samples-now=4&success=0.2`);
  await page.waitForFunction(() => performance.getEntriesByName('scaling-first-frame').length > 0 &&
    window.scaling._ui.probe().texts.nf_pass === '59.0% -> 99.99%');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the bootstrap draws are fetched when a band is first needed, not with the first view', async () => {
  const { context, page, problems } = await openApp(env.browser, env.url, { viewport: { width: 1280, height: 800 } });
  const draws = [];
  page.on('request', (r) => { if (r.url().endsWith('/epoch2024-bootstrap.csv')) draws.push(r.url()); });
  // The Allocator (its table of every law shows no ranges) and a few frames: nothing fetched.
  await page.evaluate(() => window.scaling._ui.show('Budget'));
  await page.evaluate(() => window.scaling._ui.show('Allocator'));
  await page.waitForFunction(() => window.scaling._ui.frames() > 5);
  assert.deepEqual(draws, []);
  // Compare needs Epoch's range: the file arrives and the range appears, as the CLI prints it.
  await page.evaluate(() => window.scaling._ui.show('Compare'));
  await page.waitForFunction(() => window.scaling._ui.probe().texts['range:epoch2024:params'] !== undefined, null, { timeout: 20000 });
  const range = (await probe(page)).texts['range:epoch2024:params'];
  assert.match(range, /^[\d.]+B-[\d.]+B$/);
  const cliText = execFileSync(CLI, ['compare', '--flops', String(await page.evaluate(() => window.scaling._ui.flops()))], { encoding: 'utf8' });
  assert.ok(cliText.includes(`95% range`) && cliText.includes(range), `${range} in the CLI's compare`);
  assert.equal(draws.length, 1);
  // The Frontier's band then costs no second fetch.
  await page.evaluate(() => window.scaling._ui.show('Frontier'));
  await page.waitForFunction(() => (window.scaling._ui.probe().texts.frontier_bands || '').includes('4000 bootstrap resamples'));
  assert.equal(draws.length, 1);
  await page.screenshot({ path: join(ARTIFACTS, 'frontier-bootstrap-band.png') });
  assert.deepEqual(problems, []);
  await context.close();
});
