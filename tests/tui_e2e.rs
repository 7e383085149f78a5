//! End to end: the real binary in tmux at 120x40, typed as a user would. Skipped (with a
//! note) where tmux is not installed. SITREP_E2E_BIN points it at another binary.

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

#[path = "support/tmux.rs"]
mod tmux;
use tmux::*;

#[test]
fn druzh_reader_resize_and_quit_in_tmux() {
    let Some((t, _cfg)) = start("e2e", "") else { return };

    // all three panes filled
    let s = t.wait("the first screen", |s| s.contains("Timeline") && s.contains(" of ") && s.contains("Reader"));
    assert!(s.contains("Entities"), "{s}");

    // the browser sleeps when nothing happens
    let shell = t.format("#{pane_pid}");
    let pid = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children"))
        .ok()
        .and_then(|c| c.split_whitespace().next().map(str::to_string));
    let pid = pid.expect("the browser's process");
    sleep(Duration::from_millis(300));
    let a = cpu_ticks(&pid).expect("its CPU time");
    sleep(Duration::from_millis(1500));
    let b = cpu_ticks(&pid).expect("its CPU time");
    assert!(b - a <= 2, "idle browser used {} CPU ticks in 1.5 s", b - a);

    // `/` then `druzh`: the Druzhkivka market strike
    t.keys(&["/"]);
    t.literal("druzh");
    let s = t.wait("the druzh result", |s| s.contains("1 of ") && s.contains("Druzhkivka"));
    assert!(s.contains("STRK"), "{s}");
    // Enter accepts, Enter opens the article with the sentence in view
    t.keys(&["Enter"]);
    t.keys(&["Enter"]);
    let s = t.wait("the reader", |s| s.contains("j/k scroll"));
    let marked: Vec<&str> = s.lines().filter(|l| l.contains('▌')).collect();
    assert!(marked.iter().any(|l| l.contains("Druzhkivka")), "{s}");

    // shrink to 30x8 and back
    Tmux::run(&["resize-window", "-t", &t.session, "-x", "30", "-y", "8"]);
    t.wait("the small-terminal notice", |s| s.contains("too small"));
    Tmux::run(&["resize-window", "-t", &t.session, "-x", "120", "-y", "40"]);
    t.wait("the reader again", |s| s.contains("j/k scroll") && s.contains("Druzhkivka"));

    // Esc then q: status 0 and a clean terminal
    t.keys(&["Escape"]);
    t.wait("the list", |s| s.contains("j/k move"));
    t.keys(&["q"]);
    let s = t.wait("the exit", |s| s.contains("EXIT="));
    assert!(s.contains("EXIT=0"), "{s}");
    assert!(!s.contains("Timeline"), "left the alternate screen: {s}");
    assert_eq!(t.format("#{alternate_on}"), "0");
    assert_eq!(t.format("#{mouse_any_flag}"), "0", "mouse reporting off");
    assert_eq!(t.format("#{cursor_flag}"), "1", "cursor shown");
}

/// `sitrep --watch DIR`: a file copied into DIR shows its event within two seconds, the
/// selection staying where it was; deleting the file takes the event away again.
#[test]
fn watch_picks_up_new_and_deleted_files_in_tmux() {
    let dir = tempfile::tempdir().unwrap();
    let put = |name: &str, title: &str, date: &str, text: &str| {
        std::fs::write(dir.path().join(name), format!("Title: {title}\nDate: {date}\n\n{text}\n")).unwrap();
    };
    put(
        "a.txt",
        "Strike on Kharkiv",
        "2026-02-03",
        "Russian missiles struck Kharkiv on February 2, killing three people, the governor said.",
    );
    put(
        "b.txt",
        "Drones over Odesa",
        "2026-02-04",
        "Russian drones hit the port of Odesa on February 3, injuring two workers, officials said.",
    );
    let Some((t, _cfg)) = start("watch", &format!("--watch {}", dir.path().display())) else { return };
    let s = t.wait("the first screen", |s| s.contains("Kharkiv") && s.contains("Odesa") && s.contains("2/2"));

    // Select the second row (the older event): the reader shows its article.
    t.keys(&["j"]);
    let reading = |s: &str| s.contains("│Strike on Kharkiv ");
    let s2 = t.wait("the second row in the reader", reading);
    assert_ne!(s, s2);

    // A new file: its event is listed within two seconds, the selection stays on Kharkiv.
    let copy = dir.path().join("c.txt.part");
    std::fs::write(
        &copy,
        "Title: Attack on Sumy\nDate: 2026-02-05\n\nRussian forces shelled Sumy on February 4, killing one civilian, \
         the regional administration said.\n",
    )
    .unwrap();
    let started = Instant::now();
    std::fs::rename(&copy, dir.path().join("c.txt")).unwrap();
    let s = t.wait("the new event", |s| s.contains("Sumy") && s.contains("3/3"));
    let took = started.elapsed();
    assert!(took < Duration::from_secs(2), "the new event took {took:?}");
    assert!(s.contains("1 new article"), "{s}");
    assert!(reading(&s), "the selection moved: {s}");

    // Deleted: the event goes, the selection stays.
    std::fs::remove_file(dir.path().join("c.txt")).unwrap();
    let s = t.wait("the event gone", |s| !s.contains("Sumy") && s.contains("2/2"));
    assert!(s.contains("1 article gone"), "{s}");
    assert!(reading(&s), "the selection moved: {s}");

    t.keys(&["q"]);
    let s = t.wait("the exit", |s| s.contains("EXIT="));
    assert!(s.contains("EXIT=0"), "{s}");
}

