//! Where the config lives and how it is read: `keymap.toml` and `theme.toml` from
//! `$SITREP_CONFIG_HOME`, else `$XDG_CONFIG_HOME/sitrep`, else the platform folder. Both are
//! partial overrides of the embedded defaults; a broken file is reported (file and line)
//! and the defaults are used.

use std::path::{Path, PathBuf};

use super::keymap::{ConfigProblem, Keymap};
use super::theme::Theme;

/// The config folder, from an environment lookup (injected for tests).
pub fn config_dir(env: &dyn Fn(&str) -> Option<String>) -> Option<PathBuf> {
    crate::user_dir(env, "SITREP_CONFIG_HOME", "XDG_CONFIG_HOME", |p| p.config_dir())
}

/// Everything the browser reads from its config folder.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub keymap: Keymap,
    pub theme: Theme,
    pub problems: Vec<ConfigProblem>,
    pub dir: Option<PathBuf>,
}

/// Read the config. `light` forces the light base theme (a command-line flag); `NO_COLOR`
/// (set and not empty) drops colours.
pub fn load(env: &dyn Fn(&str) -> Option<String>, light: bool) -> Config {
    let dir = config_dir(env);
    let mut cfg =
        Config { dir: dir.clone(), theme: if light { Theme::light() } else { Theme::dark() }, ..Config::default() };
    if let Some(dir) = &dir {
        let keymap = dir.join("keymap.toml");
        if let Some(text) = read(&keymap, &mut cfg.problems) {
            let p = cfg.keymap.apply(&text, &keymap.display().to_string());
            cfg.problems.extend(p);
        }
        let theme = dir.join("theme.toml");
        if let Some(text) = read(&theme, &mut cfg.problems) {
            let (t, p) = Theme::from_user(&text, &theme.display().to_string(), light);
            cfg.theme = t;
            cfg.problems.extend(p);
        }
    }
    if env("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        cfg.theme = cfg.theme.without_color();
    }
    cfg
}

impl Config {
    /// The status line's word on the problems: the first, how many more and where to see
    /// them all.
    pub fn summary(&self) -> Option<String> {
        let first = self.problems.first()?;
        let more = match self.problems.len() - 1 {
            0 => String::new(),
            n => format!(" (and {n} more: sitrep --check-config lists them)"),
        };
        Some(format!("config: {first}{more}; using defaults there"))
    }
}

/// The most a config file may hold; a larger one is refused.
const MAX_BYTES: u64 = 1 << 20;

