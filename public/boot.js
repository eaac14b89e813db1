// Runs in <head> before the first paint. The prerenderer puts it inline in every
// page (a blocking script that costs no request) and allows it in the
// Content-Security-Policy by its SHA-256 hash, not with 'unsafe-inline'.
(function () {
  var root = document.documentElement;
  // The site's path prefix, from <base href> ("/" or e.g. "/insights/").
  var base = new URL(document.baseURI).pathname;

  // 1. The reader's saved colour theme, so a reader who chose dark never sees a
  //    flash of light (and the other way round). The app's theme toggle writes
  //    the same key.
  var saved = {};
  try {
    saved.theme = localStorage.getItem('theme');
    saved.lang = localStorage.getItem('lang');
  } catch (e) {
    // Storage unavailable: follow the system setting and the browser's languages.
  }
  if (saved.theme === 'light' || saved.theme === 'dark') root.dataset.theme = saved.theme;

  // 2. The site root sends readers to their language before anything is drawn:
  //    the saved choice, else the first supported browser language, else English
  //    (the same rule as `routing::pick_lang` in the app).
  var path = location.pathname;
  if (path === base || path === base + 'index.html') {
    var supported = ['en', 'ru'];
    var lang = supported.indexOf(saved.lang) >= 0 ? saved.lang : null;
    var wanted = navigator.languages || [navigator.language || ''];
    for (var i = 0; !lang && i < wanted.length; i++) {
      var primary = String(wanted[i]).split(/[-_]/)[0].toLowerCase();
      if (supported.indexOf(primary) >= 0) lang = primary;
    }
    location.replace(base + (lang || 'en') + '/' + location.search + location.hash);
    return;
  }

  // 3. Until the app has taken the page over, the theme toggle works without it:
  //    the same switch the app makes (html[data-theme] and the saved choice), and
  //    the button's label for the new theme, which it carries in data attributes.
  document.addEventListener('click', function (event) {
    if (root.dataset.app === 'ready' || !event.target.closest) return;
    var button = event.target.closest('.theme-toggle');
    if (!button) return;
    var dark = root.dataset.theme
      ? root.dataset.theme === 'dark'
      : matchMedia('(prefers-color-scheme: dark)').matches;
    var next = dark ? 'light' : 'dark';
    root.dataset.theme = next;
    try {
      localStorage.setItem('theme', next);
    } catch (e) {
      // Storage unavailable: the choice lasts for this page.
    }
    var label = button.getAttribute('data-label-' + next);
    if (label) {
      button.setAttribute('aria-label', label);
      button.setAttribute('title', label);
    }
  });

  // 4. Offline reading: the service worker keeps the app and the pages read.
  if ('serviceWorker' in navigator) {
    addEventListener('load', function () {
      navigator.serviceWorker.register(base + 'sw.js', { scope: base }).catch(function () {
        // No service worker (unsupported, private mode): the site works online.
      });
    });
  }
})();
