//! The runtime: terminal set-up and restore, the threads (terminal input, corpus loading,
//! searching) and the loop that feeds their messages to `update` and draws when something
//! changed. It blocks while nothing happens: no timer, no CPU use when idle.

use std::io::{self, Stdout, stdout};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Once};
use std::thread;

use crossterm::event::{self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, Event};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::store::{Progress, SearchRequest, Searcher, Store};

use super::config;
use super::model::{Effect, Model, Msg, Status};
use super::ui;
use super::update::{self, update};

/// Builds the store on a background thread while the first frame is already on screen.
/// It reports progress through the callback and returns the store or a message.
pub type Loader = Box<dyn FnOnce(&dyn Fn(Progress)) -> Result<Loaded, String> + Send>;

/// What a loader gives: the store, and what to do on the loading thread once the browser
/// has it (write the snapshot cache), which says a line when it fails.
pub struct Loaded {
    pub store: Store,
    pub then: Option<Then>,
}

/// Work on the loading thread after the store is shown; a failure is one line.
pub type Then = Box<dyn FnOnce(&Store) -> Result<(), String> + Send>;

impl From<Store> for Loaded {
    fn from(store: Store) -> Loaded {
        Loaded { store, then: None }
    }
}

/// Set while the loading thread writes the snapshot after the store was shown: the browser
/// waits for it when it ends, so that quitting does not throw the snapshot away.
static WRITING: AtomicBool = AtomicBool::new(false);

/// The usual loader: the given files and folders (the embedded seeds when there are none),
/// read, extracted and indexed on the loading thread. Files that cannot be read are reported
/// in the status line; it fails only when nothing could be loaded.
pub fn corpus_loader(
    paths: Vec<std::path::PathBuf>,
    opts: crate::corpus::LoadOptions,
    cache: Option<crate::snapshot::Cache>,
) -> Loader {
    Box::new(move |progress: &dyn Fn(Progress)| {
        if let Some(cache) = cache.as_ref().filter(|_| !paths.is_empty()) {
            let mut opened = crate::snapshot::open_unwritten(&paths, opts, Some(cache), progress);
            for p in &opened.problems {
                progress(Progress::note(p.shown()));
            }
            let mut said: Vec<String> =
                opened.notes.iter().map(|n| crate::printable::one_line(n).into_owned()).collect();
            if opened.store.articles().is_empty() {
                return Err(nothing_loaded(&crate::corpus::described(&paths), &opened.problems));
            }
            if opened.reused > 0 {
                said.push(format!(
                    "{} articles from the cache ({} unchanged, {} extracted again)",
                    opened.store.articles().len(),
                    opened.reused,
                    opened.extracted
                ));
            }
            if !said.is_empty() {
                progress(Progress::said(said.join(" · ")));
            }
            let then = opened.pending.take().map(|p| Box::new(move |store: &Store| p.write(store)) as Then);
            return Ok(Loaded { store: opened.store, then });
        }
        progress(Progress::new("reading", 0, 0));
        let report =
            if paths.is_empty() { crate::corpus::load_seeds() } else { crate::corpus::load_paths_with(&paths, opts) };
        for p in &report.problems {
            progress(Progress::note(p.shown()));
        }
        if report.articles.is_empty() {
            return Err(nothing_loaded(&crate::corpus::described(&paths), &report.problems));
        }
        // Extraction runs on its own scoped thread and counts articles as it goes; this thread
        // passes the count on, so a large corpus shows its progress instead of "0 of N".
        let total = report.articles.len();
        let done = std::sync::atomic::AtomicUsize::new(0);
        let ex = std::thread::scope(|scope| {
            let worker = scope.spawn(|| crate::extract::run_counting(&report.articles, &done));
            while !worker.is_finished() {
                progress(Progress::new("extracting", done.load(std::sync::atomic::Ordering::Relaxed), total));
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            worker.join()
        })
        .map_err(|_| "extraction failed (a bug: please report it)".to_string())?;
        Ok(Store::build_with_progress(report.articles, ex, progress).into())
    })
}

/// How many files' reasons the error says when nothing could be loaded.
const REASONS: usize = 5;

/// The error when nothing could be loaded: what from, then a line per file saying why
/// (the first few). The browser shows it, and prints it when it ends.
fn nothing_loaded(what: &str, problems: &[crate::corpus::Problem]) -> String {
    let mut msg = format!("nothing could be loaded from {what}");
    if !problems.is_empty() {
        msg.push(':');
    }
    for p in problems.iter().take(REASONS) {
        msg.push_str("\n  ");
        msg.push_str(&p.shown());
    }
    if problems.len() > REASONS {
        msg.push_str(&format!("\n  and {} more", problems.len() - REASONS));
    }
    msg
}

/// Start-up choices from the command line.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Force the mouse on or off (else `[options] mouse` in keymap.toml, on by default).
    pub mouse: Option<bool>,
    /// Start from the light theme.
    pub light: bool,
    /// A query to open with.
    pub query: Option<String>,
    /// The files and folders `w` watches (none: the embedded seeds, nothing to watch).
    pub paths: Vec<std::path::PathBuf>,
    /// Watch them from the start (`--watch`).
    pub watch: bool,
    /// How folders are walked (`--follow`), for the watch too.
    pub load: crate::corpus::LoadOptions,
    /// The snapshot cache the watch rebuilds through (none: `--no-cache`).
    pub cache: Option<crate::snapshot::Cache>,
}

