// Applies the reader's saved colour theme before the first paint, so a reader who
// chose dark never sees a flash of light (and the other way round). Loaded as a
// blocking script in <head>; the theme toggle in the app writes the same key.
try {
  var theme = localStorage.getItem('theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch (e) {
  // Storage unavailable: follow the system setting.
}
