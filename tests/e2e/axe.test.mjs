// axe-core on every view, in both languages and both themes: no violations of
// WCAG 2.1 A/AA or of axe's best practices.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { siteFor, locales, contentIndex, figuredPosts, heading, headingIs, appReady } from './support.mjs';

const site = siteFor(process.env.E2E_DIST ?? 'dist');
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe's violations on the page as it is, as readable lines. */
async function violations(page) {
  // Evaluated through DevTools, which the page's CSP does not govern.
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  });
  return found;
}

for (const theme of ['light', 'dark']) {
  for (const lang of ['en', 'ru']) {
    test(`${lang}, ${theme}: no axe violations on any view`, async () => {
      const index = contentIndex(lang);
      const t = locales[lang];
      const report = [];
      for (const width of [1280, 360]) {
        const page = await site.page({ colorScheme: theme, viewport: { width, height: 900 } });
        const check = async (what) => {
          for (const v of await violations(page)) report.push(`${width}px ${what}: ${v}`);
        };
        await page.goto(`${site.server.url}/${lang}/`);
        await heading(page);
        await check('index');
        await page.getByRole('combobox').fill(lang === 'en' ? 'cache' : 'кэш');
        await page.getByRole('option').first().waitFor();
        await check('search results');
        await page.keyboard.press('Escape');
        // An article with a figure, when the content has one.
        const article = figuredPosts(lang)[0] ?? index.posts[7];
        await page.goto(`${site.server.url}/${lang}/blog/${article.slug}`);
        await headingIs(page, article.title);
        await page.locator('main figure img').first().scrollIntoViewIfNeeded().catch(() => {});
        await check('article');
        await page.goto(`${site.server.url}/${lang}/tags/`);
        await headingIs(page, t.all_tags);
        await check('tag list');
        await page.goto(`${site.server.url}/${lang}/tags/${index.tags[0].slug}`);
        await headingIs(page, index.tags[0].name);
        await check('tag page');
        await page.goto(`${site.server.url}/${lang}/no-such-page`);
        await headingIs(page, t.not_found_title);
        await check('404');
        await page.route('**/content/*/posts/*.json', (route) => route.fulfill({ status: 503, body: '' }));
        await page.getByRole('link', { name: t.go_home }).click();
        await headingIs(page, t.site_name);
        await page.getByRole('link', { name: index.posts[0].title }).click();
        await page.getByRole('alert').waitFor();
        await check('error panel');
        await page.context().close();
      }
      assert.deepEqual(report, []);
    });
  }
}

test('the root page without JavaScript (the language choice) has no axe violations', async () => {
  const page = await site.page();
  // The page as a reader without JavaScript gets it: no scripts run.
  await page.route(`${site.server.url}/`, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/<script(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script>/g, '');
    await route.fulfill({ response, body });
  });
  await page.goto(`${site.server.url}/`);
  assert.equal(await page.locator('main a[hreflang]').count(), 2);
  assert.deepEqual(await violations(page), []);
  await page.context().close();
});
