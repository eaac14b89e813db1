// Size and transfer figures of a built site (called by scripts/bench).
//   node scripts/bench.mjs DIST
// Transfer is what a CDN serving brotli (quality 11) sends: every response body a
// first visit downloads, measured by loading the page in Chromium and summing the
// brotli size of each file it requested. Headers are not counted.
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import { serve } from '../tests/e2e/server.mjs';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(process.argv[2] ?? 'dist');
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const brotli = (buf) =>
  zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const gzip = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

const files = fs.readdirSync(dist);
const wasmFile = files.find((f) => f.endsWith('.wasm'));
const wasm = fs.readFileSync(path.join(dist, wasmFile));
const js = fs.readFileSync(path.join(dist, files.find((f) => f.endsWith('.js'))));

const server = await serve(dist);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** Loads `route` in a fresh profile; returns [{path, raw, br}] of what it downloaded. */
async function firstLoad(route) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = [];
  page.on('requestfinished', (req) => seen.push(new URL(req.url()).pathname));
  await page.goto(server.url + route);
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await context.close();
  return [...new Set(seen)].map((p) => {
    let file = path.join(dist, decodeURIComponent(p));
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(dist, 'index.html');
    const buf = fs.readFileSync(file);
    return { path: p, raw: buf.length, br: brotli(buf) };
  });
}

const article = JSON.parse(fs.readFileSync(path.join(dist, 'content/en/index.json'), 'utf8')).posts[0].slug;
const rows = [];
for (const route of ['/en/', `/en/blog/${article}`]) {
  const loaded = await firstLoad(route);
  rows.push({
    route,
    requests: loaded.length,
    raw: loaded.reduce((s, f) => s + f.raw, 0),
    br: loaded.reduce((s, f) => s + f.br, 0),
  });
}
await browser.close();
await server.close();

console.log('| measure | raw | gzip -9 | brotli 11 |');
console.log('| --- | --- | --- | --- |');
console.log(`| wasm (${wasmFile.replace(/-[0-9a-f]+_bg/, '_bg')}) | ${kb(wasm.length)} | ${kb(gzip(wasm))} | ${kb(brotli(wasm))} |`);
console.log(`| JS glue | ${kb(js.length)} | ${kb(gzip(js))} | ${kb(brotli(js))} |`);
console.log('');
console.log('| first load | requests | raw | brotli |');
console.log('| --- | --- | --- | --- |');
for (const r of rows) console.log(`| \`${r.route}\` | ${r.requests} | ${kb(r.raw)} | ${kb(r.br)} |`);
console.log(`\nwasm brotli bytes: ${brotli(wasm)}`);
