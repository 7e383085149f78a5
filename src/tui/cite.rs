//! Taking things out of the browser: an event's sentence with its citation, the OSC 52
//! sequence that puts text on the clipboard (through SSH and tmux), and the program that
//! opens a URL.

use crate::extract::EventId;
use crate::store::Store;

/// The event's sentence and where it is from: `“…” (Outlet, “Title”, 2026-02-05, URL)`; the
/// file stands in for a missing URL. Control characters are left out.
pub fn citation(store: &Store, event: EventId) -> Option<String> {
    let e = store.event(event)?;
    let a = store.article(e.article)?;
    let one = |s: &str| crate::printable::one_line(s.trim()).into_owned();
    let mut parts = Vec::new();
    let source = store.source_label(e.article);
    if source != a.file {
        parts.push(one(source));
    }
    if !a.title.trim().is_empty() {
        parts.push(format!("“{}”", one(&a.title)));
    }
    if let Some(d) = a.published {
        parts.push(d.to_string());
    }
    parts.push(one(a.url.as_deref().unwrap_or(&a.file)));
    Some(format!("“{}” ({})", one(e.text(a)), parts.join(", ")))
}

/// The OSC 52 sequence setting the clipboard to `text`.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The program that opens a URL: `$BROWSER` when set, else the platform's opener, but on
/// Linux only with a display (over SSH, a text browser would take over the terminal).
pub fn opener(env: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    let set = |k: &str| env(k).filter(|v| !v.trim().is_empty());
    if let Some(b) = set("BROWSER") {
        return Some(b);
    }
    if cfg!(target_os = "macos") {
        return Some("open".into());
    }
    if cfg!(windows) {
        return Some("explorer".into());
    }
    (set("DISPLAY").is_some() || set("WAYLAND_DISPLAY").is_some()).then(|| "xdg-open".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_vectors() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded);
        }
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
    }

    #[test]
    fn the_opener_is_browser_then_a_display() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
        };
        assert_eq!(opener(&env(&[("BROWSER", "w3m")])).as_deref(), Some("w3m"));
        if cfg!(target_os = "linux") {
            assert_eq!(opener(&env(&[])), None, "no display: show the URL instead");
            assert_eq!(opener(&env(&[("DISPLAY", ":0")])).as_deref(), Some("xdg-open"));
        }
    }
}
