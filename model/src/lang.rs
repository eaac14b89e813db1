//! The languages the site is published in.

use serde::{Deserialize, Serialize};

/// A language the site is published in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    En,
    /// Russian.
    Ru,
}

impl Lang {
    /// Every language, in the order they are offered to readers.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ru];

    /// The BCP 47 code used in URLs, folders and `lang` attributes.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }

    /// The language's name in that language, as the switcher shows it.
    pub const fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ru => "Русский",
        }
    }

    /// Parses an exact language code as used in URLs (`"en"`, `"ru"`).
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// Picks a supported language from a BCP 47 tag such as `ru-RU` or `en-GB`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::from_code(&primary)
    }

    /// The other language, for the language switcher.
    pub const fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Ru,
            Lang::Ru => Lang::En,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_map_to_supported_languages() {
        for (tag, want) in [
            ("en", Some(Lang::En)),
            ("en-GB", Some(Lang::En)),
            ("ru-RU", Some(Lang::Ru)),
            ("RU", Some(Lang::Ru)),
            ("ru_UA", Some(Lang::Ru)),
            ("de-DE", None),
            ("", None),
        ] {
            assert_eq!(Lang::from_tag(tag), want, "tag {tag:?}");
        }
    }

    #[test]
    fn url_codes_are_exact() {
        assert_eq!(Lang::from_code("ru"), Some(Lang::Ru));
        assert_eq!(Lang::from_code("RU"), None);
        assert_eq!(Lang::from_code("ru-RU"), None);
        assert_eq!(Lang::En.other(), Lang::Ru);
    }
}
