//! What search engines and feed readers fetch: an RSS feed per language, a sitemap
//! with hreflang alternates, and robots.txt. All URLs are absolute, from one
//! configured site URL.

use crate::escape::escape;
use crate::locale::Labels;
use crate::site::Site;
use model::site_toml::{FeedContent, FeedSettings};
use model::{Lang, Route, SitePage};
use rss::extension::atom::{AtomExtensionBuilder, Link};
use rss::{ChannelBuilder, GuidBuilder, ItemBuilder};
use std::fmt::Write as _;

/// Site path of a language's feed.
pub fn feed_path(lang: Lang) -> String {
    format!("/{}/feed.xml", lang.code())
}

/// RFC 2822 date of an ISO `YYYY-MM-DD` date, at midnight UTC, as RSS wants.
fn rfc2822(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let mut parts = iso.split('-').map(|p| p.parse::<i64>().unwrap_or(1));
    let (y, m, d) = (
        parts.next().unwrap_or(1970),
        parts.next().unwrap_or(1),
        parts.next().unwrap_or(1),
    );
    // Day of week by Sakamoto's method.
    const T: [i64; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let yy = if m < 3 { y - 1 } else { y };
    let dow = (yy + yy / 4 - yy / 100 + yy / 400 + T[(m - 1) as usize] + d) % 7;
    let day = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][dow as usize];
    format!(
        "{day}, {d:02} {} {y} 00:00:00 +0000",
        MONTHS[(m - 1) as usize]
    )
}

/// The RSS 2.0 feed of `lang`: the newest articles written in `lang` (as many as
/// `settings.items`), newest first, with their summaries, and with `full`
/// content the article itself (an article shown here untranslated is in its own
/// language's feed). An item's `pubDate` is its publication `date`, so an
/// update does not make it look new; RSS has no date of change for an item, so
/// an updated article's item carries Atom's `<atom:updated>` (the namespace the
/// channel already declares for its self link), and the channel's
/// `lastBuildDate` is the newest `updated` or `date` of its items.
pub fn feed(site: &Site, lang: Lang, base: &str, settings: &FeedSettings) -> String {
    let labels = Labels::of(lang);
    // The newest `items` articles written in `lang`, with their sources.
    let posts: Vec<_> = site
        .listing(lang)
        .into_iter()
        .filter(|a| a.lang == lang)
        .take(settings.items.get())
        .map(|a| (a.meta_in(lang, &site.vocabulary), a))
        .collect();
    let origin = origin(base);
    let items: Vec<rss::Item> = posts
        .iter()
        .map(|(p, article)| {
            let content = (settings.content == FeedContent::Full)
                .then(|| absolute_links(&article.body.html, origin));
            let url = format!("{base}{}", Route::article(lang, &p.slug).path());
            ItemBuilder::default()
                .title(Some(p.title.clone()))
                .link(Some(url.clone()))
                // An RSS description is HTML; the summary is plain text.
                .description(Some(escape(&p.summary)))
                .pub_date(Some(rfc2822(&p.date)))
                .categories(
                    p.tags
                        .iter()
                        .map(|t| rss::Category {
                            name: t.name.clone(),
                            domain: None,
                        })
                        .collect::<Vec<_>>(),
                )
                .guid(Some(
                    GuidBuilder::default().value(url).permalink(true).build(),
                ))
                .extensions(p.updated.as_deref().map(atom_updated).unwrap_or_default())
                .content(content)
                .build()
        })
        .collect();
    let self_link = Link {
        href: format!("{base}{}", feed_path(lang)),
        rel: "self".into(),
        mime_type: Some("application/rss+xml".into()),
        ..Link::default()
    };
    ChannelBuilder::default()
        .title(labels.site_name.clone())
        .link(format!("{base}{}", Route::home(lang).path()))
        .description(labels.tagline.clone())
        .language(Some(lang.code().to_string()))
        .last_build_date(
            posts
                .iter()
                .map(|(p, _)| p.lastmod())
                .max()
                .map(|d| rfc2822(&d)),
        )
        .atom_ext(Some(
            AtomExtensionBuilder::default()
                .links(vec![self_link])
                .build(),
        ))
        .items(items)
        .build()
        .to_string()
}

/// `https://host` of the site URL `base` (`https://host/sub/path`).
fn origin(base: &str) -> &str {
    let after_scheme = base.find("://").map_or(0, |i| i + 3);
    base[after_scheme..]
        .find('/')
        .map_or(base, |i| &base[..after_scheme + i])
}

/// An article's HTML for a feed reader, which has no page to resolve its links
/// against: site paths (`href="/…"`, `src="/…"`) become absolute URLs.
fn absolute_links(html: &str, origin: &str) -> String {
    html.replace("href=\"/", &format!("href=\"{origin}/"))
        .replace("src=\"/", &format!("src=\"{origin}/"))
}

