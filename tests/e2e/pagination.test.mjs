// The index is split into pages of model::PAGE_SIZE once there are more articles
// than that. Whatever the real site holds, a larger index (two full pages and a
// few more) is served in its place; the real one is checked as it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { siteFor, locales, contentIndex, indexPage, PAGE_SIZE, TAG_PAGE_SIZE, heading, headingIs, markDocument, sameDocument, CONTENT } from './support.mjs';

const site = siteFor(process.env.E2E_DIST ?? 'dist');

/** Goes to `path` through the app's router (history and popstate), as a link
 * the page does not have would. */
const routeTo = (page, path) =>
  page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);

/** Articles in the served index: three pages, the last with `LAST` articles. */
const LAST = 5;
const BIG = 2 * PAGE_SIZE + LAST;

/** `n` copies of the real English articles, titled `${prefix} 1`, `${prefix} 2`, ... */
function copies(n, prefix, slug) {
  const real = contentIndex('en').posts;
  return Array.from({ length: n }, (_, i) => ({ ...real[i % real.length], slug: `${slug}-${i}`, title: `${prefix} ${i + 1}` }));
}

/** Serves the article documents of the copies whose slugs start with `slug`
 * (each the real article it copies, under the copy's slug), so that a link to
 * a copy leads somewhere: the app fetches a link's page when the pointer rests
 * on it (src/intent.rs), and a copy's 404 would be a console error. */
async function servesCopies(page, slug) {
  const real = contentIndex('en').posts;
  await page.route(`**/content/en/posts/${slug}-*.json`, (route) => {
    const i = Number(new URL(route.request().url()).pathname.match(/-(\d+)\.json$/)[1]);
    const post = JSON.parse(fs.readFileSync(path.join(CONTENT, 'en', 'posts', `${real[i % real.length].slug}.json`), 'utf8'));
    post.meta.slug = `${slug}-${i}`;
    return route.fulfill({ contentType: 'application/json', body: JSON.stringify(post) });
  });
}

/** The articles of page `number` (from 1) of `posts`. */
const pageOf = (posts, number) => posts.slice((number - 1) * PAGE_SIZE, number * PAGE_SIZE);

/** Serves the English index as `n` articles (copies of the real ones), in pages
 * of PAGE_SIZE as the pipeline writes them; a page past the last is a 404.
 * Returns the page numbers requested. */
async function bigIndex(page, n) {
  const posts = copies(n, 'Article number', 'copy');
  await servesCopies(page, 'copy');
  const pages = Math.ceil(n / PAGE_SIZE);
  const requested = [];
  await page.route('**/content/en/pages/*.json', (route) => {
    const number = Number(new URL(route.request().url()).pathname.match(/(\d+)\.json$/)[1]);
    requested.push(number);
    if (number > pages) return route.fulfill({ status: 404, contentType: 'text/html', body: 'Not found' });
    const body = { lang: 'en', page: number, pages, total: n, posts: pageOf(posts, number) };
    return route.fulfill({ contentType: 'application/json', body: JSON.stringify(body) });
  });
  return requested;
}

