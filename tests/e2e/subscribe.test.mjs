// The subscribe form: shown only when the build configured an endpoint (the
// bundled test build does, the fetched one does not), validated, posted, and
// answered in the reader's language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { siteFor, locales, heading } from './support.mjs';

const withForm = siteFor(process.env.E2E_BUNDLED_DIST ?? 'dist-bundled');
const withoutForm = siteFor(process.env.E2E_DIST ?? 'dist');

test('without a configured endpoint the call to action has no form', async () => {
  const page = await withoutForm.page();
  await page.goto(`${withoutForm.server.url}/en/`);
  await page.getByRole('heading', { name: locales.en.cta_title }).waitFor();
  assert.equal(await page.locator('form.subscribe').count(), 0);
  await page.context().close();
});

for (const lang of ['en', 'ru']) {
  test(`${lang}: the form rejects a bad address, then subscribes a good one`, async () => {
    const t = locales[lang];
    const page = await withForm.page();
    await page.goto(`${withForm.server.url}/${lang}/`);
    await heading(page);
    const field = page.getByRole('textbox', { name: t.subscribe_label });
    const before = withForm.server.subscriptions.length;
    await field.fill('not-an-address');
    await page.getByRole('button', { name: t.subscribe_button }).click();
    await page.getByText(t.subscribe_invalid).waitFor();
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    assert.equal(withForm.server.subscriptions.length, before, 'nothing was sent');
    await field.fill(`reader-${lang}@example.org`);
    await page.getByRole('button', { name: t.subscribe_button }).click();
    await page.getByText(t.subscribe_success).waitFor();
    const sent = withForm.server.subscriptions.at(-1);
    assert.deepEqual(sent, { contentType: 'application/json', email: `reader-${lang}@example.org`, lang });
    assert.ok(await field.isDisabled());
    assert.deepEqual(page.consoleErrors.filter((e) => !e.includes('500')), []);
    await page.context().close();
  });
}

test('a failing endpoint shows a translated error and the reader can retry', async () => {
  const t = locales.ru;
  const page = await withForm.page();
  await page.goto(`${withForm.server.url}/ru/`);
  await heading(page);
  const field = page.getByRole('textbox', { name: t.subscribe_label });
  await field.fill('fail@example.org');
  await page.getByRole('button', { name: t.subscribe_button }).click();
  await page.getByText(t.subscribe_error).waitFor();
  await field.fill('ok@example.org');
  await page.getByRole('button', { name: t.subscribe_button }).click();
  await page.getByText(t.subscribe_success).waitFor();
  await page.context().close();
});
