//! Unfinished-text markers that must never reach a reader: PLACEHOLDER, TODO, TBD,
//! XXX, lorem (ipsum) and the Russian ЗАГЛУШКА, anywhere in an article's file (front
//! matter, prose, code and its comments).

/// One marker and how it is matched.
struct Marker {
    /// The marker as written in the error message.
    word: &'static str,
    /// Match any letter case. Off for `TODO`: "todo list" and `todo:42` keys are
    /// ordinary words in articles about agents and sync engines.
    any_case: bool,
    /// The marker must start a word (not follow a letter, digit or `_`).
    starts_word: bool,
    /// The marker must end a word (not be followed by a letter, digit or `_`).
    ends_word: bool,
}

const MARKERS: [Marker; 6] = [
    // A substring anywhere: `PLACEHOLDER_PRICES` is as visible as the word itself.
    Marker {
        word: "PLACEHOLDER",
        any_case: true,
        starts_word: false,
        ends_word: false,
    },
    Marker {
        word: "TODO",
        any_case: false,
        starts_word: true,
        ends_word: true,
    },
    Marker {
        word: "TBD",
        any_case: true,
        starts_word: true,
        ends_word: true,
    },
    Marker {
        word: "XXX",
        any_case: true,
        starts_word: true,
        ends_word: true,
    },
    // "Lorem ipsum", but not the end of "dolorem".
    Marker {
        word: "lorem",
        any_case: true,
        starts_word: true,
        ends_word: false,
    },
    // заглушка, заглушки, заглушками, ...
    Marker {
        word: "ЗАГЛУШК",
        any_case: true,
        starts_word: true,
        ends_word: false,
    },
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A letter in lower case, one letter for one (every marker's letters have one).
fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Whether `marker`, spelled `word` (in lower case if it matches any case),
/// occurs in `line` (`lowered`: the same letters in lower case) as its flags
/// require. Lines and markers are lower-cased once each: comparing each
/// position's letters lower-cased anew made this check half of the pipeline's
/// time on a large archive (measured with `perf`).
fn occurs(line: &[char], lowered: &[char], marker: &Marker, word: &[char]) -> bool {
    if line.len() < word.len() {
        return false;
    }
    let text = if marker.any_case { lowered } else { line };
    (0..=line.len() - word.len()).any(|start| {
        let end = start + word.len();
        if text[start..end] != *word {
            return false;
        }
        let free_before = !marker.starts_word || start == 0 || !is_word_char(line[start - 1]);
        let free_after = !marker.ends_word || end == line.len() || !is_word_char(line[end]);
        // `TODO.json` names a file an agent writes; `TODO.` ending a sentence is a marker.
        let file_name =
            line.get(end) == Some(&'.') && line.get(end + 1).is_some_and(|c| is_word_char(*c));
        free_before && free_after && !file_name
    })
}

/// Every unfinished-text marker in `source`, as (1-based line, marker), in line order.
pub fn find(source: &str) -> Vec<(usize, &'static str)> {
    let markers: Vec<(&Marker, Vec<char>, String)> = MARKERS
        .iter()
        .map(|m| {
            let word = m.word.chars();
            let word: Vec<char> = if m.any_case {
                word.map(lower).collect()
            } else {
                word.collect()
            };
            let spelled = word.iter().collect();
            (m, word, spelled)
        })
        .collect();
    source
        .lines()
        .enumerate()
        .flat_map(|(i, line)| {
            // Most lines hold none of the markers' spellings at all: one look at
            // the whole line spares the letter-by-letter check.
            let lower_line: String = line.chars().map(lower).collect();
            let candidates: Vec<&(&Marker, Vec<char>, String)> = markers
                .iter()
                .filter(|(m, _, spelled)| {
                    (if m.any_case { &lower_line } else { line }).contains(spelled.as_str())
                })
                .collect();
            if candidates.is_empty() {
                return Vec::new();
            }
            let chars: Vec<char> = line.chars().collect();
            let lowered: Vec<char> = lower_line.chars().collect();
            candidates
                .into_iter()
                .filter(|(m, word, _)| occurs(&chars, &lowered, m, word))
                .map(|(m, _, _)| (i + 1, m.word))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::find;

    #[test]
    fn markers_are_found_with_their_lines() {
        let cases: [(&str, &[&str]); 14] = [
            ("Prices are PLACEHOLDERS.", &["PLACEHOLDER"]),
            ("PLACEHOLDER_PRICES = {", &["PLACEHOLDER"]),
            ("with placeholder prices", &["PLACEHOLDER"]),
            ("# TODO: measure", &["TODO"]),
            ("Release date TBD.", &["TBD"]),
            ("key = \"sk-xxx\"", &["XXX"]),
            ("Lorem ipsum dolor", &["lorem"]),
            ("Цены-ЗАГЛУШКИ", &["ЗАГЛУШК"]),
            ("с ценами-заглушками", &["ЗАГЛУШК"]),
            ("a todo list and todo:42", &[]),
            ("see TODO.json for progress", &[]),
            ("write_todos, TODOS, XXXL, TBDs", &[]),
            ("dolorem and placed holders", &[]),
            ("", &[]),
        ];
        for (line, expected) in cases {
            let found: Vec<&str> = find(line).into_iter().map(|(_, m)| m).collect();
            assert_eq!(found, expected, "{line:?}");
        }
        assert_eq!(
            find("title = \"x\"\n\nok\nTODO\n"),
            [(4, "TODO")],
            "lines are 1-based"
        );
    }
}
