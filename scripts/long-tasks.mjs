// The main thread's long tasks while a page loads and the app takes it over, and
// what each is made of (not part of the benchmark; for finding what makes the
// blocking time):
//   node scripts/long-tasks.mjs [DIST=dist] [PATH=/ru/blog/mcp-server-architecture] [CPU_SLOWDOWN=4]
// Debian's Chromium with its CPU slowed down as Lighthouse's mobile setting
// does (DevTools throttling, 4x), a performance trace until the app is ready
// and 2.5 s after; prints every task over 20 ms (start after navigation,
// duration) with the trace events inside it that took longest (wasm.CompileLazy:
// V8 compiling a wasm function at its first call).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import { serve } from '../tests/e2e/server.mjs';
const [dist = 'dist', pagePath = '/ru/blog/mcp-server-architecture', rate = '4'] = process.argv.slice(2);
const traceFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'long-tasks-')), 'trace.json');
const server = await serve(path.resolve(dist));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const context = await browser.newContext({ serviceWorkers: 'block' });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(rate) });
await browser.startTracing(page, { path: traceFile, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm', 'disabled-by-default-v8.compile', 'blink.user_timing'] });
await page.goto(server.url + pagePath);
await page.waitForFunction(() => document.documentElement.dataset.app === 'ready', null, { timeout: 30000 });
await page.waitForTimeout(2500);
await browser.stopTracing();
await browser.close(); await server.close();
const { traceEvents } = JSON.parse(fs.readFileSync(traceFile, 'utf8'));
const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const ev = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
const nav = traceEvents.find((e) => e.name === 'navigationStart' || e.name === 'NavigationTiming')?.ts ?? ev[0].ts;
const tasks = ev.filter((e) => e.name === 'RunTask' && e.dur > 20000);
let blocking = 0;
for (const t of tasks) {
  const inside = ev.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur);
  const by = {};
  for (const e of inside) by[e.name] = (by[e.name] ?? 0) + e.dur / 1000;
  const top = Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([n, d]) => `${n} ${d.toFixed(1)}`).join(', ');
  const fc = inside.find((e) => e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.callFunction');
  blocking += Math.max(0, t.dur / 1000 - 50);
  console.log(`${((t.ts - nav) / 1000).toFixed(0).padStart(6)} ms +${(t.dur / 1000).toFixed(1).padStart(6)}  ${fc?.args?.data?.url?.split('/').pop() ?? ''} ${fc?.args?.data?.functionName ?? ''} | ${top}`);
}
console.log('blocking (sum over tasks of their time past 50 ms):', blocking.toFixed(0), 'ms');
