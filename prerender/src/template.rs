//! The page template: the `index.html` Trunk wrote, with its hashed asset links.

use std::fmt;

/// Why the template cannot be used.
#[derive(Debug, PartialEq, Eq)]
pub struct TemplateError(pub String);

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "index.html: {}", self.0)
    }
}

/// `index.html` cut where each page puts its own parts.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Template {
    /// Up to and including `<html lang="`.
    start: String,
    /// From after the language to before `<title>`.
    head_start: String,
    /// From after `</title>` to before `</head>`.
    head_end: String,
    /// From `</head>` up to and including `<body>`.
    body_start: String,
    /// From `</body>` to the end.
    end: String,
    /// Trunk's start-up script as the end of the app's start-up module (see
    /// [`start_module`]); the page itself carries no script of Trunk's.
    pub start_module: String,
    /// Whether Trunk's development server added inline scripts of its own (live
    /// reload): such pages cannot carry the Content-Security-Policy.
    pub dev_scripts: bool,
    /// The hashed files the pages link (stylesheet, JS, wasm, the start-up
    /// script), as linked.
    pub assets: Vec<String>,
}

/// The parts a page fills in.
pub struct PageParts<'a> {
    /// `<html lang>`.
    pub lang: &'a str,
    /// `<title>` text (escaped here).
    pub title: &'a str,
    /// Extra elements for `<head>` (already HTML).
    pub head: &'a str,
    /// The markup of `<body>` (already HTML).
    pub body: &'a str,
}

fn cut<'a>(s: &'a str, marker: &str) -> Result<(&'a str, &'a str), TemplateError> {
    s.split_once(marker)
        .ok_or_else(|| TemplateError(format!("no {marker:?}")))
}

impl Template {
    /// Parses Trunk's output.
    pub fn parse(html: &str) -> Result<Template, TemplateError> {
        // Trunk writes one inline module script that starts the wasm.
        let (before, rest) = cut(html, "<script type=\"module\">")?;
        let (script, after) = cut(rest, "</script>")?;
        if after.contains("<script type=\"module\">") {
            return Err(TemplateError("more than one start-up script".into()));
        }
        let script = start_module(script.trim())?;
        // The app starts after the first paint (public/boot.js imports its
        // start-up module): a high-priority preload of its code would only
        // compete with the page.
        let html = without_indentation(&without_comments(&without_preloads(&format!(
            "{before}{after}"
        ))))
        // Trunk keeps the attribute that tells it to leave out the digest.
        .replace(" data-integrity=\"none\"", "");
        // `trunk serve` adds its live-reload script inline: a development page.
        let dev_scripts = html.contains("<script>");

        let (start, rest) = cut(&html, "<html lang=\"")?;
        let (_, rest) = cut(rest, "\"")?;
        let (head_start, rest) = cut(rest, "<title>")?;
        let (_, rest) = cut(rest, "</title>")?;
        let (head_end, rest) = cut(rest, "</head>")?;
        let (body_open, rest) = cut(rest, "<body>")?;
        let (body, end) = cut(rest, "</body>")?;
        // Only scripts may be there (Trunk's development server puts its live
        // reload script in <body>): they go after the page's markup.
        let body = body.trim();
        let only_scripts = body.starts_with("<script") && body.ends_with("</script>");
        if !body.is_empty() && !only_scripts {
            return Err(TemplateError("<body> must be empty: pages fill it".into()));
        }
        let mut assets = Vec::new();
        // Links in the page, then the files the start-up script imports.
        for (text, attr, quote) in [
            (html.as_str(), "href=\"", '"'),
            (html.as_str(), "src=\"", '"'),
            (script.as_str(), "'", '\''),
        ] {
            for piece in text.split(attr).skip(1) {
                let url = piece.split(quote).next().unwrap_or_default();
                let file = url.rsplit('/').next().unwrap_or_default();
                if is_hashed(file) && !assets.contains(&url.to_string()) {
                    assets.push(url.to_string());
                }
            }
        }
        Ok(Template {
            start: format!("{start}<html lang=\""),
            head_start: format!("\"{head_start}"),
            head_end: head_end.to_string(),
            body_start: format!("</head>{body_open}<body>"),
            end: format!("{body}</body>{end}"),
            start_module: script,
            dev_scripts,
            assets,
        })
    }

