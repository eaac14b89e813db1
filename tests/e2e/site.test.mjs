// End-to-end flows of the CDN build (content fetched at run time) in real Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { siteFor, locales, contentIndex, indexPage, PAGE_SIZE, ROOT, heading, markDocument, sameDocument, headingIs, appReady } from './support.mjs';

const site = siteFor(process.env.E2E_DIST ?? 'dist');

const en = contentIndex('en');
const ru = contentIndex('ru');
const first = en.posts[0];
const ruTitle = (slug) => ru.posts.find((p) => p.slug === slug).title;

for (const [lang, index] of [['en', en], ['ru', ru]]) {
  test(`the ${lang} index lists its newest articles, a page of them, with the site's name and call to action`, async () => {
    // Every article of content/ is in the index's pages, and the first page
    // lists the newest of them, as many as a page holds.
    // An article written in either language (one not translated yet is listed
    // in the other language too, marked).
    const articles = new Set(
      ['en', 'ru'].flatMap((l) => fs.readdirSync(path.join(ROOT, 'content', l)).filter((f) => f.endsWith('.md'))),
    );
    const newest = indexPage(lang).posts;
    assert.equal(index.posts.length, articles.size);
    assert.deepEqual(newest, index.posts.slice(0, PAGE_SIZE));
    assert.ok(index.posts.every((p, i) => i === 0 || index.posts[i - 1].date >= p.date), 'newest first');
    const page = await site.page();
    await page.goto(`${site.server.url}/${lang}/`);
    await headingIs(page, locales[lang].site_name);
    await page.getByText(locales[lang].tagline, { exact: true }).waitFor();
    const cards = page.locator('article.card');
    await cards.first().waitFor();
    const titles = await page.locator('article.card h3').allTextContents();
    assert.deepEqual(titles.map((t) => t.trim()), newest.map((p) => p.title));
    // Each card shows its date, reading time and tags.
    const card = cards.first();
    // The publication date first; an updated article's update date after it.
    const published = card.locator('time').first();
    assert.equal(await published.getAttribute('datetime'), index.posts[0].date);
    assert.equal((await published.textContent()).trim(), index.posts[0].date_label);
    const updated = index.posts[0].updated;
    assert.equal(await card.locator('time').count(), updated ? 2 : 1);
    if (updated) assert.equal(await card.locator('time').nth(1).getAttribute('datetime'), updated);
    const minutes = locales[lang].reading_time.replace('{n}', index.posts[0].reading_minutes);
    await card.getByText(minutes).waitFor();
    assert.equal(await card.locator('.tag').count(), index.posts[0].tags.length);
    await page.getByRole('heading', { name: locales[lang].cta_title }).waitFor();
    await page.getByText(locales[lang].cta_text, { exact: true }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.equal(await page.title(), locales[lang].site_name);
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });
}

test('clicking an article navigates client-side, fetching only that article', async () => {
  const page = await site.page();
  await page.goto(`${site.server.url}/en/`);
  await page.locator('article.card').first().waitFor();
  await markDocument(page);
  // The prerendered index is adopted as it is; its page of articles is the only
  // document asked for (prefetched by the page, then read by the app once idle,
  // for coming back to it).
  await appReady(page);
  assert.deepEqual([...new Set(page.contentRequests)], ['/content/en/pages/1.json']);
  const before = page.contentRequests.length;
  await page.getByRole('link', { name: first.title }).click();
  await headingIs(page, first.title);
  assert.equal(new URL(page.url()).pathname, `/en/blog/${first.slug}`);
  assert.ok(await sameDocument(page), 'the page was reloaded');
  assert.deepEqual(page.contentRequests.slice(before), [`/content/en/posts/${first.slug}.json`]);
  assert.equal(await page.title(), `${first.title} — ${locales.en.site_name}`);
  const description = await page.locator('meta[name="description"]').last().getAttribute('content');
  assert.equal(description, first.description);
  // The body the pipeline rendered is on the page, with its section headings.
  assert.ok((await page.locator('.prose h2').count()) >= 3);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('switching language on an article keeps the article, does not reload, and is remembered', async () => {
  const page = await site.page();
  await page.goto(`${site.server.url}/en/blog/${first.slug}`);
  await headingIs(page, first.title);
  await markDocument(page);
  const link = page.getByRole('link', { name: 'Русский' });
  assert.equal(await link.getAttribute('hreflang'), 'ru');
  assert.equal(await link.getAttribute('lang'), 'ru');
  await link.click();
  await page.waitForURL(`**/ru/blog/${first.slug}`);
  await headingIs(page, ruTitle(first.slug));
  assert.ok(await sameDocument(page), 'the page was reloaded');
  assert.equal(await page.getAttribute('html', 'lang'), 'ru');
  assert.equal(await page.title(), `${ruTitle(first.slug)} — ${locales.ru.site_name}`);
  await page.getByRole('link', { name: locales.ru.back_to_articles }).first().waitFor();
  // The choice is remembered: the site root now leads to Russian.
  await page.goto(`${site.server.url}/`);
  await page.waitForURL('**/ru/');
  await headingIs(page, locales.ru.site_name);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('the site root follows the browser language when nothing is saved', async () => {
  for (const [locale, lang] of [['ru-RU', 'ru'], ['en-GB', 'en'], ['de-DE', 'en']]) {
    const page = await site.page({ locale });
    await page.goto(`${site.server.url}/`);
    await page.waitForURL(`**/${lang}/`);
    await headingIs(page, locales[lang].site_name, locale);
    await page.context().close();
  }
});

test('back and forward restore the previous pages without reloading', async () => {
  const page = await site.page();
  const second = en.posts[1];
  await page.goto(`${site.server.url}/en/`);
  await page.locator('article.card').first().waitFor();
  await markDocument(page);
  await page.getByRole('link', { name: second.title }).click();
  await headingIs(page, second.title);
  await page.getByRole('link', { name: 'Русский' }).click();
  await headingIs(page, ruTitle(second.slug));
  await page.goBack();
  await headingIs(page, second.title);
  await page.goBack();
  await headingIs(page, locales.en.site_name);
  assert.equal(await page.locator('article.card').count(), indexPage('en').posts.length);
  await page.goForward();
  await headingIs(page, second.title);
  assert.ok(await sameDocument(page), 'history navigation reloaded the page');
  // Documents already fetched in this visit are not fetched again.
  const fetched = page.contentRequests.filter((p) => p.endsWith(`/en/posts/${second.slug}.json`));
  assert.equal(fetched.length, 1);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('deep links open articles in both languages, with or without a trailing slash', async () => {
  const page = await site.page();
  const post = en.posts[7];
  for (const [path, title, lang] of [
    [`/en/blog/${post.slug}`, post.title, 'en'],
    [`/ru/blog/${post.slug}`, ruTitle(post.slug), 'ru'],
    [`/ru/blog/${post.slug}/`, ruTitle(post.slug), 'ru'],
    ['/ru', locales.ru.site_name, 'ru'],
  ]) {
    await page.goto(`${site.server.url}${path}`);
    await headingIs(page, title, path);
    assert.equal(await page.getAttribute('html', 'lang'), lang, path);
  }
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('unknown slugs, paths and languages show the localized 404 view', async () => {
  const page = await site.page();
  for (const [path, lang] of [
    ['/en/blog/no-such-article', 'en'],
    ['/ru/blog/no-such-article', 'ru'],
    ['/ru/something/else', 'ru'],
    ['/de/', 'en'],
    ['/en/blog/../../etc/passwd', 'en'],
  ]) {
    const response = await page.goto(`${site.server.url}${path}`);
    assert.equal(response.status(), 404, `${path} is a real 404`);
    await headingIs(page, locales[lang].not_found_title, path);
    await page.getByRole('link', { name: locales[lang].go_home }).waitFor();
  }
  // The link home leads back to the index without a reload.
  await markDocument(page);
  await page.getByRole('link', { name: locales.en.go_home }).click();
  await headingIs(page, locales.en.site_name);
  assert.ok(await sameDocument(page));
  // The browser logs each 404 document it was given, as it should.
  assert.deepEqual(page.consoleErrors.filter((e) => !e.includes('status of 404')), []);
  await page.context().close();
});

test('no horizontal scrolling at 360px on the index, an article and the 404 view', async () => {
  const page = await site.page({ viewport: { width: 360, height: 740 } });
  for (const path of ['/ru/', `/ru/blog/${ru.posts[0].slug}`, `/en/blog/${en.posts[8].slug}`, '/en/nowhere']) {
    await page.goto(`${site.server.url}${path}`);
    await heading(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px`);
  }
  await page.context().close();
});

test('the language switcher keeps the query and the fragment of the page', async () => {
  const page = await site.page();
  await page.goto(`${site.server.url}/en/blog/${first.slug}?utm_source=x&utm_medium=y#top`);
  await headingIs(page, first.title);
  const link = page.getByRole('link', { name: 'Русский' });
  assert.equal(await link.getAttribute('href'), `/ru/blog/${first.slug}?utm_source=x&utm_medium=y#top`);
  await link.click();
  await headingIs(page, ruTitle(first.slug));
  const url = new URL(page.url());
  assert.equal(url.pathname, `/ru/blog/${first.slug}`);
  assert.equal(url.search, '?utm_source=x&utm_medium=y');
  // The link shared from there opens the same page.
  await page.goto(page.url());
  await headingIs(page, ruTitle(first.slug));
  await page.context().close();
});

/** Goes to `path` through the app's router in one step, as a link would. */
const routeTo = (page, path) =>
  page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);

test('a navigation that changes language and article at once shows the article of the URL', async () => {
  const page = await site.page();
  const [a, b] = [en.posts[0], en.posts[1]];
  await page.goto(`${site.server.url}/en/blog/${a.slug}`);
  await headingIs(page, a.title);
  await markDocument(page);
  await routeTo(page, `/ru/blog/${b.slug}`);
  await headingIs(page, ruTitle(b.slug), 'the Russian B, not the Russian A');
  // And with both documents already at hand.
  await routeTo(page, `/en/blog/${a.slug}`);
  await headingIs(page, a.title);
  await routeTo(page, `/ru/blog/${b.slug}`);
  await headingIs(page, ruTitle(b.slug));
  await page.waitForTimeout(500);
  await headingIs(page, ruTitle(b.slug), 'still the document of the URL once everything has arrived');
  assert.ok(await sameDocument(page));
  await page.context().close();
});

test('a navigation that changes language and tag at once shows the tag of the URL', async () => {
  const page = await site.page();
  const [a, b] = [en.tags[0], en.tags[1]];
  const ruName = (slug) => ru.tags.find((t) => t.slug === slug).name;
  await page.goto(`${site.server.url}/en/tags/${a.slug}`);
  await headingIs(page, a.name);
  await routeTo(page, `/ru/tags/${b.slug}`);
  await headingIs(page, ruName(b.slug));
  await page.waitForTimeout(500);
  await headingIs(page, ruName(b.slug), 'still the tag of the URL');
  await page.context().close();
});
