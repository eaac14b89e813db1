// Runs in <head> before the first paint. The prerenderer puts it inline in every
// page (a blocking script that costs no request), allows it in the
// Content-Security-Policy by its SHA-256 hash (not with 'unsafe-inline'), and
// names the start-up module it imports (`./start.js` below becomes
// `start-<hash>.js`). Every byte here is in every page, whose HTML must fit
// the first round trip of a connection: what can wait until the page is on
// screen is in that module (public/start.js).
(function () {
  var root = document.documentElement;

  // 1. The reader's saved colour theme, so a reader who chose dark never sees a
  //    flash of light (and the other way round). The app's theme toggle writes
  //    the same key.
  try {
    var theme = localStorage.getItem('theme');
    if (theme == 'light' || theme == 'dark') root.dataset.theme = theme;
  } catch (e) {
    // Storage unavailable: follow the system setting.
  }

  // 2. A click on the theme toggle before the start-up module has run is kept
  //    for it, which applies it when it arrives (public/start.js): the toggle
  //    itself would not fit in every page's first round trip.
  document.addEventListener('click', function (event) {
    if (event.target.closest('.theme-toggle')) window.toggled = !window.toggled;
  });

  // 3. The app starts once the page is loaded and its largest paint is on
  //    screen (3 s at the latest: a page opened in the background paints
  //    nothing), so nothing it fetches or runs competes with the first view.
  //    Lighthouse's simulation counts every request that ended before the
  //    largest paint as needed for it; none of the app's does. A browser that
  //    reports no largest paint starts it at `load`.
  var painted = new Promise(function (done) {
    setTimeout(done, 3000);
    if (PerformanceObserver.supportedEntryTypes.indexOf('largest-contentful-paint') < 0) done();
    else new PerformanceObserver(done).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  addEventListener('load', function () {
    painted.then(function () {
      // Against the page's <base>, said here: WebKit resolves an inline
      // script's relative import against the page's own URL.
      import(new URL('./start.js', document.baseURI));
    });
  });
})();
