// The index is split into pages of 20 once there are more articles than that.
// The real site has 20 per language, so a larger index is served in their place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { siteFor, locales, contentIndex, heading, headingIs, markDocument, sameDocument } from './support.mjs';

const site = siteFor(process.env.E2E_DIST ?? 'dist');

/** The English index with `n` articles (copies of the real ones). */
function bigIndex(n) {
  const index = contentIndex('en');
  const posts = Array.from({ length: n }, (_, i) => ({ ...index.posts[i % 20], slug: `copy-${i}`, title: `Article number ${i + 1}` }));
  return JSON.stringify({ ...index, posts });
}

test('a 45-article index has three pages, linked both ways, all client-side', async () => {
  const page = await site.page();
  const t = locales.en;
  await page.route('**/content/en/index.json', (route) => route.fulfill({ contentType: 'application/json', body: bigIndex(45) }));
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
  assert.deepEqual(page.consoleErrors, []);
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
