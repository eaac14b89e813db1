// The app in Chromium with an archive of synthetic articles (called by scripts/bench
// after pipeline/examples/synth.rs and the pipeline have built it):
//   node scripts/scale.mjs DIST SYNTH_CONTENT [RUNS=10]
// DIST is the fetched build; every content request is answered from SYNTH_CONTENT
// (e.g. target/synth/site/content, 2,000 articles per language) instead, so the
// real app runs against the large archive. No throttling: the app's own cost.
// Medians and worst runs in ms; sizes brotli.
//   * index first screen: the language switch to the index (its first page
//     document fetched), and going back to an index page whose document is at
//     hand (render only), until its 20 cards are on screen;
//   * search: the first query (index downloaded and parsed), then queries as typed.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import { serve } from '../tests/e2e/server.mjs';
import { queryTimes } from './query-times.mjs';

const dist = path.resolve(process.argv[2] ?? 'dist');
const content = path.resolve(process.argv[3] ?? 'target/synth/site/content');
const runs = Number(process.argv[4] ?? 10);
const read = (doc) => fs.readFileSync(path.join(content, doc));
const total = (lang) => JSON.parse(read(`${lang}/pages/1.json`)).total;
const brotli = (buf) => zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }).length;

const server = await serve(dist);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** A page whose content requests are served from the synthetic archive. */
async function newPage() {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.route('**/content/**', (route) => {
    const doc = new URL(route.request().url()).pathname.replace(/^.*?\/content\//, '');
    const file = path.join(content, doc);
    if (!fs.existsSync(file)) return route.fulfill({ status: 404, body: 'Not found' });
    return route.fulfill({ contentType: 'application/json', body: fs.readFileSync(file) });
  });
  return page;
}

/** ms from `start` (an action on the page) until `done` holds, page clock. */
async function timed(page, start, done) {
  await page.evaluate(() => {
    window.__t0 = null;
    const mark = () => (window.__t0 ??= performance.now());
    document.addEventListener('click', mark, { capture: true, once: true });
    window.addEventListener('popstate', mark, { capture: true, once: true });
  });
  await start();
  const handle = await page.waitForFunction(
    (cond) => (new Function(`return ${cond}`)() && window.__t0 !== null ? performance.now() - window.__t0 : false),
    done,
    { polling: 'raf' },
  );
  return handle.jsonValue();
}

const stats = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return `${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms (worst ${sorted.at(-1).toFixed(1)} ms)`;
};

// The synthetic first page's newest title, to know its cards are the ones shown.
const firstTitle = JSON.parse(read('en/pages/1.json')).posts[0].title;
const cardsShown = `document.querySelectorAll('article.card').length === 20 && document.querySelector('article.card h3')?.textContent.trim() === ${JSON.stringify(firstTitle)}`;
const fetched = [];
const atHand = [];
for (let i = 0; i < runs; i++) {
  const page = await newPage();
  await page.goto(`${server.url}/ru/`);
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
  fetched.push(await timed(page, () => page.getByRole('link', { name: 'English' }).click(), cardsShown));
  await page.getByRole('link', { name: 'Older articles' }).click();
  await page.waitForURL('**/en/page/2');
  await page.locator('article.card').first().waitFor();
  atHand.push(await timed(page, () => page.goBack(), cardsShown));
  await page.context().close();
}

const searchRows = [];
for (const [lang, queries] of [
  ['en', ['cach', 'vector index', 'latency', 'webhook retries', 'quantization']],
  ['ru', ['кэширование', 'векторный индекс', 'задержк', 'вебхуков', 'квантизация']],
]) {
  const page = await newPage();
  await page.goto(`${server.url}/${lang}/`);
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
  const input = page.locator('#search-input');
  const t0 = Date.now();
  await input.focus();
  await input.fill(queries[0]);
  await page.locator('.search__results').waitFor();
  const first = Date.now() - t0;
  await page.waitForLoadState('networkidle');
  const { mean, p95 } = await queryTimes(page, queries);
  searchRows.push([lang, first, mean, p95, brotli(read(`${lang}/search.json`))]);
  await page.context().close();
}
await browser.close();
await server.close();

console.log(`The app in Chromium over ${total('en').toLocaleString('en')} English and ${total('ru').toLocaleString('en')} Russian articles, median of ${runs}:`);
console.log('');
console.log('| measure | time |');
console.log('| --- | --- |');
console.log(`| index first screen, language switch (page document fetched) | ${stats(fetched)} |`);
console.log(`| index first screen, back to a page already loaded (render only) | ${stats(atHand)} |`);
console.log('');
console.log('| search | first query (index downloaded and parsed) | index (brotli) | query to results, mean | p95 |');
console.log('| --- | --- | --- | --- | --- |');
for (const [lang, first, mean, p95, size] of searchRows) {
  console.log(`| ${lang} | ${first} ms | ${(size / 1e6).toFixed(2)} MB | ${mean.toFixed(1)} ms | ${p95.toFixed(1)} ms |`);
}
