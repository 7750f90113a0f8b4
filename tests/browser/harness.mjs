// harness.mjs: what every browser test needs: the built site on a loopback server, Debian's
// Chromium through playwright-core with the flags these build machines need, and
// helpers to read the app's state through window.scaling.
//
// The suite must pass on a loaded machine (scripts/test beside other jobs on 2 cores), so no test
// depends on how fast anything runs: waits are for events or states, never fixed sleeps; their
// time-out only bounds a genuine failure (PATIENCE_MS); and input whose timing the app judges
// (double presses, the editor's tap) carries its own time stamps (tap, click).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/static-server.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SITE = process.env.SCALING_SITE_DIR || join(ROOT, 'build/site');
export const CLI = process.env.SCALING_CLI || join(ROOT, 'build/native/bin/scaling');
export const ARTIFACTS = join(ROOT, 'build/test-artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

// How long any wait may take before it counts as a failure. Generous on purpose: a busy machine
// takes seconds over what an idle one does in milliseconds, and nothing here is a speed test.
export const PATIENCE_MS = 60000;

export async function startAll() {
  const server = await startServer({ root: SITE, port: 0 });
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  return { server, url, browser };
}

export async function stopAll({ server, browser }) {
  await browser?.close();
  // close() waits for open connections to end; a keep-alive one Chromium holds never would.
  const closed = new Promise((r) => (server ? server.close(r) : r()));
  server?.closeAllConnections?.();
  await closed;
}

// A browser context whose every wait (waitForFunction, waitForEvent, navigation, screenshots)
// gives up only after PATIENCE_MS.
export async function newContext(browser, options = {}) {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(PATIENCE_MS);
  return context;
}

// Waits until the app in `page` (or a frame) has drawn its first frame and its JS API is running.
export async function appReady(page) {
  await page.waitForFunction(() => document.documentElement.dataset.ready === '1');
  await page.evaluate(() => window.scaling.ready);
  await page.evaluate(() => window.scaling._ui.fonts);  // the bold face in: text measures as it stays
}

// Opens the app in a new context and waits until its first frame is on screen. Records page errors
// and any request that leaves the site, so a test can assert there were none.
export async function openApp(browser, url, contextOptions = {}) {
  const context = await newContext(browser, contextOptions);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  const site = url.split(/[?#]/)[0].replace(/[^/]*$/, '');  // the folder the app is served from
  page.on('request', (r) => { if (!r.url().startsWith(site)) problems.push(`request outside the site: ${r.url()}`); });
  await page.goto(url);
  await appReady(page);
  return { context, page, problems };
}

export const probe = (page) => page.evaluate(() => window.scaling._ui.probe());

// Waits until the probe's text `name` differs from `before` (frames are drawn after input events).
export async function waitForTextChange(page, name, before) {
  await page.waitForFunction(([n, b]) => {
    const t = window.scaling._ui.probe().texts[n];
    return t !== undefined && t !== b;
  }, [name, before]);
  return (await probe(page)).texts[name];
}

// How much is drawn in a PNG: distinct colours (5 bits per channel) and the share of pixels that
// differ from the most common one. A blank or flat image has a handful of colours and ~0 share.
export async function imageStats(page, png) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const counts = new Map();
    for (let i = 0; i < d.length; i += 4) {
      const key = ((d[i] >> 3) << 10) | ((d[i + 1] >> 3) << 5) | (d[i + 2] >> 3);
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    const top = Math.max(...counts.values());
    return { width: c.width, height: c.height, colours: counts.size, share: 1 - top / (d.length / 4) };
  }, png.toString('base64'));
}

// Shows a view through the app's own switch and waits until its plot is drawn.
export async function showView(page, view, plotTitle) {
  await page.evaluate((v) => window.scaling._ui.show(v), view);
  await page.waitForFunction((t) => !!window.scaling._ui.probe().rects[`plot:${t}`], plotTitle);
  return (await probe(page)).rects[`plot:${plotTitle}`];
}

// Waits until the app has caught up: every input event it was sent is applied and the frames after
// it are drawn, so the screen and the probe show the result. Call it after input Playwright has
// delivered (its dispatch returns once the page has run the handlers).
export async function settled(page) {
  await page.waitForFunction(() => window.scaling._ui.settled());
}

// Taps (touch) and clicks (left button) at (x, y) CSS px, `times` in a row at one place, whose
// events carry their own time stamps: CDP's `timestamp` becomes the DOM event's timeStamp (checked
// in Chromium 156), which the app times double presses and the editor's tap on. So presses land
// PRESS_EVERY_MS apart, each held PRESS_MS, however long a busy page takes to handle each event;
// Playwright's own taps are stamped when sent, after the page handled the one before, which on a
// loaded machine puts a double tap's presses over 500 ms apart. The stamps start now, so the last
// may lie a few hundred ms ahead of the browser's clock when it is sent; Chromium passes it through
// unchanged (checked). The times are the test's, and only the wiring is checked here: the timing
// rules themselves are tests/ui/test_double_press.cpp's.
const PRESS_MS = 40;
const PRESS_EVERY_MS = 100;
let lastStampMs = 0;  // stamps never run backwards from one call to the next
function pressTimes(times) {
  const start = Math.max(Date.now(), lastStampMs + PRESS_EVERY_MS);
  const out = [];
  for (let i = 0; i < times; ++i) out.push([start + i * PRESS_EVERY_MS, start + i * PRESS_EVERY_MS + PRESS_MS]);
  lastStampMs = out[out.length - 1][1];
  return out.map(([down, up]) => [down / 1000, up / 1000]);  // CDP wants seconds since the epoch
}

async function withCdp(page, body) {
  const cdp = await page.context().newCDPSession(page);
  try { await body(cdp); } finally { await cdp.detach(); }
}

export async function tap(page, x, y, times = 1) {
  await withCdp(page, async (cdp) => {
    for (const [down, up] of pressTimes(times)) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y, id: 1 }], timestamp: down });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [], timestamp: up });
    }
  });
}

export async function click(page, x, y, times = 1) {
  await withCdp(page, async (cdp) => {
    const presses = pressTimes(times);
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y, timestamp: presses[0][0] });
    for (const [i, [down, up]] of presses.entries()) {
      const press = { x, y, button: 'left', clickCount: i + 1 };
      await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...press, timestamp: down });
      await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...press, timestamp: up });
    }
  });
}
