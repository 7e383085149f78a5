//! Signals and a closed terminal, for the runtime: SIGTERM, SIGHUP and SIGINT end the
//! browser with the terminal restored, SIGTSTP suspends it, SIGCONT takes the terminal back;
//! a terminal that hangs up ends it too.
//!
//! signal-hook (already in the tree through crossterm) runs the handlers: they only write to
//! a pipe, and a thread of ours turns what arrives into messages for the one loop. A handler
//! of our own would have to be async-signal-safe by hand.

use std::io;
use std::sync::mpsc::Sender;

use super::model::{Msg, Signal};

/// Stops delivering signals when dropped.
pub(super) struct Signals {
    #[cfg(unix)]
    handle: signal_hook::iterator::Handle,
}

impl Drop for Signals {
    fn drop(&mut self) {
        #[cfg(unix)]
        self.handle.close();
    }
}

/// Turn SIGTERM, SIGHUP, SIGINT, SIGTSTP and SIGCONT into messages, from a thread of their
/// own. A signal the parent left ignored (nohup, `trap '' HUP`, SIGINT in a background job)
/// stays ignored. Should the loop not end within two seconds of an ending signal (stuck in
/// some long work), `restore` is called from that thread and the process exits.
#[cfg(unix)]
pub(super) fn spawn(tx: Sender<Msg>, restore: fn()) -> io::Result<Signals> {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
    let wanted: Vec<i32> = [SIGTERM, SIGHUP, SIGINT, SIGTSTP, SIGCONT].into_iter().filter(|&s| !ignored(s)).collect();
    let mut signals = signal_hook::iterator::Signals::new(&wanted)?;
    let handle = signals.handle();
    std::thread::Builder::new().name("sitrep-signals".into()).spawn(move || {
        for sig in signals.forever() {
            let msg = match sig {
                SIGTSTP => Signal::Suspend,
                SIGCONT => Signal::Resume,
                n => Signal::End(n),
            };
            if tx.send(Msg::Signal(msg)).is_err() {
                break;
            }
            if let Signal::End(n) = msg {
                std::thread::sleep(std::time::Duration::from_secs(2));
                restore();
                std::process::exit(128 + n);
            }
        }
    })?;
    Ok(Signals { handle })
}

#[cfg(not(unix))]
pub(super) fn spawn(_tx: Sender<Msg>, _restore: fn()) -> io::Result<Signals> {
    Ok(Signals {})
}

/// Whether a signal is set to be ignored.
#[cfg(unix)]
fn ignored(sig: i32) -> bool {
    // SAFETY: sigaction with no new action only writes the current one into `old`, a plain
    // C struct for which all zeroes is a valid value.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        libc::sigaction(sig, std::ptr::null(), &mut old) == 0 && old.sa_sigaction == libc::SIG_IGN
    }
}

/// Whether a shell with job control started us, so that a stopped browser can be continued
/// (`fg`). Without one, the process group is the session leader's (as when a terminal or
/// tmux runs sitrep directly) and nothing would ever continue it.
#[cfg(unix)]
pub(super) fn can_suspend() -> bool {
    // SAFETY: neither call takes pointers or fails in a way that matters here.
    unsafe { libc::getpgrp() != libc::getsid(0) }
}

#[cfg(not(unix))]
pub(super) fn can_suspend() -> bool {
    false
}

/// Stop the process until it is continued (as SIGTSTP's default action would).
pub(super) fn stop() {
    #[cfg(unix)]
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
}

/// Send [`Msg::TerminalGone`] once the terminal on stdin hangs up (the window closed, the SSH
/// connection dropped) while SIGHUP is ignored. The input thread cannot say it: crossterm's
/// reader reads the end of file such a terminal gives over and over without returning.
/// The thread sleeps in poll(2) until then.
#[cfg(unix)]
pub(super) fn watch_hangup(tx: Sender<Msg>) {
    let _ = std::thread::Builder::new().name("sitrep-hangup".into()).spawn(move || {
        loop {
            // no events asked for: poll returns only for a hang-up, an error or a bad fd
            let mut fd = libc::pollfd { fd: libc::STDIN_FILENO, events: 0, revents: 0 };
            // SAFETY: one valid pollfd, and its count.
            let n = unsafe { libc::poll(&mut fd, 1, -1) };
            if n < 0 && io::Error::last_os_error().kind() == io::ErrorKind::Interrupted {
                continue;
            }
            if n < 0 || fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
                let _ = tx.send(Msg::TerminalGone);
                break;
            }
        }
    });
}

#[cfg(not(unix))]
pub(super) fn watch_hangup(_tx: Sender<Msg>) {}
