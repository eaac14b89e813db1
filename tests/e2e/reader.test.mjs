// Reading aids in real Chromium: build-time highlighting, copy buttons, heading
// anchors, and the colour theme toggle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { siteFor, locales, contentIndex, heading, markDocument, sameDocument, headingIs } from './support.mjs';

const site = siteFor(process.env.E2E_DIST ?? 'dist');

const withCode = (lang) => contentIndex(lang).posts.find((p) => p.slug === 'mcp-server-architecture');

for (const lang of ['en', 'ru']) {
  test(`${lang}: code arrives highlighted and the copy button copies it`, async () => {
    const page = await site.page({ permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(`${site.server.url}/${lang}/blog/${withCode(lang).slug}`);
    await heading(page);
    const block = page.locator('.code-block').first();
    assert.ok((await block.locator('.tk-kw').count()) > 0, 'no keyword tokens');
    assert.ok((await block.locator('.tk-str').count()) > 0, 'no string tokens');
    const button = block.getByRole('button', { name: locales[lang].copy_code });
    await button.click();
    await block.getByRole('button', { name: locales[lang].copied }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, await block.locator('code').textContent());
    assert.ok(copied.length > 100);
    // The label comes back for the next copy.
    await block.getByRole('button', { name: locales[lang].copy_code }).waitFor({ timeout: 5000 });
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });

  test(`${lang}: section headings have anchor links that keep the reader on the article`, async () => {
    const page = await site.page();
    const post = withCode(lang);
    await page.goto(`${site.server.url}/${lang}/blog/${post.slug}`);
    await heading(page);
    const anchors = page.getByRole('link', { name: locales[lang].section_link });
    assert.ok((await anchors.count()) >= 4);
    const second = page.locator('.prose h2').nth(1);
    const id = await second.getAttribute('id');
    await markDocument(page);
    await second.hover();
    await second.getByRole('link', { name: locales[lang].section_link }).click();
    await page.waitForFunction((want) => decodeURIComponent(location.hash) === `#${want}`, id);
    assert.equal(new URL(page.url()).pathname, `/${lang}/blog/${post.slug}`);
    await headingIs(page, post.title);
    assert.ok(await sameDocument(page));
    await page.context().close();
  });
}

test('the theme toggle switches, persists, and applies before the app starts', async () => {
  const page = await site.page({ colorScheme: 'light' });
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      window.__themeAtDomReady = document.documentElement.dataset.theme ?? null;
    });
  });
  await page.goto(`${site.server.url}/ru/`);
  await heading(page);
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await bg();
  await page.getByRole('button', { name: locales.ru.theme_to_dark }).click();
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  assert.notEqual(await bg(), light);
  await page.getByRole('button', { name: locales.ru.theme_to_light }).waitFor();
  // A new visit starts dark before any wasm runs: no flash of the light theme.
  await page.goto(`${site.server.url}/en/blog/${withCode('en').slug}`);
  await heading(page);
  assert.equal(await page.evaluate(() => window.__themeAtDomReady), 'dark');
  await page.getByRole('button', { name: locales.en.theme_to_light }).click();
  assert.equal(await page.getAttribute('html', 'data-theme'), 'light');
  assert.equal(await bg(), light);
  await page.context().close();
});

test('with no choice saved the theme follows the system setting', async () => {
  const page = await site.page({ colorScheme: 'dark' });
  await page.goto(`${site.server.url}/en/`);
  await heading(page);
  assert.equal(await page.getAttribute('html', 'data-theme'), null);
  await page.getByRole('button', { name: locales.en.theme_to_light }).waitFor();
  await page.context().close();
});

for (const lang of ['en', 'ru']) {
  test(`${lang}: an article ends with newer/older neighbours and three related articles`, async () => {
    const index = contentIndex(lang);
    const [newest, middle, oldest] = index.posts;
    const page = await site.page();
    await page.goto(`${site.server.url}/${lang}/blog/${middle.slug}`);
    await headingIs(page, middle.title);
    await markDocument(page);
    const nav = page.getByRole('navigation', { name: locales[lang].more_articles_label });
    assert.equal(await page.locator('.related article.card').count(), 3);
    const relatedTags = await page.locator('.related article.card').first().locator('.tag').allTextContents();
    assert.ok(relatedTags.some((t) => middle.tags.some((m) => m.name === t.trim())), 'first related shares a tag');
    await nav.getByRole('link', { name: new RegExp(locales[lang].older_article) }).click();
    await headingIs(page, oldest.title);
    await page.getByRole('navigation', { name: locales[lang].more_articles_label })
      .getByRole('link', { name: new RegExp(locales[lang].newer_article) }).click();
    await headingIs(page, middle.title);
    await page.getByRole('navigation', { name: locales[lang].more_articles_label })
      .getByRole('link', { name: new RegExp(locales[lang].newer_article) }).click();
    await headingIs(page, newest.title);
    // The newest article has no newer neighbour.
    assert.equal(await page.locator('.post-nav__newer').count(), 0);
    assert.ok(await sameDocument(page));
    await page.context().close();
  });
}

