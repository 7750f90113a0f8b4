// fit-web.mjs: the fit of your own runs in headless Chromium (SwiftShader, no GPU): scaling.fit()
// called directly (the whole fit at once, as the CLI does it), and the Fit view driven like a user
// (paste, Fit, wait for the intervals), which spreads the work over frames. Prints figures,
// asserts nothing.   node bench/fit-web.mjs [DATA.csv]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, openApp, startAll, stopAll } from '../tests/browser/harness.mjs';

const file = process.argv[2] || join(ROOT, '..', 'shared', 'data', 'chinchilla-fig4-epoch2024.csv');
const text = readFileSync(file, 'utf8');
const env = await startAll();
try {
  const { context, page } = await openApp(env.browser, env.url, { viewport: { width: 1280, height: 1600 } });
  const timed = (args) => page.evaluate((a) => {
    const t0 = performance.now();
    const r = window.scaling.fit(a);
    return [performance.now() - t0, r.objective, r.error];
  }, args);
  for (const [label, args] of [
    ['4,500 starts + held-out refit', { text, exclude_top: 5 }],
    ['4,500 starts + held-out refit + 1,000 bootstrap resamples', { text, exclude_top: 5, bootstrap: 1000 }],
  ]) {
    const [ms, objective, error] = await timed(args);
    console.log(`scaling.fit in the page, ${label}: ${(ms / 1000).toFixed(2)} s (objective ${objective ?? error})`);
  }
  // The Fit view: paste, press Fit, until the 1,000-resample intervals are shown.
  await page.evaluate(() => window.scaling._ui.show('Fit'));
  await page.waitForFunction(() => window.scaling._ui.probe().texts.view === 'Fit');
  await page.evaluate((t) => window.scaling._ui.paste(t), text);
  await page.waitForFunction(() => !!window.scaling._ui.probe().texts.fit_rows);
  await page.evaluate(() => { window.scaling._ui.setFitOption('exclude', 5); window.scaling._ui.setFitOption('bootstrap', 1000); });
  await page.waitForFunction(() => !!window.scaling._ui.probe().rects.fit_button);
  const [x0, y0, x1, y1] = await page.evaluate(() => window.scaling._ui.probe().rects.fit_button);
  const t0 = Date.now();
  await page.mouse.click((x0 + x1) / 2, (y0 + y1) / 2);
  await page.waitForFunction(() => window.scaling._ui.probe().texts.fit_E !== undefined, null, { timeout: 120000, polling: 20 });
  const constants = (Date.now() - t0) / 1000;
  await page.waitForFunction(() => !window.scaling._ui.probe().texts.fit_progress, null, { timeout: 120000, polling: 20 });
  const intervals = (Date.now() - t0) / 1000;
  console.log(`Fit view, pressing Fit to the constants on screen (4,500 starts over frames): ${constants.toFixed(2)} s; ` +
    `to the 1,000-resample intervals: ${intervals.toFixed(2)} s`);
  await context.close();
} finally {
  await stopAll(env);
}
