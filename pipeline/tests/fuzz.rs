//! Property-based fuzzing of the content pipeline (proptest): whatever an author
//! writes, the build never panics, and every failure names a file and a line that
//! exists in it.

use model::Lang;
use pipeline::{front_matter, markdown};
use proptest::prelude::*;
use std::fs;
use std::path::Path;

/// Markdown-ish text: fragments that exercise the renderer's special cases, mixed
/// with arbitrary characters.
fn body() -> impl Strategy<Value = String> {
    let fragment = prop_oneof![
        Just("# Title\n".to_string()),
        Just("## Section\n".to_string()),
        Just("### Sub `code`\n".to_string()),
        Just("```rust\nfn main() {}\n```\n".to_string()),
        Just("```\nno language\n```\n".to_string()),
        Just("```cobol\n".to_string()),
        Just("| a | b |\n|---|---|\n| 1 | 2 |\n".to_string()),
        Just("[link](/en/blog/missing)\n".to_string()),
        Just("[ext](https://example.org)\n".to_string()),
        Just("<script>alert(1)</script>\n".to_string()),
        Just("[^1]\n\n[^1]: note\n".to_string()),
        Just("    indented code\n".to_string()),
        Just("\n".to_string()),
        "[ -~а-яё\u{1F600}\t\r\n]{0,40}",
    ];
    prop::collection::vec(fragment, 0..20).prop_map(|parts| parts.concat())
}

/// Front matter: valid lines, broken lines and noise.
fn front() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just("slug = \"fuzzed\"\n".to_string()),
        Just("title = \"Fuzzed\"\n".to_string()),
        Just("summary = \"A fuzzed article.\"\n".to_string()),
        Just("date = 2026-11-27\n".to_string()),
        Just("date = 2026-02-30\n".to_string()),
        Just("tags = [\"llm\"]\n".to_string()),
        Just("tags = []\n".to_string()),
        Just("slug = \"Bad Slug\"\n".to_string()),
        Just("title = \"unterminated\n".to_string()),
        Just("[table]\n".to_string()),
        "[ -~\n]{0,30}",
    ];
    prop::collection::vec(line, 0..10).prop_map(|lines| lines.concat())
}

fn check_location(errors: &pipeline::ContentErrors, root: &Path) {
    for e in &errors.0 {
        assert!(e.path.starts_with(root), "{e}");
        let lines = fs::read_to_string(&e.path)
            .map(|s| s.lines().count().max(1))
            .unwrap_or(1);
        assert!(
            e.line >= 1 && e.line <= lines + 1,
            "{e} (file has {lines} lines)"
        );
        assert!(!e.to_string().is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn the_renderer_never_panics_and_locates_its_errors(text in body()) {
        let lines = text.lines().count();
        match markdown::render(&text, Lang::En, "/en/blog/x", "/sub") {
            Ok(r) => prop_assert!(!r.html.contains("<script>")),
            Err(errors) => {
                for (line, _) in errors {
                    prop_assert!(line <= lines, "line {line} of {lines}");
                }
            }
        }
    }

    #[test]
    fn front_matter_never_panics(source in "[ -~\n+]{0,200}", front in front()) {
        let path = Path::new("content/en/x.md");
        let _ = front_matter::split(path, &source);
        // Lines are the file's: the front matter starts on line 2, after `+++`.
        if let Err(e) = front_matter::parse(path, &front) {
            prop_assert!(e.line >= 2 && e.line <= front.lines().count() + 2, "{e}");
        }
    }

    #[test]
    fn a_whole_tree_with_a_fuzzed_article_builds_or_says_where(front in front(), text in body()) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::write(root.join("tags.toml"), "[llm]\nen = \"LLMs\"\nru = \"LLM\"\n").unwrap();
        for lang in ["en", "ru"] {
            fs::create_dir(root.join(lang)).unwrap();
            fs::write(root.join(lang).join("fuzzed.md"), format!("+++\n{front}+++\n{text}")).unwrap();
        }
        if let Err(errors) = pipeline::load(root, "") {
            prop_assert!(!errors.0.is_empty());
            check_location(&errors, root);
        }
    }

    #[test]
    fn postings_round_trip(docs in proptest::collection::btree_map(any::<u32>(), any::<u32>(), 0..50)) {
        let list: Vec<(u32, u32)> = docs.into_iter().collect();
        let packed = model::postings::encode(&list);
        prop_assert!(packed.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        prop_assert_eq!(model::postings::decode(&packed), Some(list));
    }

    #[test]
    fn unpacking_any_string_never_panics(packed in "[0-9a-zA-Z_\\-!\"]{0,64}") {
        if let Some(list) = model::postings::decode(&packed) {
            // Whatever it accepts is a list it could have written.
            prop_assert!(list.windows(2).all(|w| w[0].0 < w[1].0));
            prop_assert_eq!(model::postings::encode(&list), packed);
        }
    }
}
