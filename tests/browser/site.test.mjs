// site.test.mjs: the web product around the app: permalinks (round trip, hostile queries), embed
// mode in a host page with three iframes, copying a link, offline after one visit, and the site
// served from a sub-path. Screenshots go to build/test-artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer } from '../../scripts/static-server.mjs';
import { ARTIFACTS, SITE, appReady, newContext, openApp, probe, startAll, stopAll } from './harness.mjs';

let env;
before(async () => { env = await startAll(); });
after(async () => { await stopAll(env); });

test('permalink: the address follows the state, and opening it restores the same state', async () => {
  const { context, page, problems } = await openApp(env.browser, `${env.url}?view=budget&flops=3.8e25&law=epoch2024&gpus=16384&days=54&gpu=h100-sxm`);
  await page.waitForFunction(() => window.scaling._ui.probe().texts.view === 'Budget');
  const first = await probe(page);
  assert.equal(await page.evaluate(() => window.scaling._ui.flops()), 3.8e25);
  assert.equal(first.texts.link_notice, undefined, first.texts.link_notice);
  const search = await page.evaluate(() => location.search);
  assert.match(search, /view=budget/);
  assert.match(search, /gpus=16384/);
  assert.match(search, /law=epoch2024/);
  const history = await page.evaluate(() => history.length);
  // Switching views rewrites the address in place (no history entry per edit).
  await page.evaluate(() => window.scaling._ui.show('Frontier'));
  await page.waitForFunction(() => location.search.includes('view=frontier'));
  assert.equal(await page.evaluate(() => history.length), history);
  const link = await page.evaluate(() => location.href);
  const again = await context.newPage();
  await again.goto(link);
  await appReady(again);
  await again.waitForFunction(() => window.scaling._ui.probe().texts.view === 'Frontier');
  assert.equal(await again.evaluate(() => location.href), link);
  assert.equal((await probe(again)).texts.permalink, (await probe(page)).texts.permalink);
  assert.deepEqual(problems, []);
  await context.close();
});

