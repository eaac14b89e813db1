// Navigation ready before the click (src/intent.rs): a link's page is fetched
// when the reader shows they will follow it (the pointer resting on it, focus,
// a pressed pointer, on a touch screen the link scrolled into view), once,
// and the click then needs no request. Saving data leaves out every guess.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, siteFor, indexPage, headingIs, markDocument, sameDocument, appReady } from './support.mjs';

const site = siteFor(process.env.E2E_DIST ?? 'dist');

const source = fs.readFileSync(path.join(ROOT, 'src/intent.rs'), 'utf8');
const VIEWPORT_LINKS = Number(/pub const VIEWPORT_LINKS: usize = (\d+);/.exec(source)[1]);
const HOVER_MS = Number(/pub const HOVER_MS: i32 = (\d+);/.exec(source)[1]);

/** The requests made so far for the document of the article `slug`. */
const postRequests = (page, slug) => page.contentRequests.filter((p) => p.endsWith(`/en/posts/${slug}.json`));

/** The English index's link to its `n`-th article. */
function articleLink(page, n) {
  const post = indexPage('en').posts[n];
  return { post, link: page.locator('main a', { hasText: post.title }).first() };
}

/** Resolves once the page has requested the document of the article `slug`. */
const requested = (page, slug) =>
  page.waitForFunction(
    (slug) => performance.getEntriesByType('resource').some((e) => e.name.endsWith(`/en/posts/${slug}.json`)),
    slug,
  );

/** Waits `ms` in the page (timers included). */
const pause = (page, ms) => page.evaluate((ms) => new Promise((r) => setTimeout(r, ms)), ms);

test('resting the pointer on a link fetches its page once, and the click needs no other request', async () => {
  const page = await site.page();
  await page.goto(`${site.server.url}/en/`);
  await markDocument(page);
  const { post, link } = articleLink(page, 1);
  assert.deepEqual(postRequests(page, post.slug), []);
  await link.hover();
  await requested(page, post.slug);
  await pause(page, HOVER_MS * 2);
  await link.click();
  await headingIs(page, post.title);
  assert.ok(await sameDocument(page), 'opened client-side');
  assert.equal(postRequests(page, post.slug).length, 1, JSON.stringify(page.contentRequests));
  assert.deepEqual(page.consoleErrors, []);
});

test('focus on a link fetches its page', async () => {
  const page = await site.page();
  await page.goto(`${site.server.url}/en/`);
  await appReady(page);
  const { post, link } = articleLink(page, 2);
  await link.focus();
  await requested(page, post.slug);
  await page.keyboard.press('Enter');
  await headingIs(page, post.title);
  assert.equal(postRequests(page, post.slug).length, 1);
});

test('a reader saving data gets no guesses: only the pressed pointer fetches, for the page they open', async () => {
  const page = await site.page();
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'connection', { get: () => ({ saveData: true }) });
  });
  await page.goto(`${site.server.url}/en/`);
  await markDocument(page);
  const other = articleLink(page, 2);
  await other.link.focus();
  const { post, link } = articleLink(page, 1);
  await link.hover();
  await pause(page, HOVER_MS * 4);
  assert.deepEqual(page.contentRequests.filter((p) => p.includes('/posts/')), [], 'neither focus nor hover fetched');
  await page.mouse.down();
  await requested(page, post.slug);
  await page.mouse.up();
  await headingIs(page, post.title);
  assert.ok(await sameDocument(page));
  assert.equal(postRequests(page, post.slug).length, 1);
  assert.deepEqual(postRequests(page, other.post.slug), []);
});

test(`on a touch screen, links coming into view fetch up to ${VIEWPORT_LINKS} documents a page, and no more`, async () => {
  const page = await site.page({ hasTouch: true, isMobile: true, viewport: { width: 360, height: 740 } });
  await page.goto(`${site.server.url}/en/`);
  await appReady(page);
  assert.ok(await page.evaluate(() => matchMedia('(hover: none) and (pointer: coarse)').matches), 'the page is on a touch screen');
  // Every document but the page's own (its view's, which the page names itself).
  const own = '/content/en/pages/1.json';
  const fetched = () => [...new Set(page.contentRequests)].filter((p) => p !== own);
  // The links in view when the page opens are left: no reader moved them there.
  await pause(page, 500);
  assert.deepEqual(fetched(), [], 'nothing fetched before the reader scrolls');
  // Scrolled through, more links come into view than are fetched.
  const links = await page.locator('main a[href]').count();
  assert.ok(links > VIEWPORT_LINKS, `the index has more than ${VIEWPORT_LINKS} links`);
  for (let y = 0; y < 20; y++) {
    await page.mouse.wheel(0, 600);
    await pause(page, 50);
  }
  assert.ok(await page.evaluate(() => scrollY > innerHeight), 'the page was scrolled');
  await page.waitForFunction(
    ([own, want]) => {
      const docs = performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((p) => p.includes('/content/') && p !== own);
      return new Set(docs).size >= want;
    },
    [own, VIEWPORT_LINKS],
  );
  await pause(page, 500);
  assert.equal(fetched().length, VIEWPORT_LINKS, JSON.stringify(fetched()));
});
