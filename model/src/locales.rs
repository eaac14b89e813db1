//! Reading `locales/*.json`, the UI strings of each language: flat snake_case keys
//! to strings, plural families as `<key>_one/_few/_many/_other`. The app's build
//! script and the content pipeline both read them here.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

/// A locale file that cannot be used, with the file to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleError {
    /// The locale file.
    pub path: PathBuf,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for LocaleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for LocaleError {}

/// The strings of the locale file at `path`, whose text is `source`, by key.
pub fn parse(path: &Path, source: &str) -> Result<BTreeMap<String, String>, LocaleError> {
    serde_json::from_str(source).map_err(|e| LocaleError {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

/// Reads and parses the locale file at `path`.
pub fn read(path: &Path) -> Result<BTreeMap<String, String>, LocaleError> {
    let source = std::fs::read_to_string(path).map_err(|e| LocaleError {
        path: path.to_path_buf(),
        message: format!("cannot read file: {e}"),
    })?;
    parse(path, &source)
}

/// The `{name}` placeholders in `text`, each once, in order of name.
pub fn placeholders(text: &str) -> BTreeSet<&str> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        let Some(close) = rest.find('}') else { break };
        let name = &rest[..close];
        if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_') {
            found.insert(name);
            rest = &rest[close + 1..];
        }
    }
    found
}

/// A placeholder one locale file's string has and another's same key lacks: the
/// other language would show the reader a value missing, or a raw `{name}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceholderMismatch {
    /// The file whose string lacks the placeholder.
    pub path: PathBuf,
    /// The key of the string.
    pub key: String,
    /// The placeholder's name, without braces.
    pub placeholder: String,
    /// The file whose string has it.
    pub other: PathBuf,
}

impl fmt::Display for PlaceholderMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: `{}` lacks the placeholder {{{}}}, which {} has",
            self.path.display(),
            self.key,
            self.placeholder,
            self.other.display()
        )
    }
}

impl std::error::Error for PlaceholderMismatch {}

/// The plural forms a key may end in (CLDR categories).
const PLURAL_FORMS: [&str; 4] = ["one", "few", "many", "other"];

/// The string of `strings` to compare with `key` of another language: the same
/// key, or for a plural form that language does not have (English has no `_few`),
/// the family's `_other`, which stands in for it.
fn counterpart<'a>(strings: &'a BTreeMap<String, String>, key: &str) -> Option<&'a String> {
    strings.get(key).or_else(|| {
        let (base, form) = key.rsplit_once('_')?;
        PLURAL_FORMS
            .contains(&form)
            .then(|| strings.get(&format!("{base}_other")))?
    })
}

/// Every placeholder that a string of one locale file has and the same key of
/// another lacks, in both directions, by key. Keys only one file has are compared
/// with the other's `_other` if they are plural forms, else skipped (that the keys
/// match is a check of its own).
pub fn placeholder_mismatches(
    a: (&Path, &BTreeMap<String, String>),
    b: (&Path, &BTreeMap<String, String>),
) -> Vec<PlaceholderMismatch> {
    let keys: BTreeSet<&String> = a.1.keys().chain(b.1.keys()).collect();
    let mut found = Vec::new();
    for key in keys {
        let (Some(in_a), Some(in_b)) = (counterpart(a.1, key), counterpart(b.1, key)) else {
            continue;
        };
        let (in_a, in_b) = (placeholders(in_a), placeholders(in_b));
        for ((has, has_names), (lacks, lacks_names)) in
            [((a, &in_a), (b, &in_b)), ((b, &in_b), (a, &in_a))]
        {
            for name in has_names.difference(lacks_names) {
                // Name the string that lacks it: the family's `_other` stands in
                // for a plural form this file does not have.
                let lacking_key = if lacks.1.contains_key(key) {
                    key.clone()
                } else {
                    format!(
                        "{}_other",
                        key.rsplit_once('_').map_or("", |(base, _)| base)
                    )
                };
                let mismatch = PlaceholderMismatch {
                    path: lacks.0.to_path_buf(),
                    key: lacking_key,
                    placeholder: (*name).to_string(),
                    other: has.0.to_path_buf(),
                };
                if !found.contains(&mismatch) {
                    found.push(mismatch);
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn placeholders_are_braced_names() {
        let cases: [(&str, &[&str]); 5] = [
            ("Page {page} of {pages}", &["page", "pages"]),
            ("{n} min read, {n} again", &["n"]),
            ("no braces", &[]),
            ("{not a name} {} {", &[]),
            ("«{tag}» {тег}", &["tag", "тег"]),
        ];
        for (text, want) in cases {
            let got: Vec<&str> = placeholders(text).into_iter().collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn a_mismatch_names_the_file_the_key_and_the_placeholder() {
        let en = strings(&[
            ("page_of", "Page {page} of {pages}"),
            ("count_one", "{n} article"),
            ("count_other", "{n} articles"),
            ("title", "Title"),
        ]);
        let ru = strings(&[
            ("page_of", "Страница {page}"),
            ("count_one", "{n} статья"),
            ("count_few", "статьи"),
            ("count_many", "{n} статей"),
            ("count_other", "{n} статьи"),
            ("title", "Заголовок {x}"),
        ]);
        let found: Vec<String> = placeholder_mismatches(
            (Path::new("locales/en.json"), &en),
            (Path::new("locales/ru.json"), &ru),
        )
        .iter()
        .map(ToString::to_string)
        .collect();
        assert_eq!(
            found,
            [
                // Russian `_few` has no English twin: compared with English `_other`.
                "locales/ru.json: `count_few` lacks the placeholder {n}, which locales/en.json has",
                "locales/ru.json: `page_of` lacks the placeholder {pages}, which locales/en.json has",
                "locales/en.json: `title` lacks the placeholder {x}, which locales/ru.json has",
            ]
        );
    }

    #[test]
    fn matching_files_have_no_mismatch() {
        let en = strings(&[("a", "{n} x"), ("b_one", "one"), ("b_other", "{n}")]);
        let ru = strings(&[("a", "x {n}"), ("b_one", "одна"), ("b_other", "{n}")]);
        // `b_one` has no {n} in either language: nothing to report.
        assert!(placeholder_mismatches((Path::new("en"), &en), (Path::new("ru"), &ru)).is_empty());
        // A Russian-only plural form with a placeholder English `_other` lacks.
        let en = strings(&[("b_one", "one"), ("b_other", "many")]);
        let ru = strings(&[("b_one", "одна"), ("b_few", "{n}"), ("b_other", "много")]);
        let found = placeholder_mismatches((Path::new("en"), &en), (Path::new("ru"), &ru));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].key.as_str(), found[0].path.as_path()),
            ("b_other", Path::new("en"))
        );
    }
}
