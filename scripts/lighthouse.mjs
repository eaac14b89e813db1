// Lighthouse scores of the built site (called by scripts/bench):
//   node scripts/lighthouse.mjs DIST
// The index and one article in both languages, served by the CDN-like e2e server
// (brotli, the site's own headers and CSP), audited with Lighthouse's default
// mobile settings in Debian's Chromium (no browser download). Targets: 100 for
// accessibility, best practices and SEO; at least 95 for performance.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serve } from '../tests/e2e/server.mjs';

const require = createRequire(path.resolve('tools/lighthouse/package.json'));
const { default: lighthouse } = await import(require.resolve('lighthouse'));
const chromeLauncher = await import(require.resolve('chrome-launcher'));

const dist = path.resolve(process.argv[2] ?? 'dist');
const slug = (lang) => JSON.parse(fs.readFileSync(path.join(dist, `content/${lang}/pages/1.json`), 'utf8')).posts[0].slug;
const pages = ['en', 'ru'].flatMap((lang) => [`/${lang}/`, `/${lang}/blog/${slug(lang)}`]);
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];

const server = await serve(dist);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const rows = [];
const failures = [];
try {
  for (const page of pages) {
    const result = await lighthouse(`${server.url}${page}`, { port: chrome.port, onlyCategories: categories, logLevel: 'error' });
    const lhr = result.lhr;
    const scores = categories.map((c) => Math.round(lhr.categories[c].score * 100));
    rows.push([page, ...scores]);
    for (const c of categories) {
      for (const ref of lhr.categories[c].auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1 && c !== 'performance') {
          failures.push(`${page} ${c}: ${audit.id} (${audit.title})`);
        }
      }
    }
    const metric = (id) => lhr.audits[id].displayValue;
    rows.at(-1).push(`FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}`);
  }
} finally {
  await chrome.kill();
  await server.close();
}
console.log('| page | performance | accessibility | best practices | SEO | metrics |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
if (failures.length) console.log(`\nAudits below full marks:\n${failures.map((f) => `- ${f}`).join('\n')}`);