test('permalink: a hostile query changes nothing, runs nothing, and says what was ignored', async () => {
  const hostile = '?view=%3Cscript%3Ewindow.pwned%3D1%3C%2Fscript%3E&flops=1e400&law=nope&zzz=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&gpus=-5&E=NaN';
  const { context, page, problems } = await openApp(env.browser, env.url + hostile);
  await page.waitForFunction(() => !!window.scaling._ui.probe().texts.link_notice);
  const p = await probe(page);
  for (const part of ['"view"', '"flops"="1e400"', '"law"="nope"', '"zzz"', 'custom law'])
    assert.ok(p.texts.link_notice.includes(part), `${part} in ${p.texts.link_notice}`);
  assert.equal(p.texts.view, 'Allocator');
  assert.equal(p.texts.params, '72.2B');
  assert.equal(await page.evaluate(() => window.scaling._ui.flops()), 5.76e23);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
  await page.screenshot({ path: join(ARTIFACTS, 'hostile-link.png') });
  // Dismissing the notice leaves a clean address with the valid state.
  const [x0, y0, x1, y1] = p.rects.link_notice_dismiss;
  await page.mouse.click((x0 + x1) / 2, (y0 + y1) / 2);
  await page.waitForFunction(() => !window.scaling._ui.probe().texts.link_notice);
  assert.ok(!(await page.evaluate(() => location.search)).includes('zzz'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('Copy link puts the permalink on the clipboard', async () => {
  const { context, page, problems } = await openApp(env.browser, `${env.url}?view=compare&flops=1e24`);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url.replace(/\/$/, '') });
  await page.waitForFunction(() => window.scaling._ui.probe().texts.view === 'Compare');
  const [x0, y0, x1, y1] = (await probe(page)).rects.copy_link;
  await page.mouse.click((x0 + x1) / 2, (y0 + y1) / 2);
  await page.waitForFunction(() => !!window.scaling._ui.lastCopy);
  assert.equal(await page.evaluate(() => window.scaling._ui.lastCopy), await page.evaluate(() => location.href));
  assert.deepEqual(problems, []);
  await context.close();
});

test('embed: a course page with three iframes renders each view and sizes them from the app\'s messages', async () => {
  const context = await newContext(env.browser, { viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => { if (!r.url().startsWith(env.url)) problems.push(`request outside the site: ${r.url()}`); });
  await page.goto(`${env.url}course-example.html`);
  const frames = await page.$$('iframe.scaling-explorer');
  assert.equal(frames.length, 3);
  const views = [];
  for (const handle of frames) {
    await handle.scrollIntoViewIfNeeded();
    const frame = await handle.contentFrame();
    await appReady(frame);
    await frame.waitForFunction(() => window.scaling._ui.probe().texts.view !== undefined);
    const p = await frame.evaluate(() => window.scaling._ui.probe());
    assert.equal(p.rects['tab:Allocator'], undefined, 'no tab bar when embedded');
    assert.ok(p.rects.open_full, 'a way out to the full explorer');
    views.push(p.texts.view);
    await page.waitForFunction((el) => el.dataset.sized === '1', handle);
    const height = await handle.evaluate((el) => el.getBoundingClientRect().height);
    const content = Number((await frame.evaluate(() => window.scaling._ui.probe())).texts.content_height);
    assert.ok(Math.abs(height - content) <= 2, `iframe ${height} px, the app's content ${content} px`);
  }
  assert.deepEqual(views, ['Allocator', 'Frontier', 'Iso-FLOP']);
  await page.screenshot({ path: join(ARTIFACTS, 'course-example.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('offline: after one visit the explorer reloads with the server stopped, bands included', async () => {
  const server = await startServer({ root: SITE, port: 0 });
  const url = `http://127.0.0.1:${server.address().port}/`;
  const context = await newContext(env.browser, { viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // A visit that needs no band: the service worker still keeps the bootstrap draws for later.
  await page.goto(`${url}?view=allocator&flops=1e24`);
  await appReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => caches.keys().then(async (k) => k.length > 0 &&
    (await (await caches.open(k[0])).keys()).some((r) => r.url.endsWith('/epoch2024-bootstrap.csv'))));
  // close() waits for open connections to end; a keep-alive one Chromium holds never would.
  const closed = new Promise((r) => server.close(r));
  server.closeAllConnections?.();
  await closed;
  await page.goto(`${url}?view=frontier&flops=1e24`);
  await appReady(page);
  await page.waitForFunction(() => window.scaling._ui.probe().texts.view === 'Frontier');
  await page.waitForFunction(() => (window.scaling._ui.probe().texts.frontier_bands || '').includes('4000 bootstrap resamples'),
    null, { timeout: 20000 });
  await page.screenshot({ path: join(ARTIFACTS, 'offline.png') });
  await context.close();
});

test('sub-path: the site served from /some/sub/path/ works, pages and permalinks included', async () => {
  const server = await startServer({ root: SITE, port: 0, prefix: '/some/sub/path/' });
  const base = `http://127.0.0.1:${server.address().port}/some/sub/path/`;
  try {
    const { context, page, problems } = await openApp(env.browser, `${base}?view=landscape&flops=1e22`);
    await page.waitForFunction(() => window.scaling._ui.probe().texts.view === 'Landscape');
    const docs = await page.evaluate(() => fetch('docs.html').then((r) => r.status));
    assert.equal(docs, 200);
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    const closed = new Promise((r) => server.close(r));
    server.closeAllConnections?.();
    await closed;
  }
});

test('WebGL context loss: when the browser restores the context, the page comes back in the same state', async () => {
  const { context, page, problems } = await openApp(env.browser, `${env.url}?view=iso-flop&flops=1e22`);
  await page.waitForFunction(() => window.scaling._ui.probe().texts.view === 'Iso-FLOP');
  const before = await page.evaluate(() => location.href);
  const reloaded = page.waitForEvent('load');
  await page.evaluate(() => {
    const canvas = document.getElementById('canvas');
    const gl = canvas.getContext('webgl2') || canvas.getContext('webgl');
    const ext = gl.getExtension('WEBGL_lose_context');
    ext.loseContext();
    setTimeout(() => ext.restoreContext(), 200);
  });
  await reloaded;
  await appReady(page);
  await page.waitForFunction(() => window.scaling._ui.probe().texts.view === 'Iso-FLOP');
  assert.equal(await page.evaluate(() => location.href), before);
  assert.equal(await page.evaluate(() => window.scaling._ui.flops()), 1e22);
  assert.deepEqual(problems.filter((p) => !/WebGL|context/i.test(p)), []);
  await context.close();
});

test('installable: the manifest names icons that load at their stated sizes, maskable ones included', async () => {
  const { context, page, problems } = await openApp(env.browser, env.url, { viewport: { width: 800, height: 600 } });
  const result = await page.evaluate(async () => {
    const link = document.querySelector('link[rel=manifest]');
    const manifestUrl = new URL(link.getAttribute('href'), location.href);
    const manifest = await (await fetch(manifestUrl)).json();
    const icons = [];
    for (const icon of manifest.icons) {
      const url = new URL(icon.src, manifestUrl).href;
      const response = await fetch(url);
      const img = new Image();
      img.src = url;
      await img.decode();
      icons.push({ ...icon, status: response.status, type_served: response.headers.get('content-type'),
                   width: img.naturalWidth, height: img.naturalHeight });
    }
    const touch = document.querySelector('link[rel=apple-touch-icon]');
    const touchImg = new Image();
    touchImg.src = touch.href;
    await touchImg.decode();
    return { manifest, icons, touch: touchImg.naturalWidth };
  });
  assert.equal(result.manifest.display, 'standalone');
  assert.equal(result.manifest.start_url, './', 'relative: installs from any sub-path');
  for (const icon of result.icons) {
    assert.equal(icon.status, 200, icon.src);
    assert.ok(icon.type_served.startsWith(icon.type), `${icon.src} served as ${icon.type_served}`);
    if (icon.sizes !== 'any') assert.equal(`${icon.width}x${icon.height}`, icon.sizes, icon.src);
  }
  const png = (purpose, size) => result.icons.some((i) => i.purpose === purpose && i.sizes === size && i.type === 'image/png');
  assert.ok(png('any', '192x192') && png('any', '512x512'), 'the PNG sizes installers ask for');
  assert.ok(png('maskable', '512x512'), 'a maskable icon for round launchers');
  assert.equal(result.touch, 180, 'the iOS home-screen icon');
  assert.deepEqual(problems, []);
  await context.close();
});

test('Content-Security-Policy: only the site\'s own files; every view and an export run with no violation', async () => {
  const { context, page, problems } = await openApp(env.browser, env.url, { viewport: { width: 1280, height: 800 } });
  const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content);
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/, 'no unsafe-inline, no unsafe-eval for scripts');
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.equal(await page.evaluate(() => document.querySelectorAll('script:not([src]), style, [style]').length), 0,
    'no inline script or style in the page');
  await page.evaluate(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  for (const view of ['Landscape', 'Fit', 'Scenarios', 'Next FLOP']) {
    await page.evaluate((v) => window.scaling._ui.show(v), view);
    await page.waitForFunction((v) => window.scaling._ui.probe().texts.view === v, view);
  }
  // An injected inline script is refused (the policy is in force, not just written down).
  await page.evaluate(() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.body.append(s); });
  assert.equal(await page.evaluate(() => window.__ran), undefined);
  // So is a request to another origin: nothing leaves the site, and the harness would fail any test
  // that tried (it records every request outside the site and every console error).
  const fetched = await page.evaluate(() => fetch('http://127.0.0.2:9/beacon').then(() => 'sent', () => 'refused'));
  assert.equal(fetched, 'refused');
  const violations = await page.evaluate(() => window.__violations);
  assert.deepEqual(violations.map((v) => v.split(':')[0]).sort(), ['connect-src', 'script-src-elem'],
    `only the injected script and the outside request were refused: ${violations.join('; ')}`);
  assert.ok(problems.some((p) => /Content Security Policy/.test(p)), 'the refusals reach the harness as console errors');
  assert.deepEqual(problems.filter((p) => !/Content Security Policy/.test(p)), []);
  await context.close();
});
