// Static-first delivery: every route is a prerendered HTML file with its content
// and full head, the app takes it over without a visible change, the runtime head
// matches the prerendered one, and the server (driven by the site's own _headers
// and _redirects) answers like the CDN would, CSP included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { siteFor, locales, contentIndex, indexPage, appReady, headingIs, markDocument, sameDocument, ROOT } from './support.mjs';

const DIST = process.env.E2E_DIST ?? 'dist';
const site = siteFor(DIST);
const SITE_URL = fs.readFileSync(path.join(ROOT, DIST, 'robots.txt'), 'utf8').match(/Sitemap: (.*)\/sitemap\.xml/)[1];

/** The languages an article is written in (one, until it is translated). */
function languagesOf(slug) {
  return ['en', 'ru'].filter((lang) => contentIndex(lang).posts.some((p) => p.slug === slug && !p.written_in));
}

/** Every route of the site with the page heading it must show. */
function routes() {
  const list = [];
  for (const lang of ['en', 'ru']) {
    const t = locales[lang];
    const index = contentIndex(lang);
    list.push({ path: `/${lang}/`, lang, h1: t.site_name, type: 'Blog' });
    list.push({ path: `/${lang}/tags/`, lang, h1: t.all_tags, type: 'CollectionPage' });
    for (const tag of index.tags) list.push({ path: `/${lang}/tags/${tag.slug}`, lang, h1: tag.name, type: 'CollectionPage' });
    for (const post of index.posts) list.push({ path: `/${lang}/blog/${post.slug}`, lang, h1: post.title, type: 'BlogPosting', post });
  }
  return list;
}

/** The managed head of an HTML document, read in the browser. */
async function headOf(page, html) {
  return page.evaluate((source) => {
    const doc = source ? new DOMParser().parseFromString(source, 'text/html') : document;
    const tags = [...doc.head.querySelectorAll('[data-h]')].map((el) => {
      const attrs = [...el.attributes].map((a) => `${a.name}=${a.value}`).sort().join(' ');
      return `${el.localName} ${attrs} ${el.textContent}`;
    });
    return { title: doc.title, lang: doc.documentElement.lang, tags };
  }, html ?? null);
}

test('every route is a prerendered page with its content and a complete head', async () => {
  const all = routes();
  const page = await site.page({ javaScriptEnabled: false });
  for (const route of all) {
    const response = await fetch(`${site.server.url}${route.path}`);
    assert.equal(response.status, 200, route.path);
    const html = await response.text();
    await page.setContent(html.replace(/<base [^>]*>/, ''));
    const info = await page.evaluate(() => {
      const meta = (key, name) => [...document.head.querySelectorAll(`meta[${key}="${name}"]`)].map((m) => m.content);
      const link = (sel) => [...document.head.querySelectorAll(`link${sel}`)].map((l) => [l.hreflang, l.getAttribute('href')]);
      return {
        lang: document.documentElement.lang,
        title: document.title,
        h1: document.querySelector('main h1')?.textContent.trim(),
        description: meta('name', 'description'),
        canonical: link('[rel=canonical]'),
        alternates: link('[rel=alternate][hreflang]:not([type])'),
        og: ['og:type', 'og:title', 'og:description', 'og:url', 'og:site_name', 'og:locale'].map((p) => meta('property', p)[0]),
        twitter: ['twitter:card', 'twitter:title', 'twitter:description'].map((p) => meta('name', p)),
        image: meta('property', 'og:image'),
        ld: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent)),
        loading: !!document.querySelector('.loading'),
      };
    });
    const where = route.path;
    const url = `${SITE_URL}${route.path}`;
    assert.equal(info.lang, route.lang, where);
    assert.equal(info.h1, route.h1, where);
    assert.equal(info.loading, false, `${where} is complete, not a loading state`);
    assert.ok(info.title.includes(locales[route.lang].site_name), where);
    assert.equal(info.description.length, 1, where);
    assert.ok(info.description[0].length > 20, where);
    // An article shown untranslated points at its original; only the
    // languages a page exists in are its alternates.
    const langs = route.post ? languagesOf(route.post.slug) : ['en', 'ru'];
    const own = route.post?.written_in ?? route.lang;
    const canonical = `${SITE_URL}/${own}${route.path.slice(3)}`;
    assert.deepEqual(info.canonical, [['', canonical]], where);
    const byLang = Object.fromEntries(info.alternates);
    assert.deepEqual(Object.keys(byLang).sort(), [...langs, 'x-default'].sort(), where);
    for (const lang of langs) assert.equal(byLang[lang], `${SITE_URL}/${lang}${route.path.slice(3)}`, where);
    const fallback = langs.includes('en') ? 'en' : langs[0];
    assert.equal(byLang['x-default'], route.path.slice(3) === '/' ? `${SITE_URL}/` : `${SITE_URL}/${fallback}${route.path.slice(3)}`, where);
    assert.ok(info.og.every(Boolean), `${where}: ${info.og}`);
    // X falls back to og:title, og:description and og:image; the card type is
    // its own. The card is the canonical page's (figures.test.mjs fetches them).
    assert.deepEqual(info.twitter, [['summary_large_image'], [], []], where);
    const card = route.post ? `/cards/${own}/${route.post.slug}.png` : `/cards/${route.lang}/index.png`;
    assert.deepEqual(info.image, [`${SITE_URL}${card}`], where);
    assert.equal(info.og[3], canonical, where);
    assert.equal(info.ld.length, 1, where);
    assert.equal(info.ld[0]['@type'], route.type, where);
    assert.equal(info.ld[0].url, canonical, where);
    if (route.post) {
      assert.equal(info.ld[0].headline, route.post.title, where);
      assert.equal(info.ld[0].datePublished, route.post.date, where);
      assert.equal(info.og[0], 'article', where);
    }
  }
  // Alternates are reciprocal: the page an alternate names lists this page back.
  const translated = contentIndex('ru').posts.find((p) => languagesOf(p.slug).length === 2);
  const ruPost = await (await fetch(`${site.server.url}/ru/blog/${translated.slug}`)).text();
  assert.ok(ruPost.includes(`hreflang="en" href="${SITE_URL}/en/blog/${translated.slug}"`));
  await page.context().close();
});

