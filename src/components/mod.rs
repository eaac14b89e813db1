//! Reusable view pieces. They take data as props and hold no fetch or parse code,
//! so each renders the same in the browser and on the host.

mod article_view;
mod back_link;
mod byline;
pub(crate) mod code_copy;
mod language_switcher;
mod more_articles;
mod pagination;
mod post_card;
mod post_list;
pub(crate) mod search_box;
mod site_footer;
mod site_header;
mod status;
mod subscribe_cta;
mod tag_list;
mod theme_toggle;
pub(crate) mod toc;
mod translation_notice;

pub use article_view::ArticleView;
pub use back_link::BackLink;
pub use byline::Byline;
pub use language_switcher::LanguageSwitcher;
pub use more_articles::MoreArticles;
pub use pagination::Pagination;
pub use post_card::PostCard;
pub use post_list::PostList;
pub use search_box::SearchBox;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use status::{ErrorPanel, Loading};
pub use subscribe_cta::SubscribeCta;
pub use tag_list::TagList;
pub use theme_toggle::{Theme, ThemeToggle};
pub use toc::Toc;
pub use translation_notice::TranslationNotice;

/// The mark of a draft, on its card and its page. Drafts reach only a build
/// that asked for them (`BLOG_DRAFTS=1`, as `scripts/serve` does), and only
/// such a build has this code.
#[cfg(drafts)]
fn draft_mark(lang: crate::i18n::Lang) -> impl leptos::prelude::IntoView {
    use leptos::prelude::*;
    let label = crate::i18n::strings(lang).draft_label;
    view! { <p class="card__marks"><span class="badge badge--draft">{label}</span></p> }
}
