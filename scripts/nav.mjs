// Client-side navigation, measured in Chromium from the click to the new content
// on screen (called by scripts/bench):
//   node scripts/nav.mjs DIST [BUNDLED_DIST] [RUNS=10]
// For each build: index → article (a card's link), and the language switch on an
// article. For the fetched build also the index of an archive of 2,000 articles
// (the real first index page replaced by a synthetic one), against the real 20. No
// throttling: this is the app's own cost. Medians and worst runs in ms.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import { serve } from '../tests/e2e/server.mjs';
import { throttle } from './measure.mjs';

const [dist, bundled] = [process.argv[2] ?? 'dist', process.argv[3]].map((d) => d && path.resolve(d));
const runs = Number(process.argv[4] ?? 10);
/** A language's articles, from the index pages the pipeline wrote. */
function content(lang) {
  const read = (n) => JSON.parse(fs.readFileSync(path.resolve('target/site/content', lang, 'pages', `${n}.json`), 'utf8'));
  const first = read(1);
  const pages = [first];
  for (let n = 2; n <= first.pages; n++) pages.push(read(n));
  return { posts: pages.flatMap((p) => p.posts) };
}
const en = content('en');
const ru = content('ru');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** ms from clicking `link` until the page heading reads `expected` (and, if
 * given, `selector` matches), measured with the page's own clock. */
async function clickToContent(page, link, expected, selector) {
  await page.evaluate(() => {
    window.__clicked = null;
    document.addEventListener('click', () => (window.__clicked ??= performance.now()), { capture: true, once: true });
  });
  await link.click();
  const handle = await page.waitForFunction(
    ([want, sel]) => {
      const ok = document.querySelector('main h1')?.textContent.trim() === want && (!sel || document.querySelector(sel));
      return ok && window.__clicked !== null ? performance.now() - window.__clicked : false;
    },
    [expected, selector],
    { polling: 'raf' },
  );
  return handle.jsonValue();
}

const stats = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return `${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms (worst ${sorted.at(-1).toFixed(1)} ms)`;
};

const rows = [];
for (const [mode, dir] of [['fetched', dist], ['bundled', bundled]]) {
  if (!dir) continue;
  const server = await serve(dir);
  const toArticle = [];
  const switchLang = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${server.url}/en/`);
    await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
    const post = en.posts[i % en.posts.length];
    toArticle.push(await clickToContent(page, page.getByRole('link', { name: post.title }), post.title));
    const translated = ru.posts.find((p) => p.slug === post.slug).title;
    switchLang.push(await clickToContent(page, page.getByRole('link', { name: 'Русский' }), translated));
    await context.close();
  }
  rows.push([`${mode}: index → article`, stats(toArticle)]);
  rows.push([`${mode}: language switch on an article`, stats(switchLang)]);
  if (mode === 'fetched') {
    for (const n of [20, 2000]) {
      // The first index page of an archive of n articles, as the pipeline splits it.
      const posts = Array.from({ length: 20 }, (_, i) => ({ ...en.posts[i % en.posts.length], slug: `copy-${i}` }));
      const body = JSON.stringify({ lang: 'en', page: 1, pages: Math.ceil(n / 20), total: n, posts });
      const times = [];
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext({ serviceWorkers: 'block' });
        const page = await context.newPage();
        await page.route('**/content/en/pages/1.json', (route) => route.fulfill({ contentType: 'application/json', body }));
        await page.goto(`${server.url}/ru/`);
        await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
        times.push(await clickToContent(page, page.getByRole('link', { name: 'English' }), 'Engineering Insights', 'article.card'));
        await context.close();
      }
      rows.push([`fetched: language switch to the index of ${n.toLocaleString('en')} articles (${(body.length / 1e3).toFixed(1)} KB page document)`, stats(times)]);
    }
  }
  await server.close();
}

// The same click under Lighthouse's mobile conditions (150 ms round trip,
// 1.6 Mbit/s down, 750 kbit/s up, 4x CPU slowdown, applied once the app is ready
// and its views' code is in), by how the reader reaches the link: a click with
// no moment before it (the pointer arrives and presses at once: what the app
// could do before it fetched on intent), a press held 100 ms, the pointer
// resting 300 or 600 ms first. The article is another one each run, in a fresh context.
const THROTTLED_RUNS = Number(process.env.NAV_THROTTLED_RUNS ?? 20);
const intentRows = [];
{
  const server = await serve(dist);
  const ways = [
    ['pointer arrives and clicks at once', async (page, link) => link.click()],
    [
      'press held 100 ms',
      // Playwright's `delay`: the time between pressing and releasing.
      async (page, link) => link.click({ delay: 100 }),
    ],
    ...[300, 600].map((rest) => [
      `pointer rests ${rest} ms, then clicks`,
      async (page, link) => {
        await link.hover();
        await page.waitForTimeout(rest);
        await link.click();
      },
    ]),
  ];
  for (const [way, act] of ways) {
    const times = [];
    for (let i = 0; i < THROTTLED_RUNS; i++) {
      const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 4000 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/en/`);
      await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /split_views-[^/]*\.wasm$/.test(e.name)));
      await page.waitForTimeout(200);
      await throttle(context, page, { latency: 150, down: 1638.4, up: 750 });
      // One of the index's first page's articles, another one each run.
      const posts = en.posts.slice(0, 20);
      const post = posts[i % posts.length];
      const link = page.getByRole('link', { name: post.title, exact: true }).first();
      await page.evaluate(() => {
        window.__clicked = null;
        document.addEventListener('click', () => (window.__clicked ??= performance.now()), { capture: true, once: true });
      });
      await act(page, link);
      const handle = await page.waitForFunction(
        (want) => {
          const ok = document.querySelector('main h1')?.textContent.trim() === want;
          return ok && window.__clicked !== null ? performance.now() - window.__clicked : false;
        },
        post.title,
        { polling: 'raf', timeout: 60000 },
      ).catch(async (e) => {
        const state = await page.evaluate(() => [location.pathname, document.querySelector('main h1')?.textContent, window.__clicked]);
        throw new Error(`${way}, ${post.slug}: ${JSON.stringify(state)}: ${e.message}`);
      });
      times.push(await handle.jsonValue());
      await context.close();
    }
    const sorted = [...times].sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    intentRows.push([way, at(0.5), at(0.95), sorted.at(-1)]);
  }
  await server.close();
}
await browser.close();

console.log(`Click to content on screen, Chromium, no throttling, median of ${runs}:`);
console.log('');
console.log('| navigation | time |');
console.log('| --- | --- |');
for (const [what, time] of rows) console.log(`| ${what} | ${time} |`);
console.log('');
console.log(
  `Index → article, click to content on screen, Chromium under Lighthouse's mobile throttling (DevTools: 150 ms latency, 1.6 Mbit/s, 4x CPU), ${THROTTLED_RUNS} clicks each, fetched build:`,
);
console.log('');
console.log('| how the reader clicks | median | p95 | worst |');
console.log('| --- | --- | --- | --- |');
for (const [way, median, p95, worst] of intentRows) {
  console.log(`| ${way} | ${median.toFixed(0)} ms | ${p95.toFixed(0)} ms | ${worst.toFixed(0)} ms |`);
}
