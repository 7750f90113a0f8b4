// site.test.mjs: the web product around the app: permalinks (round trip, hostile queries), embed
// mode in a course page (same origin and cross-origin), copying a link, offline after one visit, the
// site served from a sub-path, and the static pages themselves: axe-core's WCAG 2.1 A/AA rules, a
// description each, the accessibility statement's criteria. Screenshots go to build/test-artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../../scripts/static-server.mjs';
import { ARTIFACTS, PATIENCE_MS, ROOT, SITE, appReady, newContext, openApp, probe, startAll, stopAll } from './harness.mjs';

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

// Opens the example course page, its explorer served from `explorer` (a folder address), and checks
// each embed: the view it names, its title, no chrome but the way out, and its height following the
// app's size messages through embed-resize.js, across origins when `explorer` is another one.
async function checkCoursePage(pageUrl, explorer, screenshot) {
  const context = await newContext(env.browser, { viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith(env.url) && !r.url().startsWith(explorer)) problems.push(`request outside the sites: ${r.url()}`);
  });
  await page.goto(pageUrl);
  const frames = await page.$$('iframe.scaling-explorer');
  assert.equal(frames.length, 2);
  const views = [];
  for (const handle of frames) {
    const title = await handle.getAttribute('title');
    await handle.scrollIntoViewIfNeeded();
    const frame = await handle.contentFrame();
    await appReady(frame);
    assert.equal(new URL(frame.url()).origin, new URL(explorer).origin, 'the explorer comes from where ?explorer= said');
    await frame.waitForFunction(() => window.scaling._ui.probe().texts.view !== undefined);
    const p = await frame.evaluate(() => window.scaling._ui.probe());
    assert.equal(p.rects['tab:Allocator'], undefined, 'no tab bar when embedded');
    assert.ok(p.rects.open_full, 'a way out to the full explorer');
    assert.equal(title, `Scaling Explorer: ${p.texts.view}`, 'the title a screen reader announces names the view');
    views.push(p.texts.view);
    await page.waitForFunction((el) => el.dataset.sized === '1', handle);
    // The app may still be laying out (a figure's first frames): wait until the iframe has followed
    // the content's height, however long a busy machine takes; fail only after PATIENCE_MS.
    let height = 0, content = -100;
    for (const deadline = Date.now() + PATIENCE_MS; Math.abs(height - content) > 2 && Date.now() < deadline;) {
      content = Number((await frame.evaluate(() => window.scaling._ui.probe())).texts.content_height);
      height = await handle.evaluate((el) => el.getBoundingClientRect().height);
      if (Math.abs(height - content) > 2) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(Math.abs(height - content) <= 2, `iframe ${height} px, the app's content ${content} px`);
  }
  assert.deepEqual(views, ['Allocator', 'Frontier']);
  // A real course page: text above and below each embed, and enough of it that a reader scrolls past
  // the embeds (what the embeds' scrolling rules are for).
  const layout = await page.evaluate(() => {
    const iframes = [...document.querySelectorAll('iframe.scaling-explorer')];
    const textAfter = (el) => { let n = el.nextElementSibling; while (n && n.tagName !== 'P') n = n.nextElementSibling; return n ? n.textContent.length : 0; };
    return { scroll: document.documentElement.scrollHeight, view: innerHeight,
             lastBottom: iframes.at(-1).getBoundingClientRect().bottom + scrollY,
             textAfter: iframes.map(textAfter) };
  });
  assert.ok(layout.scroll > 2 * layout.view, `the page (${layout.scroll} px) is over two screens tall`);
  assert.ok(layout.scroll - layout.lastBottom > 300, 'text continues below the last embed');
  assert.ok(layout.textAfter.every((n) => n > 100), `a paragraph follows each embed: ${layout.textAfter}`);
  await page.screenshot({ path: join(ARTIFACTS, screenshot), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
}

test('embed: a course page with two iframes renders each view and sizes them from the app\'s messages', async () => {
  await checkCoursePage(`${env.url}course-example.html`, env.url, 'course-example.png');
});

test('embed: the course page takes its explorer from another origin with ?explorer=, and sizes it across origins', async () => {
  const other = await startServer({ root: SITE, port: 0 });
  const explorer = `http://127.0.0.1:${other.address().port}/`;
  try {
    assert.notEqual(new URL(explorer).origin, new URL(env.url).origin);
    await checkCoursePage(`${env.url}course-example.html?explorer=${encodeURIComponent(explorer)}`, explorer,
      'course-example-cross-origin.png');
  } finally {
    const closed = new Promise((r) => other.close(r));
    other.closeAllConnections?.();
    await closed;
  }
});

test('embed: ?explorer= takes only http(s) addresses; anything else leaves the same-folder explorer', async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  // Blocks the iframes' loads: only the addresses they were given matter here.
  await page.route(/index\.html/, (route) => route.abort());
  for (const given of ['javascript:alert(1)', 'data:text/html,x', 'not a url at all']) {
    await page.goto(`${env.url}course-example.html?explorer=${encodeURIComponent(given)}`);
    const srcs = await page.$$eval('iframe.scaling-explorer', (els) => els.map((e) => e.src));
    for (const src of srcs) assert.ok(src.startsWith(`${env.url}index.html?embed=1`), `${given} -> ${src}`);
  }
  await context.close();
});

// [SECTION] The static pages: accessibility and descriptions

// The pages of site/ (the source folder: the app's own index.html is web/shell.html, covered by the
// explorer's tests, so it is not among them).
const SITE_PAGES = readdirSync(join(ROOT, 'site')).filter((f) => f.endsWith('.html')).sort();
const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const WCAG21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Runs axe-core in `page` against WCAG 2.1 A and AA. Injected with page.evaluate, not a <script>:
// an inline script tag is refused under a Content-Security-Policy without 'unsafe-inline' (the app's
// page has one), while evaluation through the DevTools protocol is not subject to it.
async function axeRun(page) {
  await page.evaluate(AXE_SOURCE);
  // iframes: false: the embedded explorer is the app, checked by its own tests; the host page's
  // <iframe> elements themselves (their titles) are still checked here.
  return page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, iframes: false }),
    WCAG21_AA_TAGS);
}