/// A config file's text; `None` when it is absent or has a problem (pushed). Only regular
/// files are read: a FIFO would block start-up until something writes to it, and a device
/// such as /dev/zero never ends.
fn read(path: &Path, problems: &mut Vec<ConfigProblem>) -> Option<String> {
    use std::io::Read;
    let file = path.display().to_string();
    let problem = |message: String| ConfigProblem { file: file.clone(), line: 0, message };
    let not_regular = || problem("not a regular file; not read".to_string());
    // Look before opening (which would block on a FIFO); a link is followed.
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => {}
        Ok(_) => {
            problems.push(not_regular());
            return None;
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => {
            problems.push(problem(e.to_string()));
            return None;
        }
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    // Should the file be swapped for a FIFO after that look, opening it does not wait.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut opts, libc::O_NONBLOCK);
    let mut bytes = Vec::new();
    let read = opts.open(path).and_then(|f| {
        if !f.metadata()?.is_file() {
            return Ok(None);
        }
        // the cap holds for what is read, whatever the size said
        f.take(MAX_BYTES + 1).read_to_end(&mut bytes).map(Some)
    });
    match read {
        Ok(Some(n)) if n as u64 > MAX_BYTES => {
            problems.push(problem(format!("larger than {} MB; not read", MAX_BYTES >> 20)));
            return None;
        }
        Ok(Some(_)) => {}
        Ok(None) => {
            problems.push(not_regular());
            return None;
        }
        Err(e) => {
            problems.push(problem(e.to_string()));
            return None;
        }
    }
    match String::from_utf8(bytes) {
        Ok(s) => Some(s),
        Err(e) => {
            let off = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(&e.into_bytes()[..off]).into_owned();
            problems.push(ConfigProblem::at(&text, &file, off, "not valid UTF-8"));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action;
    use crate::tui::keymap::{Chord, Context};

    #[test]
    fn folder_precedence() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| pairs.iter().find(|(a, _)| *a == k).map(|(_, v)| v.to_string())
        };
        assert_eq!(
            config_dir(&env(&[("SITREP_CONFIG_HOME", "/a"), ("XDG_CONFIG_HOME", "/x")])),
            Some(PathBuf::from("/a"))
        );
        assert_eq!(
            config_dir(&env(&[("SITREP_CONFIG_HOME", ""), ("XDG_CONFIG_HOME", "/x")])),
            Some(PathBuf::from("/x/sitrep"))
        );
        // the platform folder otherwise (wherever that is here, it ends in sitrep)
        if let Some(p) = config_dir(&env(&[])) {
            assert!(p.to_string_lossy().contains("sitrep"));
        }
    }

    #[test]
    fn reads_partial_overrides_and_survives_broken_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("keymap.toml"), "[list]\nx = \"down\"\n").unwrap();
        std::fs::write(dir.path().join("theme.toml"), "base = \"light\"\n[ui\n").unwrap();
        let d = dir.path().to_string_lossy().to_string();
        let env = move |k: &str| (k == "SITREP_CONFIG_HOME").then(|| d.clone());
        let cfg = load(&env, false);
        let x = Chord::parse("x").unwrap();
        assert_eq!(cfg.keymap.lookup(Context::List, x), Some(Action::Down));
        assert_eq!(cfg.problems.len(), 1);
        assert!(cfg.problems[0].file.ends_with("theme.toml"));
        assert_eq!(cfg.problems[0].line, 2);
        // theme fell back to the base (light was asked for in the file, but the file is broken)
        assert_eq!(cfg.theme, Theme::dark());
    }

    #[test]
    fn no_color() {
        let env = |k: &str| match k {
            "NO_COLOR" => Some("1".to_string()),
            "SITREP_CONFIG_HOME" => Some("/nonexistent/sitrep-test".to_string()),
            _ => None,
        };
        let cfg = load(&env, false);
        assert!(cfg.theme.no_color);
        assert!(cfg.problems.is_empty());
    }

    /// `load` with `SITREP_CONFIG_HOME` set to `dir`, on another thread: `None` when it has
    /// not returned within five seconds.
    fn load_within_5s(dir: &Path) -> Option<Config> {
        let d = dir.to_string_lossy().to_string();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let env = move |k: &str| (k == "SITREP_CONFIG_HOME").then(|| d.clone());
            let _ = tx.send(load(&env, false));
        });
        rx.recv_timeout(std::time::Duration::from_secs(5)).ok()
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("keymap.toml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
        assert!(made.success());
        let cfg = load_within_5s(dir.path()).expect("start-up blocked on the FIFO");
        assert_eq!(cfg.problems.len(), 1, "{:?}", cfg.problems);
        assert!(cfg.problems[0].message.contains("not a regular file"), "{:?}", cfg.problems);
        assert_eq!(cfg.keymap, Keymap::defaults());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_dev_zero_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink("/dev/zero", dir.path().join("theme.toml")).unwrap();
        let cfg = load_within_5s(dir.path()).expect("reading /dev/zero did not stop");
        assert_eq!(cfg.problems.len(), 1, "{:?}", cfg.problems);
        assert!(cfg.problems[0].file.ends_with("theme.toml"));
        assert!(cfg.problems[0].message.contains("not a regular file"), "{:?}", cfg.problems);
    }

    #[test]
    fn a_file_over_1_mb_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut text = "[list]\nx = \"down\"\n".to_string();
        text.push_str(&"# padding\n".repeat(110_000));
        std::fs::write(dir.path().join("keymap.toml"), text).unwrap();
        let cfg = load_within_5s(dir.path()).unwrap();
        assert_eq!(cfg.problems.len(), 1, "{:?}", cfg.problems);
        assert!(cfg.problems[0].message.contains("larger than 1 MB"), "{:?}", cfg.problems);
        assert_eq!(cfg.keymap, Keymap::defaults(), "nothing of it applied");
    }

    /// Problems are collected in time linear in their number: 40,000 bad keys (and 20,000
    /// good ones) load in well under a second, each reported on its own line.
    #[test]
    fn forty_thousand_bad_keys_load_quickly() {
        let dir = tempfile::tempdir().unwrap();
        let mut text = String::from("[list]\n");
        for i in 0..40_000 {
            text.push_str(&format!("\"x-{i}\" = \"up\"\n"));
        }
        for c in ('\u{4e00}'..).take(20_000) {
            text.push_str(&format!("\"{c}\" = \"up\"\n"));
        }
        assert!(text.len() < 1 << 20);
        std::fs::write(dir.path().join("keymap.toml"), &text).unwrap();
        let started = std::time::Instant::now();
        let cfg = load_within_5s(dir.path()).expect("loading took over five seconds");
        let took = started.elapsed();
        assert_eq!(cfg.problems.len(), 40_000);
        assert_eq!(cfg.problems[39_999].line, 40_001);
        assert_eq!(cfg.keymap.lookup(Context::List, Chord::parse("\u{4e01}").unwrap()), Some(Action::Up));
        assert!(took < std::time::Duration::from_millis(1500), "40,000 problems took {took:?}");
    }

    #[test]
    fn the_status_line_counts_the_problems_and_says_where_to_see_them() {
        let mut cfg = Config::default();
        assert_eq!(cfg.summary(), None);
        let p = |line| ConfigProblem { file: "keymap.toml".into(), line, message: "unknown key 'hyper-x'".into() };
        cfg.problems.push(p(3));
        assert_eq!(cfg.summary().unwrap(), "config: keymap.toml line 3: unknown key 'hyper-x'; using defaults there");
        cfg.problems.push(p(4));
        cfg.problems.push(p(5));
        assert_eq!(
            cfg.summary().unwrap(),
            "config: keymap.toml line 3: unknown key 'hyper-x' (and 2 more: sitrep --check-config lists them); \
             using defaults there"
        );
    }
}