    /// Puts `script` inline in place of `tag` (`<script src="boot.js"></script>`):
    /// a render-blocking script then costs no request. Returns the CSP source that
    /// allows exactly this script (`'sha256-…'`), since the policy has no
    /// `'unsafe-inline'`.
    pub fn inline_script(&mut self, tag: &str, script: &str) -> Result<String, TemplateError> {
        let script = inlinable(script, tag)?;
        let inline = format!("<script>{script}</script>");
        let part = [&mut self.head_start, &mut self.head_end]
            .into_iter()
            .find(|part| part.contains(tag))
            .ok_or_else(|| TemplateError(format!("no {tag}")))?;
        *part = part.replacen(tag, &inline, 1);
        Ok(csp_hash(&script))
    }

    /// Puts the SVG icon `svg` inline as a `data:` URL in place of the link to
    /// its file `href` (`<link rel="icon" … href="favicon.svg">`): no request.
    pub fn inline_icon(&mut self, href: &str, svg: &str) -> Result<(), TemplateError> {
        let attr = format!("href=\"{href}\"");
        let part = [&mut self.head_start, &mut self.head_end]
            .into_iter()
            .find(|part| part.contains(&attr))
            .ok_or_else(|| TemplateError(format!("no icon {attr}")))?;
        *part = part.replacen(&attr, &format!("href=\"{}\"", svg_data_url(svg)), 1);
        Ok(())
    }

    /// One page.
    pub fn page(&self, parts: &PageParts) -> String {
        let title = parts
            .title
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        format!(
            "{}{}{}<title>{title}</title>\n{}{}{}{}{}",
            self.start,
            parts.lang,
            self.head_start,
            parts.head,
            self.head_end,
            self.body_start,
            parts.body,
            self.end
        )
    }
}

/// Trunk's start-up script as the end of the app's start-up module, which the
/// early script imports once the page is on screen (see `public/start.js`):
/// Trunk imports the JS glue statically (`import init… from '…';`), and the
/// module waits for an idle moment before it, so that import becomes a dynamic
/// one after the wait.
fn start_module(script: &str) -> Result<String, TemplateError> {
    let (import, rest) = script
        .split_once('\n')
        .ok_or_else(|| TemplateError("an empty start-up script".into()))?;
    let glue = import
        .strip_prefix("import init")
        .and_then(|r| r.split_once(" from '"))
        .and_then(|(names, r)| Some((names, r.strip_suffix("';")?)))
        .filter(|(names, _)| names.is_empty() || *names == ", * as bindings")
        .map(|(_, glue)| glue)
        .ok_or_else(|| TemplateError(format!("unexpected start-up import: {import}")))?;
    Ok(format!(
        "const bindings = await import('{glue}');\nconst init = bindings.default;\n{rest}\n"
    ))
}

/// `script` without its comment lines, blank lines and indentation: every page
/// carries its inline scripts, and an article's page must fit the first round
/// trip of a connection (about 14 KB) for its first paint to need no second
/// one. Only whole-line `//` comments go, so code is never cut (the site's own
/// scripts write no multi-line strings).
fn compact(script: &str) -> String {
    script
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `script` as it goes inline (see [`compact`]), or why it cannot: it would end
/// the `<script>` element or open a comment inside it.
fn inlinable(script: &str, what: &str) -> Result<String, TemplateError> {
    let script = compact(script);
    if script.contains("</script") || script.contains("<!--") {
        return Err(TemplateError(format!("{what} cannot be put inline")));
    }
    Ok(script)
}

/// `svg` as a `data:` URL for a double-quoted attribute, line breaks dropped:
/// what a URL cannot hold as it is (controls, spaces: the Nu HTML Checker
/// rejects a raw space) and what the attribute or the URL would read otherwise
/// (`"`, `#`, `%`, `<`, `>`) percent-encoded.
fn svg_data_url(svg: &str) -> String {
    const ESCAPED: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'#')
        .add(b'%')
        .add(b'<')
        .add(b'>');
    let svg: String = svg
        .trim()
        .chars()
        .filter(|c| !matches!(c, '\n' | '\r'))
        .collect();
    format!(
        "data:image/svg+xml,{}",
        percent_encoding::utf8_percent_encode(&svg, ESCAPED)
    )
}

