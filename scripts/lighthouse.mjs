// Lighthouse of the built site against its own static variant (called by
// scripts/bench):
//   node scripts/lighthouse.mjs DIST [RUNS=2] [BEFORE_DIST]
//
// Variants of the same build, served side by side by the CDN-like e2e server
// (brotli, the site's own headers and CSP) and audited in the same run, page
// after page:
//   shipped  the site as deployed;
//   static   the same pages with every script and preload removed (JSON-LD
//            kept): what a static site generator serves, the baseline the app
//            must not fall behind;
//   before   (only with BEFORE_DIST) another build, e.g. an earlier commit's, for a
//            before/after comparison under the same conditions.
// Pages: both indexes, the largest article of each language, the tag page with
// the most articles, and the 404 page (its file, since Lighthouse refuses to
// audit a document answered with status 404).
// Settings: Lighthouse's defaults (mobile: simulated throttling, 4x CPU, Moto G
// Power viewport) in Debian's Chromium (no browser download).
// Targets (issue "the app must cost the first view nothing"): performance 100,
// LCP at most 1.1x the static variant's, total blocking time at most 50 ms, and
// 100 for accessibility, best practices and SEO.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serve } from '../tests/e2e/server.mjs';
import { largestArticle, staticVariant } from './measure.mjs';

const require = createRequire(path.resolve('tools/lighthouse/package.json'));
const { default: lighthouse } = await import(require.resolve('lighthouse'));
const chromeLauncher = await import(require.resolve('chrome-launcher'));
const lighthouseVersion = JSON.parse(fs.readFileSync(require.resolve('lighthouse/package.json'), 'utf8')).version;

const dist = path.resolve(process.argv[2] ?? 'dist');
const runs = Number(process.argv[3] ?? 2);
const before = process.argv[4] && path.resolve(process.argv[4]);

/** The English tag page listing the most articles (the tag list's first page
 * lists the most used first). */
function biggestTag() {
  const { tags } = JSON.parse(fs.readFileSync(path.join(dist, 'content/en/tags/page/1.json'), 'utf8'));
  const tag = tags[0];
  return `/en/tags/${tag.slug}`;
}
const notFound = fs.existsSync(path.join(dist, 'en/404.html')) ? '/en/404.html' : '/404.html';
const pages = ['/en/', '/ru/', largestArticle(dist, 'en'), largestArticle(dist, 'ru'), biggestTag(), notFound];

const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
const staticDir = staticVariant(dist);
const servers = { shipped: await serve(dist), static: await serve(staticDir) };
if (before) servers.before = await serve(before);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const results = [];
const failures = [];
try {
  for (let run = 1; run <= runs; run++) {
    for (const page of pages) {
      for (const [variant, server] of Object.entries(servers)) {
        const { lhr } = await lighthouse(`${server.url}${page}`, { port: chrome.port, onlyCategories: categories, logLevel: 'error' });
        if (lhr.runtimeError) throw new Error(`${page}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        const score = (c) => Math.round(lhr.categories[c].score * 100);
        const ms = (id) => lhr.audits[id].numericValue;
        results.push({
          run,
          page,
          variant,
          scores: categories.map(score),
          fcp: ms('first-contentful-paint'),
          lcp: ms('largest-contentful-paint'),
          tbt: ms('total-blocking-time'),
          cls: lhr.audits['cumulative-layout-shift'].numericValue,
        });
        for (const c of categories.filter((c) => c !== 'performance' && variant === 'shipped')) {
          for (const ref of lhr.categories[c].auditRefs) {
            const audit = lhr.audits[ref.id];
            if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
              failures.push(`run ${run} ${page} ${c}: ${audit.id} (${audit.title})`);
            }
          }
        }
      }
    }
  }
} finally {
  await chrome.kill();
  for (const server of Object.values(servers)) await server.close();
  fs.rmSync(staticDir, { recursive: true, force: true });
}

const fmt = (n) => `${Math.round(n)} ms`;
console.log(`Lighthouse ${lighthouseVersion}, default mobile settings (simulated throttling), ${runs} run(s)\n`);
const beforeHead = before ? ' before: perf / LCP / TBT |' : '';
console.log(`| run | page | shipped: perf / a11y / BP / SEO | shipped: FCP / LCP / TBT / CLS | static: perf | static: FCP / LCP / TBT | LCP ratio | targets |${beforeHead}`);
console.log(`| --- | --- | --- | --- | --- | --- | --- | --- |${before ? ' --- |' : ''}`);
let missed = 0;
for (const shipped of results.filter((r) => r.variant === 'shipped')) {
  const base = results.find((r) => r.variant === 'static' && r.run === shipped.run && r.page === shipped.page);
  const ratio = shipped.lcp / base.lcp;
  const met = shipped.scores.every((s) => s === 100) && ratio <= 1.1 && shipped.tbt <= 50;
  if (!met) missed++;
  const old = results.find((r) => r.variant === 'before' && r.run === shipped.run && r.page === shipped.page);
  const oldCell = old ? ` ${old.scores[0]} / ${fmt(old.lcp)} / ${fmt(old.tbt)} |` : '';
  console.log(
    `| ${shipped.run} | \`${shipped.page}\` | ${shipped.scores.join(' / ')} | ${fmt(shipped.fcp)} / ${fmt(shipped.lcp)} / ${fmt(shipped.tbt)} / ${shipped.cls.toFixed(3)} | ${base.scores[0]} | ${fmt(base.fcp)} / ${fmt(base.lcp)} / ${fmt(base.tbt)} | ${ratio.toFixed(2)}× | ${met ? 'met' : '**missed**'} |${oldCell}`,
  );
}
console.log(`\n${missed ? `${missed} page run(s) missed a target` : 'every page run met every target'}`);
if (failures.length) console.log(`\nAudits below full marks:\n${failures.map((f) => `- ${f}`).join('\n')}`);
