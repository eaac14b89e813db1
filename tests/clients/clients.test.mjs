// The built site read by real clients that no one here wrote, as readers' tools,
// feed readers, crawlers and link previews read it:
//
// * the W3C Nu HTML Checker (npm `vnu-jar`, on Java): one page of every kind in
//   each language, no error;
// * Python's `feedparser`: each language's feed parses, with the articles it
//   should carry;
// * `open-graph-scraper`: the link preview of an article and of an index;
// * `structured-data-testing-tool`: the JSON-LD of an article (Article, with
//   Google's required fields) and of an index (WebSite);
// * `linkinator`: every link and image of every page, crawled from the root on
//   the tests' server (which behaves like the CDN), none broken; and no link in
//   a page's own content leads into another language unless it says so
//   (`hreflang`), as the language switch and the translation notice do.
//
// `E2E_DIST` names the build (dist by default).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import { ROOT, locales, contentIndex } from '../e2e/support.mjs';
import { serve } from '../e2e/server.mjs';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const DIST = path.join(ROOT, process.env.E2E_DIST ?? 'dist');
const LANGS = Object.keys(locales);

let server;
before(async () => {
  server = await serve(DIST);
});
after(async () => {
  await server?.close();
});

/** The page at `route` as the server sends it. */
async function page(route) {
  const response = await fetch(`${server.url}${route}`);
  return { status: response.status, html: await response.text() };
}

/** One route of every kind of page in `lang`, read from the content: the index
 * (and its second page, where there is one), an article, an article shown
 * untranslated (where there is one), the tag list, a tag and the 404 page. */
function routesOf(lang) {
  const index = contentIndex(lang);
  const written = index.posts.find((p) => !p.written_in);
  const untranslated = index.posts.find((p) => p.written_in);
  const pages = JSON.parse(fs.readFileSync(path.join(ROOT, 'target/site/content', lang, 'pages/1.json'), 'utf8')).pages;
  return [
    `/${lang}/`,
    pages > 1 && `/${lang}/page/2`,
    `/${lang}/blog/${written.slug}`,
    untranslated && `/${lang}/blog/${untranslated.slug}`,
    `/${lang}/tags/`,
    `/${lang}/tags/${index.tags[0].slug}`,
    `/${lang}/no-such-page`,
  ].filter(Boolean);
}

test('the Nu HTML Checker finds no error on a page of every kind, in every language', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vnu-'));
  const files = [];
  for (const route of ['/', ...LANGS.flatMap(routesOf)]) {
    const file = path.join(dir, `${route.replace(/\W+/g, '_') || 'root'}.html`);
    fs.writeFileSync(file, (await page(route)).html);
    files.push(file);
  }
  // The package's main export is the path of its vnu.jar.
  const vnu = require('vnu-jar');
  // vnu exits non-zero when it finds an error; its JSON report says which.
  const result = await run('java', ['-jar', vnu, '--errors-only', '--format', 'json', ...files]).catch((e) => e);
  const messages = JSON.parse(result.stderr || '{"messages":[]}').messages;
  const errors = messages.map((m) => `${path.basename(m.url ?? '')}:${m.lastLine}: ${m.message}`);
  assert.deepEqual(errors, [], errors.join('\n'));
  assert.equal(files.length, 1 + LANGS.map((l) => routesOf(l).length).reduce((a, b) => a + b));
});

test("each language's feed parses in feedparser, with its newest articles", async () => {
  const items = Number(/^items = (\d+)/m.exec(fs.readFileSync(path.join(ROOT, 'content/site.toml'), 'utf8'))[1]);
  for (const lang of LANGS) {
    const script = [
      'import feedparser, json, sys',
      'feed = feedparser.parse(sys.stdin.buffer.read())',
      'print(json.dumps({"bozo": feed.bozo, "error": str(feed.get("bozo_exception", "")),',
      '  "version": feed.version, "language": feed.feed.get("language"),',
      '  "titles": [e.title for e in feed.entries], "links": [e.link for e in feed.entries]}))',
    ].join('\n');
    const { html: xml, status } = await page(`/${lang}/feed.xml`);
    assert.equal(status, 200);
    const child = execFile('python3', ['-c', script]);
    child.stdin.end(xml);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    await new Promise((resolve, reject) => child.on('close', (code) => (code ? reject(new Error(`feedparser exited ${code}`)) : resolve())));
    const feed = JSON.parse(out);
    assert.equal(feed.bozo, false, `${lang}: ${feed.error}`);
    assert.match(feed.version, /^rss/);
    assert.equal(feed.language, lang);
    const written = contentIndex(lang).posts.filter((p) => !p.written_in);
    assert.deepEqual(feed.titles, written.slice(0, items).map((p) => p.title), lang);
    for (const link of feed.links) assert.match(link, new RegExp(`/${lang}/blog/[^/]+$`));
  }
});

