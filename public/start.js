// The app's start: the module the early script (public/boot.js) imports once the
// page is loaded and on screen. The prerenderer writes it as `start-<hash>.js`
// (cached for ever, like the app's other files): public/lang.js, this file, then
// Trunk's start-up script with its import of the app's code made dynamic.

// Until the app has taken the page over, the theme toggle works without it: the
// same switch the app makes (html[data-theme] and the saved choice), and the
// button's label for the new theme, which it carries in data attributes. A click
// made before this module ran was kept by the early script (public/boot.js) and
// is applied now.
const root = document.documentElement;
const toggle = (button) => {
  const dark = root.dataset.theme ? root.dataset.theme == 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  const next = dark ? 'light' : 'dark';
  root.dataset.theme = next;
  try {
    localStorage.setItem('theme', next);
  } catch (e) {
    // Storage unavailable: the choice lasts for this page.
  }
  button.title = button.ariaLabel = button.getAttribute('data-label-' + next);
};
document.addEventListener('click', (event) => {
  const button = root.dataset.app != 'ready' && event.target.closest('.theme-toggle');
  if (button) toggle(button);
});
const button = window.toggled && document.querySelector('.theme-toggle');
if (button) toggle(button);

// Offline reading: the service worker keeps the app and the pages read.
if ('serviceWorker' in navigator) {
  const scope = new URL(document.baseURI).pathname;
  navigator.serviceWorker.register(scope + 'sw.js', { scope }).catch(() => {
    // No service worker (unsupported, private mode): the site works online.
  });
}

// The documents the page names (see prerender/), fetched from now on into the
// browser's cache, where the app's requests find them.
for (const names of document.querySelectorAll('template[data-documents]')) names.replaceWith(names.content);

// The app once the main thread is idle (2 s later at the latest, so it always
// starts).
await new Promise((resolve) => (window.requestIdleCallback ? requestIdleCallback(resolve, { timeout: 2000 }) : setTimeout(resolve, 1)));