/// `<atom:updated>` of an item: the day an article was updated, as an Atom date
/// (RFC 3339, midnight UTC).
fn atom_updated(date: &str) -> rss::extension::ExtensionMap {
    let updated = rss::extension::Extension {
        name: "atom:updated".into(),
        value: Some(format!("{date}T00:00:00Z")),
        ..Default::default()
    };
    let by_name = std::collections::BTreeMap::from([("updated".to_string(), vec![updated])]);
    std::collections::BTreeMap::from([("atom".to_string(), by_name)])
}

/// The sitemap protocol's limits for one file: 50,000 URLs and 50 MB
/// (uncompressed). <https://www.sitemaps.org/protocol.html>
pub const SITEMAP_MAX_URLS: usize = 50_000;
/// See [`SITEMAP_MAX_URLS`].
pub const SITEMAP_MAX_BYTES: usize = 50 * 1024 * 1024;

const URLSET_START: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
     <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
     xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
const URLSET_END: &str = "</urlset>\n";

/// The sitemap: every page in both languages, each with its alternates; an
/// article's alternates name only the languages it is written in, and a page
/// that shows an article untranslated is left out (its canonical URL is the
/// original's). One file, whatever its size (see [`sitemap_files`]).
pub fn sitemap(site: &Site, base: &str) -> String {
    format!(
        "{URLSET_START}{}{URLSET_END}",
        sitemap_entries(site, base).concat()
    )
}

/// The sitemap as the files to write under the site root: `sitemap.xml` alone
/// while the protocol's limits allow (`max_urls` URLs, `max_bytes` bytes per
/// file), else `sitemap.xml` as a sitemap index of `sitemap-1.xml`,
/// `sitemap-2.xml`, … (robots.txt names `sitemap.xml` either way).
pub fn sitemap_files(
    site: &Site,
    base: &str,
    max_urls: usize,
    max_bytes: usize,
) -> Vec<(String, String)> {
    let room = max_bytes.saturating_sub(URLSET_START.len() + URLSET_END.len());
    let mut parts: Vec<String> = Vec::new();
    let (mut count, mut bytes) = (0, 0);
    for entry in sitemap_entries(site, base) {
        if parts.is_empty() || count == max_urls.max(1) || bytes + entry.len() > room {
            parts.push(String::new());
            (count, bytes) = (0, 0);
        }
        count += 1;
        bytes += entry.len();
        if let Some(part) = parts.last_mut() {
            part.push_str(&entry);
        }
    }
    let files: Vec<String> = parts
        .into_iter()
        .map(|part| format!("{URLSET_START}{part}{URLSET_END}"))
        .collect();
    if files.len() == 1 {
        return vec![(
            "sitemap.xml".into(),
            files.into_iter().next().unwrap_or_default(),
        )];
    }
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut out = Vec::new();
    for (i, file) in files.into_iter().enumerate() {
        let name = format!("sitemap-{}.xml", i + 1);
        let _ = writeln!(index, "  <sitemap><loc>{base}/{name}</loc></sitemap>");
        out.push((name, file));
    }
    index.push_str("</sitemapindex>\n");
    out.insert(0, ("sitemap.xml".into(), index));
    out
}

/// One `<url>` entry per page, in order.
fn sitemap_entries(site: &Site, base: &str) -> Vec<String> {
    let pages = Lang::ALL
        .into_iter()
        .flat_map(|lang| site.index(lang).site_pages())
        .filter(|p| p.written_in.is_none());
    let root = SitePage {
        route: Route::Root,
        lastmod: None,
        written_in: None,
    };
    let mut entries = Vec::new();
    for SitePage { route, lastmod, .. } in [root].into_iter().chain(pages) {
        let mut xml = String::new();
        let _ = write!(
            xml,
            "  <url>\n    <loc>{base}{}</loc>\n",
            escape(&route.path())
        );
        if let Some(date) = lastmod {
            let _ = writeln!(xml, "    <lastmod>{date}</lastmod>");
        }
        let alternates = match &route {
            Route::Article { slug, .. } => route.alternates_in(&site.languages(slug)),
            _ => route.alternates(),
        };
        for (hreflang, page) in alternates {
            let _ = writeln!(
                xml,
                "    <xhtml:link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{base}{}\"/>",
                escape(&page.path())
            );
        }
        xml.push_str("  </url>\n");
        entries.push(xml);
    }
    entries
}

/// robots.txt: everything may be crawled; the sitemap is named.
pub fn robots(base: &str) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {base}/sitemap.xml\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_dates() {
        assert_eq!(rfc2822("2026-11-20"), "Fri, 20 Nov 2026 00:00:00 +0000");
        assert_eq!(rfc2822("2026-07-10"), "Fri, 10 Jul 2026 00:00:00 +0000");
        assert_eq!(rfc2822("2024-02-29"), "Thu, 29 Feb 2024 00:00:00 +0000");
    }
}
