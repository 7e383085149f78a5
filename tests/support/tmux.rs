//! The real binary in a tmux session, typed as a user would: start it, send keys, read the
//! screen and tmux's view of the terminal. Shared by the end-to-end tests.
#![allow(dead_code)]

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

pub struct Tmux {
    pub session: String,
}

impl Tmux {
    pub fn run(args: &[&str]) -> String {
        let out = Command::new("tmux").args(args).output().expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
    pub fn screen(&self) -> String {
        Tmux::run(&["capture-pane", "-p", "-t", &self.session])
    }
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.session];
        args.extend_from_slice(keys);
        Tmux::run(&args);
    }
    pub fn literal(&self, text: &str) {
        Tmux::run(&["send-keys", "-t", &self.session, "-l", text]);
    }
    pub fn format(&self, f: &str) -> String {
        Tmux::run(&["display-message", "-p", "-t", &self.session, f]).trim().to_string()
    }
    /// Wait until the screen satisfies `ok` (or fail with the last screen).
    pub fn wait(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        self.wait_within(what, Duration::from_secs(20), ok)
    }
    pub fn wait_within(&self, what: &str, limit: Duration, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            if start.elapsed() > limit {
                panic!("timed out waiting for {what}; screen:\n{s}");
            }
            sleep(Duration::from_millis(50));
        }
    }
    /// Wait until a format (`#{alternate_on}`) has a value.
    pub fn wait_format(&self, f: &str, want: &str) {
        let start = Instant::now();
        while self.format(f) != want {
            if start.elapsed() > Duration::from_secs(20) {
                panic!("timed out waiting for {f} = {want}; screen:\n{}", self.screen());
            }
            sleep(Duration::from_millis(50));
        }
    }
    /// The browser's process: the pane's process or one of its descendants, by name.
    pub fn browser_pid(&self) -> String {
        let name: String = bin().rsplit('/').next().unwrap_or("sitrep").chars().take(15).collect();
        let mut todo = vec![self.format("#{pane_pid}")];
        while let Some(pid) = todo.pop() {
            if std::fs::read_to_string(format!("/proc/{pid}/comm")).is_ok_and(|c| c.trim() == name) {
                return pid;
            }
            let children = std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children")).unwrap_or_default();
            todo.extend(children.split_whitespace().map(str::to_string));
        }
        panic!("no {name} process in the pane; screen:\n{}", self.screen());
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        Tmux::run(&["kill-session", "-t", &self.session]);
    }
}

/// CPU ticks (user + system) a process has used.
pub fn cpu_ticks(pid: &str) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
}

pub fn bin() -> String {
    std::env::var("SITREP_E2E_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_sitrep").to_string())
}

/// The binary (or SITREP_E2E_BIN) started with `args` in a tmux session at 120x40, with a
/// config folder of its own (kept alive with the session); `None`, said, without tmux.
pub fn start(name: &str, args: &str) -> Option<(Tmux, tempfile::TempDir)> {
    start_with(name, |browser| format!("{browser} {args}; echo EXIT=$?; sleep 30"))
}

/// As [`start`], at `w`x`h`, with the config and data folders of `home` (so that a second
/// start sees what the first saved).
pub fn start_in(name: &str, args: &str, (w, h): (u16, u16), home: &std::path::Path) -> Option<Tmux> {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("tmux is not installed: skipped");
        return None;
    }
    let session = format!("sitrep-{name}-{}", std::process::id());
    let browser = format!(
        "env SITREP_CONFIG_HOME={0}/config SITREP_DATA_HOME={0}/data SITREP_CACHE_HOME={0}/cache TERM=xterm-256color {1} {args}; echo EXIT=$?; sleep 30",
        home.display(),
        bin()
    );
    Tmux::run(&["new-session", "-d", "-s", &session, "-x", &w.to_string(), "-y", &h.to_string(), &browser]);
    Some(Tmux { session })
}

/// A tmux session at 120x40 running the command `wrap` makes of the command line that starts
/// the browser (with its own config folder).
pub fn start_with(name: &str, wrap: impl Fn(&str) -> String) -> Option<(Tmux, tempfile::TempDir)> {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("tmux is not installed: skipped");
        return None;
    }
    let cfg = tempfile::tempdir().unwrap();
    let session = format!("sitrep-{name}-{}", std::process::id());
    let browser = format!(
        "env SITREP_CONFIG_HOME={0} SITREP_DATA_HOME={0}/data SITREP_CACHE_HOME={0}/cache TERM=xterm-256color {1}",
        cfg.path().display(),
        bin()
    );
    Tmux::run(&["new-session", "-d", "-s", &session, "-x", "120", "-y", "40", &wrap(&browser)]);
    Some((Tmux { session }, cfg))
}

pub fn first_screen(s: &str) -> bool {
    s.contains("Timeline") && s.contains(" of ") && s.contains("Reader")
}

/// Send a signal (`TERM`, `TSTP`) to a process.
pub fn kill(sig: &str, pid: &str) {
    let ok = Command::new("kill").args(["-s", sig, pid]).status().expect("kill runs").success();
    assert!(ok, "kill -s {sig} {pid}");
}

pub fn assert_restored(t: &Tmux) {
    assert_eq!(t.format("#{alternate_on}"), "0", "left the alternate screen: {}", t.screen());
    assert_eq!(t.format("#{mouse_any_flag}"), "0", "mouse reporting off");
    assert_eq!(t.format("#{cursor_flag}"), "1", "cursor shown");
}