test('feeds, sitemap and robots.txt are served as files and linked from the head', async () => {
  const page = await site.page();
  for (const [path, type] of [['/en/feed.xml', '<rss'], ['/ru/feed.xml', '<rss'], ['/sitemap.xml', '<urlset'], ['/robots.txt', 'Sitemap:']]) {
    const response = await page.request.get(`${site.server.url}${path}`);
    assert.equal(response.status(), 200, path);
    assert.ok((await response.text()).includes(type), path);
  }
  const ru = await (await page.request.get(`${site.server.url}/ru/feed.xml`)).text();
  assert.ok(ru.includes(`<title>${contentIndex('ru').posts[0].title}</title>`));
  await page.goto(`${site.server.url}/ru/`);
  await heading(page);
  const feeds = await page.locator('link[rel="alternate"][type="application/rss+xml"]').evaluateAll((links) =>
    links.map((l) => [l.title, new URL(l.href).pathname]),
  );
  // Named by title only: `hreflang` is for the page's own alternates.
  assert.deepEqual(feeds, [
    ['Engineering Insights (English)', '/en/feed.xml'],
    ['Инженерные инсайты (русский)', '/ru/feed.xml'],
  ]);
  await page.context().close();
});

for (const lang of ['en', 'ru']) {
  test(`${lang}: the table of contents links every section and marks the one being read`, async () => {
    const slug = 'vector-index-tuning';
    const page = await site.page({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${site.server.url}/${lang}/blog/${slug}`);
    await heading(page);
    const toc = page.getByRole('navigation', { name: locales[lang].toc_title });
    assert.ok(await toc.getByRole('link').first().isVisible(), 'shown beside the article on wide screens');
    const links = toc.getByRole('link');
    const sections = await page.locator('.prose h2, .prose h3').count();
    assert.equal(await links.count(), sections);
    const target = links.nth(4);
    const href = await target.getAttribute('href');
    await target.click();
    const id = decodeURIComponent(href.split('#')[1]);
    await page.waitForFunction((want) => decodeURIComponent(location.hash) === `#${want}`, id);
    const top = await page.evaluate((want) => document.getElementById(want).getBoundingClientRect().top, id);
    assert.ok(top >= -2 && top < 200, `section scrolled into view (top ${top})`);
    await page.waitForFunction(() => document.querySelector('.toc a[aria-current="location"]') !== null);
    assert.equal(await toc.locator('a[aria-current="location"]').getAttribute('href'), href);
    await page.context().close();
  });
}

test('on a narrow screen the table of contents starts collapsed and opens on demand', async () => {
  const page = await site.page({ viewport: { width: 360, height: 740 } });
  await page.goto(`${site.server.url}/ru/blog/vector-index-tuning`);
  await heading(page);
  const toc = page.getByRole('navigation', { name: locales.ru.toc_title });
  assert.equal(await toc.locator('details').evaluate((d) => d.open), false);
  assert.equal(await toc.getByRole('link').first().isVisible(), false);
  await toc.locator('summary').click();
  assert.ok(await toc.getByRole('link').first().isVisible());
  await page.context().close();
});

test('the table of contents leaves no error behind when articles change quickly', async () => {
  const page = await site.page({ viewport: { width: 1400, height: 900 } });
  const posts = contentIndex('en').posts.slice(0, 3);
  await page.goto(`${site.server.url}/en/blog/${posts[0].slug}`);
  await heading(page);
  // Each table of contents is replaced before (and after) it starts watching
  // its sections: in the same task, in the next, and after a frame or more
  // (the first round loads the articles, the others find them at hand).
  for (const wait of [400, 0, 1, 50]) {
    await page.evaluate(
      async ([paths, ms]) => {
        for (const path of paths) {
          history.pushState(null, '', path);
          dispatchEvent(new PopStateEvent('popstate'));
          if (ms) await new Promise((resolve) => setTimeout(resolve, ms));
        }
      },
      [posts.flatMap((p) => [`/en/blog/${p.slug}`, `/ru/blog/${p.slug}`]), wait],
    );
    await page.mouse.wheel(0, 1500);
    await page.waitForTimeout(300);
    await page.mouse.wheel(0, -1500);
    await page.waitForTimeout(300);
  }
  await headingIs(page, contentIndex('ru').posts.find((p) => p.slug === posts.at(-1).slug).title);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
