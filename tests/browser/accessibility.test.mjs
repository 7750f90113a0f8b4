// accessibility.test.mjs: the explorer as a document (issue 17). The app publishes a tree of what it
// drew and web/semantics.js lays DOM nodes over the canvas: its answers are text of the page and of
// the accessibility tree, axe finds nothing serious, Tab reaches every control in order, a finger
// scrolls the page, an embed lets a course page scroll past it, and find and copy reach the numbers.
// Screenshots go to build/test-artifacts/ (a11y-*.png).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/static-server.mjs';
import { ARTIFACTS, ROOT, SITE, newContext, openApp, probe, settled, startAll, stopAll } from './harness.mjs';

let env;
before(async () => { env = await startAll(); });
after(async () => { await stopAll(env); });

const DESKTOP = { viewport: { width: 1280, height: 800 } };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true };
const CONTROLS = ['button', 'tab', 'textbox', 'select', 'slider'];

// Waits until the app has published its tree and the DOM layer holds it, then returns the tree.
async function publishedTree(page) {
  await page.waitForFunction(() => window.scaling._ui.tree && window.scaling._ui.tree() &&
    document.querySelector('#sem main') !== null);
  return page.evaluate(() => window.scaling._ui.tree());
}

// The tree's nodes in document order (depth first, as the DOM is built).
function flatten(nodes, out = []) {
  for (const n of nodes) {
    out.push(n);
    flatten(n.children || [], out);
  }
  return out;
}

test('the Allocator\'s answer is text of the page and of the accessibility tree; "Loading" is gone', async () => {
  const { context, page, problems } = await openApp(env.browser, env.url, DESKTOP);
  const tree = await publishedTree(page);
  const params = (await probe(page)).texts.params;  // the compute-optimal parameter count, as drawn
  assert.ok(flatten(tree.nodes).some((n) => n.role === 'text' && (n.name || '').includes(params)), `${params} in the tree`);
  await page.waitForFunction((p) => document.getElementById('sem').textContent.includes(p), params);
  const cdp = await context.newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const names = nodes.filter((n) => !n.ignored).map((n) => String(n.name?.value ?? ''));
  assert.ok(names.some((n) => n.includes(params)), `${params} in the accessibility tree`);
  const loading = nodes.filter((n) => /Loading Scaling Explorer/.test(String(n.name?.value ?? '')));
  assert.deepEqual(loading, [], 'the loading status has left the accessibility tree');
  // Landmarks: a banner, the views' navigation, the main region with the skip link's target.
  const roles = new Set(nodes.filter((n) => !n.ignored).map((n) => n.role?.value));
  for (const r of ['banner', 'navigation', 'main', 'tablist', 'tab']) assert.ok(roles.has(r), `role ${r}`);
  console.log(`# accessibility tree: ${nodes.length} nodes, ${names.filter((n) => n.includes(params)).length} naming ${params}`);
  await cdp.detach();
  assert.deepEqual(problems, []);
  await context.close();
});

