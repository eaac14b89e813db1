// Size and transfer figures of a built site (called by scripts/bench).
//   node scripts/bench.mjs DIST
// Transfer is what a CDN serving brotli (quality 11) sends: every response body a
// first visit downloads, measured by loading the page in Chromium and summing the
// brotli size of each file it requested. Headers are not counted.
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import { serve } from '../tests/e2e/server.mjs';
import { queryTimes } from './query-times.mjs';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(process.argv[2] ?? 'dist');
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const brotli = (buf) =>
  zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const gzip = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

const files = fs.readdirSync(dist);
const wasmFile = files.find((f) => f.endsWith('_bg.wasm'));
const wasm = fs.readFileSync(path.join(dist, wasmFile));
// Chunks the app loads on demand (splitter/): search's on first use of the field.
const chunks = files.filter((f) => f.endsWith('.wasm') && f !== wasmFile);
const js = fs.readFileSync(path.join(dist, files.find((f) => /^engineering-insights-[0-9a-f]+\.js$/.test(f))));

const server = await serve(dist);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** Loads `route` in a fresh profile; returns [{path, raw, br}] of what it downloaded. */
async function firstLoad(route) {
  // The service worker's precache happens after the page loaded; it is counted
  // on its own below.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const seen = [];
  page.on('requestfinished', (req) => seen.push(new URL(req.url()).pathname));
  await page.goto(server.url + route);
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await context.close();
  return [...new Set(seen)].map((p) => {
    let file = path.join(dist, decodeURIComponent(p));
    if (p.endsWith('/')) file = path.join(file, 'index.html');
    else if (!fs.existsSync(file)) file += '.html';
    const buf = fs.readFileSync(file);
    return { path: p, raw: buf.length, br: brotli(buf) };
  });
}

const article = JSON.parse(fs.readFileSync(path.join(dist, 'content/en/pages/1.json'), 'utf8')).posts[0].slug;
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
/** Time from typing a query to its results on screen, in the browser (ms). */
async function searchTimings(lang, queries) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/${lang}/`);
  await page.locator('main h1').first().waitFor();
  const input = page.locator('#search-input');
  await input.focus();
  await input.fill(queries[0]);
  await page.locator('.search__results, .search__note').first().waitFor();
  await page.waitForLoadState('networkidle');
  const times = await queryTimes(page, queries);
  await context.close();
  return times;
}
const searchRows = [
  ['en', ['cach', 'vector index', 'latency', 'webhook retries', 'quantization']],
  ['ru', ['кэширование', 'векторный индекс', 'задержк', 'вебхуков', 'квантизация']],
].map(([lang, queries]) => ({ lang, queries }));
const searchResults = [];
for (const { lang, queries } of searchRows) {
  const index = fs.readFileSync(path.join(dist, `content/${lang}/search.json`));
  // Snippet texts are one document per article, loaded for the results shown.
  const dir = path.join(dist, `content/${lang}/texts`);
  const texts = fs.readdirSync(dir).map((f) => brotli(fs.readFileSync(path.join(dir, f))));
  const perText = texts.reduce((a, b) => a + b, 0) / texts.length;
  searchResults.push({ lang, index: brotli(index), texts: perText, ...(await searchTimings(lang, queries)) });
}

await browser.close();
await server.close();

console.log('| measure | raw | gzip -9 | brotli 11 |');
console.log('| --- | --- | --- | --- |');
console.log(`| wasm, main module (${wasmFile.replace(/-[0-9a-f]+_bg/, '_bg')}) | ${kb(wasm.length)} | ${kb(gzip(wasm))} | ${kb(brotli(wasm))} |`);
for (const chunk of chunks) {
  const bytes = fs.readFileSync(path.join(dist, chunk));
  console.log(`| wasm chunk ${chunk.replace(/-[0-9a-f]{16}\.wasm$/, '')} | ${kb(bytes.length)} | ${kb(gzip(bytes))} | ${kb(brotli(bytes))} |`);
}
console.log(`| JS glue | ${kb(js.length)} | ${kb(gzip(js))} | ${kb(brotli(js))} |`);
console.log('');
console.log('| first load | requests | raw | brotli |');
console.log('| --- | --- | --- | --- |');
for (const r of rows) console.log(`| \`${r.route}\` | ${r.requests} | ${kb(r.raw)} | ${kb(r.br)} |`);
// What the service worker downloads in the background after the first visit.
const shell = JSON.parse(fs.readFileSync(path.join(dist, 'sw.js'), 'utf8').match(/const SHELL = (\[.*\]);/)[1]);
const shellFiles = shell.map((url) => {
  let file = path.join(dist, url);
  if (url.endsWith('/')) file = path.join(file, 'index.html');
  return fs.readFileSync(file);
});
console.log(
  `| service worker precache (after load, in the background) | ${shell.length} | ${kb(shellFiles.reduce((s, b) => s + b.length, 0))} | ${kb(shellFiles.reduce((s, b) => s + brotli(b), 0))} |`,
);
console.log('');
// Before the first result: the search code (its chunk) and the language's index.
const searchChunk = chunks.reduce((s, f) => s + brotli(fs.readFileSync(path.join(dist, f))), 0);
console.log('| search | code + index before first result (brotli) | snippet text per result shown, mean (brotli) | query to results, mean | p95 |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of searchResults) {
  console.log(`| ${r.lang} | ${kb(searchChunk)} + ${kb(r.index)} = ${kb(searchChunk + r.index)} | ${kb(r.texts)} | ${r.mean.toFixed(1)} ms | ${r.p95.toFixed(1)} ms |`);
}
console.log(`\nwasm brotli bytes: ${brotli(wasm)}`);
