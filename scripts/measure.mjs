// What the benchmark scripts share (lighthouse.mjs, paint.mjs, interaction.mjs,
// nav.mjs, budget.mjs): the pages they measure, the static variant of a page or a site,
// and Lighthouse's mobile conditions applied for real in Chromium.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Every HTML file under `dir`. */
export function htmlFiles(dir) {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The largest prerendered article of a language in `dist` (by its HTML file), as
 * a site path: `/en/blog/<slug>`. */
export function largestArticle(dist, lang) {
  const dir = path.join(dist, lang, 'blog');
  const [file] = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort((a, b) => fs.statSync(path.join(dir, b)).size - fs.statSync(path.join(dir, a)).size);
  return `/${lang}/blog/${file.replace(/\.html$/, '')}`;
}

/** A page as a static site generator serves it: every script and preload removed,
 * JSON-LD kept. */
export function staticPage(html) {
  return html
    .replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '');
}

/** The static variant of the site in `dist`: a copy in a new temporary folder
 * with every page turned into its static variant ([`staticPage`]). */
export function staticVariant(dist) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'static-variant-'));
  fs.cpSync(dist, dir, { recursive: true });
  for (const file of htmlFiles(dir)) fs.writeFileSync(file, staticPage(fs.readFileSync(file, 'utf8')));
  return dir;
}

/** Browser context options of Lighthouse's mobile device (412x823 at DPR 1.75). */
export const MOBILE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

/** Applies Lighthouse's mobile throttling as DevTools does (its "devtools" form of
 * mobileSlow4G: 562.5 ms request latency, 1.47 Mbit/s down, 675 kbit/s up, CPU
 * slowed 4x) to `page` of `context`; `cacheDisabled` for a cold cache per load.
 * `latency` (ms) and `down`/`up` (kbit/s) give other network conditions. */
export async function throttle(context, page, { cacheDisabled = false, latency = 562.5, down = 1474.56, up = 675 } = {}) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (cacheDisabled) await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency,
    downloadThroughput: (down * 1024) / 8,
    uploadThroughput: (up * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}
