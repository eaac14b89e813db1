// A static file server that behaves like the CDNs the site is deployed to
// (Netlify, Cloudflare Pages), driven by the site's own deployment files, so the
// tests check those files too:
//
// * `/x/` is served from `x/index.html`, `/x` from `x.html` (or redirected to
//   `/x/` when `x` is a folder), other files as they are;
// * `_redirects` rules apply where no file matches (redirects, and 404 pages
//   served with status 404);
// * `_headers` rules add headers, among them the Content-Security-Policy, which
//   the browser then enforces; the default Cache-Control is the CDNs' own;
// * text and wasm are sent compressed (brotli, else gzip) to clients that accept
//   it, every file with an ETag that a conditional request is answered 304 by;
// * redirects lead only to a path of the site, and no URL reaches a file
//   outside it (server.test.mjs).
//
// hosts.test.mjs runs the same HTTP checks on it as on nginx, Caddy and
// Cloudflare's Pages runtime.
//
// The site can be mounted under a path prefix (`/insights`), as a sub-path
// deployment would be. Bound to 127.0.0.1 on a free port.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

const DEFAULT_CACHE = 'public, max-age=0, must-revalidate';
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.wasm', '.svg', '.xml', '.txt']);

/** Brotli bodies (quality 11, as CDNs serve static files), kept per file. */
const compressed = new Map();
async function brotli(file, body) {
  const { mtimeMs } = await fs.stat(file);
  // By content too: a test may serve a file rewritten (see `setRewrite`).
  const key = `${file}:${mtimeMs}:${crypto.createHash('sha1').update(body).digest('hex')}`;
  if (!compressed.has(key)) {
    compressed.set(key, zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
  return compressed.get(key);
}

/** A `/a/:name/*` pattern as a RegExp with named groups (`splat` for `*`). */
function pattern(from) {
  const source = from
    .split('/')
    .map((seg) => {
      if (seg === '*') return '(?<splat>.*)';
      if (seg.startsWith(':')) return `(?<${seg.slice(1)}>[^/]+)`;
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${source}$`);
}

async function readRules(root) {
  const text = async (name) => fs.readFile(path.join(root, name), 'utf8').catch(() => '');
  const headers = [];
  for (const line of (await text('_headers')).split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) headers.push({ match: pattern(line.trim()), set: {} });
    else {
      const [name, ...value] = line.trim().split(':');
      headers.at(-1).set[name.trim().toLowerCase()] = value.join(':').trim();
    }
  }
  const redirects = [];
  for (const line of (await text('_redirects')).split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const [from, to, status] = line.trim().split(/\s+/);
    redirects.push({ match: pattern(from), to, status: Number(status ?? 301) });
  }
  return { headers, redirects };
}

async function isFile(file) {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Where the browser sends Content-Security-Policy violation reports when the
 * server is started with `cspReports` (see `serve`). */
const CSP_REPORTS = '/__csp-reports';

/** Starts serving `root` under `prefix` ('' or e.g. '/insights'); resolves to
 * { url, site, requests, subscriptions, cspReports, setOffline, setRoot, close }.
 * POST /api/subscribe stands in for a newsletter endpoint: it records the JSON body
 * and answers 204, or 500 for addresses containing "fail".
 * With `cspReports`, the site's policy also asks the browser to report every
 * violation (`report-uri`), and the reports are kept: what any engine blocked,
 * without reading its console. */
export async function serve(root, { prefix = '', cspReports: reporting = false } = {}) {
  const requests = [];
  const subscriptions = [];
  const cspReports = [];
  // While offline, every connection is dropped unanswered, as a lost network
  // looks to the page (the browser's own offline switch is not in every engine's
  // automation).
  let offline = false;
  let rules = await readRules(root);
  // What a test changes in what is served, to stand in for an engine that lacks
  // something (see `setRewrite`).
  let rewrite = null;

  /** The `_headers` rules' headers for `pathname`, over `base`. */
  const ruleHeaders = (pathname, base = {}) => {
    const headers = { ...base };
    for (const rule of rules.headers) if (rule.match.test(pathname)) Object.assign(headers, rule.set);
    const policy = headers['content-security-policy'];
    if (reporting && policy) headers['content-security-policy'] = `${policy}; report-uri ${CSP_REPORTS}`;
    return headers;
  };

  /** A redirect, only ever to a path of this site: `//host/…` or `/\host/…` in
   * a Location header would send the browser to another site. */
  const redirect = (res, pathname, status, location) => {
    if (!/^\/(?![/\\])/.test(location)) return false;
    res.writeHead(status, ruleHeaders(pathname, { location })).end();
    return true;
  };

  const send = async (res, pathname, file, status = 200) => {
    const headers = ruleHeaders(pathname, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': DEFAULT_CACHE,
    });
    const { mtimeMs, size } = await fs.stat(file);
    let body = await fs.readFile(file);
    // A validator, so that pages and the service worker are revalidated, not re-sent.
    let etag = `"${Math.floor(mtimeMs).toString(16)}-${size.toString(16)}"`;
    if (rewrite && path.extname(file) !== '.wasm' && COMPRESSIBLE.has(path.extname(file))) {
      body = Buffer.from(rewrite(pathname, body.toString('utf8')));
      etag = `"rewritten-${crypto.createHash('sha1').update(body).digest('hex')}"`;
    }
    headers.etag = etag;
    if (status === 200 && res.req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers).end();
      return;
    }
    const accepted = res.req.headers['accept-encoding'] ?? '';
    if (COMPRESSIBLE.has(path.extname(file))) {
      headers.vary = 'Accept-Encoding';
      if (/\bbr\b/.test(accepted)) {
        body = await brotli(file, body);
        headers['content-encoding'] = 'br';
      } else if (/\bgzip\b/.test(accepted)) {
        body = zlib.gzipSync(body);
        headers['content-encoding'] = 'gzip';
      }
    }
    res.writeHead(status, headers);
    res.end(body);
  };

  const server = http.createServer(async (req, res) => {
    if (offline) {
      req.socket.destroy();
      return;
    }
    // Prefixed, so that `//host/x` stays a path rather than a host.
    const url = new URL(`http://127.0.0.1${req.url}`);
    if (req.method === 'POST' && url.pathname === CSP_REPORTS) {
      let body = '';
      for await (const chunk of req) body += chunk;
      cspReports.push(JSON.parse(body)['csp-report'] ?? body);
      res.writeHead(204).end();
      return;
    }
    requests.push(url.pathname);
    if (req.method === 'POST' && url.pathname === '/api/subscribe') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const parsed = JSON.parse(body);
      subscriptions.push({ contentType: req.headers['content-type'], ...parsed });
      res.writeHead(parsed.email.includes('fail') ? 500 : 204).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (!(pathname + '/').startsWith(prefix + '/')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('outside the site');
      return;
    }
    // The site's root without its slash: the site, as every host answers it.
    if (prefix && pathname === prefix) {
      redirect(res, `${prefix}/`, 301, `${prefix}/${url.search}`);
      return;
    }
    const rel = pathname.slice(prefix.length);
    const file = path.join(root, rel);
    // No `..`, empty segment, backslash or NUL (`/..%2fsite2/`, `/%2F%2Fhost/`):
    // none of the site's URLs has one, and each could reach outside it.
    const inside = path.relative(path.resolve(root), path.resolve(file));
    if (/(^|\/)\.\.(\/|$)|\/\/|[\\\0]/.test(rel) || inside.startsWith('..') || path.isAbsolute(inside)) {
      res.writeHead(400).end();
      return;
    }
    if (/^\/_(headers|redirects)$/.test(rel)) {
      // What the hosts read, not a page (Netlify and Cloudflare Pages hide them).
    } else if (rel.endsWith('/')) {
      if (await isFile(path.join(file, 'index.html'))) return send(res, pathname, path.join(file, 'index.html'));
    } else if (await isFile(file)) {
      return send(res, pathname, file);
    } else if (await isFile(path.join(file, 'index.html'))) {
      // The path as the browser sent it (still encoded), plus the slash.
      if (redirect(res, pathname, 301, url.pathname + '/' + url.search)) return;
    } else if (await isFile(file + '.html')) {
      return send(res, pathname, file + '.html');
    }
    for (const rule of rules.redirects) {
      const m = rule.match.exec(pathname);
      if (!m) continue;
      // What a placeholder captured goes back into a URL encoded.
      const to = rule.to.replace(/:(\w+)/g, (_, name) => encodeURIComponent(m.groups?.[name] ?? ''));
      if (rule.status >= 300 && rule.status < 400) {
        if (redirect(res, pathname, rule.status, to + url.search)) return;
        continue;
      }
      const target = path.join(root, to.slice(prefix.length));
      if (await isFile(target)) return send(res, pathname, target, rule.status);
    }
    res.writeHead(404, ruleHeaders(pathname, { 'content-type': 'text/plain' })).end('not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    /** The site's own URL: the origin plus the prefix, with a trailing slash. */
    site: `${origin}${prefix}/`,
    requests,
    subscriptions,
    /** The violation reports received (with `cspReports`). */
    cspReports,
    /** Drops every connection from now on (`true`), or answers again. */
    setOffline(value) {
      offline = value;
      if (offline) server.closeIdleConnections();
    },
    /** From now on, serves every text file as `fn(pathname, text)` returns it
     * (`null`: as built). */
    setRewrite(fn) {
      rewrite = fn;
    },
    /** Serves another build from now on, as a deploy would. */
    async setRoot(next) {
      root = next;
      rules = await readRules(root);
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
