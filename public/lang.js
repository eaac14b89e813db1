// The reader's language, for URLs that name none: the saved choice, else the
// first supported browser language, else English. The site root runs this file
// as a blocking script and sends readers to their language before anything is
// drawn; every other page has it at the head of its start-up module
// (public/start.js), where the app asks the same function
// (`prefs::preferred_lang`) when it navigates to a URL without a language.
(function () {
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
  // The site's path prefix, from <base href> ("/" or e.g. "/insights/").
  var base = new URL(document.baseURI).pathname;
  var path = location.pathname;
  if (path === base || path === base + 'index.html') {
    location.replace(base + preferredLang() + '/' + location.search + location.hash);
  }
})();
