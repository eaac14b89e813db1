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
// * text and wasm are sent brotli-compressed to clients that accept it.
//
// The site can be mounted under a path prefix (`/insights`), as a sub-path
// deployment would be. Bound to 127.0.0.1 on a free port.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

const DEFAULT_CACHE = 'public, max-age=0, must-revalidate';
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.wasm', '.svg', '.xml', '.txt']);

/** Brotli bodies (quality 11, as CDNs serve static files), kept per file. */
const compressed = new Map();
async function brotli(file, body) {
  const { mtimeMs } = await fs.stat(file);
  const key = `${file}:${mtimeMs}:${body.length}`;
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

/** Starts serving `root` under `prefix` ('' or e.g. '/insights'); resolves to
 * { url, site, requests, subscriptions, setRoot, close }.
 * POST /api/subscribe stands in for a newsletter endpoint: it records the JSON body
 * and answers 204, or 500 for addresses containing "fail". */
export async function serve(root, { prefix = '' } = {}) {
  const requests = [];
  const subscriptions = [];
  let rules = await readRules(root);

  const send = async (res, pathname, file, status = 200) => {
    const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': DEFAULT_CACHE };
    for (const rule of rules.headers) if (rule.match.test(pathname)) Object.assign(headers, rule.set);
    let body = await fs.readFile(file);
    if (COMPRESSIBLE.has(path.extname(file)) && /\bbr\b/.test(res.req.headers['accept-encoding'] ?? '')) {
      body = await brotli(file, body);
      headers['content-encoding'] = 'br';
      headers.vary = 'Accept-Encoding';
    }
    res.writeHead(status, headers);
    res.end(body);
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push(url.pathname);
    if (req.method === 'POST' && url.pathname === '/api/subscribe') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const parsed = JSON.parse(body);
      subscriptions.push({ contentType: req.headers['content-type'], ...parsed });
      res.writeHead(parsed.email.includes('fail') ? 500 : 204).end();
      return;
    }
    const pathname = decodeURIComponent(url.pathname);
    if (!(pathname + '/').startsWith(prefix + '/')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('outside the site');
      return;
    }
    const rel = pathname.slice(prefix.length) || '/';
    const file = path.join(root, rel);
    if (!file.startsWith(path.resolve(root))) {
      res.writeHead(400).end();
      return;
    }
    if (rel.endsWith('/')) {
      if (await isFile(path.join(file, 'index.html'))) return send(res, pathname, path.join(file, 'index.html'));
    } else if (await isFile(file)) {
      return send(res, pathname, file);
    } else if (await isFile(path.join(file, 'index.html'))) {
      res.writeHead(301, { location: pathname + '/' + url.search }).end();
      return;
    } else if (await isFile(file + '.html')) {
      return send(res, pathname, file + '.html');
    }
    for (const rule of rules.redirects) {
      const m = rule.match.exec(pathname);
      if (!m) continue;
      const to = rule.to.replace(/:(\w+)/g, (_, name) => m.groups?.[name] ?? '');
      if (rule.status >= 300 && rule.status < 400) {
        res.writeHead(rule.status, { location: to + url.search }).end();
        return;
      }
      const target = path.join(root, to.slice(prefix.length));
      if (await isFile(target)) return send(res, pathname, target, rule.status);
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
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
    /** Serves another build from now on, as a deploy would. */
    async setRoot(next) {
      root = next;
      rules = await readRules(root);
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