test('axe-core runs under the app page\'s Content-Security-Policy (the injection the page checks rely on)', async () => {
  const { context, page } = await openApp(env.browser, env.url, { viewport: { width: 800, height: 600 } });
  assert.match(await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content),
    /script-src 'self'/);
  const result = await axeRun(page);
  assert.ok(result.passes.length > 0, 'axe ran its rules');
  assert.ok(result.passes.some((r) => r.id === 'document-title'), 'among them the page title rule');
  await context.close();
});

test('every site page: no serious or critical axe-core violation of WCAG 2.1 A/AA, on a desktop and at 320 px', async () => {
  assert.ok(SITE_PAGES.length >= 20, `site pages found: ${SITE_PAGES.join(' ')}`);
  const failures = [];
  const minor = new Map();  // rule -> count, printed for information
  for (const viewport of [{ width: 1280, height: 800 }, { width: 320, height: 640 }]) {
    const context = await newContext(env.browser, { viewport });
    for (const name of SITE_PAGES) {
      const page = await context.newPage();
      await page.goto(env.url + name);
      const result = await axeRun(page);
      for (const v of result.violations) {
        if (v.impact === 'serious' || v.impact === 'critical') {
          failures.push(`${name} at ${viewport.width} px: ${v.impact} ${v.id} (${v.help}) on ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        } else {
          minor.set(`${v.impact} ${v.id}`, (minor.get(`${v.impact} ${v.id}`) || 0) + v.nodes.length);
        }
      }
      await page.close();
    }
    await context.close();
  }
  console.log(`axe: ${SITE_PAGES.length} pages x 2 widths, ${failures.length} serious or critical violations` +
    (minor.size ? `; minor or moderate: ${[...minor].map(([k, n]) => `${k} x${n}`).join(', ')}` : ''));
  assert.deepEqual(failures, []);
});

test('every site page has its own description, a title, and the site footer with the accessibility statement', async () => {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  const seen = new Map();
  for (const name of SITE_PAGES) {
    await page.goto(env.url + name);
    const info = await page.evaluate(() => ({
      description: document.querySelector('meta[name="description"]')?.content?.trim() ?? '',
      title: document.title,
      lang: document.documentElement.lang,
      footer: !!document.querySelector('footer a[href="accessibility.html"]'),
    }));
    // Search engines show about 155 characters; under 50 says too little to choose the page by.
    assert.ok(info.description.length >= 50 && info.description.length <= 200, `${name}: description of ${info.description.length} characters`);
    assert.ok(!seen.has(info.description), `${name} repeats the description of ${seen.get(info.description)}`);
    seen.set(info.description, name);
    assert.ok(info.title.length > 0, `${name}: a title`);
    assert.equal(info.lang, 'en', name);
    // The example course page is a teacher's page, not the site's: no site footer there.
    if (name !== 'course-example.html') assert.ok(info.footer, `${name}: the footer links to the accessibility statement`);
  }
  await context.close();
});

// WCAG 2.1's level A and AA success criteria (W3C Recommendation, 5 June 2018): 30 at A, 20 at AA.
const WCAG21_A = ['1.1.1', '1.2.1', '1.2.2', '1.2.3', '1.3.1', '1.3.2', '1.3.3', '1.4.1', '1.4.2', '2.1.1', '2.1.2',
  '2.1.4', '2.2.1', '2.2.2', '2.3.1', '2.4.1', '2.4.2', '2.4.3', '2.4.4', '2.5.1', '2.5.2', '2.5.3', '2.5.4', '3.1.1',
  '3.2.1', '3.2.2', '3.3.1', '3.3.2', '4.1.1', '4.1.2'];
const WCAG21_AA = ['1.2.4', '1.2.5', '1.3.4', '1.3.5', '1.4.3', '1.4.4', '1.4.5', '1.4.10', '1.4.11', '1.4.12', '1.4.13',
  '2.4.5', '2.4.6', '2.4.7', '3.1.2', '3.2.3', '3.2.4', '3.3.3', '3.3.4', '4.1.3'];

test('the accessibility statement covers every WCAG 2.1 A and AA criterion once, with a status and a note, and is linked', async () => {
  assert.equal(WCAG21_A.length + WCAG21_AA.length, 50);
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await page.goto(`${env.url}accessibility.html`);
  const rows = await page.$$eval('table.criteria tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
  const levels = new Map();
  for (const [criterion, level, status, note] of rows) {
    const number = criterion.split(' ')[0];
    assert.ok(!levels.has(number), `${number} listed twice`);
    levels.set(number, level);
    assert.ok(['Meets', 'Partially', 'Not yet', 'Not applicable'].includes(status), `${criterion}: status "${status}"`);
    assert.ok(note.length > 10, `${criterion}: says how`);
  }
  assert.deepEqual([...levels.keys()].sort(), [...WCAG21_A, ...WCAG21_AA].sort(), 'exactly the 50 A and AA criteria');
  for (const n of WCAG21_A) assert.equal(levels.get(n), 'A', n);
  for (const n of WCAG21_AA) assert.equal(levels.get(n), 'AA', n);
  const text = await page.evaluate(() => document.body.innerText);
  assert.match(text, /WCAG\) 2\.1 at level AA/);
  for (const tech of ['HTML', 'WAI-ARIA', 'CSS', 'JavaScript', 'WebAssembly', 'WebGL']) assert.ok(text.includes(tech), tech);
  const date = await page.$eval('time[datetime]', (t) => t.getAttribute('datetime'));
  assert.ok(!Number.isNaN(Date.parse(date)), `a dated statement: ${date}`);
  assert.match(await page.$eval('#report', (h) => h.nextElementSibling.textContent), /issue/);
  // Reachable from the docs index, the about page and the README.
  for (const from of ['docs.html', 'about.html']) {
    await page.goto(env.url + from);
    assert.ok(await page.$('main a[href="accessibility.html"]'), `${from} links to the statement in its text`);
  }
  assert.match(readFileSync(join(ROOT, 'README.md'), 'utf8'), /\(site\/accessibility\.html\)/);
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
