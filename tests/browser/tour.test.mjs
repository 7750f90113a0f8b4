// tour.test.mjs: every view on a desktop (1280x800, mouse) and on a phone (390x844, DPR 3, touch):
// reached through the app's own navigation, drawn, and saved as a screenshot under
// build/test-artifacts/; on the phone every control is a 44 CSS px target.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, openApp, probe, settled, startAll, stopAll, tap } from './harness.mjs';

let env;
before(async () => { env = await startAll(); });
after(async () => { await stopAll(env); });

const VIEWS = ['Allocator', 'Compare', 'Frontier', 'Iso-FLOP', 'Landscape', 'Models', 'Budget', 'Lifetime', 'Fit',
  'Data', 'Scenarios', 'Test-time', 'Emergence', 'Fine-tuning', 'Next FLOP'];
const centre = (r) => [(r[0] + r[2]) / 2, (r[1] + r[3]) / 2];
const slug = (v) => v.toLowerCase().replace(/ /g, '-');
// Controls under 44 CSS px tall: every named rect except the plots themselves and their legends,
// which are not buttons.
function smallTargets(p, view, out) {
  for (const [name, r] of Object.entries(p.rects)) {
    if (/^(plot|legend|series|nav:)/.test(name) || r[3] - r[1] > 200) continue;
    if (r[3] - r[1] < 43.5) out.push(`${view}: ${name} is ${(r[3] - r[1]).toFixed(1)} px tall`);
  }
}

