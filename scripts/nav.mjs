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
await browser.close();

console.log(`Click to content on screen, Chromium, no throttling, median of ${runs}:`);
console.log('');
console.log('| navigation | time |');
console.log('| --- | --- |');
for (const [what, time] of rows) console.log(`| ${what} | ${time} |`);
