// The development server's answer to an edit (called by scripts/bench while
// `scripts/serve` runs):
//   node scripts/dev-reload.mjs CONTENT [RUNS=5] [URL=http://127.0.0.1:8080]
// Opens the newest English article of CONTENT (its source file content/en/<slug>.md)
// in Chromium, then RUNS times changes its title in the source and measures the
// time from the write to the reloaded page showing the new title in its heading
// (the devserver's rebuild, the browser's reload and the page's paint). The
// source is put back at the end. Prints each run, the median and the worst, in ms.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';

const content = path.resolve(process.argv[2] ?? 'content');
const runs = Number(process.argv[3] ?? 5);
const url = process.argv[4] ?? 'http://127.0.0.1:8080';

// The newest English article with a source of its own name.
const sources = fs
  .readdirSync(path.join(content, 'en'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => {
    const text = fs.readFileSync(path.join(content, 'en', f), 'utf8');
    return { file: path.join(content, 'en', f), text, date: /^date = (.*)$/m.exec(text)?.[1] ?? '', slug: /^slug = "(.*)"$/m.exec(text)?.[1] };
  })
  .filter((s) => s.slug)
  .sort((a, b) => (a.date < b.date ? 1 : -1));
const { file, text: original, slug } = sources[0];
const originalTitle = /^title = "(.*)"$/m.exec(original)[1];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const times = [];
try {
  const page = await browser.newPage();
  // A first visit installs the service worker, which fetches the app's files
  // (the debug wasm is ~100 MB): measured from the second.
  // The first load after Trunk's build can be cut short by Trunk's own reload.
  await page.goto(`${url}/en/blog/${slug}`).catch(() => {});
  await page.waitForTimeout(5000);
  await page.goto(`${url}/en/blog/${slug}`);
  // Trunk's server answers an article's URL with the root page, whose app then
  // shows the article: wait for its title.
  await page.waitForFunction((t) => document.querySelector('h1')?.textContent.includes(t), originalTitle, { timeout: 120_000, polling: 50 });
  console.log(`${slug}: the article is on screen`);
  // The page asks for the build number every half second: let it see the current one.
  await page.waitForTimeout(1500);
  for (let run = 1; run <= runs; run++) {
    const title = `Edited ${run} ${Date.now()}`;
    const edited = original.replace(/^title = ".*"$/m, `title = "${title}"`);
    const started = performance.now();
    fs.writeFileSync(file, edited);
    await page.waitForFunction((t) => document.querySelector('h1')?.textContent.includes(t), title, { timeout: 120_000, polling: 20 });
    const ms = performance.now() - started;
    times.push(ms);
    console.log(`run ${run}: ${ms.toFixed(0)} ms from the write to the new title on screen`);
    await page.waitForTimeout(1500);
  }
} finally {
  fs.writeFileSync(file, original);
  await browser.close();
}
times.sort((a, b) => a - b);
console.log(`edit to reloaded page (${slug}, ${runs} runs): median ${times[Math.floor(times.length / 2)].toFixed(0)} ms, worst ${times[times.length - 1].toFixed(0)} ms`);
