//! Where the config lives and how it is read: `keymap.toml` and `theme.toml` from
//! `$SITREP_CONFIG_HOME`, else `$XDG_CONFIG_HOME/sitrep`, else the platform folder. Both are
//! partial overrides of the embedded defaults; a broken file is reported (file and line)
//! and the defaults are used.

use std::path::{Path, PathBuf};

use super::keymap::{ConfigProblem, Keymap};
use super::theme::Theme;

/// The config folder, from an environment lookup (injected for tests).
pub fn config_dir(env: &dyn Fn(&str) -> Option<String>) -> Option<PathBuf> {
    let set = |k: &str| env(k).filter(|v| !v.is_empty());
    if let Some(d) = set("SITREP_CONFIG_HOME") {
        return Some(PathBuf::from(d));
    }
    if let Some(d) = set("XDG_CONFIG_HOME") {
        return Some(Path::new(&d).join("sitrep"));
    }
    directories::ProjectDirs::from("", "", "sitrep").map(|p| p.config_dir().to_path_buf())
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

fn read(path: &Path, problems: &mut Vec<ConfigProblem>) -> Option<String> {
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(s) => Some(s),
            Err(e) => {
                let off = e.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(&e.into_bytes()[..off]).into_owned();
                problems.push(ConfigProblem::at(&text, &path.display().to_string(), off, "not valid UTF-8"));
                None
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            problems.push(ConfigProblem { file: path.display().to_string(), line: 0, message: e.to_string() });
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
}
