// Which requests Lighthouse counts toward a page's paints (not part of the
// benchmark; for finding why a figure moves):
//   node scripts/lighthouse-requests.mjs DIST PATH [RUNS=3] [shipped|static]
// Lighthouse's simulation (Lantern) puts into the graph of the largest paint every
// request that ended before the paint was observed in its unthrottled run. Prints,
// per run, the simulated FCP/LCP/TBT, the observed paint, load and DOMContentLoaded
// times, each request (start-end in ms, priority, type) and the long tasks as
// simulated. `static` audits the page with its scripts removed (measure.mjs).
import path from 'node:path';
import { createRequire } from 'node:module';
import { serve } from '../tests/e2e/server.mjs';
import { staticVariant } from './measure.mjs';
const require = createRequire(path.resolve('tools/lighthouse/package.json'));
const { default: lighthouse } = await import(require.resolve('lighthouse'));
const chromeLauncher = await import(require.resolve('chrome-launcher'));
const [dist, page, runs = '3', variant = 'shipped'] = process.argv.slice(2);
let dir = path.resolve(dist);
if (variant === 'static') dir = staticVariant(dir);
const server = await serve(dir);
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
try {
  for (let i = 0; i < Number(runs); i++) {
    const { lhr } = await lighthouse(`${server.url}${page}`, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error' });
    const m = lhr.audits.metrics.details.items[0];
    const nav = m.observedNavigationStart;
    console.log(`run ${i + 1}: sim FCP ${Math.round(m.firstContentfulPaint)} LCP ${Math.round(m.largestContentfulPaint)} TBT ${Math.round(m.totalBlockingTime)} | observed FCP ${m.observedFirstContentfulPaint} LCP ${m.observedLargestContentfulPaint} load ${m.observedLoad} DCL ${m.observedDomContentLoaded}`);
    for (const r of lhr.audits['network-requests'].details.items) {
      console.log(`   ${String(Math.round(r.networkRequestTime)).padStart(5)}-${String(Math.round(r.networkEndTime)).padStart(5)} ${r.priority.padEnd(8)} ${r.resourceType.padEnd(10)} ${String(r.transferSize).padStart(7)} B ${r.url.replace(server.url, "")}`);
    }
    for (const t of lhr.audits['long-tasks']?.details?.items ?? []) console.log(`   long task ${Math.round(t.startTime)} +${Math.round(t.duration)} ${String(t.url).replace(server.url, '')}`);
    const el = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
    if (el) console.log('   LCP element:', el.selector, el.nodeLabel?.slice(0, 60));
  }
} finally { await chrome.kill(); await server.close(); }