test('axe-core finds no serious or critical violation on the explorer (1280x800)', async () => {
  // bypassCSP: axe is injected as a script of the page, which the page's own policy would refuse.
  const { context, page, problems } = await openApp(env.browser, env.url, { ...DESKTOP, bypassCSP: true });
  await publishedTree(page);
  await settled(page);
  await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of result.violations)
    console.log(`# axe ${v.impact}: ${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  console.log(`# axe: ${result.violations.length} violations, ${bad.length} serious or critical`);
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('; ')})`), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Tab from the top reaches every control of the Allocator in order; Enter on a view\'s tab opens it', async () => {
  const { context, page, problems } = await openApp(env.browser, env.url, DESKTOP);
  const tree = await publishedTree(page);
  const expected = flatten(tree.nodes).filter((n) => CONTROLS.includes(n.role)).map((n) => n.id);
  assert.ok(expected.length > 10, `${expected.length} controls`);
  const active = () => page.evaluate(() => {
    const a = document.activeElement;
    return a && a.dataset ? a.dataset.node || a.id || a.tagName : '';
  });
  // The first stops are the page's own: the skip link, then the docs.
  await page.keyboard.press('Tab');
  assert.equal(await active(), 'skip');
  await page.keyboard.press('Tab');
  assert.equal(await active(), 'skip-docs');
  const reached = [];
  for (let i = 0; i < expected.length + 20 && reached.length < expected.length; ++i) {
    await page.keyboard.press('Tab');
    const id = await active();
    if (id === 'BODY') break;
    if (expected.includes(id)) reached.push(id);
  }
  assert.deepEqual(reached, expected);
  await page.screenshot({ path: join(ARTIFACTS, 'a11y-tab-focus.png') });

  // Enter on the Budget view's tab opens that view, as a click would.
  const tab = flatten(tree.nodes).find((n) => n.role === 'tab' && /Budget/.test(n.name));
  assert.ok(tab, 'a tab for the Budget view');
  await page.keyboard.press('Shift+Tab');
  for (let i = 0; i < expected.length + 5 && (await active()) !== tab.id; ++i) await page.keyboard.press('Shift+Tab');
  assert.equal(await active(), tab.id);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.scaling._ui.probe().texts.view === 'Budget');
  await page.waitForFunction((id) => {
    const t = window.scaling._ui.tree();
    const find = (ns) => ns.some((n) => (n.id === id && n.selected) || find(n.children || []));
    return find(t.nodes);
  }, tab.id);
  assert.equal(await active(), tab.id, 'the tab keeps the focus while the view changes');
  assert.deepEqual(problems, []);
  await context.close();
});

test('one-finger swipes on a card scroll the phone\'s page down to every law\'s answer (390x844, DPR 3)', async () => {
  const { context, page, problems } = await openApp(env.browser, env.url, PHONE);
  const tree = await publishedTree(page);
  const params = (await probe(page)).texts.params;
  // Every law's answer at this budget, the table under the Allocator's own: below a phone's fold.
  const table = flatten(tree.nodes).find((n) => n.role === 'table');
  assert.ok(table, 'the table of every law is in the tree');
  const viewport = await page.evaluate(() => ({ h: innerHeight, docH: document.documentElement.scrollHeight }));
  assert.ok(viewport.docH > viewport.h, `the page is taller than the phone (${viewport.docH} > ${viewport.h})`);
  assert.ok(table.y > viewport.h, 'the table starts below the fold');
  // Start on a card's heading: a card, not a slider or a figure.
  const card = flatten(tree.nodes).find((n) => n.role === 'section');
  const heading = flatten(card.children || []).find((n) => n.role === 'heading') || card;
  const x = heading.x + Math.min(heading.w / 2, 40);
  const cdp = await context.newCDPSession(page);
  const touch = (type, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1 }] });
  const inView = () => page.evaluate((t) => t.y + 40 <= scrollY + innerHeight, table);
  const start = await page.evaluate(() => scrollY);
  // Swipe up from the heading's height until the table shows (how far one swipe goes is the
  // browser's to decide); each swipe waits until the page has moved.
  for (let i = 0; i < 6 && !(await inView()); ++i) {
    const before = await page.evaluate(() => scrollY);
    const y0 = Math.min(heading.y - before + heading.h / 2 + 400, viewport.h - 40);
    await touch('touchStart', y0);
    for (let dy = 20; dy <= 400; dy += 20) await touch('touchMove', y0 - dy);
    await touch('touchEnd');
    await page.waitForFunction((b) => scrollY > b, before);
  }
  assert.ok(await inView(), 'the table is in view');
  await settled(page);
  console.log(`# swipes scrolled the phone's page by ${(await page.evaluate(() => scrollY)) - start} px`);
  // The budget did not change: a swipe presses nothing.
  assert.equal((await probe(page)).texts.params, params);
  await page.screenshot({ path: join(ARTIFACTS, 'a11y-phone-scrolled.png') });
  await cdp.detach();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a course page on another origin scrolls under a wheel and a swipe over an embedded figure', async () => {
  // The course page: served from a second server, so the embed is cross-origin, as on an LMS.
  const dir = mkdtempSync(join(tmpdir(), 'course-'));
  copyFileSync(join(SITE, 'embed-resize.js'), join(dir, 'embed-resize.js'));
  writeFileSync(join(dir, 'course.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lecture 7</title></head><body style="margin:0;font:16px sans-serif">
<h1>Lecture 7</h1><p style="height:300px">Some reading before the figure.</p>
<iframe class="scaling-explorer" src="${env.url}index.html?embed=1&amp;view=frontier&amp;flops=1e24" width="100%" height="640"
  style="border:0" title="Scaling Explorer: Frontier"></iframe>
<p style="height:3000px">More reading after it.</p>
<script src="embed-resize.js"></script></body></html>`);
  const host = await startServer({ root: dir, port: 0 });
  const hostUrl = `http://127.0.0.1:${host.address().port}/course.html`;
  try {
    const context = await newContext(env.browser, { viewport: { width: 1280, height: 800 }, hasTouch: true });
    const page = await context.newPage();
    await page.goto(hostUrl);
    const frame = await (await page.waitForSelector('iframe.scaling-explorer')).contentFrame();
    await frame.waitForFunction(() => document.documentElement.dataset.ready === '1');
    // The host sizes the iframe to the app's height: nothing scrolls inside it.
    await page.waitForFunction(() => document.querySelector('iframe.scaling-explorer').dataset.sized === '1');
    const tree = await publishedTree(frame);
    await frame.waitForFunction(() => document.documentElement.scrollHeight <= innerHeight + 1);
    const figure = flatten(tree.nodes).find((n) => n.role === 'figure');
    assert.ok(figure, 'the Frontier view publishes its figure');
    // Bring the figure's middle to the middle of the host's viewport.
    const box = await page.evaluate(() => {
      const r = document.querySelector('iframe.scaling-explorer').getBoundingClientRect();
      return { left: r.left, top: r.top + scrollY };
    });
    const figY = box.top + figure.y + figure.h / 2;
    await page.evaluate((y) => window.scrollTo(0, y - 400), figY);
    await page.waitForFunction((y) => Math.abs(scrollY - (y - 400)) < 2, figY);
    const at = async () => {
      const s = await page.evaluate(() => scrollY);
      return { x: box.left + figure.x + figure.w / 2, y: figY - s, s };
    };

    // The wheel over the figure scrolls the course page (the figure takes it only once engaged).
    let p = await at();
    await page.mouse.move(p.x, p.y);
    await page.mouse.wheel(0, 300);
    await page.waitForFunction((s) => scrollY > s, p.s);
    console.log(`# wheel over the embedded figure scrolled the host by ${(await page.evaluate(() => scrollY)) - p.s} px`);

    // A one-finger swipe up over the figure does too.
    p = await at();
    const cdp = await context.newCDPSession(page);
    const touch = (type, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: p.x, y, id: 1 }] });
    await touch('touchStart', p.y + 100);
    for (let dy = 20; dy <= 300; dy += 20) await touch('touchMove', p.y + 100 - dy);
    await touch('touchEnd');
    await page.waitForFunction((s) => scrollY > s, p.s);
    console.log(`# swipe over the embedded figure scrolled the host by ${(await page.evaluate(() => scrollY)) - p.s} px`);
    await page.screenshot({ path: join(ARTIFACTS, 'a11y-course-embed.png') });
    await cdp.detach();
    await context.close();
  } finally {
    await new Promise((r) => { host.close(r); host.closeAllConnections?.(); });
  }
});