#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error("terminal: {0}")]
    Io(#[from] io::Error),
    #[error("sitrep needs an interactive terminal (stdin and stdout must be a tty)")]
    NotATerminal,
    #[error("the browser crashed (see the message above)")]
    Panicked,
    /// The loader failed (the user saw the message and quit).
    #[error("{0}")]
    Load(String),
    /// A signal ended the browser; the process should end with status 128 + it.
    #[error("ended by signal {0}")]
    Ended(i32),
    #[error("the terminal closed")]
    TerminalGone,
}

impl TuiError {
    /// The exit status for this error: 128 + n for signal n, else 1.
    pub fn exit_status(&self) -> u8 {
        match self {
            TuiError::Ended(n) => (128 + n).clamp(0, 255) as u8,
            _ => 1,
        }
    }
}

static PANICKED: AtomicBool = AtomicBool::new(false);
static HOOK: Once = Once::new();
static UI_THREAD: std::sync::OnceLock<thread::ThreadId> = std::sync::OnceLock::new();
static BACKGROUND_PANIC: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

/// The message of the last panic on a background thread.
pub(super) fn background_panic() -> String {
    BACKGROUND_PANIC.lock().ok().and_then(|mut m| m.take()).unwrap_or_else(|| "unknown error".into())
}

/// Mouse reports for clicks and the wheel, in SGR form; not every motion (crossterm's
/// `EnableMouseCapture` asks for any-motion tracking, 1003, which woke the browser on each
/// move of the pointer over the window).
struct EnableMouse;

impl crossterm::Command for EnableMouse {
    fn write_ansi(&self, f: &mut impl std::fmt::Write) -> std::fmt::Result {
        // 1000: press and release (the wheel too), 1006: SGR coordinates
        f.write_str("\x1b[?1000h\x1b[?1006h")
    }
}

/// Put the terminal back: raw mode off, mouse and paste off, main screen, cursor shown.
/// Safe to call more than once.
fn restore_terminal() {
    let _ = disable_raw_mode();
    let _ =
        execute!(stdout(), DisableMouseCapture, DisableBracketedPaste, LeaveAlternateScreen, crossterm::cursor::Show);
}

/// Restores the terminal when dropped: on quit, on error (`?`), and on unwinding.
struct TermGuard;