test('an index of two full pages and a few more has three pages, linked both ways, all client-side', async () => {
  const page = await site.page();
  const t = locales.en;
  const requested = await bigIndex(page, BIG);
  // The Russian index is prerendered; the English one is fetched on the switch.
  await page.goto(`${site.server.url}/ru/`);
  await heading(page);
  await markDocument(page);
  await page.getByRole('link', { name: 'English' }).click();
  await headingIs(page, t.site_name);
  const cards = page.locator('article.card');
  const nav = page.getByRole('navigation', { name: t.pagination_label });
  await nav.waitFor();
  assert.equal(await cards.count(), PAGE_SIZE);
  assert.equal((await page.locator('.count').textContent()).trim(), t.articles_count_other.replace('{n}', BIG));
  assert.equal((await nav.locator('[aria-current=page]').textContent()).trim(), 'Page 1 of 3');
  assert.equal(await nav.getByRole('link', { name: t.newer_page }).count(), 0);

  await nav.getByRole('link', { name: t.older_page }).click();
  await page.waitForURL('**/en/page/2');
  await page.getByText(`Article number ${PAGE_SIZE + 1}`, { exact: true }).waitFor();
  assert.equal(await cards.count(), PAGE_SIZE);
  assert.equal(await page.title(), `Page 2 of 3 — ${t.site_name}`);
  await nav.getByRole('link', { name: t.older_page }).click();
  await page.waitForURL('**/en/page/3');
  await page.getByText(`Article number ${BIG}`, { exact: true }).waitFor();
  assert.equal(await cards.count(), LAST);
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

test('the real index has page navigation only if it has more than one page, and a page past the last is a 404', async () => {
  const page = await site.page();
  const { pages } = indexPage('en');
  await page.goto(`${site.server.url}/en/`);
  await heading(page);
  assert.equal((await page.locator('.pagination').count()) > 0, pages > 1);
  const response = await page.goto(`${site.server.url}/en/page/${pages + 1}`);
  assert.equal(response.status(), 404);
  await headingIs(page, locales.en.not_found_title);
  await page.context().close();
});

test('a tag with two full pages of articles and a few more is paged like the index, client-side', async () => {
  const page = await site.page();
  const t = locales.en;
  const tag = contentIndex('en').tags[0];
  const posts = copies(BIG, 'Tagged article', 'tagged');
  await servesCopies(page, 'tagged');
  const requested = [];
  await page.route(`**/content/en/tags/${tag.slug}/*.json`, (route) => {
    const number = Number(new URL(route.request().url()).pathname.match(/(\d+)\.json$/)[1]);
    requested.push(number);
    if (number > 3) return route.fulfill({ status: 404, contentType: 'text/html', body: 'Not found' });
    const body = { lang: 'en', tag: { ...tag, count: BIG }, page: number, pages: 3, total: BIG, posts: pageOf(posts, number) };
    return route.fulfill({ contentType: 'application/json', body: JSON.stringify(body) });
  });
  // The Russian tag page is prerendered; the English one is fetched on the switch.
  await page.goto(`${site.server.url}/ru/tags/${tag.slug}`);
  await heading(page);
  await markDocument(page);
  await page.getByRole('banner').getByRole('link', { name: 'English' }).click();
  await page.getByText('Tagged article 1', { exact: true }).waitFor();
  const cards = page.locator('article.card');
  const nav = page.getByRole('navigation', { name: t.pagination_label });
  assert.equal(await cards.count(), PAGE_SIZE);
  assert.equal((await page.locator('.count').textContent()).trim(), t.articles_count_other.replace('{n}', BIG));
  assert.equal((await nav.locator('[aria-current=page]').textContent()).trim(), 'Page 1 of 3');

  await nav.getByRole('link', { name: t.older_page }).click();
  await page.waitForURL(`**/en/tags/${tag.slug}/page/2`);
  await page.getByText(`Tagged article ${PAGE_SIZE + 1}`, { exact: true }).waitFor();
  await nav.getByRole('link', { name: t.older_page }).click();
  await page.waitForURL(`**/en/tags/${tag.slug}/page/3`);
  await page.getByText(`Tagged article ${BIG}`, { exact: true }).waitFor();
  assert.equal(await cards.count(), LAST);
  assert.ok((await page.title()).includes('Page 3 of 3'), await page.title());
  await nav.getByRole('link', { name: t.newer_page }).click();
  await page.waitForURL(`**/en/tags/${tag.slug}/page/2`);
  await nav.getByRole('link', { name: t.newer_page }).click();
  await page.waitForURL((url) => url.pathname === `/en/tags/${tag.slug}`);
  await page.getByText('Tagged article 1', { exact: true }).waitFor();
  assert.ok(await sameDocument(page), 'no reload');
  assert.deepEqual(requested, [1, 2, 3]);
  assert.deepEqual(page.consoleErrors, []);

  await routeTo(page, `/en/tags/${tag.slug}/page/4`);
  await headingIs(page, t.not_found_title);
  await page.context().close();
});

test('a tag list of two full pages and a few more is paged too, most used first, client-side', async () => {
  const page = await site.page();
  const t = locales.en;
  const total = 2 * TAG_PAGE_SIZE + 3;
  const tags = Array.from({ length: total }, (_, i) => ({ slug: `topic-${i}`, name: `Topic ${i + 1}`, count: total - i }));
  // Each tag's page, empty, so that a link to one leads somewhere (see `servesCopies`).
  await page.route('**/content/en/tags/topic-*/1.json', (route) => {
    const slug = new URL(route.request().url()).pathname.split('/').at(-2);
    const tag = tags.find((t) => t.slug === slug);
    const body = { lang: 'en', tag, page: 1, pages: 1, total: tag.count, posts: [] };
    return route.fulfill({ contentType: 'application/json', body: JSON.stringify(body) });
  });
  const requested = [];
  await page.route('**/content/en/tags/page/*.json', (route) => {
    const number = Number(new URL(route.request().url()).pathname.match(/(\d+)\.json$/)[1]);
    requested.push(number);
    if (number > 3) return route.fulfill({ status: 404, contentType: 'text/html', body: 'Not found' });
    const shown = tags.slice((number - 1) * TAG_PAGE_SIZE, number * TAG_PAGE_SIZE);
    const body = { lang: 'en', page: number, pages: 3, tags: shown };
    return route.fulfill({ contentType: 'application/json', body: JSON.stringify(body) });
  });
  // The Russian tag list is prerendered; the English one is fetched on the switch.
  await page.goto(`${site.server.url}/ru/tags/`);
  await heading(page);
  await markDocument(page);
  await page.getByRole('banner').getByRole('link', { name: 'English' }).click();
  await page.getByText('Topic 1', { exact: true }).waitFor();
  const items = page.locator('.tag-index a');
  const nav = page.getByRole('navigation', { name: t.tags_pagination_label });
  assert.equal(await items.count(), TAG_PAGE_SIZE);
  assert.equal((await nav.locator('[aria-current=page]').textContent()).trim(), 'Page 1 of 3');
  assert.equal(await nav.getByRole('link', { name: t.previous_tags }).count(), 0);
  await nav.getByRole('link', { name: t.next_tags }).click();
  await page.waitForURL('**/en/tags/page/2');
  await page.getByText(`Topic ${TAG_PAGE_SIZE + 1}`, { exact: true }).waitFor();
  await nav.getByRole('link', { name: t.next_tags }).click();
  await page.waitForURL('**/en/tags/page/3');
  await page.getByText(`Topic ${total}`, { exact: true }).waitFor();
  assert.equal(await items.count(), 3);
  assert.equal(await nav.getByRole('link', { name: t.next_tags }).count(), 0);
  assert.equal(await page.title(), `${t.all_tags} — Page 3 of 3 — ${t.site_name}`);
  await nav.getByRole('link', { name: t.previous_tags }).click();
  await page.waitForURL('**/en/tags/page/2');
  await nav.getByRole('link', { name: t.previous_tags }).click();
  await page.waitForURL((url) => url.pathname === '/en/tags/');
  await page.getByText('Topic 1', { exact: true }).waitFor();
  assert.ok(await sameDocument(page), 'no reload');
  assert.deepEqual(requested, [1, 2, 3]);
  assert.deepEqual(page.consoleErrors, []);
  await routeTo(page, '/en/tags/page/4');
  await headingIs(page, t.not_found_title);
  await page.context().close();
});

test('a page number has one spelling: /page/02 and /page/+2 are the 404 view, not page 2', async () => {
  const page = await site.page();
  const t = locales.en;
  await bigIndex(page, BIG);
  const second = `Article number ${PAGE_SIZE + 1}`;
  const tag = contentIndex('en').tags[0].slug;
  await page.goto(`${site.server.url}/en/`);
  await heading(page);
  for (const path of ['/en/page/02', '/en/page/+2', '/en/page/%2B2', `/en/tags/${tag}/page/02`]) {
    await routeTo(page, path);
    await headingIs(page, t.not_found_title, path);
    assert.equal(await page.getByText(second, { exact: true }).count(), 0, path);
  }
  // Loaded directly too.
  for (const path of ['/en/page/02', '/en/page/+2']) {
    await page.goto(`${site.server.url}${path}`);
    await headingIs(page, t.not_found_title, path);
  }
  // The canonical spelling still works.
  await routeTo(page, '/en/page/2');
  await page.getByText(second, { exact: true }).waitFor();
  await page.context().close();
});