test('find in page reaches a number the app drew, and copying it gives the number with its unit', async () => {
  const { context, page, problems } = await openApp(env.browser, env.url, DESKTOP);
  const tree = await publishedTree(page);
  const params = (await probe(page)).texts.params;
  assert.equal(await page.evaluate((t) => window.find(t), params), true, `window.find('${params}')`);
  // A mouse drag across the answer selects it as in any page; Ctrl+C copies what is selected.
  const answer = flatten(tree.nodes).find((n) => n.role === 'text' && (n.name || '').includes(params));
  await page.evaluate(() => window.getSelection().removeAllRanges());
  const y = answer.y + answer.h / 2;
  await page.mouse.move(answer.x + 1, y);
  await page.mouse.down();
  await page.mouse.move(answer.x + answer.w / 2, y);
  await page.mouse.move(answer.x + answer.w - 1, y);
  await page.mouse.up();
  const selected = await page.evaluate(() => String(window.getSelection()));
  assert.ok(selected.includes(params) || params.includes(selected.trim()), `selected "${selected}"`);
  const copied = await page.evaluate(() => new Promise((resolve) => {
    window.addEventListener('copy', (e) => resolve(e.clipboardData.getData('text/plain')), { once: true });
    document.execCommand('copy');
  }));
  assert.ok(copied.length > 0 && /\d/.test(copied), `copied "${copied}"`);
  console.log(`# copied "${copied}"`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone, Compare shows every law\'s whole name and whole numbers, as text of the page (390x844)', async () => {
  const { context, page, problems } = await openApp(env.browser, `${env.url}?view=compare`, PHONE);
  await page.waitForFunction(() => window.scaling._ui.probe().texts.view === 'Compare');
  await settled(page);
  const tree = await publishedTree(page);
  const laws = (await page.evaluate(() => window.scaling.laws())).map((l) => l.name);
  assert.ok(laws.length >= 8, `${laws.length} laws`);
  const nodes = flatten(tree.nodes);
  const width = await page.evaluate(() => innerWidth);
  for (const name of laws) {
    // Each law's card names it in full (an asterisk may follow: outside its fitted range), on screen.
    const node = nodes.find((n) => n.name === name || n.name === `${name} *`);
    assert.ok(node, `a node named "${name}"`);
    assert.ok(node.x >= 0 && node.x + node.w <= width, `"${name}" lies within the ${width} px screen`);
  }
  // No number is split over lines into pieces such as "1." or "92-2.": every text and table cell
  // that holds a digit reads as whole values.
  const texts = nodes.flatMap((n) => [n.name || '', ...(n.header || []), ...(n.rows || []).flat()]);
  const pieces = texts.filter((t) => /^(\d+\.|\.\d+|\d+-\d*\.)$/.test(t.trim()));
  assert.deepEqual(pieces, []);
  // And the DOM says the same: browser find reaches a value of the table.
  const value = texts.find((t) => /^\d+(\.\d+)?[KMBT]$/.test(t));
  assert.ok(value, 'a value such as 32.2B is a text or a cell of its own');
  assert.equal(await page.evaluate((v) => window.find(v), value), true);
  await page.screenshot({ path: join(ARTIFACTS, 'a11y-phone-compare.png') });
  assert.deepEqual(problems, []);
  await context.close();
});
