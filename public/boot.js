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
  var theme = null;
  try {
    theme = localStorage.getItem('theme');
  } catch (e) {
    // Storage unavailable: follow the system setting.
  }
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;

  // 2. The reader's language, for URLs that name none: the saved choice, else
  //    the first supported browser language, else English. The site root sends
  //    readers to it before anything is drawn; the app asks the same function
  //    (`prefs::preferred_lang`) when it navigates to a URL without a language.
  var supported = ['en', 'ru'];
  function preferredLang() {
    var lang = null;
    try {
      lang = localStorage.getItem('lang');
    } catch (e) {
      // Storage unavailable: the browser's languages decide.
    }
    if (supported.indexOf(lang) >= 0) return lang;
    var wanted = navigator.languages || [navigator.language || ''];
    for (var i = 0; i < wanted.length; i++) {
      var primary = String(wanted[i]).split(/[-_]/)[0].toLowerCase();
      if (supported.indexOf(primary) >= 0) return primary;
    }
    return 'en';
  }
  window.preferredLang = preferredLang;
  var path = location.pathname;
  if (path === base || path === base + 'index.html') {
    location.replace(base + preferredLang() + '/' + location.search + location.hash);
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
