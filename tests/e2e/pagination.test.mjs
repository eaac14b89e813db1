// The index is split into pages of 20 once there are more articles than that.
// The real site has 20 per language, so a larger index is served in their place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { siteFor, locales, contentIndex, heading, headingIs, markDocument, sameDocument } from './support.mjs';

const site = siteFor(process.env.E2E_DIST ?? 'dist');

/** Goes to `path` through the app's router (history and popstate), as a link
 * the page does not have would. */
const routeTo = (page, path) =>
  page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);

/** Serves the English index as `n` articles (copies of the real ones), in pages
 * of 20 as the pipeline writes them; a page past the last is a 404. Returns the
 * page numbers requested. */
async function bigIndex(page, n) {
  const index = contentIndex('en');
  const posts = Array.from({ length: n }, (_, i) => ({ ...index.posts[i % 20], slug: `copy-${i}`, title: `Article number ${i + 1}` }));
  const pages = Math.ceil(n / 20);
  const requested = [];
  await page.route('**/content/en/pages/*.json', (route) => {
    const number = Number(new URL(route.request().url()).pathname.match(/(\d+)\.json$/)[1]);
    requested.push(number);
    if (number > pages) return route.fulfill({ status: 404, contentType: 'text/html', body: 'Not found' });
    const body = { lang: 'en', page: number, pages, total: n, posts: posts.slice((number - 1) * 20, number * 20) };
    return route.fulfill({ contentType: 'application/json', body: JSON.stringify(body) });
  });
  return requested;
}

test('a 45-article index has three pages, linked both ways, all client-side', async () => {
  const page = await site.page();
  const t = locales.en;
  const requested = await bigIndex(page, 45);
  // The Russian index is prerendered; the English one is fetched on the switch.
  await page.goto(`${site.server.url}/ru/`);
  await heading(page);
  await markDocument(page);
  await page.getByRole('link', { name: 'English' }).click();
  await headingIs(page, t.site_name);
  const cards = page.locator('article.card');
  const nav = page.getByRole('navigation', { name: t.pagination_label });
  await nav.waitFor();
  assert.equal(await cards.count(), 20);
  assert.equal((await page.locator('.count').textContent()).trim(), '45 articles');
  assert.equal((await nav.locator('[aria-current=page]').textContent()).trim(), 'Page 1 of 3');
  assert.equal(await nav.getByRole('link', { name: t.newer_page }).count(), 0);

  await nav.getByRole('link', { name: t.older_page }).click();
  await page.waitForURL('**/en/page/2');
  await page.getByText('Article number 21', { exact: true }).waitFor();
  assert.equal(await cards.count(), 20);
  assert.equal(await page.title(), `Page 2 of 3 — ${t.site_name}`);
  await nav.getByRole('link', { name: t.older_page }).click();
  await page.waitForURL('**/en/page/3');
  await page.getByText('Article number 45', { exact: true }).waitFor();
  assert.equal(await cards.count(), 5);
  assert.equal(await nav.getByRole('link', { name: t.older_page }).count(), 0);
  await nav.getByRole('link', { name: t.newer_page }).click();
  await page.waitForURL('**/en/page/2');
  await page.goBack();
  await page.waitForURL('**/en/page/3');
  assert.ok(await sameDocument(page), 'no reload');
  // Each page is its own document, fetched once.
  assert.deepEqual(requested, [1, 2, 3]);
  assert.deepEqual(page.consoleErrors, []);

  // Past the last page: the host has no such document, so the 404 view.
  await routeTo(page, '/en/page/4');
  await headingIs(page, t.not_found_title);
  assert.ok(await sameDocument(page), 'no reload');
  await page.context().close();
});

test('with one page of articles there is no page navigation, and page URLs are 404s', async () => {
  const page = await site.page();
  await page.goto(`${site.server.url}/en/`);
  await heading(page);
  assert.equal(await page.locator('.pagination').count(), 0);
  const response = await page.goto(`${site.server.url}/en/page/2`);
  assert.equal(response.status(), 404);
  await headingIs(page, locales.en.not_found_title);
  await page.context().close();
});

