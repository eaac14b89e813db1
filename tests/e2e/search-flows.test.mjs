// Search flows whose queries and answers come from the content, so they run on
// the real site and on a generated archive of thousands of articles per
// language (scripts/test builds one with `scripts/build --content` and runs this
// file against it): the words of an article's title find it first; a query
// loads only the parts of the index its words reach and the documents of the
// results shown, each once, and a longer query only what it adds; a word typed
// letter by letter loads at most a few parts a keystroke, however many its first
// letters reach; the keys open a result client-side; a deploy mid-search asks for
// a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, siteFor, locales, contentIndex, heading, headingIs, sameDocument, searchSlugs, searchIndex, openSearch as open, searchResults as results, CONTENT } from './support.mjs';
import { typeSettled } from './typing.mjs';

const site = siteFor(process.env.E2E_DIST ?? 'dist');

/** The `n` longest distinct words (four letters or more) of the title of the
 * `i`-th newest article written in `lang` (the index also lists articles shown
 * untranslated, which its search does not hold): a query that finds it first,
 * as a title match outweighs any number of matches in the text. */
function titleQuery(lang, i, n) {
  const post = contentIndex(lang).posts.filter((p) => !p.written_in)[i];
  const words = post.title
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 4);
  const longest = [...new Set(words)].sort((a, b) => b.length - a.length || a.localeCompare(b)).slice(0, n);
  return { post, words: longest };
}

const openSearch = (page, lang) => open(site, page, lang);

for (const lang of ['en', 'ru']) {
  test(`${lang}: an article's title words find it first, loading only the parts and results they need, each once`, async () => {
    const index = searchIndex(lang);
    const slugs = searchSlugs(CONTENT, lang);
    const { post, words } = titleQuery(lang, 0, 3);
    const page = await site.page();
    const box = await openSearch(page, lang);
    // Typed key by key, as a reader types: every prefix on the way is a query.
    await box.pressSequentially(words.slice(0, 2).join(' '));
    const first = await results(page);
    assert.equal(first[0], post.title, `${words.slice(0, 2)}: ${first.join(' | ')}`);
    await page.waitForLoadState('networkidle');
    const partsOf = () => page.contentRequests.filter((p) => p.startsWith(`/content/${lang}/search/${index.parts_version}/`));
    const before = partsOf();
    assert.equal(new Set(before).size, before.length, `each part once: ${before}`);
    if (index.parts.length > 1) assert.ok(before.length < index.parts.length, `${before.length} of ${index.parts.length} parts`);
    // A third word: only the parts it adds.
    await box.pressSequentially(` ${words[2] ?? words[0]}`);
    const titles = await results(page);
    assert.equal(titles[0], post.title, titles.join(' | '));
    assert.ok((await page.locator('.search__results mark').count()) > 0, 'matched words marked');
    await page.waitForLoadState('networkidle');
    const after = partsOf();
    assert.equal(new Set(after).size, after.length, `each part once: ${after}`);
    // The results' documents: those shown, each once, never all.
    const docs = page.contentRequests.filter((p) => p.startsWith(`/content/${lang}/search/${index.version}/`));
    assert.equal(new Set(docs).size, docs.length, `each result once: ${docs}`);
    const shown = await page
      .locator('.search__results [role=option]')
      .evaluateAll((links) => links.map((a) => new URL(a.href).pathname.split('/').pop()));
    for (const slug of shown) {
      assert.ok(docs.includes(`/content/${lang}/search/${index.version}/${slugs.indexOf(slug)}.json`), `${slug} requested`);
    }
    assert.ok(docs.length < slugs.length, `${docs.length} of ${slugs.length} result documents`);
    // Enter opens the first result client-side.
    await page.keyboard.press('Enter');
    await headingIs(page, post.title);
    assert.equal(new URL(page.url()).pathname, `/${lang}/blog/${post.slug}`);
    assert.ok(await sameDocument(page), 'no reload');
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });
}

/** The most parts of the index one query word may reach, as `search::MAX_PARTS`
 * has it (read from its source). */
const MAX_PARTS = Number(/const MAX_PARTS: usize = (\d+);/.exec(fs.readFileSync(path.join(ROOT, 'src/search.rs'), 'utf8'))[1]);

/** The parts of `index` that may hold forms starting with `prefix`, as
 * `SearchIndex::parts_for_prefix` counts them. */
function reach(index, prefix) {
  const start = Math.max(0, index.parts.filter((first) => first <= prefix).length - 1);
  let end = start + 1;
  while (end < index.parts.length && index.parts[end].startsWith(prefix)) end++;
  return end - start;
}

for (const lang of ['en', 'ru']) {
  test(`${lang}: typed letter by letter, no keystroke loads more than ${MAX_PARTS} parts of the index, however many its first letters reach`, async () => {
    const index = searchIndex(lang);
    // The title word whose first two letters start the forms of the most parts
    // (in a large archive, "pr" reaches dozens).
    const titleWords = contentIndex(lang)
      .posts.filter((p) => !p.written_in)
      .flatMap((p) => p.title.toLowerCase().split(/[^\p{L}\p{N}]+/u))
      .filter((w) => [...w].length >= 6);
    const reachOf = (w) => reach(index, [...w].slice(0, 2).join(''));
    const word = [...new Set(titleWords)].sort((a, b) => reachOf(b) - reachOf(a) || a.localeCompare(b))[0];
    const page = await site.page();
    await openSearch(page, lang);
    await page.waitForLoadState('networkidle');
    const partsOf = () => page.contentRequests.filter((p) => p.startsWith(`/content/${lang}/search/${index.parts_version}/`));
    const letters = [...word];
    for (let i = 1; i <= letters.length; i++) {
      const before = partsOf().length;
      const prefix = letters.slice(0, i).join('');
      await page.evaluate(typeSettled, prefix);
      const loaded = partsOf().length - before;
      assert.ok(loaded <= MAX_PARTS, `"${prefix}" (its first two letters reach ${reachOf(word)} of ${index.parts.length} parts) loaded ${loaded} parts`);
    }
    // The whole word is looked up as a prefix again: its articles are listed.
    assert.ok((await results(page)).length > 0, `${word} finds its article`);
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });
}

test('a query that matches nothing says so, and a deploy mid-search asks for a reload that finds again', async () => {
  const page = await site.page();
  const box = await openSearch(page, 'en');
  await box.fill('zzqxv');
  await page.getByText(locales.en.search_no_results.replace('{q}', 'zzqxv')).waitFor();
  const { post, words } = titleQuery('en', 1, 2);
  await box.fill(words.join(' '));
  assert.equal((await results(page))[0], post.title);
  // The site is deployed again: the parts and results this index names are gone.
  let deployed = true;
  await page.route('**/content/en/search/**', (route) =>
    deployed ? route.fulfill({ status: 404, contentType: 'text/html', body: 'Not found' }) : route.continue(),
  );
  const other = titleQuery('en', 2, 2);
  await box.fill(`${other.words.join(' ')} zzqxv`);
  const alert = page.locator('.search__dropdown').getByRole('alert');
  await alert.getByText(locales.en.search_reload_hint).waitFor();
  deployed = false;
  await alert.getByRole('button', { name: locales.en.reload }).click();
  await page.waitForFunction(() => window.__notReloaded !== true);
  await heading(page);
  const fresh = page.getByRole('combobox', { name: locales.en.search_label });
  await fresh.click();
  await fresh.fill(other.words.join(' '));
  assert.equal((await results(page))[0], other.post.title);
  await page.context().close();
});
