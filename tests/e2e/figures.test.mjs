// Figures and social cards in the built site: figures load under the site's
// policy, take their place before they arrive (no layout shift), follow the dark
// theme, show the Russian variant on Russian pages and the same markup after a
// client-side navigation; every shared page names a card that answers as a PNG.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { siteFor, figuredPosts, contentIndex, headingIs, appReady, markDocument, sameDocument, ROOT } from './support.mjs';

const DIST = process.env.E2E_DIST ?? 'dist';
const site = siteFor(DIST);

/** Sums the page's layout shifts from its start (as CLS counts them). */
async function recordShifts(page) {
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** Scrolls to each figure of the page and waits until its image has loaded;
 * returns what each image is. */
async function loadFigures(page) {
  const images = page.locator('main figure img');
  const count = await images.count();
  const found = [];
  for (let i = 0; i < count; i++) {
    const image = images.nth(i);
    await image.scrollIntoViewIfNeeded();
    await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await image.elementHandle(), { timeout: 10000 });
    found.push(
      await image.evaluate((img) => ({
        src: img.currentSrc,
        width: img.getAttribute('width'),
        height: img.getAttribute('height'),
        alt: img.alt,
        box: img.getBoundingClientRect().height,
        caption: img.closest('figure').querySelector('figcaption')?.textContent ?? '',
      })),
    );
  }
  return found;
}

for (const lang of ['en', 'ru']) {
  test(`${lang}: figures load under the policy, sized before they arrive, with their language's labels`, async () => {
    const posts = figuredPosts(lang);
    assert.ok(posts.length > 0, 'the content has articles with figures');
    const post = posts[0];
    const page = await site.page({ viewport: { width: 360, height: 740 } });
    await recordShifts(page);
    const response = await page.goto(`${site.server.url}/${lang}/blog/${post.slug}`);
    // Images from the site itself (and the inline icon) only.
    assert.match(response.headers()['content-security-policy'], /img-src 'self' data:;/);
    await appReady(page);
    const figures = await loadFigures(page);
    assert.ok(figures.length > 0);
    const label = lang === 'en' ? /^Figure 1\./ : /^Рисунок 1\./;
    assert.match(figures[0].caption, label);
    for (const f of figures) {
      assert.ok(Number(f.width) > 0 && Number(f.height) > 0, JSON.stringify(f));
      assert.ok(f.alt.length > 10, JSON.stringify(f));
      assert.ok(f.box > 50, JSON.stringify(f));
      // Each language's own drawing where the article has one.
      const variant = fs.existsSync(path.join(ROOT, 'content/figures', post.slug)) &&
        fs.readdirSync(path.join(ROOT, 'content/figures', post.slug)).some((n) => n.includes('.ru.'));
      if (variant) assert.equal(f.src.includes('.ru-'), lang === 'ru', f.src);
    }
    assert.equal(await page.evaluate(() => window.__shift), 0, 'no layout shift while figures load');
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });
}

test('a figure shows the same after a client-side navigation', async () => {
  const post = figuredPosts('en')[0];
  const page = await site.page();
  await page.goto(`${site.server.url}/en/blog/${post.slug}`);
  await appReady(page);
  const prerendered = await page.locator('main figure').first().evaluate((f) => f.outerHTML);
  await page.goto(`${site.server.url}/en/`);
  await markDocument(page);
  await page.getByRole('link', { name: post.title }).first().click();
  await headingIs(page, post.title);
  assert.ok(await sameDocument(page), 'client-side');
  const figure = page.locator('main figure').first();
  assert.equal(await figure.evaluate((f) => f.outerHTML), prerendered);
  const [loaded] = await loadFigures(page);
  assert.ok(loaded.src.includes('/figures/'), loaded.src);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

/** The RGBA pixels of a PNG screenshot (8-bit, non-interlaced, as Chromium writes). */
function decodePng(buffer) {
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 4;
  const data = [];
  while (at < buffer.length) {
    const length = buffer.readUInt32BE(at);
    const type = buffer.toString('latin1', at + 4, at + 8);
    const body = buffer.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      assert.equal(body[8], 8, 'bit depth');
      channels = { 2: 3, 6: 4 }[body[9]];
      assert.ok(channels, `colour type ${body[9]}`);
    } else if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const out = Buffer.alloc(width * height * 4);
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? line[x - channels] : 0;
      const b = previous[x];
      const c = x >= channels ? previous[x - channels] : 0;
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      line[x] = (line[x] + [0, a, b, (a + b) >> 1, paeth][filter]) & 255;
    }
    for (let x = 0; x < width; x++) {
      for (let k = 0; k < 3; k++) out[(y * width + x) * 4 + k] = line[x * channels + k];
      out[(y * width + x) * 4 + 3] = channels === 4 ? line[x * channels + 3] : 255;
    }
    previous = line;
  }
  return { width, height, pixels: out };
}

