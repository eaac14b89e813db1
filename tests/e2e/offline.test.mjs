// Offline reading through the service worker, and a new deploy replacing it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { siteFor, locales, contentIndex, indexPage, figuredPosts, heading, headingIs, appReady, ROOT } from './support.mjs';

const DIST = process.env.E2E_DIST ?? 'dist';
const site = siteFor(DIST);

/** Waits until a service worker controls the page. */
async function controlled(page) {
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 15000 });
}

test('a reader who goes offline can open the index and every article they read', async () => {
  const page = await site.page({ serviceWorkers: 'allow' });
  const en = contentIndex('en');
  const [read, loaded, unread] = [en.posts[0], en.posts[1], en.posts[2]];
  await page.goto(`${site.server.url}/en/`);
  await appReady(page);
  await controlled(page);
  // One article opened by a click (the app fetches its document), one by its URL.
  await page.getByRole('link', { name: read.title }).click();
  await headingIs(page, read.title);
  await page.goto(`${site.server.url}/en/blog/${loaded.slug}`);
  await headingIs(page, loaded.title);

  await page.context().setOffline(true);
  await page.goto(`${site.server.url}/en/`);
  await heading(page);
  assert.equal(await page.locator('article.card').count(), indexPage('en').posts.length);
  // Client-side too: the article opened by its URL never had its document
  // fetched by the app (its view was adopted), but its page had the browser
  // prefetch it, and the worker kept that copy.
  await appReady(page);
  await page.getByRole('link', { name: loaded.title }).click();
  await headingIs(page, loaded.title, 'offline, client-side');
  assert.ok((await page.locator('main article p').count()) > 10);
  for (const post of [read, loaded]) {
    await page.goto(`${site.server.url}/en/blog/${post.slug}`);
    await headingIs(page, post.title, `offline: ${post.slug}`);
    assert.ok((await page.locator('main article p').count()) > 10);
  }
  // The Russian index was never opened, but it is part of the app shell.
  await page.goto(`${site.server.url}/ru/`);
  await headingIs(page, locales.ru.site_name);
  assert.equal(await page.locator('article.card').count(), indexPage('ru').posts.length);
  // An article never opened cannot be shown: a translated error with retry.
  await page.goto(`${site.server.url}/en/blog/${unread.slug}`);
  await page.getByRole('alert').getByText(locales.en.error_network).waitFor();
  await page.context().setOffline(false);
  await page.getByRole('button', { name: locales.en.retry }).click();
  await headingIs(page, unread.title);
  await page.context().close();
});

test('the figures of an article read online show offline, also those never scrolled to', async () => {
  const post = figuredPosts('en').at(-1);
  assert.ok(post, 'the content has an article with figures');
  const page = await site.page({ serviceWorkers: 'allow', viewport: { width: 360, height: 640 } });
  await page.goto(`${site.server.url}/en/`);
  await appReady(page);
  await controlled(page);
  // Opened by its URL, read at the top only: its lazy figures are not loaded.
  await page.goto(`${site.server.url}/en/blog/${post.slug}`);
  await headingIs(page, post.title);
  const sources = await page.locator('main figure img').evaluateAll((images) => images.map((i) => i.getAttribute('src')));
  assert.ok(sources.length > 0);
  await page.waitForFunction(
    async (urls) => {
      const cache = await caches.open('figures');
      for (const url of urls) if (!(await cache.match(url))) return false;
      return true;
    },
    sources,
    { timeout: 15000 },
  );
  await page.context().setOffline(true);
  await page.goto(`${site.server.url}/en/blog/${post.slug}`);
  await headingIs(page, post.title, 'offline');
  const images = page.locator('main figure img');
  for (let i = 0; i < sources.length; i++) {
    await images.nth(i).scrollIntoViewIfNeeded();
    await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await images.nth(i).elementHandle(), { timeout: 10000 });
  }
  await page.context().close();
});

test('a new deploy is picked up on the next visit, and the old one is dropped', async () => {
  const page = await site.page({ serviceWorkers: 'allow' });
  await page.goto(`${site.server.url}/en/`);
  await appReady(page);
  await controlled(page);
  const before = await page.evaluate(() => caches.keys());
  assert.ok(before.some((name) => name.startsWith('pages-')), `${before}`);

  // Deploy: the same site with a changed index page and a new service worker.
  const next = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-'));
  fs.cpSync(path.join(ROOT, DIST), next, { recursive: true });
  const index = path.join(next, 'en/index.html');
  fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('</head>', '<meta name="deploy" content="next"></head>'));
  const sw = path.join(next, 'sw.js');
  fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(/const VERSION = '([^']+)'/, "const VERSION = '$1-next'"));
  await site.server.setRoot(next);
  try {
    await page.goto(`${site.server.url}/en/`);
    // The page itself comes from the network: the new deploy at once.
    await page.locator('meta[name="deploy"]').waitFor({ state: 'attached' });
    // The new worker takes over and drops the old deploy's cache.
    await page.waitForFunction(async () => {
      const names = await caches.keys();
      return names.some((n) => n.endsWith('-next')) && names.filter((n) => n.startsWith('pages-')).length === 1;
    });
    const version = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return reg.active.scriptURL;
    });
    assert.ok(version.endsWith('/sw.js'));
  } finally {
    await site.server.setRoot(path.join(ROOT, DIST));
    fs.rmSync(next, { recursive: true, force: true });
  }
  await page.context().close();
});

test('the worker precaches the same few files whatever the size of the archive', { skip: DIST !== 'dist' }, () => {
  const source = fs.readFileSync(path.join(ROOT, DIST, 'sw.js'), 'utf8');
  const shell = JSON.parse(source.match(/const SHELL = (\[.*?\]);/)[1]);
  const langs = Object.keys(locales);
  // The root, each language's index, the 404 page, the app's hashed files and
  // each language's first index document: nothing per article, tag or search part.
  const allowed = [
    (url) => url === '/' || url === '/404.html' || langs.some((l) => url === `/${l}/`),
    (url) => /^\/[\w.-]+-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/.test(url),
    (url) => langs.some((l) => url === `/content/${l}/pages/1.json`),
  ];
  for (const url of shell) assert.ok(allowed.some((ok) => ok(url)), `${url} precached`);
  const hashed = fs.readdirSync(path.join(ROOT, DIST)).filter((f) => /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/.test(f));
  assert.equal(shell.length, 2 + 2 * langs.length + hashed.length);
});