impl Drop for TermGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Take the terminal again after a suspension (or a stop from outside, after which the shell
/// may have reset it): raw mode, the alternate screen, paste and mouse, and a full redraw.
fn retake_terminal(terminal: &mut Terminal<CrosstermBackend<Stdout>>, mouse: bool) -> io::Result<()> {
    // crossterm does nothing when it believes raw mode is still on
    let _ = disable_raw_mode();
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    if mouse {
        execute!(stdout(), EnableMouse)?;
    }
    repaint_all(terminal)
}

/// Clear the screen and make the next draw paint every cell. (`Terminal::clear` would ask the
/// terminal where its cursor is; the answer goes to the input thread, which holds crossterm's
/// reader, and the question fails after two seconds.)
fn repaint_all(terminal: &mut Terminal<CrosstermBackend<Stdout>>) -> io::Result<()> {
    execute!(stdout(), crossterm::terminal::Clear(crossterm::terminal::ClearType::All))?;
    // the buffer being drawn into is blank; swapping blanks the one drawn last too
    terminal.swap_buffers();
    Ok(())
}

fn init_terminal(mouse: bool) -> io::Result<(Terminal<CrosstermBackend<Stdout>>, TermGuard)> {
    let _ = UI_THREAD.set(thread::current().id());
    HOOK.call_once(|| {
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if UI_THREAD.get().is_some_and(|id| *id != thread::current().id()) {
                // A background thread (loader, search): keep the screen, remember the message;
                // the thread turns it into an error the status line shows.
                if let Ok(mut last) = BACKGROUND_PANIC.lock() {
                    *last = Some(info.to_string());
                }
                return;
            }
            PANICKED.store(true, Ordering::SeqCst);
            restore_terminal();
            prev(info);
        }));
    });
    enable_raw_mode()?;
    let guard = TermGuard;
    execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    if mouse {
        execute!(stdout(), EnableMouse)?;
    }
    let term = Terminal::new(CrosstermBackend::new(stdout()))?;
    Ok((term, guard))
}

/// The search worker: takes the newest request, drops older ones, and stops a running
/// search as soon as a newer request exists.
struct Worker {
    tx: Sender<SearchRequest>,
    latest: Arc<AtomicU64>,
    store: Arc<Store>,
}

impl Worker {
    fn spawn(store: Arc<Store>, out: Sender<Msg>) -> Worker {
        let (tx, rx): (Sender<SearchRequest>, Receiver<SearchRequest>) = mpsc::channel();
        let latest = Arc::new(AtomicU64::new(0));
        let seen = Arc::clone(&latest);
        let searched = Arc::clone(&store);
        let _ = thread::Builder::new().name("sitrep-search".into()).spawn(move || {
            let mut searcher = Searcher::new(searched);
            while let Ok(mut req) = rx.recv() {
                while let Ok(newer) = rx.try_recv() {
                    req = newer;
                }
                let generation = req.generation;
                let cancel = || seen.load(Ordering::Relaxed) != generation;
                let found = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| searcher.search(&req, &cancel)));
                let msg = match found {
                    Ok(Some(res)) => Msg::Results(res),
                    Ok(None) => continue,
                    Err(_) => {
                        // start afresh next time: the last result may be half-built
                        searcher = Searcher::new(Arc::clone(searcher.store()));
                        Msg::Failed(format!("search failed: {}", background_panic()))
                    }
                };
                if out.send(msg).is_err() {
                    break;
                }
            }
        });
        Worker { tx, latest, store }
    }

    fn send(&self, req: SearchRequest) {
        self.latest.store(req.generation, Ordering::Relaxed);
        let _ = self.tx.send(req);
    }
}