/// `kill`, a hang-up and an interrupt: the terminal is restored and the status is 128 + n.
#[test]
fn signals_restore_the_terminal_and_exit_128_plus_n_in_tmux() {
    for (sig, n) in [("TERM", 15), ("HUP", 1), ("INT", 2)] {
        let Some((t, _cfg)) = start(&format!("sig{n}"), "") else { return };
        t.wait("the first screen", first_screen);
        kill(sig, &t.browser_pid());
        let s = t.wait("the exit", |s| s.contains("EXIT="));
        assert!(s.contains(&format!("EXIT={}", 128 + n)), "SIG{sig}: {s}");
        assert!(!s.contains("Timeline"), "SIG{sig}: still on the browser's screen: {s}");
        assert_restored(&t);
    }
}

/// Under dash (which, unlike bash, does not reset the terminal after its child), a killed
/// browser leaves the tty in cooked mode: line editing and echo on.
#[test]
fn sigterm_under_dash_leaves_the_tty_cooked_in_tmux() {
    let Some((t, _cfg)) = start_with("dash", |browser| format!("dash -c '{browser}; echo EXIT=$?; stty -a; sleep 30'"))
    else {
        return;
    };
    t.wait("the first screen", first_screen);
    kill("TERM", &t.browser_pid());
    let s = t.wait("stty's report", |s| s.contains("EXIT=") && s.contains("icanon"));
    assert!(s.contains("EXIT=143"), "{s}");
    let words: Vec<&str> = s.split_whitespace().collect();
    for w in ["icanon", "echo", "icrnl", "opost", "isig"] {
        assert!(words.contains(&w), "{w} is off: {s}");
    }
    assert_restored(&t);
}

/// Ctrl-z (and `kill -TSTP`) from an interactive shell: the shell's prompt comes back on the
/// main screen; `fg` brings the browser back, repainted and taking keys.
#[test]
fn ctrl_z_and_sigtstp_suspend_and_fg_resumes_in_tmux() {
    let Some((t, _cfg)) = start_with("tstp", |_| "env PS1='$ ' bash --norc --noprofile -i".to_string()) else {
        return;
    };
    let browser = format!("env SITREP_CONFIG_HOME={} TERM=xterm-256color {}", _cfg.path().display(), bin());
    t.wait("the shell", |s| s.lines().any(|l| l.trim_end() == "$"));
    for how in ["C-z", "TSTP"] {
        t.literal(&browser);
        t.keys(&["Enter"]);
        t.wait("the first screen", first_screen);
        if how == "C-z" {
            t.keys(&["C-z"]);
        } else {
            kill("TSTP", &t.browser_pid());
        }
        t.wait_format("#{alternate_on}", "0");
        // the job's line (wrapped when the binary's path is long), then the prompt
        let s = t.wait("the shell's prompt", |s| {
            let lines: Vec<&str> = s.lines().collect();
            lines
                .iter()
                .position(|l| l.contains("Stopped"))
                .is_some_and(|i| lines[i + 1..].iter().any(|l| l.trim_end() == "$"))
        });
        assert!(!s.contains("Timeline"), "{how}: {s}");
        assert_restored(&t);
        t.literal("fg");
        t.keys(&["Enter"]);
        t.wait(&format!("the browser repainted after {how}"), first_screen);
        assert_eq!(t.format("#{alternate_on}"), "1");
        t.keys(&["?"]);
        t.wait("the help", |s| s.contains(" Help ") && s.contains("Everywhere (not while typing)"));
        t.keys(&["Escape"]);
        t.wait("the list", |s| !s.contains(" Help ") && first_screen(s));
        t.keys(&["q"]);
        t.wait_format("#{alternate_on}", "0");
        t.literal("echo EXIT=$?");
        t.keys(&["Enter"]);
        let s = t.wait("the exit", |s| s.contains("EXIT="));
        assert!(s.contains("EXIT=0"), "{how}: {s}");
        t.literal("clear");
        t.keys(&["Enter"]);
        t.wait("a clear screen", |s| !s.contains("EXIT="));
    }
}

