// The deploy recipes on the real servers: Debian's nginx and Caddy running the
// configurations deploy/configure.mjs writes, Cloudflare's own Pages runtime
// reading the build's _headers and _redirects, and the suite's own server
// (server.mjs, which every other e2e test trusts). Each gets the same HTTP
// checks (http-checks.mjs) and a short reader's flow in Chromium, at the root
// of the domain and under a sub-path; a recipe broken on purpose must fail them.
// HOSTS_NO_BROWSER=1 leaves the reader's flows out (while a recipe is worked on).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startHost } from './hosts.mjs';
import { HASHED } from '../../deploy/configure.mjs';
import { httpChecks } from './http-checks.mjs';
import { contentIndex, locales, headingIs, appReady, markDocument, sameDocument } from './support.mjs';

// The builds, as folders of the repository (the checks read their files).
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.resolve(ROOT, process.env.E2E_DIST ?? 'dist');
const SUBPATH_DIST = path.resolve(ROOT, process.env.E2E_SUBPATH_DIST ?? 'dist-subpath');

// What `wrangler pages dev` does that a Cloudflare Pages deployment does not
// (deploy/README.md): the checks run as strictly as on every other host and are
// reported as TODO with these reasons instead of failing.
const PAGES_DEV = {
  'the files hosts read are answered as unknown URLs: 404 and the 404 page':
    "wrangler pages dev answers /_headers and /_redirects with a 502 (it looks for _headers/index.html and its lstat throws ENOTDIR); their rules are not in the body, and a deployment never uploads the two files, so there its `/*` rule answers 404",
  'no URL reaches a folder beside the document root named like it':
    'wrangler pages dev reads files from disk and keeps them inside the folder with `filepath.startsWith(directory)`, so /..%2fsite2/x reads the folder site2 beside site/; a deployment serves only the files uploaded from the folder, so there is nothing beside it to reach',
  'compressed responses name Accept-Encoding in Vary (for caches between host and reader)':
    "Cloudflare's edge compresses the responses, and wrangler's imitation of it (miniflare's entry worker) sends no Vary; whether the edge itself does was not checked here",
};

// [host, build, path prefix, options of the checks]. Caddy 2.6 has no brotli
// encoder (it sends gzip or zstd); Cloudflare Pages serves no sub-path.
const RUNS = [
  ['test server', DIST, '', { brotli: true }],
  ['test server', SUBPATH_DIST, '/insights', { brotli: true }],
  ['nginx', DIST, '', { brotli: true }],
  ['nginx', SUBPATH_DIST, '/insights', { brotli: true }],
  ['caddy', DIST, '', {}],
  ['caddy', SUBPATH_DIST, '/insights', {}],
  ['Cloudflare Pages', DIST, '', { brotli: true, known: PAGES_DEV }],
];

const BROWSER = !process.env.HOSTS_NO_BROWSER;

let browser;
before(async () => {
  if (!BROWSER) return;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
  });
});
after(async () => {
  await browser?.close();
});

/** A reader's first visit: a deep link to an article, the app's takeover, a
 * client-side navigation, the language switch, a search, and a reload offline
 * (from the service worker). Any console error or CSP violation fails it. */