const luminance = (r, g, b) => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;

test('in the dark theme a figure draws light lines and text on the dark page, in the light theme dark ones', async () => {
  const post = figuredPosts('en')[0];
  for (const theme of ['dark', 'light']) {
    const page = await site.page({ colorScheme: theme, viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.server.url}/en/blog/${post.slug}`);
    await appReady(page);
    await loadFigures(page);
    const image = page.locator('main figure img').first();
    const shot = decodePng(await image.screenshot());
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number));
    const bg = luminance(...background);
    // Ink: every pixel clearly apart from the page's background.
    let lighter = 0;
    let darker = 0;
    let extreme = theme === 'dark' ? 0 : 1;
    for (let i = 0; i < shot.pixels.length; i += 4) {
      const l = luminance(shot.pixels[i], shot.pixels[i + 1], shot.pixels[i + 2]);
      if (Math.abs(l - bg) < 0.04) continue;
      if (l > bg) lighter++;
      else darker++;
      extreme = theme === 'dark' ? Math.max(extreme, l) : Math.min(extreme, l);
    }
    const ink = lighter + darker;
    assert.ok(ink > 500, `${theme}: ${ink} ink pixels`);
    if (theme === 'dark') {
      assert.ok(lighter / ink > 0.95, `dark: ${darker} of ${ink} ink pixels darker than the page`);
      assert.ok(extreme > 0.7, `dark: the lightest ink is ${extreme.toFixed(2)}`);
    } else {
      assert.ok(darker / ink > 0.95, `light: ${lighter} of ${ink} ink pixels lighter than the page`);
      assert.ok(extreme < 0.2, `light: the darkest ink is ${extreme.toFixed(2)}`);
    }
    await page.context().close();
  }
});

test('every shared page names its social card, a 1200x630 PNG of at most 100 KB', async () => {
  const pages = ['/', '/en/', '/ru/', '/en/tags/'];
  for (const lang of ['en', 'ru']) {
    for (const post of contentIndex(lang).posts) pages.push(`/${lang}/blog/${post.slug}`);
  }
  const cards = new Set();
  for (const url of pages) {
    const html = await (await fetch(`${site.server.url}${url}`)).text();
    const meta = (property) => html.match(new RegExp(`<meta[^>]* property="${property}" content="([^"]+)"`))?.[1];
    const card = meta('og:image');
    assert.ok(card, `${url}: og:image`);
    assert.equal(meta('og:image:width'), '1200', url);
    assert.equal(meta('og:image:height'), '630', url);
    assert.ok(meta('og:image:alt'), url);
    assert.match(html, /<meta[^>]* name="twitter:card" content="summary_large_image"/, url);
    cards.add(new URL(card).pathname);
  }
  for (const card of cards) {
    const response = await fetch(`${site.server.url}${card}`);
    assert.equal(response.status, 200, card);
    assert.equal(response.headers.get('content-type'), 'image/png', card);
    const body = Buffer.from(await response.arrayBuffer());
    assert.ok(body.length <= 100_000, `${card}: ${body.length} bytes`);
    assert.deepEqual([body.readUInt32BE(16), body.readUInt32BE(20)], [1200, 630], card);
  }
  // An article's own card in each language, and each language's index card.
  assert.ok(cards.size >= contentIndex('en').posts.length, `${cards.size} cards`);
});
