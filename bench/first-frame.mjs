// first-frame.mjs: time from navigation to the app's first drawn frame in headless Chromium,
// over N fresh page loads (default 5); prints each and the median. Prints figures, asserts nothing.
//   node bench/first-frame.mjs [runs]
import { startAll, stopAll, openApp } from '../tests/browser/harness.mjs';

const runs = Number(process.argv[2] || 5);
const env = await startAll();
const times = [];
try {
  for (let i = 0; i < runs; i++) {
    const { context, page } = await openApp(env.browser, env.url, { viewport: { width: 1280, height: 800 } });
    times.push(await page.evaluate(() => performance.getEntriesByName('scaling-first-frame')[0].startTime));
    await context.close();
  }
} finally {
  await stopAll(env);
}
const sorted = [...times].sort((a, b) => a - b);
console.log(`first frame after navigation (ms, ${runs} loads): ${times.map((t) => t.toFixed(0)).join(' ')}`);
console.log(`median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms`);
