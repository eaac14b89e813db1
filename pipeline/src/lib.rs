//! The build-time content pipeline: `content/` (Markdown + TOML front matter) in,
//! validated JSON documents out. Everything that can be computed before the browser
//! sees the page is computed here: HTML, heading ids, reading time, date labels.

pub mod cards;
pub mod config;
pub mod dates;
pub mod digest;
pub mod discovery;
pub mod emit;
pub mod error;
mod escape;
pub mod figures;
pub mod front_matter;
pub mod glossary;
pub mod highlight;
pub mod locale;
pub mod markdown;
pub mod output;
mod parallel;
pub mod placeholders;
pub mod search;
pub mod site;
pub mod updates;

pub use error::{ContentError, ContentErrors, ErrorKind};
pub use site::{
    load, load_again, load_with, Article, Loaded, Options, Site, Translation, TranslationState,
};
