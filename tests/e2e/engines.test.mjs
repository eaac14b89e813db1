// The reader's flows in every engine readers use: one test code, run by
// scripts/test in Chromium (with the rest of the suite), Firefox and WebKit
// (`E2E_ENGINE`, see engine.mjs), on the fetched build and under a sub-path
// (`E2E_DIST`, `E2E_PREFIX`). A deep link, the takeover, client-side navigation,
// back and forward, the language switch, search in both languages, the theme
// toggle, an offline reload, the 404 view, the figures, and the
// Content-Security-Policy (every violation is reported to the server, whatever
// the engine); then each fallback the site has for what an engine may lack (no
// requestIdleCallback, no largest-paint entries, no light-dark(), no
// WebAssembly). Elements are found by their role, label or visible text, in the
// page, the same way in every engine.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, locales, contentIndex, indexPage, figuredPosts } from './support.mjs';
import { serve } from './server.mjs';
import { launch, ENGINE } from './engine.mjs';

const DIST = process.env.E2E_DIST ?? 'dist';
const PREFIX = process.env.E2E_PREFIX ?? '';

let server;
let browser;
let page;
before(async () => {
  server = await serve(path.join(ROOT, DIST), { prefix: PREFIX, cspReports: true });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(async () => {
  const opened = page;
  page = null;
  server.setOffline(false);
  server.setRewrite(null);
  // Checked after each flow: nothing the site does is blocked by its policy,
  // and (where the engine tells) nothing threw.
  assert.deepEqual(server.cspReports.splice(0), [], `${ENGINE}: CSP violations`);
  const errors = opened?.errors.splice(0) ?? [];
  await opened?.close();
  assert.deepEqual(errors, [], `${ENGINE}: page errors`);
});

/** A fresh page (its own storage and service workers). */
async function open(url) {
  page = await browser.newPage();
  if (url) await page.goto(url);
  return page;
}

/** The site's URL of `route` (e.g. `en/blog/x`). */
const at = (route = '') => `${server.site}${route}`;

/** An article's path in its language. */
const articlePath = (lang, slug) => `${lang}/blog/${slug}`;

/** Resolves once the app has taken the page over. */
const ready = (p) =>
  p.waitFor(() => document.documentElement.dataset.app === 'ready', [], { timeout: 15000, what: 'the app' });

/** Resolves once the page's heading reads `title`. */
const headingIs = (p, title) =>
  p.waitFor((want) => document.querySelector('main h1')?.textContent.trim() === want, [title], {
    what: `the heading "${title}"`,
  });

/** Marks the document, so that `sameDocument` tells a client-side change from a load. */
const markDocument = (p) => p.evaluate(() => (window.__notReloaded = true));
const sameDocument = (p) => p.evaluate(() => window.__notReloaded === true);

/** Clicks the element inside `scope` (a selector) whose visible text, or label,
 * is `name`, as a reader would: a pointer click at its centre. */
async function clickNamed(p, scope, name) {
  const selector = await p.waitFor(
    (scope, name) => {
      const found = [...document.querySelectorAll(scope)].find(
        (el) => el.getAttribute('aria-label') === name || el.textContent.trim() === name,
      );
      if (!found || !found.getClientRects().length) return null;
      found.dataset.e2eTarget = String(Date.now());
      return `[data-e2e-target="${found.dataset.e2eTarget}"]`;
    },
    [scope, name],
    { what: `${scope} named "${name}"` },
  );
  await p.click(selector);
}

/** The first article of the index of `lang` that has a translation in `other`. */
function translated(lang, other) {
  const slugs = new Set(contentIndex(other).posts.filter((p) => !p.written_in).map((p) => p.slug));
  return contentIndex(lang).posts.find((p) => !p.written_in && slugs.has(p.slug));
}

/** The `n`-th article of the index of `lang` written in that language (not one
 * shown untranslated). */
const writtenIn = (lang, n = 0) => contentIndex(lang).posts.filter((p) => !p.written_in)[n];

test(`${ENGINE}: a deep link shows the prerendered article, which the app adopts as it is`, async () => {
  const post = writtenIn('en');
  const p = await open(at(articlePath('en', post.slug)));
  // Readable before the app: the prerendered page.
  assert.equal(await p.evaluate(() => document.querySelector('main h1').textContent.trim()), post.title);
  await p.evaluate(() => (window.__prerenderedMain = document.querySelector('main')));
  await ready(p);
  assert.ok(await p.evaluate(() => window.__prerenderedMain === document.querySelector('main')), 'the view is adopted, not redrawn');
  assert.ok((await p.evaluate(() => document.title)).includes(post.title));
  assert.ok((await p.evaluate(() => document.querySelectorAll('main article p').length)) > 3);
});

test(`${ENGINE}: a link opens an article client-side; back and forward move through the history`, async () => {
  const post = indexPage('en').posts[1];
  const p = await open(at('en/'));
  await ready(p);
  await markDocument(p);
  await clickNamed(p, 'main a', post.title);
  await headingIs(p, post.title);
  assert.ok(await sameDocument(p), 'no page load');
  assert.equal(await p.evaluate(() => location.pathname), `${PREFIX}/${articlePath('en', post.slug)}`);
  await p.evaluate(() => history.back());
  await headingIs(p, locales.en.site_name);
  await p.evaluate(() => history.forward());
  await headingIs(p, post.title);
  assert.ok(await sameDocument(p), 'history is client-side too');
});

test(`${ENGINE}: the language switch shows the same article in Russian without a reload`, async () => {
  const post = translated('en', 'ru');
  const ru = contentIndex('ru').posts.find((p) => p.slug === post.slug);
  const p = await open(at(articlePath('en', post.slug)));
  await ready(p);
  await markDocument(p);
  await clickNamed(p, '.lang-switch a', 'Русский');
  await headingIs(p, ru.title);
  assert.ok(await sameDocument(p), 'no page load');
  assert.equal(await p.evaluate(() => document.documentElement.lang), 'ru');
  assert.equal(await p.evaluate(() => location.pathname), `${PREFIX}/${articlePath('ru', post.slug)}`);
});

for (const lang of ['en', 'ru']) {
  test(`${ENGINE}: ${lang} search finds an article by the words of its title and opens it`, async () => {
    const post = writtenIn(lang, 2);
    const query = post.title
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 4)
      .sort((a, b) => b.length - a.length)
      .slice(0, 2)
      .join(' ');
    const p = await open(at(`${lang}/`));
    await ready(p);
    await markDocument(p);
    await p.click('#search-input');
    await p.type(query);
    const titles = await p.waitFor(
      (want) => {
        const list = document.querySelector('.search__results[aria-busy=false]');
        const titles = [...(list?.querySelectorAll('.search__title') ?? [])].map((t) => t.textContent.trim());
        return titles.includes(want) && titles;
      },
      [post.title],
      { what: `"${query}" listing "${post.title}"` },
    );
    assert.equal(titles[0], post.title, titles.join(' | '));
    await p.press('Enter');
    await headingIs(p, post.title);
    assert.ok(await sameDocument(p), 'opened client-side');
  });
}

test(`${ENGINE}: the theme toggle changes the colours, and the choice survives a reload`, async () => {
  const p = await open(at('ru/'));
  await ready(p);
  const look = () =>
    p.evaluate(() => ({
      theme: document.documentElement.dataset.theme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'),
      background: getComputedStyle(document.body).backgroundColor,
    }));
  const first = await look();
  await p.click('.theme-toggle');
  await p.waitFor((was) => (document.documentElement.dataset.theme ?? was) !== was, [first.theme], { what: 'the other theme' });
  const toggled = await look();
  assert.notEqual(toggled.theme, first.theme);
  assert.notEqual(toggled.background, first.background, 'the colours follow the theme');
  await p.reload();
  await ready(p);
  assert.deepEqual(await look(), toggled);
});

test(`${ENGINE}: a page read online reloads offline from the service worker`, async () => {
  const post = indexPage('ru').posts[0];
  const p = await open(at(articlePath('ru', post.slug)));
  await ready(p);
  await p.waitFor(() => !!navigator.serviceWorker?.controller, [], { timeout: 15000, what: 'a service worker in control' });
  // The worker keeps what it served once it controls the page: load it once more.
  await p.reload();
  await headingIs(p, post.title);
  // Read to the end online: the app has started (cut off while its start-up
  // module is on its way, the import fails, as it would for a reader).
  await ready(p);
  server.setOffline(true);
  await p.reload();
  await headingIs(p, post.title);
  assert.ok((await p.evaluate(() => document.querySelectorAll('main article p').length)) > 3);
  await ready(p);
  // A link's document fetched on the reader's intent (src/intent.rs: a pointer
  // resting on a link, the engine's own after a reload) and not kept fails now,
  // as it should, and the engine logs the failure (Chromium without its URL).
  const failedFetch = (e) =>
    /Failed to load ‘[^’]*\/content\/[^’]*\.json’/.test(e) || e === 'Failed to load resource: net::ERR_FAILED';
  p.errors.splice(0, p.errors.length, ...p.errors.filter((e) => !failedFetch(e)));
});

test(`${ENGINE}: an unknown address is a 404 page in its language`, async () => {
  const p = await open(at('ru/no-such-page'));
  await headingIs(p, locales.ru.not_found_title);
  assert.equal(await p.evaluate(async () => (await fetch(location.href)).status), 404);
  await ready(p);
  await headingIs(p, locales.ru.not_found_title);
  // The engine logs the page's own status and the check's, as it should.
  const expected = (e) => /status of 404/.test(e);
  p.errors.splice(0, p.errors.length, ...p.errors.filter((e) => !expected(e)));
});

test(`${ENGINE}: an article's figures load (a raster one, where there is one, as WebP)`, async () => {
  const post = figuredPosts('en')[0];
  assert.ok(post, 'the content has an article with figures');
  const p = await open(at(articlePath('en', post.slug)));
  await ready(p);
  const figures = await p.waitFor(
    () => {
      const images = [...document.querySelectorAll('main figure img')];
      for (const img of images) img.loading = 'eager';
      const done = images.every((img) => img.complete && img.naturalWidth > 0);
      return done && images.map((img) => ({ src: img.currentSrc, webp: !!img.closest('picture') }));
    },
    [],
    { timeout: 15000, what: 'every figure loaded' },
  );
  assert.ok(figures.length > 0);
  for (const figure of figures.filter((f) => f.webp)) assert.match(figure.src, /\.webp$/, figure.src);
});

// What an engine may lack, and the site's way round it. WebKit (Safari and
// every iPhone browser) has no `requestIdleCallback` and reports no largest
// contentful paint: it runs the fallbacks natively; in the engines whose
// automation runs a script before the page's own, each is also taken away
// there, so that a broken fallback fails in every engine, not only in WebKit.
const FALLBACKS = [
  [
    'no requestIdleCallback: the app starts in the next task instead',
    () => {
      delete window.requestIdleCallback;
      delete Window.prototype.requestIdleCallback;
    },
  ],
  [
    'no largest-contentful-paint entries: the app starts at load, not at the 3 s bound',
    () => {
      const types = PerformanceObserver.supportedEntryTypes.filter((t) => t !== 'largest-contentful-paint');
      Object.defineProperty(PerformanceObserver, 'supportedEntryTypes', { get: () => types });
      // The 3 s bound never fires here: only the fallback can start the app.
      const later = window.setTimeout;
      window.setTimeout = (fn, ms, ...args) => (ms >= 3000 ? 0 : later(fn, ms, ...args));
    },
  ],
];

for (const [what, takeAway] of FALLBACKS) {
  test(`${ENGINE}: ${what}`, async (t) => {
    if (!browser.scriptsFirst) {
      t.skip(`${ENGINE} runs no script before the page's own: its flows above run this fallback natively`);
      return;
    }
    const post = indexPage('ru').posts[1];
    page = await browser.newPage();
    await page.beforeScripts(takeAway);
    await page.goto(at('ru/'));
    await ready(page);
    await markDocument(page);
    await clickNamed(page, 'main a', post.title);
    await headingIs(page, post.title);
    assert.ok(await sameDocument(page), 'the app navigates');
  });
}

// What an engine may lack that no script can take away before the page runs:
// the server serves the site as such an engine would read it.

/** `--name`'s light and dark colours in style/main.css, as computed styles
 * write them (`rgb(r, g, b)`). */
function palette(name) {
  const css = fs.readFileSync(path.join(ROOT, 'style/main.css'), 'utf8');
  const [, light, dark] = new RegExp(`--${name}: light-dark\\((#\\w{6}), (#\\w{6})\\);`).exec(css);
  const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
  return { light: rgb(light), dark: rgb(dark) };
}

test(`${ENGINE}: no light-dark() (Safari before 17.5): both themes keep their colours`, async () => {
  // An engine that does not know light-dark() drops it; so does this one once
  // the function has another name.
  server.setRewrite((pathname, text) => (pathname.endsWith('.css') ? text.replaceAll('light-dark(', 'no-light-dark(') : text));
  const bg = palette('bg');
  const text = palette('text');
  const p = await open(at('en/'));
  await ready(p);
  const look = () =>
    p.evaluate(() => ({
      dark: document.documentElement.dataset.theme
        ? document.documentElement.dataset.theme === 'dark'
        : matchMedia('(prefers-color-scheme: dark)').matches,
      background: getComputedStyle(document.body).backgroundColor,
      color: getComputedStyle(document.querySelector('main h1, main h2')).color,
    }));
  const expected = (dark) => ({ dark, background: dark ? bg.dark : bg.light, color: dark ? text.dark : text.light });
  const first = await look();
  assert.deepEqual(first, expected(first.dark));
  await p.click('.theme-toggle');
  await p.waitFor((was) => (document.documentElement.dataset.theme === 'dark') !== was, [first.dark], { what: 'the other theme' });
  assert.deepEqual(await look(), expected(!first.dark));
});

test(`${ENGINE}: no WebAssembly (as in iOS Lockdown Mode): the pages still read and link`, async () => {
  // The start-up module runs in an engine without WebAssembly, and marks the
  // page once the app's start has failed.
  server.setRewrite((pathname, text) =>
    /\/start-[^/]*\.js$/.test(pathname)
      ? `delete globalThis.WebAssembly;
addEventListener('unhandledrejection', () => (document.documentElement.dataset.e2eStartFailed = 'yes'));
${text}`
      : text,
  );
  const post = indexPage('en').posts[1];
  const p = await open(at('en/'));
  await p.waitFor(() => document.documentElement.dataset.e2eStartFailed === 'yes', [], { timeout: 15000, what: "the app's start failing" });
  await markDocument(p);
  await clickNamed(p, 'main a', post.title);
  await headingIs(p, post.title);
  assert.equal(await sameDocument(p), false, 'a link loads its page');
  assert.ok((await p.evaluate(() => document.querySelectorAll('main article p').length)) > 3);
  assert.notEqual(await p.evaluate(() => document.documentElement.dataset.app), 'ready');
  // The theme toggle works without the app (public/start.js).
  const before = await p.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await p.click('.theme-toggle');
  await p.waitFor((was) => getComputedStyle(document.body).backgroundColor !== was, [before], { what: 'the other theme' });
  // What the engine reported: the app's failed start, and only that.
  p.errors.splice(0, p.errors.length, ...p.errors.filter((e) => !/WebAssembly/.test(e)));
});
