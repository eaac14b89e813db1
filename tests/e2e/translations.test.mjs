// Articles written in one language, in real Chromium: the other language's
// index marks them, their page there is the original under a notice (never a
// 404), search engines are pointed at the original, and the language switcher
// says which language has no translation. Run against the fetched build, and
// against the bundled one with E2E_DIST=dist-bundled (bundled.test.mjs does).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { siteFor, locales, contentIndex, headingIs, markDocument, sameDocument, appReady, ROOT, searchSlugs } from './support.mjs';

const dist = process.env.E2E_DIST ?? 'dist';
const site = siteFor(dist);
const other = { en: 'ru', ru: 'en' };
const native = { en: 'English', ru: 'Русский' };

// Every article of the content written in one language only: [written in, shown in, card].
const untranslated = ['en', 'ru'].flatMap((lang) =>
  contentIndex(lang)
    .posts.filter((p) => p.written_in)
    .map((card) => ({ original: card.written_in, lang, card })),
);

test('the content has articles written in one language, in each direction', () => {
  // The site shows the feature with real articles (see content/README.md).
  assert.deepEqual([...new Set(untranslated.map((u) => u.lang))].sort(), ['en', 'ru']);
});

for (const { original, lang, card } of untranslated) {
  const t = locales[lang];
  const url = `/${lang}/blog/${card.slug}`;

  test(`${lang}: the index marks the ${original} article «${card.slug}» and its page is the original under a notice`, async () => {
    const page = await site.page();
    const response = await page.goto(`${site.server.url}/${lang}/`);
    assert.equal(response.status(), 200);
    const item = page.locator('article.card', { has: page.getByRole('link', { name: card.title, exact: true }) });
    await item.waitFor();
    assert.equal(await item.locator('h3').getAttribute('lang'), original);
    assert.equal(await item.locator('.card__summary').getAttribute('lang'), original);
    assert.equal((await item.locator('.badge').first().textContent()).trim(), t.in_other_language);
    await appReady(page);
    await markDocument(page);
    await item.getByRole('link', { name: card.title, exact: true }).click();
    await headingIs(page, card.title);
    assert.equal(new URL(page.url()).pathname, url);
    assert.ok(await sameDocument(page), 'a client-side navigation');
    await checkFallback(page, { original, lang, card });
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });

  test(`${lang}: «${card.slug}» opened directly is a prerendered page with the original's canonical URL`, async () => {
    const page = await site.page();
    const response = await page.goto(`${site.server.url}${url}`);
    assert.equal(response.status(), 200, 'not a 404');
    await checkFallback(page, { original, lang, card });
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    assert.ok(canonical.endsWith(`/${original}/blog/${card.slug}`), canonical);
    const hreflangs = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) =>
      links.map((l) => [l.hreflang, new URL(l.href).pathname]),
    );
    assert.deepEqual(hreflangs, [
      [original, `/${original}/blog/${card.slug}`],
      ['x-default', `/${original}/blog/${card.slug}`],
    ]);
    await page.context().close();
  });

  test(`${original}: on «${card.slug}» the switcher says ${lang} has no translation and still leads to its page`, async () => {
    const page = await site.page();
    await page.goto(`${site.server.url}/${original}/blog/${card.slug}`);
    await appReady(page);
    const link = page.locator('.lang-switch a', { hasText: native[lang] });
    const name = (await link.textContent()).replace(/\s+/g, ' ').trim();
    assert.equal(name, `${native[lang]} (${locales[original].not_translated})`);
    await markDocument(page);
    await link.click();
    await headingIs(page, card.title);
    assert.equal(new URL(page.url()).pathname, url);
    assert.ok(await sameDocument(page));
    await checkFallback(page, { original, lang, card });
    // And back: the original's switcher offers the page's language without a note.
    const back = page.locator('.lang-switch a', { hasText: native[original] });
    assert.equal((await back.textContent()).trim(), native[original]);
    await back.click();
    await headingIs(page, card.title);
    assert.equal(new URL(page.url()).pathname, `/${original}/blog/${card.slug}`);
    assert.equal(await page.locator('.notice').count(), 0);
    // The note is back, set by the page the app rendered this time.
    const again = (await link.textContent()).replace(/\s+/g, ' ').trim();
    assert.equal(again, `${native[lang]} (${locales[original].not_translated})`);
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });
}

/** The page of an untranslated article: the frame in the reader's language, the
 * notice in it, the article in its original's. */
async function checkFallback(page, { original, lang, card }) {
  await page.locator('.notice').waitFor();
  assert.equal((await page.locator('.notice').textContent()).trim(), locales[lang].untranslated_notice);
  assert.equal(await page.locator('html').getAttribute('lang'), lang);
  assert.equal(await page.locator('main article.article').getAttribute('lang'), original);
  assert.equal((await page.locator('main h1').textContent()).trim(), card.title);
  assert.equal(
    (await page.locator('.skip-link').textContent()).trim(),
    locales[lang].skip_to_content,
    'the frame speaks the reader’s language',
  );
}

test('the sitemap, feeds and search of a language leave out the articles it shows untranslated', { skip: dist !== 'dist' }, () => {
  const sitemap = fs.readFileSync(path.join(ROOT, dist, 'sitemap.xml'), 'utf8');
  for (const { original, lang, card } of untranslated) {
    assert.ok(!sitemap.includes(`/${lang}/blog/${card.slug}<`), `${lang}/${card.slug} in the sitemap`);
    assert.ok(sitemap.includes(`/${original}/blog/${card.slug}<`), `${original}/${card.slug} missing`);
    const feed = fs.readFileSync(path.join(ROOT, dist, lang, 'feed.xml'), 'utf8');
    assert.ok(!feed.includes(`/${lang}/blog/${card.slug}<`) && !feed.includes(`/${original}/blog/${card.slug}<`));
    const content = path.join(ROOT, dist, 'content');
    assert.ok(!searchSlugs(content, lang).includes(card.slug), `${lang} search has ${card.slug}`);
    assert.ok(searchSlugs(content, original).includes(card.slug), `${original} search lacks ${card.slug}`);
    assert.ok(fs.existsSync(path.join(ROOT, dist, lang, 'blog', `${card.slug}.html`)), 'prerendered');
  }
});
