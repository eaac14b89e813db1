// Route changes as keyboard and screen reader users meet them: skip link, focus
// on the new page's heading, an announcement, and scroll positions that behave.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { siteFor, locales, contentIndex, heading, headingIs } from './support.mjs';

const site = siteFor(process.env.E2E_DIST ?? 'dist');

for (const lang of ['en', 'ru']) {
  test(`${lang}: the first Tab reaches a skip link that jumps to the content`, async () => {
    const page = await site.page();
    await page.goto(`${site.server.url}/${lang}/`);
    await heading(page);
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    assert.equal((await focused.textContent()).trim(), locales[lang].skip_to_content);
    assert.ok(await focused.isVisible(), 'the skip link shows when focused');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    await page.context().close();
  });

  test(`${lang}: after a client-side navigation focus is on the new heading and the page is announced`, async () => {
    const index = contentIndex(lang);
    const page = await site.page();
    await page.goto(`${site.server.url}/${lang}/`);
    await heading(page);
    // Opening a page leaves focus alone.
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'BODY');
    await page.getByRole('link', { name: index.posts[2].title }).click();
    await headingIs(page, index.posts[2].title);
    await page.waitForFunction(() => document.activeElement?.id === 'page-title');
    const announced = await page.locator('#route-announcer').textContent();
    assert.equal(announced, await page.title());
    assert.equal(await page.locator('#route-announcer').getAttribute('aria-live'), 'polite');
    await page.context().close();
  });
}

test('a new page starts at the top; back returns to where the reader was', async () => {
  const index = contentIndex('en');
  const page = await site.page({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${site.server.url}/en/`);
  await page.locator('article.card').first().waitFor();
  const target = page.getByRole('link', { name: index.posts[16].title });
  await target.scrollIntoViewIfNeeded();
  const before = await page.evaluate(() => window.scrollY);
  assert.ok(before > 500, `the index scrolled (${before})`);
  await target.click();
  await headingIs(page, index.posts[16].title);
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  await page.mouse.wheel(0, 1200);
  await page.waitForFunction(() => window.scrollY > 0);
  await page.goBack();
  await headingIs(page, locales.en.site_name);
  await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 5, before, { timeout: 5000 });
  await page.context().close();
});
