//! YAML front matter: a `---` line, simple `key: value` lines, and a closing `---` (or `...`).
//!
//! Only the flat `key: value` form is read (values plain, `"double"` or `'single'` quoted).
//! Anything else in the block (lists, nested maps, block scalars) is skipped. A block that has
//! no closing line, or whose lines are mostly not `key: value`, is not front matter: the caller
//! then treats the file as text, so nothing is lost and nothing panics.

use super::text::{Line, trimmed};

/// Front matter found at the top of a file.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct FrontMatter {
    /// `(key lower-cased, value unquoted)` in file order.
    pub fields: Vec<(String, String)>,
    /// Index of the first line after the closing delimiter.
    pub body_line: usize,
}

impl FrontMatter {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.fields.iter().find(|(k, v)| k == key && !v.is_empty()).map(|(_, v)| v.as_str())
    }
}

/// How far the closing delimiter may be from the opening one.
const MAX_LINES: usize = 200;

/// Parse front matter starting at `lines[0]`, if the file has a valid block.
pub(crate) fn parse(src: &str, lines: &[Line]) -> Option<FrontMatter> {
    let first = lines.first()?;
    if trimmed(first.text(src)) != "---" {
        return None;
    }
    let mut fields = Vec::new();
    let mut other = 0usize;
    for (i, line) in lines.iter().enumerate().skip(1).take(MAX_LINES) {
        let raw = line.text(src);
        let t = trimmed(raw);
        if t == "---" || t == "..." {
            if fields.is_empty() || other > fields.len() {
                return None;
            }
            return Some(FrontMatter { fields, body_line: i + 1 });
        }
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        // Continuation lines of lists and nested maps belong to the previous key.
        if raw.starts_with([' ', '\t']) || t.starts_with("- ") {
            continue;
        }
        match key_value(t) {
            Some((k, v)) => fields.push((k.to_ascii_lowercase(), unquote(v))),
            None => other += 1,
        }
    }
    None
}

/// `key: value` with a plain identifier key.
pub(crate) fn key_value(t: &str) -> Option<(&str, &str)> {
    // The key is made of ASCII letters, digits, `_`, `-` and spaces (white space around it is
    // trimmed): a line with another character before its first colon is no `key: value`,
    // found without looking for the colon through the rest of a long paragraph.
    let colon =
        t.find(|c: char| c == ':' || !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-') || c.is_whitespace()))?;
    if !t[colon..].starts_with(':') {
        return None;
    }
    let (k, v) = (&t[..colon], &t[colon + 1..]);
    let k = k.trim();
    let ok = !k.is_empty()
        && k.len() <= 40
        && k.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ' '))
        && k.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && k.split(' ').count() <= 3;
    if !ok {
        return None;
    }
    // `key:value` with no space is only a key when the value is empty or quoted (URLs have
    // `https:` too, but `https` then needs `//` which we refuse).
    if v.starts_with("//") {
        return None;
    }
    Some((k, v.trim()))
}

/// Remove YAML quotes: `"a \"b\""` → `a "b"`, `'it''s'` → `it's`.
pub(crate) fn unquote(v: &str) -> String {
    let v = v.trim();
    if v.len() >= 2 && v.starts_with('"') && v.ends_with('"') {
        let inner = &v[1..v.len() - 1];
        let mut out = String::with_capacity(inner.len());
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some(other) => out.push(other),
                    None => out.push('\\'),
                }
            } else {
                out.push(c);
            }
        }
        return out;
    }
    if v.len() >= 2 && v.starts_with('\'') && v.ends_with('\'') {
        return v[1..v.len() - 1].replace("''", "'");
    }
    // A plain scalar may carry a trailing comment.
    match v.find(" #") {
        Some(i) => v[..i].trim_end().to_string(),
        None => v.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::text::lines_in;

    fn fm(s: &str) -> Option<FrontMatter> {
        parse(s, &lines_in(s, 0, s.len()))
    }

    #[test]
    fn reads_simple_block() {
        let s = "---\ntitle: \"A \\\"quoted\\\" title | News.az\"\nsource: https://news.az/x\ndate: 2026-02-03\ntags:\n  - a\n---\nBody.\n";
        let f = fm(s).unwrap();
        assert_eq!(f.get("title"), Some("A \"quoted\" title | News.az"));
        assert_eq!(f.get("source"), Some("https://news.az/x"));
        assert_eq!(f.get("date"), Some("2026-02-03"));
        assert_eq!(f.body_line, 7);
    }

    #[test]
    fn refuses_broken_blocks() {
        assert!(fm("---\ntitle: x\nno closing line\n").is_none());
        assert!(fm("---\nThis is prose.\nMore prose here.\nAnd more.\n---\n").is_none());
        assert!(fm("---\n---\n").is_none());
        assert!(fm("title: x\n---\n").is_none());
    }

    #[test]
    fn single_quotes() {
        assert_eq!(unquote("'it''s'"), "it's");
        assert_eq!(unquote("plain # comment"), "plain");
    }
}