test('open-graph-scraper reads a full link preview of an article and of an index', async () => {
  const { default: ogs } = await import('open-graph-scraper');
  for (const lang of LANGS) {
    const post = contentIndex(lang).posts.find((p) => !p.written_in);
    for (const [route, title, type] of [
      [`/${lang}/blog/${post.slug}`, post.title, 'article'],
      [`/${lang}/`, locales[lang].site_name, 'website'],
    ]) {
      const { result, error } = await ogs({ html: (await page(route)).html });
      assert.equal(error, false, route);
      assert.equal(result.ogTitle, title, route);
      assert.equal(result.ogType, type, route);
      assert.ok(result.ogDescription, `${route}: og:description`);
      assert.ok(result.ogUrl?.endsWith(route), `${route}: og:url ${result.ogUrl}`);
      assert.equal(result.twitterCard, 'summary_large_image', route);
      // No twitter:title: X reads og:title where its own tag is absent.
      const [image] = result.ogImage ?? [];
      assert.ok(image, `${route}: og:image`);
      assert.equal(Number(image.width), 1200, route);
      assert.equal(Number(image.height), 630, route);
      // The card itself is on the site, a PNG.
      const card = await fetch(`${server.url}${new URL(image.url).pathname}`);
      assert.equal(card.status, 200, image.url);
      assert.equal(card.headers.get('content-type'), 'image/png');
    }
  }
});

/** What Google's article results read (developers.google.com/search/docs/
 * appearance/structured-data/article: no property required, these
 * recommended), as a preset of the tool: its own `Google` preset is older and
 * asks for a publisher logo that Google no longer lists. */
const GOOGLE_ARTICLE = {
  name: 'Google article',
  description: "The properties Google's article results read",
  tests: ['headline', 'image', 'datePublished', 'dateModified', 'author.name', 'author.url'].map((field) => ({
    test: `BlogPosting[0].${field}`,
    type: 'jsonld',
    description: field,
  })),
};

test('structured-data-testing-tool finds a complete BlogPosting on an article and a WebSite at the root', async () => {
  const { structuredDataTest } = require('structured-data-testing-tool');
  const routes = LANGS.map((lang) => {
    const post = contentIndex(lang).posts.find((p) => !p.written_in);
    return [`/${lang}/blog/${post.slug}`, 'jsonld:BlogPosting', [GOOGLE_ARTICLE]];
  });
  for (const [route, schema, presets] of [...routes, ['/', 'jsonld:WebSite', []]]) {
    const { html } = await page(route);
    // It rejects with the same report when a test fails.
    const report = await structuredDataTest(html, { schemas: [schema], presets }).catch((e) => e.res ?? e);
    const failed = (report.failed ?? []).map((t) => `${t.description}: ${t.error?.message ?? ''}`);
    assert.deepEqual(failed, [], `${route}\n${failed.join('\n')}`);
    assert.ok(report.passed?.length > presets.reduce((n, p) => n + p.tests.length, 0), `${route}: ${schema} found`);
  }
});

test('linkinator finds no broken link or image on any page, crawled from the root', async () => {
  const { LinkChecker } = await import('linkinator');
  const checker = new LinkChecker();
  const result = await checker.check({
    path: `${server.url}/`,
    recurse: true,
    concurrency: 8,
    timeout: 10000,
    // The site's own pages only: this machine reaches no other host, and the
    // absolute URLs of the head (canonical, Open Graph) name the deployed site.
    linksToSkip: [`^(?!${server.url.replace(/[.]/g, '\\.')})`],
  });
  const broken = result.links.filter((l) => l.state === 'BROKEN').map((l) => `${l.status} ${l.url} (from ${l.parent})`);
  assert.deepEqual(broken, [], broken.join('\n'));
  const pages = new Set(result.links.filter((l) => l.state === 'OK' && /\/(en|ru)\/blog\//.test(l.url)).map((l) => l.url));
  const articles = LANGS.map((lang) => contentIndex(lang).posts.length).reduce((a, b) => a + b);
  assert.ok(pages.size >= articles, `every article reached: ${pages.size} of ${articles}`);
});

test("no link in a page's content crosses into another language without saying so", () => {
  const crossing = [];
  const walk = (dir) =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.html') ? [path.join(dir, e.name)] : [],
    );
  const languages = LANGS.join('|');
  for (const file of walk(DIST)) {
    const html = fs.readFileSync(file, 'utf8');
    const lang = /<html[^>]* lang="([^"]+)"/.exec(html)?.[1];
    if (!LANGS.includes(lang)) continue;
    // Every link of the page's body: its own content, header and footer.
    const body = html.slice(html.indexOf('<body'));
    for (const [tag] of body.matchAll(/<a\s[^>]*>/g)) {
      const href = /\shref="([^"]*)"/.exec(tag)?.[1] ?? '';
      const target = new RegExp(`^(?:https?://[^/]+)?/(${languages})/`).exec(href)?.[1];
      const declared = /\shreflang="([^"]+)"/.exec(tag)?.[1];
      if (target && target !== lang && declared !== target) crossing.push(`${path.relative(DIST, file)}: ${tag}`);
    }
  }
  assert.deepEqual(crossing, [], crossing.join('\n'));
});
