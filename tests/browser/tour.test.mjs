// tour.test.mjs: every view on a desktop (1280x800, mouse) and on a phone (390x844, DPR 3, touch):
// reached through the app's own navigation, drawn, and saved as a screenshot under
// build/test-artifacts/; on the phone every control is a 44 CSS px target.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, openApp, probe, startAll, stopAll } from './harness.mjs';

let env;
before(async () => { env = await startAll(); });
after(async () => { await stopAll(env); });

const VIEWS = ['Allocator', 'Compare', 'Frontier', 'Iso-FLOP', 'Landscape', 'Models', 'Budget', 'Lifetime', 'Fit'];
const centre = (r) => [(r[0] + r[2]) / 2, (r[1] + r[3]) / 2];
const slug = (v) => v.toLowerCase();

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
    const p = await probe(page);
    // Controls: every named rect except plot toolbars and the plots themselves, which are not buttons.
    for (const [name, r] of Object.entries(p.rects)) {
      if (/^(plot|png|csv|legend|series|nav:)/.test(name) || r[3] - r[1] > 200) continue;
      if (r[3] - r[1] < 43.5) small.push(`${view}: ${name} is ${(r[3] - r[1]).toFixed(1)} px tall`);
    }
    await page.screenshot({ path: join(ARTIFACTS, `phone-${slug(view)}.png`) });
  }
  assert.deepEqual(small, []);
  assert.equal(await page.evaluate(() => document.scrollingElement.scrollTop), 0, 'the page itself never scrolls');
  assert.deepEqual(problems, []);
  await context.close();
});
