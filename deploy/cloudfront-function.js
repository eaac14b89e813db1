// CloudFront Function (runtime cloudfront-js-2.0, viewer request) for the site in
// an S3 bucket: maps the site's URLs to its files the way Netlify, Cloudflare
// Pages and GitHub Pages do by themselves.
//
//   /en/             -> /en/index.html      (the indexes are folders)
//   /en              -> 301 /en/
//   /en/blog/x       -> /en/blog/x.html     (articles and tag pages are files,
//   /en/tags/x/page/2 -> /en/tags/x/page/2.html  and so are later pages)
//   /en/blog/x/      -> 301 /en/blog/x      (their canonical URL)
//   /main-1a2b.css   -> unchanged           (files with an extension)
//
// Works under a path prefix too (/insights/en/ and so on).
//
// A URI with an empty segment or a backslash (`//evil.example/en/`,
// `/\evil.example/en/`) is none of the site's: it goes to S3 unchanged, which
// answers 404. Redirecting it would send `Location: //evil.example/en/`, which
// browsers follow to another site.
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.indexOf('//') !== -1 || uri.indexOf('\\') !== -1) return request;
  var redirect = function (location) {
    return { statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: location } } };
  };
  if (uri.endsWith('/')) {
    var file = uri.match(/^(.*\/(?:en|ru)\/(?:blog|tags)\/[^/]+)\/$/);
    if (file) return redirect(file[1]);
    request.uri = uri + 'index.html';
    return request;
  }
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') !== -1) return request;
  if (/\/(?:en|ru)(?:\/tags)?$/.test(uri) || uri === '') return redirect(uri + '/');
  request.uri = uri + '.html';
  return request;
}

if (typeof module !== 'undefined') module.exports = { handler };
