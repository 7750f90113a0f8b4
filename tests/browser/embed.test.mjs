// embed.test.mjs: an embedded view tells its host how tall it is in the dialects course platforms
// speak (web/frame_size.js): ours, LTI's lti.frameResize (Canvas and the LMSs that copied it) and
// H5P's resizer handshake (Moodle, WordPress, Drupal). The host here is a page on another origin
// that speaks them as those platforms do, written from their documented message exchange.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/static-server.mjs';
import { newContext, startAll, stopAll } from './harness.mjs';

let env;
let host;
before(async () => {
  env = await startAll();
  const dir = mkdtempSync(join(tmpdir(), 'lms-'));
  // An LMS page: it records every message from the iframe; as H5P's resizer it answers 'hello',
  // readies the iframe on 'prepareResize' (shrinking it, as older resizers do) and sizes it on
  // 'resize'; as an LTI consumer it sizes the iframe on lti.frameResize.
  writeFileSync(join(dir, 'lms.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LMS</title></head><body style="margin:0">
<iframe id="tool" src="${env.url}index.html?embed=1&amp;view=allocator" width="600" height="300" style="border:0" title="tool"></iframe>
<script>
window.received = [];
window.h5pHeights = [];
window.ltiHeights = [];
window.addEventListener('message', function (e) {
  var frame = document.getElementById('tool');
  if (e.source !== frame.contentWindow) return;
  window.received.push(e.data);
  var d = e.data;
  if (typeof d === 'string') {
    try { d = JSON.parse(d); } catch (err) { return; }
    if (d.subject === 'lti.frameResize') window.ltiHeights.push(d.height);
    return;
  }
  if (!d || d.context !== 'h5p') return;
  var reply = function (action) { e.source.postMessage({ context: 'h5p', action: action }, e.origin); };
  if (d.action === 'hello') reply('hello');
  if (d.action === 'prepareResize') { frame.style.height = '1px'; reply('resizePrepared'); }
  if (d.action === 'resize') { frame.style.height = d.scrollHeight + 'px'; window.h5pHeights.push(d.scrollHeight); }
});
</script></body></html>`);
  host = await startServer({ root: dir, port: 0 });
});
after(async () => {
  await new Promise((r) => { host.close(r); host.closeAllConnections?.(); });
  await stopAll(env);
});

test('an embedded view reports its height as lti.frameResize and through H5P\'s resize handshake', async () => {
  const context = await newContext(env.browser, { viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${host.address().port}/lms.html`);
  await page.waitForFunction(() => window.ltiHeights.length > 0 && window.h5pHeights.length > 0);
  const { lti, h5p, ours, height } = await page.evaluate(() => ({
    lti: window.ltiHeights[window.ltiHeights.length - 1],
    h5p: window.h5pHeights[window.h5pHeights.length - 1],
    ours: window.received.filter((d) => d && d.type === 'scaling-explorer:size').map((d) => d.height),
    height: document.getElementById('tool').getBoundingClientRect().height,
  }));
  console.log(`# embedded height ${lti} px (LTI), ${h5p} px (H5P), iframe now ${height} px`);
  assert.ok(lti > 100 && lti < 10000, `lti.frameResize height ${lti}`);
  assert.equal(h5p, lti, 'the H5P resize carries the same height');
  assert.equal(ours[ours.length - 1], lti, 'our own message too');
  assert.equal(height, h5p, 'the H5P host sized the iframe to it');
  await context.close();
});
