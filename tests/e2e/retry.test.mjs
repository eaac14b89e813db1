// Every way a content document can fail to arrive, in one table: a server error,
// no connection, no answer in time, a missing document, or a damaged one. Each
// shows a translated error where the document's view would be, keeps the rest of
// the app usable, and the reader's retry brings the view back once the host
// recovers. (Offline reading through the service worker, with its own retry, is
// in offline.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { siteFor, locales, contentIndex, indexPage, heading, headingIs, appReady } from './support.mjs';

const site = siteFor(process.env.E2E_DIST ?? 'dist');

/** An article listed on the first index page, so a click on the index opens it. */
const articleOf = (lang) => indexPage(lang).posts[3];

/** The views a failed document leaves in place: how the reader reaches them, the
 * document they need, where the error is shown, and what recovered looks like. */
const views = {
  article: {
    document: (lang) => `**/content/${lang}/posts/${articleOf(lang).slug}.json`,
    async open(page, lang) {
      await page.goto(`${site.server.url}/${lang}/`);
      await heading(page);
      await page.getByRole('link', { name: articleOf(lang).title }).click();
    },
    alert: (page) => page.getByRole('alert'),
    async recovered(page, lang) {
      await headingIs(page, articleOf(lang).title);
    },
  },
  index: {
    document: (lang) => `**/content/${lang}/pages/1.json`,
    // A prerendered index carries its page; the app fetches it on the way there.
    async open(page, lang) {
      await page.goto(`${site.server.url}/${lang}/tags/`);
      await appReady(page);
      await page.getByRole('banner').getByRole('link', { name: locales[lang].site_name }).click();
    },
    alert: (page) => page.getByRole('alert'),
    async recovered(page, lang) {
      await page.locator('article.card').first().waitFor();
      assert.equal(await page.locator('article.card').count(), indexPage(lang).posts.length);
    },
  },
  search: {
    document: (lang) => `**/content/${lang}/search.json`,
    async open(page, lang) {
      await page.goto(`${site.server.url}/${lang}/`);
      await heading(page);
      const box = page.getByRole('combobox', { name: locales[lang].search_label });
      await box.click();
      await box.pressSequentially('webhook');
    },
    alert: (page) => page.locator('.search__dropdown').getByRole('alert'),
    async recovered(page, lang) {
      await page.locator('.search__results[aria-busy=false]').waitFor();
      const titles = (await page.locator('.search__title').allTextContents()).map((t) => t.trim());
      const webhook = contentIndex(lang).posts.find((p) => p.slug === 'webhook-delivery-architecture').title;
      assert.ok(titles.includes(webhook), titles.join(' | '));
      const box = page.getByRole('combobox', { name: locales[lang].search_label });
      assert.ok(await box.evaluate((el) => el === document.activeElement), 'focus stays in the field');
    },
  },
};

/** The host answers with `status` and a body. */
const status = (code, contentType = 'text/plain', body = 'boom') => (route) =>
  route.fulfill({ status: code, contentType, body });

/** The host answers 200 with the real document changed by `change`. */
const damaged = (change) => async (route) => {
  const real = await (await route.fetch()).text();
  await route.fulfill({ status: 200, contentType: 'application/json', body: change(real) });
};

/** The host never answers: the app gives up on its own. */
const silent = async (route) => {
  await new Promise((resolve) => setTimeout(resolve, 12000));
  await route.abort().catch(() => {});
};

/** While the document is failing, search and the header still work. */
async function usableAround(page, lang) {
  await page.getByRole('combobox').fill(lang === 'en' ? 'cache' : 'кэш');
  await page.getByRole('option').first().waitFor();
  await page.keyboard.press('Escape');
}

/** The message `t` has for a status code. */
const statusText = (code) => (t) => t.error_status.replace('{n}', code);

// [case, view, language, how the host fails, the message shown, checks while it fails,
//  whether the console stays clean (a failed request is itself logged)]
const CASES = [
  ['a server error (500)', 'article', 'ru', status(500), statusText('500'), errorTitleShown, false],
  ['truncated JSON', 'article', 'en', damaged((real) => real.slice(0, Math.floor(real.length / 2))), (t) => t.error_format, usableAround, true],
  ['a JSON of the wrong shape', 'article', 'ru', damaged(() => '{"lang":"ru","meta":{"slug":42},"html":[]}'), (t) => t.error_format, usableAround, true],
  ['an HTML error page with status 200', 'article', 'en', damaged(() => '<!doctype html><title>Oops</title>'), (t) => t.error_format, usableAround, true],
  ['an article of another language', 'article', 'ru', damaged((real) => real.replace('"lang":"ru"', '"lang":"en"')), (t) => t.error_format, usableAround, true],
  ['no answer in time', 'article', 'en', silent, (t) => t.error_timeout, null, false],
  ['an unreachable server', 'index', 'en', (route) => route.abort('failed'), (t) => t.error_network, indexStaysUsable, false],
  ['a missing first page (404)', 'index', 'en', status(404, 'text/html', 'Not found'), statusText('404'), errorIsASectionOfTheIndex, false],
  ['a server error (500)', 'search', 'en', status(500), statusText('500'), noLoadingNote, false],
  ['no connection', 'search', 'en', (route) => route.abort('internetdisconnected'), (t) => t.error_network, noLoadingNote, false],
];

/** The article's error says what it is about, under its own title. */
async function errorTitleShown(page, lang) {
  await page.getByRole('alert').getByText(locales[lang].error_title).waitFor();
}

/** The index's title, the language switch and search stay around the error. */
async function indexStaysUsable(page, lang) {
  await headingIs(page, locales[lang].site_name);
  assert.ok(await page.getByRole('banner').getByRole('link', { name: 'Русский' }).isVisible());
  assert.ok(await page.getByRole('combobox').isVisible());
}

/** `/en/` exists whatever its documents say: not the 404 view, but the error in
 * place of the list, under the index's own title. */
async function errorIsASectionOfTheIndex(page, lang) {
  await headingIs(page, locales[lang].site_name);
  assert.equal(await page.getByRole('alert').getByRole('heading', { level: 2 }).count(), 1);
}

/** The failed search no longer says it is loading. */
async function noLoadingNote(page, lang) {
  for (const note of [locales[lang].search_loading_index, locales[lang].search_loading_results]) {
    assert.equal(await page.locator('.search__dropdown').getByText(note).count(), 0);
  }
}

for (const [name, view, lang, fail, message, whileFailing, quiet] of CASES) {
  test(`${view}: ${name} shows a translated error; retry recovers`, async () => {
    const { document, open, alert: alertOf, recovered } = views[view];
    const t = locales[lang];
    const page = await site.page();
    let failing = true;
    await page.route(document(lang), (route) => (failing ? fail(route) : route.continue()));
    await open(page, lang);
    const alert = alertOf(page);
    await alert.getByText(message(t)).waitFor({ timeout: 20000 });
    await whileFailing?.(page, lang);
    failing = false;
    await alert.getByRole('button', { name: t.retry }).click();
    await recovered(page, lang);
    assert.equal(await alert.count(), 0);
    if (quiet) assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });
}
