// Typing into the search field as a reader does, shared by the e2e tests and the
// bench (scripts/scale.mjs).

/** In the page (pass it to `page.evaluate`, or install its source): sets the search
 * field to `value` with an input event, as typing does, and resolves once its
 * outcome is shown: no result list marked busy, no loading note. */
export async function typeSettled(value) {
  const field = document.getElementById('search-input');
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  // Reactive updates flush in microtasks; then wait while parts are on their way.
  await new Promise((r) => setTimeout(r, 0));
  while (
    document.querySelector('#search-results[aria-busy=true]') ||
    document.querySelector('.search__dropdown p.search__note:only-child')?.textContent.endsWith('…')
  ) {
    await new Promise((r) => setTimeout(r, 1));
  }
}
