// What a reader does before the app is ready survives the takeover: the app
// starts after the page has loaded (prerender/: the start-up script waits for
// `load` and an idle moment), and the tests hold its wasm back to act first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { siteFor, locales, contentIndex, appReady, headingIs, markDocument, sameDocument } from './support.mjs';

const site = siteFor(process.env.E2E_DIST ?? 'dist');

/** A page whose main wasm (or the files `held` matches) is held back until the
 * returned `release()`. */
async function heldBack(options, held = /_bg\.wasm$/) {
  const page = await site.page(options);
  let release;
  const released = new Promise((resolve) => {
    release = resolve;
  });
  await page.route(held, async (route) => {
    await released;
    await route.continue();
  });
  return { page, release };
}

const notReady = (page) => page.evaluate(() => document.documentElement.dataset.app !== 'ready');

test('the page fetches nothing of the app until it is on screen and loaded', async () => {
  const page = await site.page();
  await page.addInitScript(() => {
    window.__loadAt = null;
    window.__paintedAt = null;
    addEventListener('load', () => {
      window.__loadAt = performance.now();
    });
    // When the largest paint was reported (it is on screen by then).
    new PerformanceObserver(() => {
      window.__paintedAt ??= performance.now();
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  // An article: its page names its document, which must wait too.
  const slug = contentIndex('en').posts[0].slug;
  await page.goto(`${site.server.url}/en/blog/${slug}`);
  assert.equal(await page.locator('link[rel=modulepreload], link[rel=preload]').count(), 0);
  await appReady(page);
  const { fetched, load, painted } = await page.evaluate(() => ({
    fetched: performance
      .getEntriesByType('resource')
      .filter((e) => /\.(js|wasm|json)$/.test(new URL(e.name).pathname))
      .map((e) => [new URL(e.name).pathname, e.startTime]),
    load: window.__loadAt,
    painted: window.__paintedAt,
  }));
  assert.ok(load !== null && painted !== null, JSON.stringify({ load, painted }));
  for (const kind of [/_bg\.wasm$/, /\.js$/, new RegExp(`/posts/${slug}\.json$`)]) {
    assert.ok(fetched.some(([name]) => kind.test(name)), `${kind} was fetched: ${JSON.stringify(fetched)}`);
  }
  for (const [name, start] of fetched) {
    assert.ok(start >= load && start >= painted, `${name} at ${start} ms, load ${load}, largest paint reported ${painted}`);
  }
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('the theme toggled before the app is ready stays toggled, with the right label', async () => {
  const { page, release } = await heldBack({ colorScheme: 'light' });
  await page.goto(`${site.server.url}/ru/`);
  assert.ok(await notReady(page));
  await page.getByRole('button', { name: locales.ru.theme_to_dark }).click();
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  // Its label now offers the way back, before the app and after it.
  await page.getByRole('button', { name: locales.ru.theme_to_light }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('theme')), 'dark');
  release();
  await appReady(page);
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  const toggle = page.getByRole('button', { name: locales.ru.theme_to_light });
  await toggle.click();
  assert.equal(await page.getAttribute('html', 'data-theme'), 'light', 'one click, one switch after takeover');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a theme toggle clicked before the start-up module has arrived is applied when it does', async () => {
  // The page's inline script only keeps the click (public/boot.js); the start-up
  // module, held back here, makes the switch when it runs.
  const { page, release } = await heldBack({ colorScheme: 'light' }, /\/start-[0-9a-f]{16}\.js$/);
  await page.goto(`${site.server.url}/en/`);
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  await page.getByRole('button', { name: locales.en.theme_to_dark }).click();
  assert.equal(await page.getAttribute('html', 'data-theme'), null, 'nothing switched the theme yet');
  release();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  await page.getByRole('button', { name: locales.en.theme_to_light }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('theme')), 'dark');
  await appReady(page);
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  await page.getByRole('button', { name: locales.en.theme_to_light }).click();
  assert.equal(await page.getAttribute('html', 'data-theme'), 'light', 'one click, one switch after takeover');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('text typed into search before the app is ready keeps its focus and caret, and finds results', async () => {
  const { page, release } = await heldBack();
  await page.goto(`${site.server.url}/ru/`);
  assert.ok(await notReady(page));
  const box = page.getByRole('combobox', { name: locales.ru.search_label });
  await box.click();
  await box.pressSequentially('кэширование');
  // The caret in the middle of the word, as a reader correcting it would leave it.
  await box.evaluate((el) => el.setSelectionRange(4, 4));
  release();
  await appReady(page);
  const field = await box.evaluate((el) => ({
    value: el.value,
    focused: el === document.activeElement,
    caret: [el.selectionStart, el.selectionEnd],
  }));
  assert.deepEqual(field, { value: 'кэширование', focused: true, caret: [4, 4] });
  await page.locator('.search__results[aria-busy=false]').waitFor();
  assert.ok((await page.locator('.search__title').count()) > 0, 'results for the text typed');
  // Typing goes on in the app's field.
  await page.keyboard.press('End');
  await page.keyboard.type(' ');
  assert.equal(await box.inputValue(), 'кэширование ');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a link clicked before the app is ready opens its page', async () => {
  const { page, release } = await heldBack();
  const post = contentIndex('en').posts[1];
  await page.goto(`${site.server.url}/en/`);
  assert.ok(await notReady(page));
  await page.getByRole('link', { name: post.title }).first().click();
  await page.waitForURL(`**/en/blog/${post.slug}`);
  release();
  await headingIs(page, post.title);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('the adopted view is the app’s after the first navigation, and back again', async () => {
  const page = await site.page();
  const [first, second] = contentIndex('en').posts;
  await page.goto(`${site.server.url}/en/blog/${first.slug}`);
  await appReady(page);
  // The copy buttons and the table of contents work on the prerendered view.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const copy = page.locator('main button.copy').first();
  if (await copy.count()) {
    await copy.click();
    await page.locator('main button.copy', { hasText: locales.en.copied }).first().waitFor();
  }
  await page.getByRole('link', { name: second.title }).first().click();
  await headingIs(page, second.title);
  assert.equal(await page.locator('main').count(), 1, 'one main element');
  await page.goBack();
  await headingIs(page, first.title);
  assert.equal(await page.locator('main').count(), 1, 'one main element');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('the views arrive when the app is idle, and without them a link opens its page as a page load', async () => {
  const post = contentIndex('en').posts[3];
  // Fetched after the takeover, before any navigation.
  const page = await site.page();
  await page.goto(`${site.server.url}/en/`);
  await appReady(page);
  assert.equal(page.wasmRequests.filter((p) => /^\/split_views-/.test(p)).length, 1, `${page.wasmRequests}`);
  await markDocument(page);
  await page.getByRole('link', { name: post.title }).first().click();
  await headingIs(page, post.title);
  assert.ok(await sameDocument(page), 'a client-side navigation');
  await page.context().close();

  // The chunk cannot be fetched (offline without it, or gone after a deploy).
  const broken = await site.page();
  await broken.route(/split_views-[0-9a-f]+\.wasm$/, (route) => route.abort('failed'));
  await broken.goto(`${site.server.url}/en/`);
  await appReady(broken);
  await markDocument(broken);
  await broken.getByRole('link', { name: post.title }).first().click();
  await headingIs(broken, post.title);
  await broken.waitForURL(`**/en/blog/${post.slug}`);
  assert.equal(await sameDocument(broken), false, 'the page was loaded');
  await broken.context().close();
});
