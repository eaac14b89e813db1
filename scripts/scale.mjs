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
//   * search: what the first query of one word and of three words downloads (the
//     search index, the parts its words reach and the documents of the results
//     shown, each brotli; plus the views' chunk, which holds the search code), and
//     the time of each keystroke while typing, parts loaded as they are reached,
//     and apart: the keystrokes that fetched nothing (the app's own work) and
//     those that waited for a part or a result's document, and every keystroke's
//     own time once the last of them arrived; what a visit downloads when its
//     first query is one of those words typed letter by letter (every prefix a
//     query of its own, as a reader types).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import { serve } from '../tests/e2e/server.mjs';
import { typeSettled } from '../tests/e2e/typing.mjs';

const dist = path.resolve(process.argv[2] ?? 'dist');
const content = path.resolve(process.argv[3] ?? 'target/synth/site/content');
const runs = Number(process.argv[4] ?? 10);
const read = (doc) => fs.readFileSync(path.join(content, doc));
const total = (lang) => JSON.parse(read(`${lang}/pages/1.json`)).total;
const brotli = (buf) => zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

// The fetched build with its content folder replaced by the archive's: served by
// the tests' static server (brotli, as CDNs serve), so requests cost what they
// cost on a host.
const merged = fs.mkdtempSync(path.join(os.tmpdir(), 'scale-'));
for (const entry of fs.readdirSync(dist)) {
  if (entry !== 'content') fs.symlinkSync(path.join(dist, entry), path.join(merged, entry));
}
fs.symlinkSync(content, path.join(merged, 'content'));
const server = await serve(merged);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** A page of the merged site; the content documents it asked for are in `page.docs`. */
async function newPage() {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  page.docs = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/content/')) page.docs.push(pathname.slice('/content/'.length));
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

const viewsChunk = fs.readdirSync(dist).find((f) => /^split_views-.*\.wasm$/.test(f));
const codeBytes = brotli(fs.readFileSync(path.join(dist, viewsChunk)));

/** What the first query `query` of a visit downloads until its results are listed
 * and nothing more is on its way: typed at once (`fill`), or (`letters`) letter by
 * letter as a reader types, each prefix's outcome shown before the next letter,
 * so every prefix is a query of its own. */
async function firstQuery(lang, query, letters = false) {
  const page = await newPage();
  await page.goto(`${server.url}/${lang}/`);
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
  await page.waitForLoadState('networkidle');
  page.docs.length = 0;
  const input = page.locator('#search-input');
  await input.focus();
  const t0 = Date.now();
  if (letters) {
    for (let i = 1; i <= [...query].length; i++) {
      await page.evaluate(typeSettled, [...query].slice(0, i).join(''));
    }
  } else {
    await input.fill(query);
  }
  await page.locator('.search__results[aria-busy=false]').waitFor();
  const ms = Date.now() - t0;
  await page.waitForLoadState('networkidle');
  const docs = [...page.docs];
  await page.context().close();
  const bytes = docs.reduce((sum, doc) => sum + brotli(read(doc)), 0);
  const { parts_version: parts } = JSON.parse(read(`${lang}/search.json`));
  return { ms, bytes, requests: docs.length, parts: docs.filter((d) => d.startsWith(`${lang}/search/${parts}/`)).length };
}

/** Each keystroke of `words` typed one letter at a time (the field emptied
 * between words), from the input event to its results listed: parts a prefix
 * reaches that are not loaded yet are fetched on the way. Typed twice, each time
 * in a fresh browser profile (nothing cached), and the second measured: the
 * first has the server compress each file it sends (brotli 11, ~5–40 ms a file),
 * which a CDN does once per deploy, not per reader. */
async function keystrokes(lang, words) {
  await typed(lang, words);
  return typed(lang, words);
}

async function typed(lang, words) {
  const page = await newPage();
  await page.goto(`${server.url}/${lang}/`);
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
  await page.waitForLoadState('networkidle');
  await page.locator('#search-input').focus();
  // The loop runs in the page, so each keystroke is timed by the page's clock.
  await page.evaluate(`window.__type = ${typeSettled}`);
  const times = await page.evaluate(async (ws) => {
    const out = [];
    for (const word of ws) {
      await window.__type('');
      for (let i = 1; i <= word.length; i++) {
        const before = performance.getEntriesByType('resource').length;
        const start = performance.now();
        await window.__type(word.slice(0, i));
        const ms = performance.now() - start;
        // Whether it waited for a part or a result's document, and the app's
        // own time: from the last of them arriving to the outcome shown.
        const arrived = performance.getEntriesByType('resource').slice(before).filter((e) => e.name.includes('/content/'));
        const app = arrived.length ? start + ms - Math.max(...arrived.map((e) => e.responseEnd)) : ms;
        out.push({ ms, fetched: arrived.length > 0, app });
      }
    }
    return out;
  }, words);
  await page.context().close();
  const summary = (list) => {
    const ms = list.map((k) => k.ms).sort((a, b) => a - b);
    return { n: ms.length, p95: ms[Math.floor(ms.length * 0.95)] ?? 0, max: ms.at(-1) ?? 0, median: ms[ms.length >> 1] ?? 0 };
  };
  return {
    ...summary(times),
    fetching: summary(times.filter((k) => k.fetched)),
    local: summary(times.filter((k) => !k.fetched)),
    app: summary(times.map((k) => ({ ms: k.app }))),
  };
}

const searchRows = [];
for (const [lang, one, three, typed] of [
  ['en', 'latency', 'vector index latency', ['caching', 'retries', 'quantization', 'embedding', 'idempotency']],
  ['ru', 'кэширование', 'векторный индекс задержка', ['кэширование', 'повторы', 'квантизация', 'эмбеддинги', 'задержка']],
]) {
  const first = await firstQuery(lang, one);
  const threeWords = await firstQuery(lang, three);
  const lettered = [];
  for (const word of typed) lettered.push({ word, ...(await firstQuery(lang, word, true)) });
  lettered.sort((a, b) => a.bytes - b.bytes);
  const keys = await keystrokes(lang, typed);
  searchRows.push([lang, first, threeWords, keys, lettered]);
}
await browser.close();
await server.close();
fs.rmSync(merged, { recursive: true });

console.log(`The app in Chromium over ${total('en').toLocaleString('en')} English and ${total('ru').toLocaleString('en')} Russian articles, median of ${runs}:`);
console.log('');
console.log('| measure | time |');
console.log('| --- | --- |');
console.log(`| index first screen, language switch (page document fetched) | ${stats(fetched)} |`);
console.log(`| index first screen, back to a page already loaded (render only) | ${stats(atHand)} |`);
console.log('');
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
console.log(`Search (views' chunk with the search code: ${kb(codeBytes)} brotli, fetched when idle after the takeover; counted in "in all"):`);
console.log('');
console.log('| search | first query, one word: index + parts + results (requests, parts) | in all, code included | time | three words: index + parts + results | in all | one word typed letter by letter, in all: median, worst (of the typed words) | keystrokes typed: median, p95, worst | keystrokes that fetched nothing: p95, worst | keystrokes that waited for a part or a result: median, worst | the app\'s own time of every keystroke (after the last part or result arrived): p95, worst |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const [lang, one, three, keys, lettered] of searchRows) {
  const median = lettered[lettered.length >> 1];
  const worst = lettered.at(-1);
  const f = (k) => `${k.p95.toFixed(1)}, ${k.max.toFixed(1)} ms`;
  console.log(
    `| ${lang} | ${kb(one.bytes)} (${one.requests}, ${one.parts} parts) | ${kb(one.bytes + codeBytes)} | ${one.ms} ms | ${kb(three.bytes)} (${three.requests}, ${three.parts} parts) | ${kb(three.bytes + codeBytes)} | ${kb(median.bytes + codeBytes)} (${median.word}), ${kb(worst.bytes + codeBytes)} (${worst.word}: ${worst.requests} requests, ${worst.parts} parts) | ${keys.median.toFixed(1)}, ${keys.p95.toFixed(1)}, ${keys.max.toFixed(1)} ms (${keys.n}) | ${f(keys.local)} (${keys.local.n}) | ${keys.fetching.median.toFixed(1)}, ${keys.fetching.max.toFixed(1)} ms (${keys.fetching.n}) | ${f(keys.app)} |`,
  );
}