test('a tag with 45 articles is paged like the index, client-side', async () => {
  const page = await site.page();
  const t = locales.en;
  const index = contentIndex('en');
  const tag = index.tags.find((x) => x.slug === 'rag');
  const posts = Array.from({ length: 45 }, (_, i) => ({ ...index.posts[i % 20], slug: `tagged-${i}`, title: `Tagged article ${i + 1}` }));
  const requested = [];
  await page.route('**/content/en/tags/rag/*.json', (route) => {
    const number = Number(new URL(route.request().url()).pathname.match(/(\d+)\.json$/)[1]);
    requested.push(number);
    if (number > 3) return route.fulfill({ status: 404, contentType: 'text/html', body: 'Not found' });
    const body = { lang: 'en', tag: { ...tag, count: 45 }, page: number, pages: 3, total: 45, posts: posts.slice((number - 1) * 20, number * 20) };
    return route.fulfill({ contentType: 'application/json', body: JSON.stringify(body) });
  });
  // The Russian tag page is prerendered; the English one is fetched on the switch.
  await page.goto(`${site.server.url}/ru/tags/rag`);
  await heading(page);
  await markDocument(page);
  await page.getByRole('banner').getByRole('link', { name: 'English' }).click();
  await page.getByText('Tagged article 1', { exact: true }).waitFor();
  const cards = page.locator('article.card');
  const nav = page.getByRole('navigation', { name: t.pagination_label });
  assert.equal(await cards.count(), 20);
  assert.equal((await page.locator('.count').textContent()).trim(), '45 articles');
  assert.equal((await nav.locator('[aria-current=page]').textContent()).trim(), 'Page 1 of 3');

  await nav.getByRole('link', { name: t.older_page }).click();
  await page.waitForURL('**/en/tags/rag/page/2');
  await page.getByText('Tagged article 21', { exact: true }).waitFor();
  await nav.getByRole('link', { name: t.older_page }).click();
  await page.waitForURL('**/en/tags/rag/page/3');
  await page.getByText('Tagged article 45', { exact: true }).waitFor();
  assert.equal(await cards.count(), 5);
  assert.ok((await page.title()).includes('Page 3 of 3'), await page.title());
  await nav.getByRole('link', { name: t.newer_page }).click();
  await page.waitForURL('**/en/tags/rag/page/2');
  await nav.getByRole('link', { name: t.newer_page }).click();
  await page.waitForURL(/\/en\/tags\/rag$/);
  await page.getByText('Tagged article 1', { exact: true }).waitFor();
  assert.ok(await sameDocument(page), 'no reload');
  assert.deepEqual(requested, [1, 2, 3]);
  assert.deepEqual(page.consoleErrors, []);

  await routeTo(page, '/en/tags/rag/page/4');
  await headingIs(page, t.not_found_title);
  await page.context().close();
});

test('a page number has one spelling: /page/02 and /page/+2 are the 404 view, not page 2', async () => {
  const page = await site.page();
  const t = locales.en;
  await bigIndex(page, 45);
  await page.goto(`${site.server.url}/en/`);
  await heading(page);
  for (const path of ['/en/page/02', '/en/page/+2', '/en/page/%2B2', '/en/tags/rag/page/02']) {
    await routeTo(page, path);
    await headingIs(page, t.not_found_title, path);
    assert.equal(await page.getByText('Article number 21', { exact: true }).count(), 0, path);
  }
  // Loaded directly too.
  for (const path of ['/en/page/02', '/en/page/+2']) {
    await page.goto(`${site.server.url}${path}`);
    await headingIs(page, t.not_found_title, path);
  }
  // The canonical spelling still works.
  await routeTo(page, '/en/page/2');
  await page.getByText('Article number 21', { exact: true }).waitFor();
  await page.context().close();
});
