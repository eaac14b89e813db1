// A static file server that behaves like a CDN in front of the built site:
// files are served as they are, and every other path gets index.html with status
// 200 (the usual SPA rewrite), so the app must tell unknown pages apart itself.
// Bound to 127.0.0.1 on a free port.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';

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

/** Starts serving `root`; resolves to { url, requests, subscriptions, close }.
 * POST /api/subscribe stands in for a newsletter endpoint: it records the JSON body
 * and answers 204, or 500 for addresses containing "fail". */
export async function serve(root) {
  const requests = [];
  const subscriptions = [];
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
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(path.resolve(root))) {
      res.writeHead(400).end();
      return;
    }
    try {
      const stat = await fs.stat(file);
      if (stat.isDirectory()) file = path.join(file, 'index.html');
      const body = await fs.readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      const body = await fs.readFile(path.join(root, 'index.html'));
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      res.end(body);
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    subscriptions,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