test('without JavaScript an article reads in full and its links are plain pages', async () => {
  const page = await site.page({ javaScriptEnabled: false });
  const post = contentIndex('ru').posts[2];
  await page.goto(`${site.server.url}/ru/blog/${post.slug}`);
  assert.equal((await page.locator('main h1').textContent()).trim(), post.title);
  const paragraphs = await page.locator('main article p').count();
  assert.ok(paragraphs > 10, `${paragraphs} paragraphs`);
  assert.ok(await page.locator('main pre code, main table').count() > 0);
  await page.getByRole('link', { name: locales.ru.back_to_articles }).first().click();
  await page.waitForURL('**/ru/');
  assert.equal(await page.locator('article.card').count(), indexPage('ru').posts.length);
  // The root offers both languages.
  await page.goto(`${site.server.url}/`);
  assert.equal(await page.locator('main').getByRole('link', { name: 'Русский' }).getAttribute('href'), '/ru/');
  await page.context().close();
});

test('the app takes a prerendered page over with the same text and no layout shift', async () => {
  for (const [lang, width] of [['en', 390], ['ru', 1280]]) {
    const page = await site.page({ viewport: { width, height: 900 } });
    await page.addInitScript(() => {
      window.__shifts = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
      // Once the stylesheet is there (innerText depends on it), and before the
      // app starts, which waits for `load` too.
      addEventListener('load', () => {
        window.__before = document.body.innerText;
        window.__firstNode = document.body.firstChild;
      });
    });
    const post = contentIndex(lang).posts[4];
    await page.goto(`${site.server.url}/${lang}/blog/${post.slug}`);
    await appReady(page);
    await page.waitForTimeout(300);
    const result = await page.evaluate(() => ({
      shifts: window.__shifts,
      same: window.__before === document.body.innerText,
      replaced: !document.body.contains(window.__firstNode),
    }));
    assert.equal(result.replaced, true, 'the app renders its own nodes');
    assert.equal(result.same, true, `${lang}: the text on screen is unchanged`);
    assert.equal(result.shifts, 0, `${lang}: cumulative layout shift`);
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  }
});