test('desktop 1280x800: each view through its tab, by mouse', async () => {
  const { context, page, problems } = await openApp(env.browser, env.url, { viewport: { width: 1280, height: 800 } });
  for (const view of VIEWS) {
    const [x, y] = centre((await probe(page)).rects[`tab:${view}`]);
    await page.mouse.click(x, y);
    await page.waitForFunction((v) => window.scaling._ui.probe().texts.view === v, view);
    await page.screenshot({ path: join(ARTIFACTS, `desktop-${slug(view)}.png`) });
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('phone 390x844: each view through the view list, by touch, with 44 px targets', async () => {
  const { context, page, problems } = await openApp(env.browser, env.url,
    { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  const small = [];
  for (const view of VIEWS) {
    await page.touchscreen.tap(...centre((await probe(page)).rects.nav));
    await page.waitForFunction((v) => !!window.scaling._ui.probe().rects[`nav:${v}`], view);
    await page.touchscreen.tap(...centre((await probe(page)).rects[`nav:${view}`]));
    await page.waitForFunction((v) => window.scaling._ui.probe().texts.view === v, view);
    smallTargets(await probe(page), view, small);
    await page.screenshot({ path: join(ARTIFACTS, `phone-${slug(view)}.png`) });
  }
  assert.deepEqual(small, []);
  assert.equal(await page.evaluate(() => document.scrollingElement.scrollTop), 0, 'a tap scrolls nothing (only a swipe scrolls the page)');
  assert.deepEqual(problems, []);
  await context.close();
});

test('phone: a tap on a number field opens the numeric keyboard over it; typing edits it live', async () => {
  const { context, page, problems } = await openApp(env.browser, env.url,
    { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  const field = (await probe(page)).rects.budget_input;
  // The editor opens on a tap (under 800 ms, web/api.js): taps stamped with their own times, so a
  // busy page cannot make them look long.
  await tap(page, ...centre(field));
  await page.waitForFunction(() => window.scaling._ui.editor() !== null);
  const editor = await page.evaluate(() => {
    const el = document.activeElement;
    const r = el.getBoundingClientRect();
    return { tag: el.tagName, mode: el.getAttribute('inputmode'), value: el.value,
             selected: el.selectionEnd - el.selectionStart, rect: [r.left, r.top, r.right, r.bottom],
             keys: [...document.querySelectorAll('.field-editor-keys button')].map((b) => b.textContent) };
  });
  assert.equal(editor.tag, 'INPUT');
  assert.equal(editor.mode, 'decimal', 'the phone shows its numeric keyboard');
  assert.equal(editor.value, '5.76e23');
  assert.equal(editor.selected, editor.value.length, 'the old number is selected: typing replaces it');
  for (let i = 0; i < 4; ++i) assert.ok(Math.abs(editor.rect[i] - field[i]) < 1.5, `the input lies over the field (${editor.rect} vs ${field})`);
  assert.ok(editor.keys.includes('e') && editor.keys.includes('T'), 'keys the numeric keyboard lacks');

  await page.keyboard.type('2');
  await tap(page, ...(await page.evaluate(() => {
    const b = document.querySelector('.field-editor-keys button[data-key="e"]').getBoundingClientRect();
    return [b.left + b.width / 2, b.top + b.height / 2];
  })));
  await page.keyboard.type('24');
  await page.waitForFunction(() => window.scaling._ui.flops() === 2e24);
  assert.equal(await page.evaluate(() => window.scaling._ui.editor().value), '2e24', 'typed once: not also by the app');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.scaling._ui.editor() === null);
  await page.waitForFunction(() => window.scaling._ui.probe().texts.budget_text === '2e24');
  await page.screenshot({ path: join(ARTIFACTS, 'phone-keyboard-done.png') });

  // A bad entry: the message under the field, the last good budget kept; Escape restores the text.
  await tap(page, ...centre(field));
  await page.waitForFunction(() => window.scaling._ui.editor() !== null);
  await page.keyboard.type('abc');
  await page.waitForFunction(() => (window.scaling._ui.probe().texts.budget_error || '').includes('not a number'));
  await page.screenshot({ path: join(ARTIFACTS, 'phone-keyboard-error.png') });
  assert.equal(await page.evaluate(() => window.scaling._ui.flops()), 2e24);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => window.scaling._ui.editor() === null);
  await page.waitForFunction(() => window.scaling._ui.probe().texts.budget_text === '2e24');

  // A tap on something that is not a field opens nothing (once the app has taken the tap, so has
  // the page's editor: both listen to the same touch events).
  await tap(page, ...centre((await probe(page)).rects.budget_slider));
  await settled(page);
  assert.equal(await page.evaluate(() => window.scaling._ui.editor()), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test('desktop: a mouse click edits the field in the app, with no overlay', async () => {
  const { context, page, problems } = await openApp(env.browser, env.url, { viewport: { width: 1280, height: 800 } });
  await page.mouse.click(...centre((await probe(page)).rects.budget_input));
  await page.keyboard.type('1e22');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.scaling._ui.flops() === 1e22);
  assert.equal(await page.evaluate(() => window.scaling._ui.editor()), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test('tablet 1024x768 (touch, tabs): each view through its tab, by a tap', async () => {
  const { context, page, problems } = await openApp(env.browser, env.url,
    { viewport: { width: 1024, height: 768 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  for (const view of [...VIEWS.slice(1), VIEWS[0]]) {
    await page.touchscreen.tap(...centre((await probe(page)).rects[`tab:${view}`]));
    await page.waitForFunction((v) => window.scaling._ui.probe().texts.view === v, view);
  }
  await page.screenshot({ path: join(ARTIFACTS, 'tablet-allocator.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('phone in landscape 844x390: each view by a tap on its tab, 44 px targets, taps scroll nothing', async () => {
  const { context, page, problems } = await openApp(env.browser, env.url,
    { viewport: { width: 844, height: 390 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  const small = [];
  for (const view of [...VIEWS.slice(1), VIEWS[0]]) {
    await page.touchscreen.tap(...centre((await probe(page)).rects[`tab:${view}`]));
    await page.waitForFunction((v) => window.scaling._ui.probe().texts.view === v, view);
    smallTargets(await probe(page), view, small);
    if (view === 'Frontier' || view === 'Allocator') await page.screenshot({ path: join(ARTIFACTS, `landscape-${slug(view)}.png`) });
  }
  assert.deepEqual(small, []);
  assert.equal(await page.evaluate(() => document.scrollingElement.scrollTop), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