fn spawn_input(tx: Sender<Msg>) {
    let _ = thread::Builder::new().name("sitrep-input".into()).spawn(move || {
        loop {
            let msg = match event::read() {
                Ok(Event::Key(k)) if k.is_press() => Msg::Key(k),
                Ok(Event::Mouse(m)) => Msg::Mouse(m),
                Ok(Event::Resize(w, h)) => Msg::Resize(w, h),
                Ok(Event::Paste(s)) => Msg::Paste(s),
                Ok(_) => continue,
                Err(_) => Msg::TerminalGone,
            };
            let closed = matches!(msg, Msg::TerminalGone);
            if tx.send(msg).is_err() || closed {
                break;
            }
        }
    });
}

/// Start watching the paths of `opts`, or say in the status line why not.
fn start_watch(watch: &mut Option<super::watch::Watch>, model: &mut Model, opts: &Options, tx: &Sender<Msg>) {
    let paths = &opts.paths;
    if paths.is_empty() {
        model.watching = false;
        model.error("nothing to watch: these are the embedded seeds (start sitrep with files or folders)");
        return;
    }
    match super::watch::Watch::start(paths.to_vec(), opts.load, opts.cache.clone(), tx.clone()) {
        Ok(w) => *watch = Some(w),
        Err(e) => {
            model.watching = false;
            model.error(e);
        }
    }
}

/// A message for the status line.
fn said(text: String) -> Msg {
    Msg::Said(Status { text, error: false })
}

/// Open `url`: with `$BROWSER` in the foreground (the terminal handed over, as a text browser
/// needs it, and taken back after), else with the platform's opener in the background, else
/// (over SSH, no display) by showing the URL.
fn open_url(url: &str, terminal: &mut Terminal<CrosstermBackend<Stdout>>, model: &mut Model) -> io::Result<()> {
    use std::process::{Command, Stdio};
    let shown = crate::printable::one_line(url).into_owned();
    let env = |k: &str| std::env::var(k).ok();
    let Some(prog) = super::cite::opener(&env) else {
        model.info(format!("no browser here (set $BROWSER) · {shown}"));
        return Ok(());
    };
    let foreground = env("BROWSER").is_some_and(|b| !b.trim().is_empty());
    // `$BROWSER` may hold arguments ("firefox --new-tab"), or `%s` for the URL
    let mut words: Vec<String> = prog.split_whitespace().map(String::from).collect();
    if words.is_empty() {
        return Ok(());
    }
    let mut placed = false;
    for w in &mut words {
        if w.contains("%s") {
            *w = w.replace("%s", url);
            placed = true;
        }
    }
    if !placed {
        words.push(url.to_string());
    }
    let mut cmd = Command::new(&words[0]);
    cmd.args(&words[1..]);
    if foreground {
        restore_terminal();
        let status = cmd.status();
        retake_terminal(terminal, model.mouse)?;
        match status {
            Ok(s) if s.success() => model.info(format!("opened {shown}")),
            Ok(s) => model.error(format!("{} ended with {s} · {shown}", words[0])),
            Err(e) => model.error(format!("could not run {}: {e} · {shown}", words[0])),
        }
    } else {
        match cmd.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null()).spawn() {
            // reaped on a thread, so no zombie is left behind
            Ok(mut child) => {
                let _ = thread::Builder::new().name("sitrep-open".into()).spawn(move || child.wait());
                model.info(format!("opening {shown}"));
            }
            Err(e) => model.error(format!("could not run {prog}: {e} · {shown}")),
        }
    }
    Ok(())
}