async function readerFlow(site) {
  const context = await browser.newContext({ locale: 'en-US', serviceWorkers: 'allow' });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  page.on('pageerror', (err) => errors.push(String(err)));
  // Requests on their way (a result's text is fetched after the result shows).
  const pending = new Set();
  page.on('request', (r) => pending.add(r));
  page.on('requestfinished', (r) => pending.delete(r));
  page.on('requestfailed', (r) => pending.delete(r));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective}`));
  });
  try {
    const en = contentIndex('en');
    const ru = contentIndex('ru');
    const [first, deep] = en.posts;
    const ruTitle = (slug) => ru.posts.find((p) => p.slug === slug).title;

    await page.goto(`${site}en/blog/${deep.slug}`);
    await headingIs(page, deep.title, 'deep link');
    await appReady(page);
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 15000 });
    await markDocument(page);

    await page.getByRole('banner').getByRole('link', { name: locales.en.site_name }).click();
    await headingIs(page, locales.en.site_name, 'the index, client-side');
    await page.getByRole('link', { name: first.title }).click();
    await headingIs(page, first.title, 'an article, client-side');
    assert.equal(new URL(page.url()).pathname, `${new URL(site).pathname}en/blog/${first.slug}`);

    await page.getByRole('link', { name: 'Русский' }).click();
    await page.waitForURL(`**/ru/blog/${first.slug}`);
    await headingIs(page, ruTitle(first.slug), 'the language switch');
    assert.ok(await sameDocument(page), 'no page was reloaded');

    // A word of another article's title finds it.
    const wanted = ru.posts[2];
    const word = wanted.title.split(/[^\p{L}\p{N}]+/u).find((w) => w.length >= 5);
    await page.keyboard.press('/');
    await page.getByRole('combobox', { name: locales.ru.search_label }).fill(word);
    await page.locator('.search__title', { hasText: wanted.title }).first().waitFor();

    // Going offline with a request on its way fails it (net::ERR_FAILED).
    while (pending.size) await page.waitForTimeout(50);
    await context.setOffline(true);
    await page.reload();
    await headingIs(page, ruTitle(first.slug), 'reloaded offline');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
}

for (const [name, dist, prefix, options] of RUNS) {
  describe(`${name}: ${path.basename(dist)}${prefix ? ` under ${prefix}/` : ''}`, () => {
    const host = { prefix, dist };
    before(async () => {
      Object.assign(host, await startHost(name, dist, { prefix }));
    });
    after(async () => {
      await host.close?.();
    });
    for (const [check, run, testOptions] of httpChecks(host, options)) test(check, testOptions, run);
    if (BROWSER) test('a reader: deep link, takeover, navigation, language, search, offline reload', () => readerFlow(host.site));
  });
}

/** The checks a host started with `edit` applied to its configuration fails,
 * as { check name: message }. */
async function failures(name, dist, options, edit) {
  const host = await startHost(name, dist, { prefix: options.prefix ?? '', edit });
  const failed = {};
  try {
    for (const [check, run] of httpChecks(host, options)) {
      await run().catch((e) => {
        failed[check] = e.message;
      });
    }
  } finally {
    await host.close();
  }
  return failed;
}

/** `text` with each [from, to] replaced, each of which must be found. */
function breakRecipe(text, ...replacements) {
  for (const [from, to] of replacements) {
    assert.ok(text.includes(from), `the recipe no longer has: ${from}`);
    text = text.replace(from, to);
  }
  return text;
}

test('the recipes cache for a year every name the build hashes, and no other', () => {
  // Trunk writes its hash in hex without leading zeros (15 digits one time in
  // 16); the splitter and the prerenderer write 16. The prerenderer's
  // `is_hashed` takes 12 to 16 digits, and so must every recipe.
  const hashed = [
    'main-8aec2901684e18c.css',
    'engineering-insights-52182d20db5c4d9b_bg.wasm',
    'engineering-insights-0c3eac04b57b1b2.js',
    'engineering-insights-split-fa8d929eaa357886.js',
    'split_views-996fa0335f17273c.wasm',
  ];
  const plain = ['boot.js', 'sw.js', 'favicon.svg', 'main.css', 'x-1.js', 'feed-2026.xml'];
  for (const name of hashed) assert.ok(HASHED.test(name), name);
  for (const name of plain) assert.ok(!HASHED.test(name), name);
  // nginx and Caddy spell the same expression after their `{{base}}/`.
  const tail = HASHED.source.replace(/^\^\[\^\/\]\+/, '');
  for (const template of ['deploy/nginx.conf', 'deploy/Caddyfile']) {
    const text = fs.readFileSync(path.join(ROOT, template), 'utf8');
    const rules = text.match(/\^\{\{base\}\}\/\[\^\/\]\+\S+\$/g);
    assert.ok(rules?.length, template);
    for (const rule of rules) assert.equal(rule.replace(/^\^\{\{base\}\}\/\[\^\/\]\+/, ''), tail, template);
  }
});

describe('a wrong recipe fails the checks', () => {
  test('nginx with a 404 page for every language and a nested add_header', async () => {
    // The mistakes deploy/README.md's nginx fragment once had: `error_page 404
    // /404.html` (the English page for a Russian URL) and `add_header` in a
    // nested location (which drops every header set outside it, the CSP too).
    const failed = await failures('nginx', DIST, { brotli: true }, (conf) =>
      breakRecipe(
        conf,
        ['error_page 404 $insights_not_found;', 'error_page 404 /404.html;'],
        [
          'location ~ "/$" {',
          'location ~ "-[0-9a-f]{12,16}(_bg)?\\.(js|css|wasm)$" {\n' +
            '            add_header Cache-Control "public, max-age=31536000, immutable";\n' +
            '        }\n        location ~ "/$" {',
        ],
      ),
    );
    assert.deepEqual(Object.keys(failed).sort(), [
      'every file of the build is served at its URL, with its type, caching and security headers',
      'unknown URLs: status 404 and the 404 page of their language',
    ]);
    assert.match(failed['every file of the build is served at its URL, with its type, caching and security headers'], /-[0-9a-f]{12,16}.*Content-Security-Policy/);
    assert.match(failed['unknown URLs: status 404 and the 404 page of their language'], /: the 404 page of (en|ru)/);
  });

  test("Caddy with its default list of compressed types, which leaves out the wasm", async () => {
    const failed = await failures('caddy', DIST, {}, (conf) =>
      breakRecipe(conf, ['\t\t\theader Content-Type application/wasm*\n', '']),
    );
    assert.deepEqual(Object.keys(failed).sort(), [
      'compressed responses name Accept-Encoding in Vary (for caches between host and reader)',
      'text and wasm are sent compressed',
    ]);
    assert.match(failed['text and wasm are sent compressed'], /_bg\.wasm: undefined/);
  });
});
