// Shared set-up of the end-to-end tests: Debian's Chromium through playwright-core,
// the built site on 127.0.0.1, and the project's own locale and content files so
// the tests never repeat strings.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** UI strings, as the app has them. */
export const locales = {
  en: JSON.parse(fs.readFileSync(path.join(ROOT, 'locales/en.json'), 'utf8')),
  ru: JSON.parse(fs.readFileSync(path.join(ROOT, 'locales/ru.json'), 'utf8')),
};

/** Articles per index page, as `model::PAGE_SIZE` has it (read from its source,
 * so the tests follow it rather than repeat it). */
const pageSource = fs.readFileSync(path.join(ROOT, 'model/src/page.rs'), 'utf8');
export const PAGE_SIZE = Number(/pub const PAGE_SIZE: usize = (\d+);/.exec(pageSource)[1]);

/** Tags per page of the tag list, as `model::TAG_PAGE_SIZE` has it. */
export const TAG_PAGE_SIZE = Number(/pub const TAG_PAGE_SIZE: usize = (\d+);/.exec(pageSource)[1]);

/** The slugs a language's search can give, by result number, read from the
 * search documents under `content` (a built site's `content/` folder) as the
 * app reads them: the index names the folder of its results. */
export function searchSlugs(content, lang) {
  const index = JSON.parse(fs.readFileSync(path.join(content, lang, 'search.json'), 'utf8'));
  return Array.from({ length: index.docs }, (_, n) =>
    JSON.parse(fs.readFileSync(path.join(content, lang, 'search', index.version, `${n}.json`), 'utf8')).slug,
  );
}

/** The pipeline's documents the site under test was built from: target/site's,
 * or `E2E_CONTENT`'s for a site built from another content folder (the generated
 * archive: `scripts/build --content`). */
export const CONTENT = path.resolve(ROOT, process.env.E2E_CONTENT ?? 'target/site/content');

/** The search index of `lang` (which parts and results there are), as the
 * pipeline wrote it. */
export function searchIndex(lang) {
  return contentDocument(lang, 'search.json');
}

/** Opens the index of `lang` on `site` (marked, to tell a reload from a
 * client-side change) and focuses its search field, which it returns. */
export async function openSearch(site, page, lang) {
  await page.goto(`${site.server.url}/${lang}/`);
  await heading(page);
  await markDocument(page);
  const box = page.getByRole('combobox', { name: locales[lang].search_label });
  await box.click();
  return box;
}

/** The titles of the search results listed, once the query's parts are in. */
export async function searchResults(page) {
  await page.locator('.search__results[aria-busy=false]').waitFor();
  return (await page.locator('.search__title').allTextContents()).map((t) => t.trim());
}

/** A content document of `lang` as the pipeline wrote it, e.g. `pages/1.json`. */
function contentDocument(lang, doc) {
  return JSON.parse(fs.readFileSync(path.join(CONTENT, lang, doc), 'utf8'));
}

/** Page `n` of a language's index, `{ page, pages, total, posts }`, as the
 * pipeline wrote it: what `/{lang}/` (or `/{lang}/page/{n}`) lists. */
export function indexPage(lang, n = 1) {
  return contentDocument(lang, `pages/${n}.json`);
}

/** A language's whole index, `{ posts, tags }`, put together from the documents
 * the pipeline wrote (its pages and its tag list: the data the app shows). */
export function contentIndex(lang) {
  const read = (doc) => contentDocument(lang, doc);
  const pages = (folder) => {
    const first = read(`${folder}/1.json`);
    const all = [first];
    for (let n = 2; n <= first.pages; n++) all.push(read(`${folder}/${n}.json`));
    return all;
  };
  return {
    lang,
    posts: pages('pages').flatMap((page) => page.posts),
    tags: pages('tags/page').flatMap((page) => page.tags),
  };
}

/** The articles of a language's index whose text shows a figure, newest first. */
export function figuredPosts(lang) {
  return contentIndex(lang).posts.filter((post) =>
    contentDocument(lang, `posts/${post.slug}.json`).html.includes('<figure>'),
  );
}

/** The flags Chromium runs with here (headless, no sandbox, nothing in the background). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Serves `dist` (under `prefix`, e.g. '/insights') and launches Chromium;
 * returns helpers and a close function. */
export async function start(dist, { prefix = '' } = {}) {
  const distPath = path.join(ROOT, dist);
  if (!fs.existsSync(path.join(distPath, 'index.html'))) {
    throw new Error(`${distPath} has no index.html: build the site first (scripts/build)`);
  }
  const server = await serve(distPath, { prefix });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    server,
    browser,
    /** A fresh page (new profile) collecting console errors, content requests and
     * wasm requests. */
    async page(options = {}) {
      // No service worker unless a test asks for one: requests it handles would
      // bypass the tests' request interception.
      const context = await browser.newContext({ locale: 'en-US', serviceWorkers: 'block', ...options });
      const page = await context.newPage();
      page.consoleErrors = [];
      page.contentRequests = [];
      page.wasmRequests = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') page.consoleErrors.push(msg.text());
      });
      page.on('pageerror', (err) => page.consoleErrors.push(String(err)));
      // The server sends the site's Content-Security-Policy: any violation fails
      // the tests that check for console errors.
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      page.on('request', (req) => {
        const { pathname } = new URL(req.url());
        if (pathname.includes('/content/')) page.contentRequests.push(pathname);
        if (pathname.endsWith('.wasm')) page.wasmRequests.push(pathname);
      });
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Waits until the app has taken over the (prerendered) page. */
export async function appReady(page) {
  await page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
}

/** Waits until the app has rendered a page heading and returns its text. */
export async function heading(page) {
  await appReady(page);
  const h1 = page.locator('main h1');
  await h1.first().waitFor();
  return (await h1.first().textContent()).trim();
}

/** Waits until the page heading reads `expected` (after a navigation the old
 * heading may still be on screen for a moment), failing with both texts if not. */
export async function headingIs(page, expected, context = '') {
  try {
    await appReady(page);
    await page.waitForFunction(
      (want) => document.querySelector('main h1')?.textContent.trim() === want,
      expected,
      { timeout: 10000 },
    );
  } catch {
    const actual = await page.locator('main h1').first().textContent().catch(() => null);
    assert.equal(actual?.trim(), expected, context);
  }
}

/** Marks the current document so a later check can tell whether it was reloaded. */
export async function markDocument(page) {
  // Until the app has taken the prerendered page over, a click on a link is a
  // page load (the app starts once the page has loaded and the main thread is
  // idle): a test of client-side navigation starts from the app's page.
  await appReady(page);
  await page.evaluate(() => {
    window.__notReloaded = true;
  });
}

/** True if the document marked by markDocument is still the one on screen. */
export async function sameDocument(page) {
  return page.evaluate(() => window.__notReloaded === true);
}

/** Serves `dist` with a browser for the tests of one file: started before them,
 * closed after them. The returned object gains start()'s fields once running. */
export function siteFor(dist, options) {
  const site = {};
  before(async () => {
    Object.assign(site, await start(dist, options));
  });
  after(async () => {
    await site.close?.();
  });
  return site;
}
