// Bad input from the content host: extreme content does not break the layout;
// HTML from a compromised content host cannot run script. Damaged, wrongly shaped,
// failing or slow documents, each with a working retry, are in retry.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { siteFor, locales, contentIndex, heading, headingIs, appReady } from './support.mjs';

const site = siteFor(process.env.E2E_DIST ?? 'dist');

/** Opens the `lang` index, then the article `slug` by a click (client-side). */
async function openFromIndex(page, lang, post) {
  await page.goto(`${site.server.url}/${lang}/`);
  await heading(page);
  await page.getByRole('link', { name: post.title }).click();
}

test('extremely long titles, words and code lines do not widen the page', async () => {
  const lang = 'en';
  const post = contentIndex(lang).posts[3];
  const word = 'Supercalifragilistic'.repeat(8);
  const title = `${'A very long title about distributed consensus '.repeat(6)}${word}`;
  await (async () => {
    for (const width of [320, 1280]) {
      const page = await site.page({ viewport: { width, height: 800 } });
      await page.route(`**/content/${lang}/pages/1.json`, async (route) => {
        const index = JSON.parse(await (await route.fetch()).text());
        index.posts[3].title = title;
        index.posts[3].summary = `${word} ${word}`;
        await route.fulfill({ contentType: 'application/json', body: JSON.stringify(index) });
      });
      await page.route(`**/content/${lang}/posts/${post.slug}.json`, async (route) => {
        const doc = JSON.parse(await (await route.fetch()).text());
        doc.meta.title = title;
        doc.html =
          `<p>${word} ${word}</p><pre><code>${'let x = 1; '.repeat(60)}</code></pre>` +
          `<div class="table-scroll" tabindex="0"><table><tr><td>${word}</td><td>${word}</td><td>${word}</td></tr></table></div>${doc.html}`;
        await route.fulfill({ contentType: 'application/json', body: JSON.stringify(doc) });
      });
      // The index is the client-side one (fetched), so go there by the language switch.
      await page.goto(`${site.server.url}/ru/`);
      await heading(page);
      await page.getByRole('link', { name: 'English' }).click();
      await headingIs(page, locales.en.site_name);
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok((await overflow()) <= 0, `${width}px index scrolls sideways by ${await overflow()}px`);
      await page.getByRole('link', { name: title }).click();
      await headingIs(page, title);
      assert.ok((await overflow()) <= 0, `${width}px article scrolls sideways by ${await overflow()}px`);
      // The long code line scrolls inside its block.
      const pre = await page.locator('main pre').first().evaluate((el) => [el.scrollWidth > el.clientWidth, getComputedStyle(el).overflowX]);
      assert.deepEqual(pre, [true, 'auto']);
      await page.context().close();
    }
  })();
});

test('script in article HTML from a compromised content host does not run', async () => {
  const page = await site.page();
  const post = contentIndex('en').posts[8];
  await page.route(`**/content/en/posts/${post.slug}.json`, async (route) => {
    const doc = JSON.parse(await (await route.fetch()).text());
    doc.html = `<img src="data:," onerror="window.__pwned = 1"><script>window.__pwned = 2</script>${doc.html}`;
    await route.fulfill({ contentType: 'application/json', body: JSON.stringify(doc) });
  });
  await openFromIndex(page, 'en', post);
  await headingIs(page, post.title);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.ok(page.consoleErrors.some((e) => e.startsWith('CSP violation')), `${page.consoleErrors}`);
  await appReady(page);
  await page.context().close();
});

test('the documents a page names are prefetched once and serve its view when the app renders it', async () => {
  const page = await site.page();
  const post = contentIndex('en').posts[2];
  const url = `/content/en/posts/${post.slug}.json`;
  await page.goto(`${site.server.url}/en/blog/${post.slug}`);
  await appReady(page);
  await headingIs(page, post.title);
  await page.waitForFunction((u) => performance.getEntriesByType('resource').some((e) => e.name.endsWith(u)), url);
  // The app renders the article itself when the reader comes back to it.
  await page.getByRole('banner').getByRole('link', { name: locales.en.site_name }).click();
  await headingIs(page, locales.en.site_name);
  await page.goBack();
  await headingIs(page, post.title);
  await page.locator('.prose h2').nth(2).waitFor();
  const fetched = await page.evaluate(
    (u) => performance.getEntriesByType('resource').filter((e) => e.name.endsWith(u)).map((e) => e.transferSize),
    url,
  );
  // The body crossed the network once (the prefetch); the app's requests were
  // answered by the cache, revalidated (304) as documents are on every use.
  assert.ok(fetched.length >= 1 && fetched.filter((size) => size > 1000).length === 1, `${fetched}`);
  assert.equal(await page.getByRole('alert').count(), 0);
  await page.context().close();
});
