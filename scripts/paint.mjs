// First contentful paint and largest contentful paint of a deep-linked article
// under Lighthouse's mobile conditions (called by scripts/bench):
//   node scripts/paint.mjs DIST [RUNS=7]
//
// Three versions of the same article, each served by the CDN-like e2e server:
//   static      the prerendered HTML and stylesheet only (all scripts removed):
//               the baseline of a static site generator;
//   prerendered the page as deployed: prerendered, then taken over by the app;
//   app-only    the same page with an empty <body>, as before prerendering: the
//               app renders everything after its wasm and the article's JSON load.
// Conditions: Lighthouse's mobile preset as DevTools applies it (562.5 ms RTT,
// 1.47 Mbit/s down, 675 kbit/s up, CPU slowed 4x, 412x823 at DPR 1.75), a fresh
// profile per run, no service worker. Medians of RUNS runs are printed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import { serve } from '../tests/e2e/server.mjs';
import { MOBILE, staticPage, throttle } from './measure.mjs';

const dist = path.resolve(process.argv[2] ?? 'dist');
const runs = Number(process.argv[3] ?? 7);
const slug = JSON.parse(fs.readFileSync(path.join(dist, 'content/en/pages/1.json'), 'utf8')).posts[0].slug;
const route = `/en/blog/${slug}`;
const file = path.join(dist, `en/blog/${slug}.html`);
const page = fs.readFileSync(file, 'utf8');

/** A copy of the site whose article page is `html`. */
function variant(name, html) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `paint-${name}-`));
  fs.cpSync(dist, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `en/blog/${slug}.html`), html);
  return dir;
}

const variants = {
  static: variant('static', staticPage(page)),
  prerendered: dist,
  'app-only': variant('app', page.replace(/<body>[\s\S]*<\/body>/, '<body></body>')),
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function measure(url, waitForApp) {
  const context = await browser.newContext({ ...MOBILE, serviceWorkers: 'block' });
  const tab = await context.newPage();
  await throttle(context, tab, { cacheDisabled: true });
  await tab.addInitScript(() => {
    window.__lcp = 0;
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__lcp = e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await tab.goto(url, { waitUntil: 'load', timeout: 120000 });
  if (waitForApp) await tab.locator('html[data-app="ready"]').waitFor({ state: 'attached', timeout: 120000 });
  await tab.locator('main h1').first().waitFor({ timeout: 120000 });
  await tab.waitForTimeout(1000);
  const result = await tab.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    lcp: window.__lcp,
    cls: window.__cls,
    ready: document.documentElement.dataset.app === 'ready',
  }));
  await context.close();
  return result;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = {};
for (const [name, dir] of Object.entries(variants)) {
  const server = await serve(dir);
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await measure(server.url + route, name !== 'static'));
  await server.close();
  results[name] = {
    fcp: median(samples.map((s) => s.fcp)),
    lcp: median(samples.map((s) => s.lcp)),
    cls: Math.max(...samples.map((s) => s.cls)),
  };
}
await browser.close();
for (const [name, dir] of Object.entries(variants)) if (dir !== dist) fs.rmSync(dir, { recursive: true, force: true });

const ms = (x) => `${Math.round(x)} ms`;
const base = results.static;
console.log(`Deep-linked article ${route}, Lighthouse mobile conditions, median of ${runs} runs:`);
console.log('');
console.log('| page | FCP | LCP | LCP vs static | CLS (worst run) |');
console.log('| --- | --- | --- | --- | --- |');
for (const [name, r] of Object.entries(results)) {
  console.log(`| ${name} | ${ms(r.fcp)} | ${ms(r.lcp)} | ${(r.lcp / base.lcp).toFixed(2)}× | ${r.cls.toFixed(3)} |`);
}
const p = results.prerendered;
const ok = p.fcp <= 1.1 * base.fcp && p.lcp <= 1.1 * base.lcp;
console.log(`\nprerendered within 1.1× of static (FCP ${(p.fcp / base.fcp).toFixed(2)}×, LCP ${(p.lcp / base.lcp).toFixed(2)}×): ${ok ? 'yes' : 'NO'}`);