/// After the browser ended (its terminal restored): wait for the snapshot being written
/// behind it, saying so on stderr, so that quitting right after a long load keeps it.
pub fn wait_for_snapshot() {
    if !WRITING.load(Ordering::SeqCst) {
        return;
    }
    eprintln!("sitrep: finishing the snapshot cache (Ctrl-C leaves it for the next start to write)");
    while WRITING.load(Ordering::SeqCst) {
        thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Run the browser until the user quits. The terminal is restored on return, on error and
/// on panic.
pub fn run(load: Loader, opts: Options) -> Result<(), TuiError> {
    use std::io::IsTerminal;
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Err(TuiError::NotATerminal);
    }
    let cfg = config::load(&|k| std::env::var(k).ok(), opts.light);
    let mouse = opts.mouse.unwrap_or(cfg.keymap.mouse);
    let theme = cfg.theme.clone();
    let (tx, rx) = mpsc::channel::<Msg>();
    // Signals first: one arriving while the terminal is being set up waits in the channel.
    let _signals = super::signals::spawn(tx.clone(), restore_terminal)?;
    let (mut terminal, _guard) = init_terminal(mouse)?;
    let size = terminal.size()?;
    let mut model = Model::new(cfg.keymap.clone(), (size.width, size.height));
    model.mouse = mouse;
    if let Some(summary) = cfg.summary() {
        model.error(summary);
    }
    model.config_problems = cfg.problems.iter().map(|p| p.to_string()).collect();
    if let Some(q) = opts.query.as_deref() {
        update::open_with_query(&mut model, q);
    }

    spawn_input(tx.clone());
    super::signals::watch_hangup(tx.clone());
    {
        let tx = tx.clone();
        let _ = thread::Builder::new().name("sitrep-load".into()).spawn(move || {
            let progress = |p: Progress| {
                let _ = tx.send(Msg::Progress(p));
            };
            let res = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| load(&progress)))
                .unwrap_or_else(|_| Err(format!("the loader crashed: {}", background_panic())));
            match res {
                Ok(Loaded { store, then }) => {
                    let store = Arc::new(store);
                    if then.is_some() {
                        WRITING.store(true, Ordering::SeqCst);
                    }
                    let _ = tx.send(Msg::Loaded(Ok(Arc::clone(&store))));
                    if let Some(then) = then {
                        let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| then(&store)));
                        WRITING.store(false, Ordering::SeqCst);
                        if let Ok(Err(e)) = done {
                            let _ = tx.send(Msg::Said(Status {
                                text: crate::printable::one_line(&e).into_owned(),
                                error: true,
                            }));
                        }
                    }
                }
                Err(e) => {
                    let _ = tx.send(Msg::Loaded(Err(e)));
                }
            }
        });
    }

    // The workspace (flags, notes, saved queries, read articles); sitrep goes on without it.
    let (mut persist, persist_error) = match super::persist::Persist::open(&|k| std::env::var(k).ok()) {
        Ok(p) => (Some(p), None),
        Err(e) => {
            let shown = crate::printable::one_line(&e).into_owned();
            match &model.status {
                Some(earlier) if earlier.error => model.error(format!("{} · {shown}", earlier.text)),
                _ => model.error(shown.clone()),
            }
            (None, Some(shown))
        }
    };
    let mut worker: Option<Worker> = None;
    let mut watch: Option<super::watch::Watch> = None;
    if opts.watch {
        model.watching = true;
        start_watch(&mut watch, &mut model, &opts, &tx);
    }
    // Draw, then sleep until something happens; every message batch may change the screen.
    loop {
        if PANICKED.load(Ordering::SeqCst) {
            return Err(TuiError::Panicked);
        }
        // Drawn only when an update may have changed the screen (not on a stray mouse move).
        if std::mem::take(&mut model.dirty) {
            terminal.draw(|f| ui::view(f, &model, &theme))?;
        }
        let Ok(first) = rx.recv() else {
            break;
        };
        let mut batch = vec![first];
        batch.extend(rx.try_iter());
        for msg in batch {
            let effects = update(&mut model, msg);
            // Searches run on the newest store: the one shown, or a rebuilt one waiting for
            // its first results.
            if let Some(target) = model.pending.as_ref().map(|(s, _)| s).or(model.store.as_ref())
                && !worker.as_ref().is_some_and(|w| Arc::ptr_eq(&w.store, target))
            {
                worker = Some(Worker::spawn(Arc::clone(target), tx.clone()));
            }
            for fx in effects {
                match fx {
                    Effect::Search(req) => {
                        if let Some(w) = &worker {
                            w.send(req);
                        }
                    }
                    Effect::SetMouse(on) => {
                        if on {
                            execute!(stdout(), EnableMouse)?;
                        } else {
                            execute!(stdout(), DisableMouseCapture)?;
                        }
                    }
                    Effect::Redraw => repaint_all(&mut terminal)?,
                    Effect::Suspend if super::signals::can_suspend() => {
                        restore_terminal();
                        super::signals::stop();
                        // continued (fg)
                        retake_terminal(&mut terminal, model.mouse)?;
                    }
                    Effect::Suspend => {
                        model.error("cannot suspend: sitrep was not started from a shell with job control (fg)")
                    }
                    Effect::Resume => retake_terminal(&mut terminal, model.mouse)?,
                    Effect::Watch(true) => start_watch(&mut watch, &mut model, &opts, &tx),
                    Effect::Watch(false) => watch = None,
                    Effect::Copy(text) => {
                        use std::io::Write;
                        let mut out = stdout();
                        out.write_all(super::cite::osc52(&text).as_bytes())?;
                        out.flush()?;
                    }
                    Effect::OpenUrl(url) => open_url(&url, &mut terminal, &mut model)?,
                    Effect::Persist(change) => {
                        let (Some(p), Some(store)) = (persist.as_mut(), model.store.clone()) else {
                            if matches!(change, super::model::Change::Read(_)) {
                                // reading goes on without a workspace, unsaid
                                continue;
                            }
                            let why = persist_error.as_deref().unwrap_or("not open");
                            let _ = tx.send(Msg::Said(Status {
                                text: format!("not kept: the workspace is off this session ({why})"),
                                error: true,
                            }));
                            continue;
                        };
                        // An article read is marked in the model already: written, not read back
                        // (the reader shows a new article on every move through the list).
                        let read_back = !matches!(change, super::model::Change::Read(_));
                        let res = p.apply(&change, &store).and_then(|note| {
                            let view = if read_back { Some(p.view(&store)?) } else { None };
                            Ok((note, view))
                        });
                        match res {
                            Ok((note, view)) => {
                                if let Some(view) = view {
                                    let _ = tx.send(Msg::Workspace(view));
                                }
                                if let Some(n) = note {
                                    let _ = tx.send(said(n));
                                }
                            }
                            Err(e) => {
                                let _ = tx.send(Msg::Said(Status { text: e, error: true }));
                            }
                        }
                    }
                    Effect::Export { path, events } => {
                        if let Some(store) = model.store.clone() {
                            let tx = tx.clone();
                            let _ = thread::Builder::new().name("sitrep-export".into()).spawn(move || {
                                let msg = match crate::cli::export_events(&store, &events, &path) {
                                    Ok(n) => said(format!(
                                        "exported {n} event{} to {}",
                                        if n == 1 { "" } else { "s" },
                                        crate::printable::one_line(&path.display().to_string())
                                    )),
                                    Err(e) => Msg::Said(Status { text: e, error: true }),
                                };
                                let _ = tx.send(msg);
                            });
                        }
                    }
                }
            }
        }
        // A new store (loaded, or rebuilt by the watch): the workspace placed in it, on a
        // thread of its own while the list is shown.
        if let (Some(p), Some(store)) = (persist.as_mut(), model.store.as_ref())
            && !p.is_for(store)
        {
            p.view_later(store, tx.clone());
        }
        if model.quit {
            break;
        }
    }
    if let Some(n) = model.ended_by {
        return Err(TuiError::Ended(n));
    }
    if model.terminal_gone {
        return Err(TuiError::TerminalGone);
    }
    match model.load_error.take() {
        Some(e) => Err(TuiError::Load(e)),
        None => Ok(()),
    }
}
