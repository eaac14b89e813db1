// A build for a sub-path deployment (SITE_URL=https://example.org/insights),
// served under /insights: links, assets, fetches, the router, the head's
// absolute URLs, 404s and the service worker all stay under the prefix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { siteFor, locales, contentIndex, indexPage, figuredPosts, heading, headingIs, appReady, markDocument, sameDocument } from './support.mjs';

const DIST = process.env.E2E_SUBPATH_DIST ?? 'dist-subpath';
const PREFIX = '/insights';
const SITE_URL = 'https://example.org/insights';
const site = siteFor(DIST, { prefix: PREFIX });

test('the site works under its prefix: links, fetches, router and language switch', async () => {
  const page = await site.page({ locale: 'ru-RU' });
  const ru = contentIndex('ru');
  const en = contentIndex('en');
  // The root of the sub-path sends the reader to their language.
  await page.goto(`${site.server.url}${PREFIX}/`);
  await headingIs(page, locales.ru.site_name);
  assert.equal(new URL(page.url()).pathname, `${PREFIX}/ru/`);
  assert.equal(await page.locator('article.card').count(), indexPage('ru').posts.length);
  await markDocument(page);

  const post = ru.posts[6];
  await page.getByRole('link', { name: post.title }).click();
  await headingIs(page, post.title);
  assert.equal(new URL(page.url()).pathname, `${PREFIX}/ru/blog/${post.slug}`);
  // Heading anchors and links inside the article carry the prefix.
  const anchors = await page.locator('main a.anchor').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(anchors.length > 3 && anchors.every((h) => h.startsWith(`${PREFIX}/ru/blog/${post.slug}#`)), `${anchors}`);
  const internal = await page.locator('main article a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(internal.every((h) => h.startsWith(`${PREFIX}/`)), `${internal}`);

  await page.getByRole('link', { name: 'English' }).click();
  await headingIs(page, en.posts.find((p) => p.slug === post.slug).title);
  assert.equal(new URL(page.url()).pathname, `${PREFIX}/en/blog/${post.slug}`);
  await page.locator('main a.tag').first().click();
  await page.waitForURL(`**${PREFIX}/en/tags/*`);
  await page.goBack();
  await headingIs(page, en.posts.find((p) => p.slug === post.slug).title);
  assert.ok(await sameDocument(page), 'client-side all along');

  // The runtime head speaks of the configured site URL.
  const canonical = await page.locator('link[rel=canonical]').getAttribute('href');
  assert.equal(canonical, `${SITE_URL}/en/blog/${post.slug}`);
  // Nothing was requested outside the prefix.
  const outside = site.server.requests.filter((p) => !p.startsWith(`${PREFIX}/`));
  assert.deepEqual(outside, []);
  assert.ok(site.server.requests.some((p) => p.startsWith(`${PREFIX}/content/`)));
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('figures and social cards are served under the prefix', async () => {
  const post = figuredPosts('ru')[0];
  assert.ok(post, 'the content has an article with figures');
  const page = await site.page();
  await page.goto(`${site.server.url}${PREFIX}/ru/blog/${post.slug}`);
  await headingIs(page, post.title);
  const image = page.locator('main figure img').first();
  assert.ok((await image.getAttribute('src')).startsWith(`${PREFIX}/figures/${post.slug}/`));
  await image.scrollIntoViewIfNeeded();
  await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await image.elementHandle());
  const card = await page.locator('meta[property="og:image"]').getAttribute('content');
  assert.equal(card, `${SITE_URL}/cards/ru/${post.slug}.png`);
  const response = await fetch(`${site.server.url}${new URL(card).pathname}`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'image/png');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('deep links, the 404 page and search work under the prefix', async () => {
  const page = await site.page({ serviceWorkers: 'allow' });
  const en = contentIndex('en');
  await page.goto(`${site.server.url}${PREFIX}/en/blog/${en.posts[3].slug}`);
  await headingIs(page, en.posts[3].title);
  const missing = await page.goto(`${site.server.url}${PREFIX}/en/blog/not-here`);
  assert.equal(missing.status(), 404);
  await headingIs(page, locales.en.not_found_title);
  await page.getByRole('link', { name: locales.en.go_home }).click();
  await headingIs(page, locales.en.site_name);
  assert.equal(new URL(page.url()).pathname, `${PREFIX}/en/`);

  await page.getByRole('combobox').fill('kubernetes');
  const option = page.getByRole('option').first();
  await option.waitFor();
  await option.click();
  await heading(page);
  assert.ok(new URL(page.url()).pathname.startsWith(`${PREFIX}/en/blog/`));
  // Enter opens the selected result at the same address as its link.
  const combobox = page.getByRole('combobox');
  await combobox.fill('kubernetes');
  const first = page.getByRole('option').first();
  await first.waitFor();
  const href = await first.getAttribute('href');
  const title = (await first.locator('.search__title').textContent()).trim();
  await combobox.press('Enter');
  await headingIs(page, title);
  assert.equal(new URL(page.url()).pathname, new URL(href, page.url()).pathname);
  assert.ok(new URL(page.url()).pathname.startsWith(`${PREFIX}/en/blog/`), page.url());
  await page.context().close();
});

test('the service worker is scoped to the prefix', async () => {
  const page = await site.page({ serviceWorkers: 'allow' });
  await page.goto(`${site.server.url}${PREFIX}/en/`);
  await appReady(page);
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 15000 });
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
  assert.equal(new URL(scope).pathname, `${PREFIX}/`);
  await page.context().close();
});
