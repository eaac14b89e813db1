// Tags in real Chromium: tag links on cards and articles, a view per tag, the
// list of all tags with counts, and 404 for a tag that does not exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { siteFor, locales, contentIndex, heading, markDocument, sameDocument, headingIs } from './support.mjs';

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
    assert.deepEqual(titles, expected);
    const count = index.tags.find((t) => t.slug === tag.slug).count;
    assert.equal(expected.length, count);
    assert.equal(await page.title(), `${locales[lang].tagged_title.replace('{tag}', tag.name)} — ${locales[lang].site_name}`);
    await page.getByRole('link', { name: locales[lang].back_to_articles }).click();
    await headingIs(page, locales[lang].site_name);
    assert.ok(await sameDocument(page));
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });

  test(`${lang}: all tags are listed with their counts in the page's language`, async () => {
    const page = await site.page();
    await page.goto(`${site.server.url}/${lang}/`);
    await page.getByRole('link', { name: locales[lang].all_tags }).click();
    await headingIs(page, locales[lang].all_tags);
    const items = page.locator('.tag-index a');
    assert.equal(await items.count(), index.tags.length);
    for (const [i, tag] of index.tags.entries()) {
      assert.equal((await items.nth(i).locator('.tag-index__name').textContent()).trim(), tag.name);
      assert.equal((await items.nth(i).locator('.tag-index__count').textContent()).trim(), String(tag.count));
    }
    // Switching language keeps the tag list.
    const other = lang === 'en' ? 'ru' : 'en';
    await page.getByRole('link', { name: other === 'ru' ? 'Русский' : 'English' }).click();
    await headingIs(page, locales[other].all_tags);
    await page.context().close();
  });

  test(`${lang}: an unknown tag shows the 404 view`, async () => {
    const page = await site.page();
    await page.goto(`${site.server.url}/${lang}/tags/kubernetes`);
    await headingIs(page, locales[lang].not_found_title);
    await page.context().close();
  });
}
