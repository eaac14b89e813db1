//! The whole content tree: loading and validating it, and shaping it into the
//! documents the app reads.

mod checks;
mod load;
mod publish;
mod shape;
mod translations;
mod tree;

pub(crate) use load::sorted_entries;
pub use load::{load, load_again, load_with, Loaded};
pub use publish::Options;
pub use shape::{reading_minutes, related, TagPostings};
pub use translations::{Translation, TranslationState};
pub use tree::{Article, Site, TagNames};
