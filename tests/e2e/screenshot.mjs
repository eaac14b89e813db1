// Takes screenshots of the built site for a person to look at (not a test):
//   node tests/e2e/screenshot.mjs DIST OUT_DIR PATH... [--width=N] [--dark] [--full] [--scroll=SELECTOR]
import { chromium } from 'playwright-core';
import path from 'node:path';
import { serve } from './server.mjs';

const args = process.argv.slice(2);
const flags = Object.fromEntries(args.filter((a) => a.startsWith('--')).map((a) => a.slice(2).split('=')));
const [dist, out, ...paths] = args.filter((a) => !a.startsWith('--'));
const width = Number(flags.width ?? 1280);
const server = await serve(path.resolve(dist));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({
  viewport: { width, height: 900 },
  colorScheme: 'dark' in flags ? 'dark' : 'light',
});
const page = await context.newPage();
page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
for (const p of paths) {
  await page.goto(server.url + p);
  await page.locator('main h1').first().waitFor();
  if (flags.scroll) await page.locator(flags.scroll).first().scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  const name = `${p.replace(/[^a-z0-9]+/gi, '_')}_${width}${'dark' in flags ? '_dark' : ''}${flags.scroll ? '_scrolled' : ''}.png`;
  await page.screenshot({ path: path.join(out, name), fullPage: 'full' in flags });
  console.log(path.join(out, name));
}
await browser.close();
await server.close();
