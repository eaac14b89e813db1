// What every host must do with the built site, checked over HTTP the same way
// on each (tests/e2e/hosts.test.mjs): the suite's own server, nginx, Caddy and
// Cloudflare's Pages runtime. The expectations come from the build itself:
// every file in it, its _headers (security headers, the hashed files) and its
// _redirects (redirects, the 404 page of each language); see deploy/README.md.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { readBuild } from '../../deploy/configure.mjs';
import { SECRET, stagedDocroot } from './hosts.mjs';

const REVALIDATE = /\bmax-age=0\b.*\bmust-revalidate\b|\bno-cache\b/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
const TYPES = {
  '.html': /^text\/html\b/,
  '.js': /^(text|application)\/javascript\b/,
  '.css': /^text\/css\b/,
  '.json': /^application\/json\b/,
  '.wasm': /^application\/wasm$/,
  '.xml': /^(application|text)\/(rss\+)?xml\b/,
  '.txt': /^text\/plain\b/,
  '.svg': /^image\/svg\+xml\b/,
  '.png': /^image\/png$/,
  '.webp': /^image\/webp$/,
  '.jpg': /^image\/jpeg$/,
  '.ico': /^image\/(x-icon|vnd\.microsoft\.icon)$/,
  '.webmanifest': /^application\/(manifest\+)?json\b/,
};
// Not pages: what Netlify and Cloudflare Pages read, and GitHub Pages' marker.
const HOST_FILES = new Set(['_headers', '_redirects', '.nojekyll']);

/** One GET of `target` (a raw path, sent as it is, or a URL), answered
 * { status, headers, body } with the body decompressed. */
export function get(origin, target, headers = {}) {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: target, headers: { 'accept-encoding': 'identity', ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        let body = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        if (encoding === 'br') body = zlib.brotliDecompressSync(body);
        else if (encoding === 'gzip') body = zlib.gunzipSync(body);
        else if (encoding === 'zstd') body = null; // Caddy's; Node 20 cannot decode it
        resolve({ status: res.statusCode, headers: res.headers, body });
      });
    });
    req.on('error', reject);
    req.setTimeout(30000, () => req.destroy(new Error(`timeout: ${target}`)));
    req.end();
  });
}

/** Every file of a build with the URL it is served at: `x/index.html` at `x/`,
 * a page `x.html` at `x`, anything else at its path. The 404 pages have none. */
export function buildFiles(dist, prefix) {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      // Not the site's: Trunk's `.stage/` while a build runs, the hosts' dot files.
      if (entry.name.startsWith('.')) continue;
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else {
        const rel = path.relative(dist, file).split(path.sep).join('/');
        if (HOST_FILES.has(rel) || entry.name === '404.html') continue;
        let url = rel;
        if (entry.name === 'index.html') url = rel.slice(0, -'index.html'.length);
        else if (rel.endsWith('.html')) url = rel.slice(0, -'.html'.length);
        files.push({ file, rel, url: `${prefix}/${url.split('/').map(encodeURIComponent).join('/')}` });
      }
    }
  };
  walk(dist);
  return files;
}

/** Runs `fn` over `items`, `width` at a time. */
async function each(items, width, fn) {
  const queue = [...items];
  await Promise.all(Array.from({ length: width }, async () => {
    while (queue.length) await fn(queue.shift());
  }));
}

/** Asserts the site's security headers (the `/*` block of _headers, with the
 * Content-Security-Policy and its `frame-ancestors`) on one response. */
function assertSecurityHeaders(build, res, what) {
  for (const [name, value] of build.headers) {
    assert.equal(res.headers[name.toLowerCase()], value, `${what}: ${name}`);
  }
}

/** Asserts that a redirect, if `res` is one, stays on the site's origin. */
function assertSameSite(origin, res, what) {
  assert.equal(res.headers['set-cookie'], undefined, `${what}: a header was injected`);
  if (res.status < 300 || res.status >= 400) return;
  const location = res.headers.location ?? '';
  // A URL as a header carries it: no raw space or control character (what a
  // slug decoded from `%20` or `%0d%0a` would put there).
  assert.match(location, /^[\x21-\x7e]+$/, `${what} -> ${JSON.stringify(location)}`);
  assert.ok(/^\/(?![/\\])/.test(location) || location.startsWith(`${origin}/`), `${what} -> ${location}`);
  assert.equal(new URL(location, `${origin}/`).origin, origin, `${what} -> ${location}`);
}