/// The CSP source that allows exactly this inline script.
fn csp_hash(script: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(script.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// `html` without its comments (`index.html` explains itself to its readers;
/// every page need not carry that).
fn without_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some((before, comment)) = rest.split_once("<!--") {
        out.push_str(before.trim_end_matches([' ', '\n']));
        rest = comment.split_once("-->").map_or("", |(_, after)| after);
    }
    out.push_str(rest);
    out
}

/// `html` without the indentation of its lines and without blank lines: every
/// page's head carries them, and an article's page must fit the first round trip.
fn without_indentation(html: &str) -> String {
    html.lines()
        .map(str::trim_start)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `html` without `<link rel="modulepreload">` and `<link rel="preload">` tags.
fn without_preloads(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<link rel=\"") {
        let (before, tag) = rest.split_at(start);
        out.push_str(before);
        let end = tag.find('>').map_or(tag.len(), |i| i + 1);
        let preload = tag.starts_with("<link rel=\"modulepreload\"")
            || tag.starts_with("<link rel=\"preload\"");
        if !preload {
            out.push_str(&tag[..end]);
        }
        rest = &tag[end..];
    }
    out.push_str(rest);
    out
}

/// Whether a file name carries a content hash (`name-0123456789abcdef.ext`), so it
/// can be cached for ever.
pub fn is_hashed(file: &str) -> bool {
    let stem = file.split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() >= 12 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// 64-bit FNV-1a: a stable fingerprint for file names and cache versions (not
/// for security).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = r#"<!DOCTYPE html>
<html lang="en">
  <head>
    <base href="/insights/" />
    <!-- About this file. -->
    <title>Engineering Insights</title>
    <link rel="stylesheet" href="/insights/main-4760f333f62bafe.css" data-integrity="none"/>
<script type="module">
import init from '/insights/app-52182d20db5c4d9b.js';
await init({ module_or_path: '/insights/app-52182d20db5c4d9b_bg.wasm' });
</script>
  <link rel="modulepreload" href="/insights/app-52182d20db5c4d9b.js"></head>
  <body></body>
</html>"#;

    #[test]
    fn pages_fill_the_template_and_trunks_start_up_script_ends_the_start_module() {
        let t = Template::parse(TRUNK).unwrap();
        assert_eq!(
            t.assets,
            [
                "/insights/main-4760f333f62bafe.css",
                "/insights/app-52182d20db5c4d9b.js",
                "/insights/app-52182d20db5c4d9b_bg.wasm",
            ]
        );
        let page = t.page(&PageParts {
            lang: "ru",
            title: "A <b> & c",
            head: "<meta data-h name=\"x\">",
            body: "<main>hi</main>",
        });
        assert!(page.contains("<html lang=\"ru\">"), "{page}");
        assert!(
            page.contains("<title>A &lt;b&gt; &amp; c</title>"),
            "{page}"
        );
        assert!(page.contains("<meta data-h name=\"x\">"), "{page}");
        assert!(page.contains("<body><main>hi</main></body>"), "{page}");
        // No indentation, blank line or Trunk attribute costs bytes in every page.
        assert!(!page.contains("\n "), "{page}");
        assert!(!page.contains("\n\n"), "{page}");
        assert!(!page.contains("data-integrity"), "{page}");
        // No script of Trunk's in the page, and no preload of the app's code: the
        // early script imports the start module once the page is on screen.
        assert!(!page.contains("<script"), "{page}");
        assert!(!page.contains("modulepreload"), "no preload: {page}");
        // Trunk's script, its static import of the glue made a dynamic one (the
        // module waits for an idle moment before it).
        assert_eq!(
            t.start_module,
            "const bindings = await import('/insights/app-52182d20db5c4d9b.js');\n\
             const init = bindings.default;\n\
             await init({ module_or_path: '/insights/app-52182d20db5c4d9b_bg.wasm' });\n"
        );
        assert_eq!(page.matches("<title>").count(), 1);
        assert!(!page.contains("<!--"), "{page}");
    }

    #[test]
    fn the_icon_goes_inline_as_a_data_url() {
        let html = TRUNK.replace(
            "</title>",
            "</title><link rel=\"icon\" type=\"image/svg+xml\" href=\"favicon.svg\" />",
        );
        let mut t = Template::parse(&html).unwrap();
        t.inline_icon("favicon.svg", "<svg a=\"#1f5fbf\">50 %</svg>\n")
            .unwrap();
        let page = english_page(&t, "");
        assert!(
            page.contains(
                "<link rel=\"icon\" type=\"image/svg+xml\" href=\"data:image/svg+xml,%3Csvg%20a=%22%231f5fbf%22%3E50%20%25%3C/svg%3E\" />"
            ),
            "{page}"
        );
        assert!(t.inline_icon("other.svg", "<svg/>").is_err());
    }

    #[test]
    fn inline_scripts_lose_their_comment_lines_and_indentation_only() {
        let script = "// About it.\n(function () {\n  // Why.\n  var a = 'x // y'; // kept\n\n  f(a);\n})();\n";
        assert_eq!(
            compact(script),
            "(function () {\nvar a = 'x // y'; // kept\nf(a);\n})();"
        );
    }

    /// A page of `t` with an empty head and `body`.
    fn english_page(t: &Template, body: &str) -> String {
        t.page(&PageParts {
            lang: "en",
            title: "t",
            head: "",
            body,
        })
    }

    #[test]
    fn a_blocking_script_goes_inline_with_its_hash() {
        let html = TRUNK.replace("<title>", "<script src=\"boot.js\"></script><title>");
        let mut t = Template::parse(&html).unwrap();
        let hash = t
            .inline_script("<script src=\"boot.js\"></script>", "var a = 1;")
            .unwrap();
        // printf 'var a = 1;' | openssl dgst -sha256 -binary | base64
        assert_eq!(
            hash,
            "'sha256-+dZ6udsWxNVoGfScAq7t5IIF5UJb4F6RhjbN6oe1p4w='"
        );
        let page = english_page(&t, "");
        assert!(
            page.contains("<script>var a = 1;</script><title>"),
            "{page}"
        );
        assert!(t
            .inline_script("<script src=\"x.js\"></script>", "1")
            .is_err());
        assert!(t.inline_script("<title>", "a</script>b").is_err());
    }

    #[test]
    fn an_unexpected_template_is_refused() {
        let no_body = TRUNK.replace("<body></body>", "<body><p>x</p></body>");
        assert!(Template::parse(&no_body).is_err());
        let no_script = TRUNK.replace("<script type=\"module\">", "<script>");
        assert!(Template::parse(&no_script).is_err());
        let two = TRUNK.replace("</head>", "<script type=\"module\">x</script></head>");
        assert!(Template::parse(&two).is_err());
        let dev = TRUNK.replace("<body></body>", "<body><script>reload()</script></body>");
        let t = Template::parse(&dev).unwrap();
        assert!(t.dev_scripts);
        let page = english_page(&t, "<main></main>");
        assert!(
            page.contains("<body><main></main><script>reload()</script></body>"),
            "{page}"
        );
        assert!(!Template::parse(TRUNK).unwrap().dev_scripts);
    }

    #[test]
    fn hashed_names() {
        assert!(is_hashed("engineering-insights-52182d20db5c4d9b_bg.wasm"));
        assert!(is_hashed("main-4760f333f62bafe.css"));
        assert!(!is_hashed("boot.js"));
        assert!(!is_hashed("favicon.svg"));
        assert!(!is_hashed("engineering-insights.js"));
    }
}
