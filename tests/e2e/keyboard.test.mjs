// Full keyboard use: every interactive element is reached by Tab in document
// order with a visible focus indicator, and nothing traps focus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { siteFor, contentIndex, heading, headingIs } from './support.mjs';

const site = siteFor(process.env.E2E_DIST ?? 'dist');

/** Tabs through the whole page; returns each stop's description. */
async function tabThrough(page, max = 200) {
  const stops = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      const all = [...document.querySelectorAll('a[href], button, input, summary, [tabindex="0"]')];
      return {
        index: all.indexOf(el),
        what: `${el.localName}${el.id ? '#' + el.id : ''} ${el.textContent.trim().slice(0, 30)}`,
        indicator: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
        visible: rect.width > 0 && rect.height > 0,
      };
    });
    if (stop === null) break; // focus left the page's elements: back to the start
    stops.push(stop);
  }
  return stops;
}

for (const [lang, width] of [['en', 1280], ['ru', 360]]) {
  test(`${lang} at ${width}px: Tab reaches every control in order, visibly, and leaves the page`, async () => {
    const page = await site.page({ viewport: { width, height: 900 } });
    const post = contentIndex(lang).posts[9];
    await page.goto(`${site.server.url}/${lang}/blog/${post.slug}`);
    await headingIs(page, post.title);
    const stops = await tabThrough(page);
    assert.ok(stops.length > 20, `${stops.length} stops`);
    assert.ok(stops.length < 200, 'focus left the page after the last control: no trap');
    for (const stop of stops) {
      assert.ok(stop.visible, `${stop.what} is visible when focused`);
      assert.ok(stop.indicator, `${stop.what} shows a focus indicator`);
    }
    // Document order: each stop comes after the previous one.
    for (let i = 1; i < stops.length; i++) {
      assert.ok(stops[i].index > stops[i - 1].index, `${stops[i - 1].what} then ${stops[i].what}`);
    }
    await page.context().close();
  });
}

test('search is usable from the keyboard alone and lets focus go', async () => {
  const page = await site.page();
  await page.goto(`${site.server.url}/en/`);
  await heading(page);
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('role')), 'combobox');
  await page.keyboard.type('cache');
  await page.getByRole('option').first().waitFor();
  await page.keyboard.press('ArrowDown');
  const chosen = await page.evaluate(() => document.querySelector('[role=option][aria-selected=true]')?.textContent);
  assert.ok(chosen, 'an option is selected');
  await page.keyboard.press('Escape');
  assert.equal(await page.getByRole('option').count(), 0, 'Escape closes the results');
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement.getAttribute('role')), 'combobox', 'Tab moves on');
  await page.context().close();
});
