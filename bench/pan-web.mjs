// pan-web.mjs: smoothness of panning a figure in headless Chromium (SwiftShader: software GL, a
// CPU-bound worst case): drags across each figure and prints the app's own CPU time per frame
// (WebAssembly UI + GL calls) and the browser's interval between animation frames. Prints
// figures, asserts nothing.
//   node bench/pan-web.mjs
import { startAll, stopAll, openApp, showView } from '../tests/browser/harness.mjs';

const FIGURES = [
  ['Frontier', 'Compute-optimal frontier: N solid, D dashed'],
  ['Iso-FLOP', 'Iso-FLOP profiles: Epoch AI refit (2024)'],
  ['Landscape', 'Loss landscape: Epoch AI refit (2024)'],
];
const env = await startAll();
try {
  const { context, page } = await openApp(env.browser, env.url, { viewport: { width: 1280, height: 800 } });
  for (const [view, title] of FIGURES) {
    const [x0, y0, x1, y1] = await showView(page, view, title);
    await page.evaluate(() => {
      // One rAF recorder at a time: a new generation stops the previous loop.
      const gen = (window.__gen = (window.__gen || 0) + 1);
      window.__frames = [];
      const tick = (t) => { if (gen !== window.__gen) return; window.__frames.push(t); requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    });
    await page.evaluate(() => window.scaling._ui.frameStats());  // start a fresh record
    const cy = (y0 + y1) / 2;
    await page.mouse.move(x0 + 50, cy);
    await page.mouse.down();
    for (let i = 0; i < 60; i++) await page.mouse.move(x0 + 50 + ((x1 - x0 - 100) * i) / 60, cy + 20 * Math.sin(i / 6));
    await page.mouse.up();
    const gaps = await page.evaluate(() => {
      window.__gen += 1;
      const f = window.__frames;
      const out = [];
      for (let i = 1; i < f.length; i++) out.push(f[i] - f[i - 1]);
      return out.sort((a, b) => a - b);
    });
    const q = (p) => gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * p))].toFixed(1);
    const cpu = await page.evaluate(() => window.scaling._ui.frameStats());
    console.log(`${view.padEnd(10)} panning: app frame CPU median ${cpu.median.toFixed(2)} ms, p95 ${cpu.p95.toFixed(2)} ms ` +
                `(${cpu.n} frames); browser frame interval median ${q(0.5)} ms, p95 ${q(0.95)} ms`);
  }
  await context.close();
} finally {
  await stopAll(env);
}
