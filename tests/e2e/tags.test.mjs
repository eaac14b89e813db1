// Tags in real Chromium: tag links on cards and articles, a view per tag, the
// list of all tags with counts, and 404 for a tag that does not exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { siteFor, locales, contentIndex, heading, markDocument, sameDocument, headingIs, PAGE_SIZE, TAG_PAGE_SIZE } from './support.mjs';

const site = siteFor(process.env.E2E_DIST ?? 'dist');

for (const lang of ['en', 'ru']) {
  const index = contentIndex(lang);

  test(`${lang}: a tag on a card leads client-side to that tag's articles and back`, async () => {
    const page = await site.page();
    await page.goto(`${site.server.url}/${lang}/`);
    await page.locator('article.card').first().waitFor();
    await markDocument(page);
    const tag = index.posts[0].tags[0];
    await page.locator('article.card').first().getByRole('link', { name: tag.name, exact: true }).click();
    await headingIs(page, tag.name);
    assert.equal(new URL(page.url()).pathname, `/${lang}/tags/${tag.slug}`);
    const expected = index.posts.filter((p) => p.tags.some((t) => t.slug === tag.slug)).map((p) => p.title);
    const titles = (await page.locator('article.card h3').allTextContents()).map((t) => t.trim());
    // The first page of them (all, unless the tag has more than a page).
    assert.deepEqual(titles, expected.slice(0, PAGE_SIZE));
    const count = index.tags.find((t) => t.slug === tag.slug).count;
    assert.equal(expected.length, count);
    assert.equal(await page.title(), `${locales[lang].tagged_title.replace('{tag}', tag.name)} — ${locales[lang].site_name}`);
    await page.getByRole('link', { name: locales[lang].back_to_articles }).click();
    await headingIs(page, locales[lang].site_name);
    assert.ok(await sameDocument(page));
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });

  test(`${lang}: all tags are listed with their counts in the page's language, ${TAG_PAGE_SIZE} a page`, async () => {
    const t = locales[lang];
    const page = await site.page();
    await page.goto(`${site.server.url}/${lang}/`);
    await markDocument(page);
    await page.getByRole('link', { name: t.all_tags }).click();
    await headingIs(page, t.all_tags);
    const pages = Math.max(1, Math.ceil(index.tags.length / TAG_PAGE_SIZE));
    const nav = page.getByRole('navigation', { name: t.tags_pagination_label });
    const items = page.locator('.tag-index a');
    const listed = [];
    for (let n = 1; n <= pages; n++) {
      if (n > 1) {
        await nav.getByRole('link', { name: t.next_tags }).click();
        await page.waitForURL((url) => url.pathname === `/${lang}/tags/page/${n}`);
        await page.locator('.tag-index a', { hasText: index.tags[(n - 1) * TAG_PAGE_SIZE].name }).first().waitFor();
      }
      const shown = index.tags.slice((n - 1) * TAG_PAGE_SIZE, n * TAG_PAGE_SIZE);
      assert.equal(await items.count(), shown.length, `page ${n}`);
      for (const [i, tag] of shown.entries()) {
        assert.equal((await items.nth(i).locator('.tag-index__name').textContent()).trim(), tag.name);
        assert.equal((await items.nth(i).locator('.tag-index__count').textContent()).trim(), String(tag.count));
        listed.push(tag.slug);
      }
      assert.equal(await nav.count(), pages > 1 ? 1 : 0, 'page links only when there are pages');
      if (pages > 1) {
        assert.equal((await nav.locator('[aria-current=page]').textContent()).trim(), t.page_of.replace('{page}', n).replace('{pages}', pages));
      }
    }
    assert.deepEqual(listed, index.tags.map((tag) => tag.slug), 'every tag once, most used first');
    assert.ok(await sameDocument(page), 'no reload');
    // Switching language keeps the tag list and its page.
    const other = lang === 'en' ? 'ru' : 'en';
    await page.getByRole('link', { name: other === 'ru' ? 'Русский' : 'English' }).click();
    await headingIs(page, locales[other].all_tags);
    assert.equal(new URL(page.url()).pathname, pages > 1 ? `/${other}/tags/page/${pages}` : `/${other}/tags/`);
    await page.context().close();
  });

  test(`${lang}: a page of the tag list past the last, and the reserved tag, are the 404 page`, async () => {
    const pages = Math.max(1, Math.ceil(index.tags.length / TAG_PAGE_SIZE));
    const page = await site.page();
    for (const path of [`/${lang}/tags/page/${pages + 1}`, `/${lang}/tags/page`, `/${lang}/tags/page/1`]) {
      const response = await page.goto(`${site.server.url}${path}`);
      assert.equal(response.status(), 404, path);
      await headingIs(page, locales[lang].not_found_title);
    }
    await page.context().close();
  });

  test(`${lang}: an unknown tag shows the 404 view`, async () => {
    const page = await site.page();
    await page.goto(`${site.server.url}/${lang}/tags/kubernetes`);
    await headingIs(page, locales[lang].not_found_title);
    await page.context().close();
  });
}
