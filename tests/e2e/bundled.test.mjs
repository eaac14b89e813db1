// The bundled build: every document is compiled into the wasm, so browsing issues
// no content request at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { siteFor, locales, contentIndex, indexPage, figuredPosts, heading, markDocument, sameDocument, ROOT, headingIs, appReady } from './support.mjs';

const DIST = process.env.E2E_BUNDLED_DIST ?? 'dist-bundled';
const site = siteFor(DIST);

test('the bundled site ships no content files', () => {
  assert.equal(fs.existsSync(path.join(ROOT, DIST, 'content')), false);
});

test('browsing the bundled build makes no content requests', async () => {
  const page = await site.page();
  const en = contentIndex('en');
  const ru = contentIndex('ru');
  await page.goto(`${site.server.url}/en/`);
  await page.locator('article.card').first().waitFor();
  assert.equal(await page.locator('article.card').count(), indexPage('en').posts.length);
  // Browsing client-side: once the app has taken over (a click before that is a
  // page load, which the takeover tests cover).
  await appReady(page);
  await markDocument(page);
  await page.getByRole('link', { name: en.posts[5].title }).click();
  await headingIs(page, en.posts[5].title);
  await page.getByRole('link', { name: 'Русский' }).click();
  await headingIs(page, ru.posts.find((p) => p.slug === en.posts[5].slug).title);
  assert.ok(await sameDocument(page), 'the page was reloaded');
  const missing = await page.goto(`${site.server.url}/ru/blog/no-such-article`);
  assert.equal(missing.status(), 404);
  await headingIs(page, locales.ru.not_found_title);
  assert.deepEqual(page.contentRequests, []);
  assert.deepEqual(site.server.requests.filter((p) => p.includes('/content/')), []);
  // The browser logs the 404 document it was given, as it should.
  assert.deepEqual(page.consoleErrors.filter((e) => !e.includes('status of 404')), []);
  await page.context().close();
});

test('figures come with the bundled article text, in the language switched to', async () => {
  const post = figuredPosts('en')[0];
  assert.ok(post, 'the content has an article with figures');
  const page = await site.page();
  await page.goto(`${site.server.url}/en/`);
  await appReady(page);
  await markDocument(page);
  await page.getByRole('link', { name: post.title }).first().click();
  await headingIs(page, post.title);
  await page.getByRole('link', { name: 'Русский' }).click();
  await headingIs(page, contentIndex('ru').posts.find((p) => p.slug === post.slug).title);
  assert.ok(await sameDocument(page), 'client-side');
  const image = page.locator('main figure img').first();
  assert.match(await page.locator('main figcaption').first().textContent(), /^Рисунок 1\./);
  await image.scrollIntoViewIfNeeded();
  await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await image.elementHandle());
  assert.deepEqual(page.contentRequests, []);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
