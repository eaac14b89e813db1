//! What a static host needs besides the pages: response headers (with the
//! Content-Security-Policy), redirect and 404 rules, and the service worker's
//! list of files. See `deploy/README.md` for each host.

use model::{Lang, Route};

/// The Content-Security-Policy of the site. Everything comes from the site itself:
/// no `'unsafe-inline'` (the one inline script is allowed by its hash, in
/// `scripts`), `'wasm-unsafe-eval'` only to compile the app's wasm, and images
/// also from `data:` URLs (the icon is inline). Fetch directives that would say
/// what `default-src` says are left out: the policy travels with every
/// response, and a page's first response must fit the first round trip.
/// `subscribe_endpoint` (if on another origin) may receive form posts by `fetch`.
/// `frame_ancestors` is left out for the `<meta>` copy, where browsers ignore it.
pub fn csp(subscribe_endpoint: Option<&str>, scripts: &[String], frame_ancestors: bool) -> String {
    let scripts: String = scripts.iter().map(|s| format!(" {s}")).collect();
    let mut policy = format!(
        "default-src 'self'; script-src 'self'{scripts} 'wasm-unsafe-eval'; img-src 'self' data:; "
    );
    if let Some(origin) = subscribe_endpoint.and_then(origin_of) {
        policy.push_str(&format!("connect-src 'self' {origin}; "));
    }
    policy.push_str("base-uri 'self'; form-action 'self'; object-src 'none'");
    if frame_ancestors {
        policy.push_str("; frame-ancestors 'none'");
    }
    policy
}

/// `https://host[:port]` of an absolute URL; `None` for a relative one.
fn origin_of(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host_len = rest.find('/').unwrap_or(rest.len());
    Some(&url[..url.len() - rest.len() + host_len])
}

/// `_headers` (Netlify, Cloudflare Pages): security headers on every response, and
/// a year of caching for the hashed files and the figures. Everything else keeps the hosts'
/// default, `public, max-age=0, must-revalidate`: pages, documents, feeds and
/// the service worker are revalidated on every visit.
pub fn headers(base: &str, csp: &str, hashed: &[String]) -> String {
    let mut out = format!(
        "# Response headers for Netlify and Cloudflare Pages (written by prerender/).\n\
         {base}/*\n  Content-Security-Policy: {csp}\n  X-Content-Type-Options: nosniff\n  \
         Referrer-Policy: strict-origin-when-cross-origin\n  \
         Permissions-Policy: camera=(), microphone=(), geolocation=()\n"
    );
    // Every figure's name carries its hash (pipeline/src/figures).
    let figures = format!("{base}/figures/*");
    for url in hashed.iter().chain([&figures]) {
        out.push_str(&format!(
            "{url}\n  Cache-Control: public, max-age=31536000, immutable\n"
        ));
    }
    out
}

/// `_redirects` (Netlify; Cloudflare Pages takes the redirects and finds the
/// nearest `404.html` by itself). Rules apply only where no file matches.
pub fn redirects(base: &str) -> String {
    let mut out = String::from(
        "# Redirect and 404 rules for Netlify and Cloudflare Pages (written by prerender/).\n\
         # A trailing slash on an article or tag page leads to its canonical URL. One rule\n\
         # per language, never a language placeholder: one there would turn `/\\evil.example/blog/x/`\n\
         # into `Location: /\\evil.example/blog/x`, which browsers follow to another site.\n",
    );
    for lang in Lang::ALL {
        // The route's own path with a placeholder for the slug: the rule follows
        // the route.
        for page in [Route::article(lang, ":slug"), Route::tag(lang, ":tag")] {
            let to = page.path();
            out.push_str(&format!("{base}{to}/  {base}{to}  301\n"));
        }
    }
    out.push_str("# Unknown URLs: the 404 page of their language, with status 404.\n");
    for lang in Lang::ALL {
        let folder = Route::home(lang).path();
        let page = Route::NotFound { lang: Some(lang) }.file();
        out.push_str(&format!("{base}{folder}*  {base}/{page}  404\n"));
    }
    let page = Route::NotFound { lang: None }.file();
    out.push_str(&format!("{base}/*  {base}/{page}  404\n"));
    out
}

/// The service worker with its version and the list of files every visit needs.
pub fn service_worker(source: &str, version: &str, shell: &[String]) -> Result<String, String> {
    if !source.contains("'__VERSION__'") || !source.contains("__SHELL__") {
        return Err("sw.js: placeholders __VERSION__ and __SHELL__ not found".into());
    }
    let list = serde_json::to_string(shell).map_err(|e| e.to_string())?;
    Ok(source
        .replace("'__VERSION__'", &format!("'{version}'"))
        .replace("__SHELL__", &list))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_allows_only_the_site_itself() {
        let policy = csp(None, &["'sha256-abc='".into()], true);
        assert!(!policy.contains("unsafe-inline"));
        assert!(!policy.contains("'unsafe-eval'"));
        assert!(policy.contains("script-src 'self' 'sha256-abc=' 'wasm-unsafe-eval';"));
        assert!(policy.ends_with("frame-ancestors 'none'"));
        assert!(!csp(None, &[], false).contains("frame-ancestors"));
        let with_endpoint = csp(
            Some("https://news.example.org:8443/api/subscribe"),
            &[],
            true,
        );
        assert!(with_endpoint.contains("connect-src 'self' https://news.example.org:8443;"));
        // The site's own endpoint: `default-src 'self'` already allows it.
        assert!(!csp(Some("/api/subscribe"), &[], true).contains("connect-src"));
        // The inline icon.
        assert!(policy.contains("img-src 'self' data:;"));
    }

    #[test]
    fn hashed_files_are_cached_for_a_year_under_the_prefix() {
        let h = headers(
            "/insights",
            "default-src 'self'",
            &["/insights/app-0123456789abcdef.js".into()],
        );
        assert!(h.contains("/insights/*\n  Content-Security-Policy: default-src 'self'\n"));
        assert!(h.contains(
            "/insights/app-0123456789abcdef.js\n  Cache-Control: public, max-age=31536000, immutable\n"
        ));
        assert!(h.ends_with(
            "/insights/figures/*\n  Cache-Control: public, max-age=31536000, immutable\n"
        ));
        let r = redirects("/insights");
        assert!(r.contains("/insights/ru/blog/:slug/  /insights/ru/blog/:slug  301\n"));
        assert!(r.contains("/insights/en/tags/:tag/  /insights/en/tags/:tag  301\n"));
        assert!(r.contains("/insights/ru/*  /insights/ru/404.html  404\n"));
        assert!(r.ends_with("/insights/*  /insights/404.html  404\n"));
    }

    #[test]
    fn redirects_name_the_language_so_they_stay_on_the_site() {
        // Regression: `/:lang/blog/:slug/` redirected `/%5Cevil.example/blog/x/`
        // to `/\evil.example/blog/x`, another site for browsers.
        let r = redirects("");
        assert!(!r.contains(":lang"));
        assert!(r.contains("\n/en/blog/:slug/  /en/blog/:slug  301\n"));
    }

    #[test]
    fn the_service_worker_gets_its_version_and_files() {
        let sw = service_worker(
            "const VERSION = '__VERSION__';\nconst SHELL = __SHELL__;",
            "abc",
            &["/".into(), "/en/".into()],
        )
        .unwrap();
        assert_eq!(
            sw,
            "const VERSION = 'abc';\nconst SHELL = [\"/\",\"/en/\"];"
        );
        assert!(service_worker("nothing", "abc", &[]).is_err());
    }
}
