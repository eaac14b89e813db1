// The suite's own server (server.mjs) on a small site of its own: every other
// e2e test trusts it, so it must not be the weak point a real host is not.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { serve } from './server.mjs';

let tmp;
let server;
before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'server-'));
  const site = path.join(tmp, 'site');
  fs.mkdirSync(path.join(site, 'en/blog'), { recursive: true });
  fs.writeFileSync(path.join(site, 'en/index.html'), 'index');
  fs.writeFileSync(path.join(site, 'en/blog/x.html'), 'article');
  fs.writeFileSync(path.join(site, '404.html'), 'not found');
  // A rule with a placeholder first, as _redirects once had: what it captures
  // must never make the redirect leave the site.
  fs.writeFileSync(path.join(site, '_redirects'), '/:lang/blog/:slug/  /:lang/blog/:slug  301\n/*  /404.html  404\n');
  // A folder beside the site whose name starts with the site's.
  fs.mkdirSync(path.join(tmp, 'site2'));
  fs.writeFileSync(path.join(tmp, 'site2/secret.txt'), 'secret');
  server = await serve(site);
});
after(async () => {
  await server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The response to a path sent exactly as written. */
function get(target) {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: target }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode, location: res.headers.location, body }));
      })
      .on('error', reject);
  });
}

test('redirects stay on the site, whatever the URL holds', async () => {
  assert.equal((await get('/en/blog/x/')).location, '/en/blog/x');
  assert.equal((await get('/en')).location, '/en/');
  for (const target of ['/%5Cevil.example/blog/x/', '/%2F%2Fevil.example/blog/x/', '//evil.example/blog/x/', '/%2Fen', '//en', '/%5Cen']) {
    const { status, location } = await get(target);
    if (status < 300 || status >= 400) continue;
    assert.match(location, /^\/(?![/\\])/, `${target} -> ${location}`);
    assert.equal(new URL(location, 'http://site.example/').host, 'site.example', `${target} -> ${location}`);
  }
});

test('no URL reads a file outside the site', async () => {
  for (const target of ['/..%2fsite2/secret.txt', '/%2e%2e%2fsite2%2fsecret.txt', '/en/..%2f..%2fsite2/secret.txt']) {
    const { status, body } = await get(target);
    assert.notEqual(body, 'secret', `${target}: ${status}`);
  }
});

test('under a sub-path, the site root without its slash leads to the site, with the query', async () => {
  const prefixed = await serve(path.join(tmp, 'site'), { prefix: '/insights' });
  try {
    const { port } = new URL(prefixed.url);
    const res = await new Promise((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, path: '/insights?a=1' }, resolve).on('error', reject);
    });
    res.resume();
    assert.equal(res.statusCode, 301);
    assert.equal(res.headers.location, '/insights/?a=1');
  } finally {
    await prefixed.close();
  }
});
