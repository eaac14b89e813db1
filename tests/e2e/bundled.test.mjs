// The bundled build: every document is compiled into the wasm, so browsing issues
// no content request at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { siteFor, locales, contentIndex, indexPage, heading, markDocument, sameDocument, ROOT, headingIs, appReady } from './support.mjs';

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