/// The terminal closes while SIGHUP is ignored (`nohup`, `trap '' HUP`): the browser notices
/// the end of its input and exits instead of reading end-of-file forever.
#[test]
fn a_closed_terminal_ends_the_browser_with_sighup_ignored_in_tmux() {
    let Some((t, _cfg)) = start_with("hup", |browser| format!("sh -c \"trap '' HUP; exec {browser}\"")) else {
        return;
    };
    t.wait("the first screen", first_screen);
    let pid = t.browser_pid();
    Tmux::run(&["kill-session", "-t", &t.session]);
    let start = Instant::now();
    while std::path::Path::new(&format!("/proc/{pid}")).exists()
        && !std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| s.contains(") Z "))
    {
        if start.elapsed() > Duration::from_secs(5) {
            let a = cpu_ticks(&pid).unwrap_or(0);
            sleep(Duration::from_millis(500));
            let b = cpu_ticks(&pid).unwrap_or(0);
            let _ = Command::new("kill").args(["-9", &pid]).status();
            panic!("the browser is still running 5 s after its terminal closed ({} CPU ticks in 0.5 s)", b - a);
        }
        sleep(Duration::from_millis(50));
    }
}

/// 50 KB pasted into the query line (bracketed paste): cut to the first 1,000 characters,
/// said in the status line, and the browser answers at once.
#[test]
fn a_long_paste_into_the_query_is_capped_and_quick_in_tmux() {
    let Some((t, _cfg)) = start("paste", "") else { return };
    t.wait("the first screen", first_screen);
    t.keys(&["/"]);
    t.wait("the query line", |s| s.lines().next().is_some_and(|l| l.contains("│ /")));
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), "druzh ".repeat(50_000 / 6)).unwrap();
    let buffer = format!("{}-paste", t.session);
    Tmux::run(&["load-buffer", "-b", &buffer, &file.path().display().to_string()]);
    Tmux::run(&["paste-buffer", "-p", "-d", "-b", &buffer, "-t", &t.session]);
    t.wait_within("the cap's message", Duration::from_secs(3), |s| s.contains("1,000 characters"));
    // still answering: Esc restores the query in effect
    t.keys(&["Escape"]);
    t.wait_within("the list", Duration::from_secs(2), |s| s.contains("j/k move"));
    t.keys(&["q"]);
    let s = t.wait("the exit", |s| s.contains("EXIT="));
    assert!(s.contains("EXIT=0"), "{s}");
}

/// `sitrep --check-config` lists every problem of the config files, one a line, and fails;
/// with none it says where it looked and succeeds.
#[test]
fn check_config_lists_every_problem() {
    let cfg = tempfile::tempdir().unwrap();
    let run = || {
        let out = Command::new(bin())
            .arg("--check-config")
            .env("SITREP_CONFIG_HOME", cfg.path())
            .output()
            .expect("the binary runs");
        (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let (code, out) = run();
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains(&cfg.path().display().to_string()), "{out}");
    std::fs::write(cfg.path().join("keymap.toml"), "[list]\na = \"jump\"\nctrl-c = \"help\"\nb = \"up\"\nc = 1\n")
        .unwrap();
    std::fs::write(cfg.path().join("theme.toml"), "[ui\n").unwrap();
    let (code, out) = run();
    assert_eq!(code, Some(1), "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5, "{out}");
    assert!(lines[0].ends_with("keymap.toml line 2: unknown action 'jump' for key 'a'"), "{out}");
    assert!(lines[1].contains("keymap.toml line 3: ctrl-c"), "{out}");
    assert!(lines[2].contains("keymap.toml line 5"), "{out}");
    assert!(lines[3].contains("theme.toml line 1"), "{out}");
    assert_eq!(lines[4], "4 problems");
}

/// Ctrl-l redraws and the browser goes on (it used to ask the terminal for the cursor
/// position, time out after two seconds and end with an error).
#[test]
fn ctrl_l_redraws_in_tmux() {
    let Some((t, _cfg)) = start("redraw", "") else { return };
    t.wait("the first screen", first_screen);
    t.keys(&["C-l"]);
    sleep(Duration::from_millis(2500));
    t.keys(&["?"]);
    t.wait("the help", |s| s.contains(" Help ") && s.contains("Everywhere (not while typing)"));
    t.keys(&["Escape"]);
    t.wait("the list", |s| !s.contains(" Help ") && first_screen(s));
    t.keys(&["q"]);
    let s = t.wait("the exit", |s| s.contains("EXIT="));
    assert!(s.contains("EXIT=0"), "{s}");
}
