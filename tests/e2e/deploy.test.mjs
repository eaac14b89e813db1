// The S3/CloudFront recipe (deploy/cloudfront-function.js) maps every URL of the
// built site to a file that exists, as the other hosts do by themselves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { contentIndex, ROOT } from './support.mjs';

const { handler } = createRequire(import.meta.url)(path.join(ROOT, 'deploy/cloudfront-function.js'));
const DIST = path.join(ROOT, process.env.E2E_DIST ?? 'dist');
const run = (uri) => handler({ request: { uri, headers: {} } });

test('every page URL maps to its prerendered file', () => {
  const urls = ['/', '/en/', '/ru/', '/en/tags/', '/ru/tags/'];
  for (const lang of ['en', 'ru']) {
    const index = contentIndex(lang);
    for (const post of index.posts) urls.push(`/${lang}/blog/${post.slug}`);
    for (const tag of index.tags) urls.push(`/${lang}/tags/${tag.slug}`);
  }
  for (const url of urls) {
    const result = run(url);
    assert.ok(result.uri, `${url} is served, not redirected`);
    assert.ok(fs.existsSync(path.join(DIST, result.uri)), `${url} -> ${result.uri}`);
  }
  const asset = fs.readdirSync(DIST).find((f) => f.endsWith('.wasm'));
  assert.equal(run(`/${asset}`).uri, `/${asset}`);
  assert.equal(run('/content/en/pages/1.json').uri, '/content/en/pages/1.json');
});

test('folder and file URLs are made canonical, under a prefix too', () => {
  for (const [from, to] of [
    ['/en', '/en/'],
    ['/ru/tags', '/ru/tags/'],
    ['/en/blog/some-article/', '/en/blog/some-article'],
    ['/insights/ru/tags/rag/', '/insights/ru/tags/rag'],
    ['/insights/en', '/insights/en/'],
  ]) {
    const result = run(from);
    assert.equal(result.statusCode, 301, from);
    assert.equal(result.headers.location.value, to, from);
  }
  assert.equal(run('/insights/en/blog/x').uri, '/insights/en/blog/x.html');
});

test('redirects only ever lead to a path on the same site', () => {
  // Browsers read `//host/…` and `/\host/…` in a Location header as another site.
  for (const uri of [
    '//evil.example/en/blog/x/',
    '//evil.example/en',
    '//evil.example/ru/tags',
    '///evil.example/en/',
    '/\\evil.example/en/blog/x/',
    '/%5Cevil.example/en/blog/x/',
    '/%2F%2Fevil.example/en',
  ]) {
    const result = run(uri);
    if (result.statusCode === undefined) continue;
    const location = result.headers.location.value;
    assert.match(location, /^\/(?![/\\])/, `${uri} -> ${location}`);
    assert.equal(new URL(location, 'https://site.example/').origin, 'https://site.example', `${uri} -> ${location}`);
  }
});