test('the head after client-side navigation equals the prerendered head of each page', async () => {
  const page = await site.page();
  const en = contentIndex('en');
  await page.goto(`${site.server.url}/en/`);
  await appReady(page);
  await markDocument(page);
  const steps = [
    () => page.getByRole('link', { name: en.posts[1].title }).click(),
    () => page.getByRole('link', { name: 'Русский' }).click(),
    () => page.locator('main a.tag').first().click(),
    () => page.locator('.page-header a').last().click(),
    () => page.goBack(),
    () => page.evaluate(() => {
      const a = document.createElement('a');
      a.href = '/ru/no-such-page';
      document.querySelector('main').append(a);
      a.click();
    }),
  ];
  for (const step of steps) {
    const before = page.url();
    await step();
    await page.waitForFunction((url) => location.href !== url, before);
    await page.waitForTimeout(200);
    const pathname = new URL(page.url()).pathname;
    const runtime = await headOf(page);
    const response = await fetch(`${site.server.url}${pathname}`);
    const prerendered = await headOf(page, await response.text());
    assert.deepEqual(runtime, prerendered, `head of ${pathname}`);
    assert.ok(runtime.tags.length >= 2, pathname);
  }
  assert.ok(await sameDocument(page), 'all of it client-side');
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('unknown URLs get the 404 page of their language with status 404', async () => {
  for (const [path, lang] of [['/ru/no/such/page', 'ru'], ['/en/blog/nothing-here', 'en'], ['/nowhere', 'en']]) {
    const response = await fetch(`${site.server.url}${path}`);
    assert.equal(response.status, 404, path);
    const html = await response.text();
    assert.ok(html.includes(`<html lang="${lang}"`), path);
    assert.ok(html.includes(locales[lang].not_found_title), path);
    assert.ok(html.includes('<meta data-h name="robots" content="noindex">'), path);
    assert.ok(!html.includes('rel="canonical"'), path);
  }
  // A trailing slash on an article leads to its canonical URL.
  const slug = contentIndex('en').posts[0].slug;
  const moved = await fetch(`${site.server.url}/en/blog/${slug}/`, { redirect: 'manual' });
  assert.equal(moved.status, 301);
  assert.equal(moved.headers.get('location'), `/en/blog/${slug}`);
});

test('hashed files are cached for a year, pages and documents are revalidated, all carry the CSP', async () => {
  const html = await (await fetch(`${site.server.url}/en/`)).text();
  const named = (text, quote) =>
    [...text.matchAll(new RegExp(`${quote}(\\/[^${quote}]+-[0-9a-f]{12,}(?:_bg)?\\.(?:js|css|wasm))${quote}`, 'g'))].map((m) => m[1]);
  // The page names the stylesheet and the start-up module (which its inline
  // script imports), and that module the app's glue and wasm (no preload puts
  // them in the page).
  const start = html.match(/import\(new URL\('\.\/(start-[0-9a-f]{16}\.js)', document\.baseURI\)\)/)?.[1];
  assert.ok(start, 'the early script imports the start-up module');
  const module = await (await fetch(`${site.server.url}/${start}`)).text();
  const hashed = [...named(html, '"'), `/${start}`, ...named(module, "'")];
  assert.ok(hashed.some((u) => u.endsWith('.wasm')) && hashed.some((u) => u.endsWith('.css')), `${hashed}`);
  for (const url of hashed) {
    const response = await fetch(`${site.server.url}${url}`);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable', url);
  }
  for (const url of ['/en/', `/en/blog/${contentIndex('en').posts[0].slug}`, '/content/en/pages/1.json', '/sw.js', '/en/feed.xml']) {
    const response = await fetch(`${site.server.url}${url}`);
    assert.equal(response.status, 200, url);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=0, must-revalidate', url);
    const csp = response.headers.get('content-security-policy');
    assert.match(csp, /script-src 'self' 'sha256-[^']+' 'wasm-unsafe-eval';/, url);
    assert.ok(!csp.includes('unsafe-inline'), url);
  }
  // The one inline script (the early script, which imports the start-up module
  // once the page is on screen) is allowed by its hash; JSON-LD is data, not
  // script; everything else is a file.
  const csp = (await fetch(`${site.server.url}/en/`)).headers.get('content-security-policy');
  const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
  const inline = scripts.filter(([, attrs]) => !/ src="|application\/(?:ld\+)?json/.test(attrs));
  assert.ok(
    html.includes('<template data-documents><link rel="prefetch" href="content/en/pages/1.json" data-document></template>'),
    'the index names its first page for the browser to fetch once it is on screen',
  );
  assert.ok(!scripts.some(([, attrs]) => attrs.includes('data-document')), 'no document inside the page');
  assert.deepEqual(inline.map(([, attrs]) => attrs.trim()), [''], 'one inline script: the early script');
  for (const [, , text] of inline) {
    const hash = crypto.createHash('sha256').update(text).digest('base64');
    assert.ok(csp.includes(`'sha256-${hash}'`), `${csp} allows the inline script`);
  }
  // The start-up module carries the reader's language rule, then imports the app.
  assert.match(module, /window\.preferredLang = preferredLang;[\s\S]*await import\('\/[^']+\.js'\)/);
  // The icon is inline: no request for it either.
  assert.match(html, /<link rel="icon" type="image\/svg\+xml" href="data:image\/svg\+xml,%3Csvg%20xmlns=/);
  assert.ok(!scripts.some(([, attrs]) => / src=/.test(attrs)), 'no script file is fetched before the app starts');
});

test('the Content-Security-Policy is enforced: injected inline script does not run', async () => {
  const page = await site.page();
  await page.goto(`${site.server.url}/en/`);
  await appReady(page);
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.head.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return window.__injected === true;
  });
  assert.equal(ran, false);
  assert.ok(page.consoleErrors.some((e) => e.startsWith('CSP violation: script-src')), `${page.consoleErrors}`);
  await page.context().close();
});

test('the root sends readers to their language before anything is drawn', async () => {
  const page = await site.page({ locale: 'ru-RU' });
  await page.goto(`${site.server.url}/`);
  await headingIs(page, locales.ru.site_name);
  assert.equal(new URL(page.url()).pathname, '/ru/');
  await page.context().close();
});