/** A real slug and tag of each language, from the build's pages. */
function samples(build, files) {
  const out = {};
  for (const lang of build.langs) {
    const slug = files.find((f) => f.rel.startsWith(`${lang}/blog/`) && f.rel.endsWith('.html'));
    const tag = files.find((f) => new RegExp(`^${lang}/tags/[^/]+\\.html$`).test(f.rel));
    out[lang] = { slug: path.basename(slug.rel, '.html'), tag: path.basename(tag.rel, '.html') };
  }
  return out;
}

/** The checks, as [name, async fn, options of node:test] triples, for `host`
 * ({ origin, prefix, dist }) serving the build in `host.dist`. Options:
 * `brotli` (the host must choose brotli when offered it); `known` ({ check name:
 * why }), a host's known departures from a check, each with its reason: such a
 * check still runs, as strict as for every other host, but is reported as a
 * TODO with the reason instead of failing the run (node:test's `todo`). */
export function httpChecks(host, { brotli = false, known = {} } = {}) {
  const { prefix, dist } = host;
  const build = readBuild(dist);
  const files = buildFiles(dist, prefix);
  const hashed = new Set(build.hashed);
  const immutable = (url) => hashed.has(url) || build.hashedFolders.some((folder) => url.startsWith(folder));
  const page404 = (lang) => fs.readFileSync(path.join(dist, lang ? `${lang}/404.html` : '404.html'));
  const checks = [];
  // The host's origin is known once it runs: each check is handed it then.
  // Each an async function, so that a caller can always await or .catch() it.
  const check = (name, fn) => checks.push([name, async () => fn(host.origin), known[name] ? { todo: known[name] } : {}]);

  check('the policy sent as a header forbids framing', () => {
    const csp = build.headers.find(([name]) => name === 'Content-Security-Policy')?.[1] ?? '';
    assert.match(csp, /frame-ancestors 'none'/);
  });

  check('every file of the build is served at its URL, with its type, caching and security headers', async (origin) => {
    assert.ok(files.length > 50, `${files.length} files`);
    await each(files, 8, async ({ file, rel, url }) => {
      const res = await get(origin, url);
      assert.equal(res.status, 200, url);
      assertSecurityHeaders(build, res, url);
      assert.ok(res.body.equals(fs.readFileSync(file)), `${url}: the body is ${rel}`);
      const type = TYPES[path.extname(rel)];
      assert.ok(type, `${rel}: a type is expected for its extension`);
      assert.match(res.headers['content-type'] ?? '', type, `${url}: Content-Type`);
      if (immutable(url)) assert.equal(res.headers['cache-control'], IMMUTABLE, `${url}: hashed`);
      else assert.match(res.headers['cache-control'] ?? '', REVALIDATE, `${url}: revalidated`);
      assertSecurityHeaders(build, res, url);
    });
    // The files _headers calls hashed are all in the build, and cached for a year above.
    for (const url of hashed) assert.ok(files.some((f) => f.url === url), `${url} is in the build`);
    assert.ok(hashed.size >= 3, `${[...hashed]}`);
    // The figures too, when the content has any.
    const figures = files.filter((f) => build.hashedFolders.some((folder) => f.url.startsWith(folder)));
    assert.ok(figures.length > 0 === fs.existsSync(path.join(dist, 'figures')), `${figures.length} figures`);
  });

  check('pages, documents and the service worker can be revalidated (304)', async (origin) => {
    for (const url of [`${prefix}/en/`, `${prefix}/sw.js`, `${prefix}/content/en/pages/1.json`, `${prefix}/en/feed.xml`]) {
      const res = await get(origin, url);
      assert.equal(res.status, 200, url);
      const etag = res.headers.etag;
      const modified = res.headers['last-modified'];
      assert.ok(etag || modified, `${url}: a validator (ETag or Last-Modified)`);
      const again = await get(origin, url, etag ? { 'if-none-match': etag } : { 'if-modified-since': modified });
      assert.equal(again.status, 304, `${url}: conditional request`);
    }
  });

  check('redirects: a trailing slash on an article or tag page, a folder without its slash', async (origin) => {
    const sample = samples(build, files);
    const cases = [];
    for (const rule of build.redirects.filter((r) => r.status === 301)) {
      const lang = build.langs.find((l) => rule.from.startsWith(`${prefix}/${l}/`));
      const fill = (pattern) => pattern.replace(':slug', sample[lang].slug).replace(':tag', sample[lang].tag);
      cases.push([fill(rule.from), fill(rule.to)]);
    }
    assert.ok(cases.length >= 2 * build.langs.length, `${cases.length} redirect rules`);
    for (const { url } of files.filter((f) => f.url.endsWith('/') && f.url !== `${prefix}/`)) {
      cases.push([url.slice(0, -1), url]);
    }
    if (prefix) cases.push([prefix, `${prefix}/`]);
    for (const [from, to] of cases) {
      for (const query of ['', '?utm_source=x&q=%20a']) {
        const res = await get(origin, from + query);
        assert.ok([301, 308].includes(res.status), `${from + query}: ${res.status}`);
        const location = new URL(res.headers.location, `${origin}/`);
        assert.equal(location.origin, origin, from);
        assert.equal(location.pathname + location.search, to + query, `${from + query} -> ${res.headers.location}`);
        assertSecurityHeaders(build, res, `redirect of ${from}`);
      }
    }
  });

  check('unknown URLs: status 404 and the 404 page of their language', async (origin) => {
    const cases = [[`${prefix}/no-such-page`, null], [`${prefix}/no/such/page.html`, null]];
    for (const lang of build.langs) {
      cases.push(
        [`${prefix}/${lang}/no-such-page`, lang],
        [`${prefix}/${lang}/blog/no-such-article`, lang],
        [`${prefix}/${lang}/tags/no-such-tag/page/2`, lang],
        [`${prefix}/${lang}/page/999`, lang],
        [`${prefix}/content/${lang}/posts/no-such-article.json`, null],
      );
    }
    for (const [url, lang] of cases) {
      const res = await get(origin, url);
      assert.equal(res.status, 404, url);
      assert.match(res.headers['content-type'] ?? '', /^text\/html\b/, url);
      assert.ok(res.body.equals(page404(lang)), `${url}: the 404 page of ${lang ?? 'the site'}`);
      assertSecurityHeaders(build, res, `404 of ${url}`);
    }
  });

  check('the files hosts read are not served', async (origin) => {
    for (const name of ['_headers', '_redirects']) {
      const res = await get(origin, `${prefix}/${name}`);
      assert.ok(res.status >= 400, `${name}: ${res.status}`);
      const text = fs.readFileSync(path.join(dist, name), 'utf8');
      const firstRule = text.split('\n').find((l) => l.trim() && !l.startsWith('#'));
      assert.ok(!(res.body ?? Buffer.alloc(0)).toString().includes(firstRule), `${name}: its rules are in the body`);
    }
  });

  check('the files hosts read are answered as unknown URLs: 404 and the 404 page', async (origin) => {
    for (const name of ['_headers', '_redirects']) {
      const res = await get(origin, `${prefix}/${name}`);
      assert.equal(res.status, 404, name);
      assert.ok(res.body.equals(page404(null)), `${name}: the 404 page of the site`);
      assertSecurityHeaders(build, res, `404 of ${name}`);
    }
  });

  check('text and wasm are sent compressed', async (origin) => {
    const wasm = files.find((f) => f.rel.endsWith('_bg.wasm'));
    const samples = [`${prefix}/en/`, wasm.url, `${prefix}/content/en/pages/1.json`, `${prefix}/sitemap.xml`, `${prefix}/sw.js`];
    samples.push(files.find((f) => f.rel.endsWith('.css')).url);
    for (const url of samples) {
      const res = await get(origin, url, { 'accept-encoding': 'br, gzip' });
      assert.ok(['br', 'gzip'].includes(res.headers['content-encoding']), `${url}: ${res.headers['content-encoding']}`);
      if (brotli) assert.equal(res.headers['content-encoding'], 'br', `${url}: brotli`);
      const file = files.find((f) => f.url === url).file;
      assert.ok(res.body.equals(fs.readFileSync(file)), `${url}: decompressed body`);
      const gzip = await get(origin, url, { 'accept-encoding': 'gzip' });
      assert.equal(gzip.headers['content-encoding'], 'gzip', `${url}: gzip`);
    }
  });

  check('compressed responses name Accept-Encoding in Vary (for caches between host and reader)', async (origin) => {
    for (const url of [`${prefix}/en/`, files.find((f) => f.rel.endsWith('_bg.wasm')).url, `${prefix}/sw.js`]) {
      const res = await get(origin, url, { 'accept-encoding': 'br, gzip' });
      assert.ok(res.headers['content-encoding'], `${url}: compressed`);
      assert.match(res.headers.vary ?? '', /accept-encoding/i, `${url}: Vary`);
    }
  });

  check('redirects never lead to another site', async (origin) => {
    const site = (prefix + '/en').slice(1);
    const targets = [];
    for (const host of ['//evil.example', '/%5Cevil.example', '/%2F%2Fevil.example', '/%5C%5Cevil.example', '/\\evil.example']) {
      targets.push(`${host}${prefix}/en/blog/x/`, `${host}${prefix}/en`, `${host}${prefix}/ru/tags`, `${host}/blog/x/`);
    }
    for (const start of ['//', '/%2F', '/%5C', '/\\', '///']) targets.push(`${start}${site}`, `${start}${site}/blog/x/`);
    targets.push(`${prefix}/en/blog/x%0d%0aSet-Cookie:%20a=b/`, `${prefix}/en%0d%0aSet-Cookie:%20a=b`);
    for (const slug of ['a%20b', '%00', '%09x', '%3F', 'a%23b', '%5Cevil.example', '%2F%2Fevil.example']) {
      targets.push(`${prefix}/ru/blog/${slug}/`, `${prefix}/en/tags/${slug}/`);
    }
    for (const target of targets) assertSameSite(origin, await get(origin, target), target);
  });

  // The staged folders (hosts.mjs): `secret.txt` above the document root, and
  // a folder beside it named like it plus `2`, which a check of the resolved
  // path by its prefix alone (`startsWith(root)`) lets through. Under a
  // sub-path the document root is one level above the site.
  const up = prefix ? '..%2f' : '';
  const sibling = `${up}${stagedDocroot(prefix)}2`;
  check('no URL reaches a file above the document root', async (origin) => {
    for (const target of [
      `${prefix}/..%2f${up}secret.txt`,
      `${prefix}/%2e%2e/${up}secret.txt`,
      `${prefix}/%2e%2e%2f${up}secret.txt`,
      `${prefix}/..%5c${up.replace('%2f', '%5c')}secret.txt`,
      `${prefix}/en/..%2f..%2f${up}secret.txt`,
    ]) {
      const res = await get(origin, target);
      assert.ok(!(res.body ?? Buffer.alloc(0)).toString().includes(SECRET), `${target}: ${res.status}`);
    }
  });

  check('no URL reaches a folder beside the document root named like it', async (origin) => {
    for (const target of [
      `${prefix}/..%2f${sibling}/secret.txt`,
      `${prefix}/%2e%2e%2f${sibling}%2fsecret.txt`,
      `${prefix}/en/..%2f..%2f${sibling}/secret.txt`,
    ]) {
      const res = await get(origin, target);
      assert.ok(!(res.body ?? Buffer.alloc(0)).toString().includes(SECRET), `${target}: ${res.status}`);
    }
  });

  const unknown = Object.keys(known).filter((name) => !checks.some(([n]) => n === name));
  if (unknown.length) throw new Error(`known departures from no such check: ${unknown.join('; ')}`);
  return checks;
}
