//! The digest a translation records of its original (`translated_from`): the
//! first 12 hex digits of the SHA-256 of the original's Markdown body (what
//! follows the closing `+++`), with line endings normalised to `\n` and leading
//! and trailing whitespace trimmed. Editing the front matter or adding blank
//! lines at the end does not change it; any change to the text does.

use sha2::{Digest as _, Sha256};

/// Number of hex digits kept: 48 bits, plenty to tell versions of one file apart.
pub const LEN: usize = 12;

/// The digest of a Markdown body.
pub fn digest(body: &str) -> String {
    let normalised = body.replace("\r\n", "\n");
    sha256_hex(normalised.trim().as_bytes(), LEN)
}

/// The hash a generated file's name carries (a figure, a kept social card): the
/// first 16 hex digits of the SHA-256 of what it is made from.
pub fn file_hash(bytes: &[u8]) -> String {
    sha256_hex(bytes, 16)
}

/// The first `digits` (even) hex digits of the SHA-256 of `bytes`.
fn sha256_hex(bytes: &[u8], digits: usize) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(digits / 2)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether `s` has the shape of a digest: 12 lowercase hex digits.
pub fn is_digest(s: &str) -> bool {
    s.len() == LEN && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_is_a_prefix_of_sha256_and_ignores_line_endings_and_outer_blank_lines() {
        // SHA-256 of the empty string: e3b0c442 98fc1c14 ...
        assert_eq!(digest(""), "e3b0c44298fc");
        assert_eq!(digest("\n\n  \n"), "e3b0c44298fc");
        assert_eq!(digest("\nA\r\nB\r\n"), digest("A\nB\n\n"));
        assert_ne!(digest("A\nB"), digest("A\nC"));
        assert!(is_digest(&digest("text")));
    }
}
