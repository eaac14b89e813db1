//! Pagination: the page size and the one type for a page number.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::num::NonZeroU32;

/// Articles per page of a paged list: `/{lang}/` shows the newest, `/{lang}/page/2`
/// the next ones, and so on; tag pages likewise. Shared by the app, the
/// prerenderer and the sitemap.
pub const PAGE_SIZE: usize = 20;

/// Tags per page of the tag list (`/{lang}/tags/`, `/{lang}/tags/page/2`): a
/// long list, as a tag is one short line, but bounded, so the list's document
/// and page stay small whatever the size of the vocabulary.
pub const TAG_PAGE_SIZE: usize = 100;

/// The number of a page of a paged list, from 1; also the number of pages (the
/// last page's number), which is at least 1 as an empty list still has its
/// first page. The one page-number type of the site: in routes, documents,
/// content paths and views alike. In JSON, a plain number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PageNumber(NonZeroU32);

impl PageNumber {
    /// Page 1.
    pub const FIRST: PageNumber = PageNumber(NonZeroU32::MIN);

    /// Page `n`; `None` for 0.
    pub const fn new(n: u32) -> Option<PageNumber> {
        match NonZeroU32::new(n) {
            Some(n) => Some(PageNumber(n)),
            None => None,
        }
    }

    /// The number, from 1.
    pub const fn get(self) -> u32 {
        self.0.get()
    }

    /// Whether this is page 1, which lives at its list's own URL.
    pub const fn is_first(self) -> bool {
        self.0.get() == 1
    }

    /// The number of pages a list of `items` takes, `per_page` a page
    /// ([`PAGE_SIZE`] for articles, [`TAG_PAGE_SIZE`] for tags), which is its
    /// last page's number: at least 1.
    pub fn count_for(items: usize, per_page: usize) -> PageNumber {
        let pages = items.div_ceil(per_page.max(1)).max(1);
        PageNumber::new(u32::try_from(pages).unwrap_or(u32::MAX)).unwrap_or(PageNumber::FIRST)
    }

    /// Every page number from 1 to `self`.
    pub fn up_to(self) -> impl Iterator<Item = PageNumber> {
        (1..=self.get()).filter_map(PageNumber::new)
    }

    /// The position of this page's first item in the whole list, `per_page` a page.
    pub fn first_item(self, per_page: usize) -> usize {
        (self.get() as usize - 1) * per_page
    }

    /// The page before this one, if any.
    pub fn previous(self) -> Option<PageNumber> {
        PageNumber::new(self.get() - 1)
    }

    /// The page after this one.
    pub fn next(self) -> PageNumber {
        PageNumber(self.0.saturating_add(1))
    }

    /// The page number in a `…/page/{n}` URL segment: 2 or more, as page 1 is
    /// only at the list's own URL; `None` for anything else, including other
    /// spellings of a number (`02`, `+2`), so each page has one URL.
    pub fn from_segment(segment: &str) -> Option<PageNumber> {
        let canonical = segment.bytes().all(|b| b.is_ascii_digit()) && !segment.starts_with('0');
        let n: u32 = segment.parse().ok().filter(|_| canonical)?;
        PageNumber::new(n).filter(|n| !n.is_first())
    }
}

impl fmt::Display for PageNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_counts() {
        let count = |n| PageNumber::count_for(n, PAGE_SIZE).get();
        assert_eq!(
            [count(0), count(20), count(21), count(2000)],
            [1, 1, 2, 100]
        );
        let tags = |n| PageNumber::count_for(n, TAG_PAGE_SIZE).get();
        assert_eq!([tags(17), tags(100), tags(101)], [1, 1, 2]);
        assert_eq!(PageNumber::new(3).unwrap().first_item(PAGE_SIZE), 40);
        assert_eq!(PageNumber::new(2).unwrap().first_item(TAG_PAGE_SIZE), 100);
        let pages: Vec<u32> = PageNumber::new(3)
            .unwrap()
            .up_to()
            .map(PageNumber::get)
            .collect();
        assert_eq!(pages, [1, 2, 3]);
        assert_eq!(PageNumber::FIRST.previous(), None);
        assert_eq!(PageNumber::FIRST.next().get(), 2);
    }

    #[test]
    fn later_pages_start_at_two_with_one_spelling() {
        assert_eq!(PageNumber::from_segment("2").map(PageNumber::get), Some(2));
        assert_eq!(
            PageNumber::from_segment("45").map(PageNumber::get),
            Some(45)
        );
        for not in [
            "1",
            "0",
            "-2",
            "x",
            "",
            "2.0",
            "02",
            "+2",
            " 2",
            "2 ",
            "002",
            "99999999999",
        ] {
            assert_eq!(PageNumber::from_segment(not), None, "{not}");
        }
    }

    #[test]
    fn page_numbers_are_plain_numbers_in_json() {
        let n = PageNumber::new(7).unwrap();
        assert_eq!(serde_json::to_string(&n).unwrap(), "7");
        assert_eq!(serde_json::from_str::<PageNumber>("7").unwrap(), n);
        assert!(serde_json::from_str::<PageNumber>("0").is_err());
    }
}
