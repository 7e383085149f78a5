//! sitrep: command-line parsing and dispatch only.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use sitrep::cli::{self, Cells, CliError, Format};
use sitrep::store::Store;

/// A terminal situation browser: events, places, people and weapons extracted from war reporting.
///
/// With no PATH, sitrep opens on the five seed articles embedded in the binary.
#[derive(Parser, Debug)]
#[command(name = "sitrep", version, about, long_about = None, args_conflicts_with_subcommands = true)]
struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    /// Files or folders to read (articles, saved pages, feeds; folders recursively).
    #[arg(global = false)]
    paths: Vec<PathBuf>,
    /// Open the browser with this query, e.g. 'kind:strike place:donetsk'.
    #[arg(long, short, allow_hyphen_values = true)]
    query: Option<String>,
    /// Turn mouse support off (or on) regardless of keymap.toml.
    #[arg(long)]
    no_mouse: bool,
    /// Watch the files and folders: new, changed and deleted files update the browser while it
    /// runs (`w` toggles it).
    #[arg(long)]
    watch: bool,
    /// Start with the light theme.
    #[arg(long)]
    light: bool,
    /// Follow symbolic links inside folders (links named on the command line are always
    /// followed).
    #[arg(long, global = true)]
    follow: bool,
    /// Read and extract every file anew: neither use nor write the snapshot cache.
    #[arg(long, global = true)]
    no_cache: bool,
    /// Check the config files (keymap.toml, theme.toml): list every problem, one a line, and
    /// exit (status 1 when there are any).
    #[arg(long)]
    check_config: bool,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the loaded articles: title, publication date and where it came from, body and paragraph spans.
    Articles {
        paths: Vec<PathBuf>,
        #[arg(long, short, value_enum, default_value = "table")]
        format: Format,
        /// Write CSV cells exactly as extracted: no quote before a cell that a spreadsheet
        /// would run as a formula (=, +, -, @), and control characters kept. For programs,
        /// not for a spreadsheet or a terminal.
        #[arg(long)]
        raw_csv: bool,
    },
    /// Print the extracted events.
    Events {
        paths: Vec<PathBuf>,
        #[arg(long, short, value_enum, default_value = "table")]
        format: Format,
        /// Write CSV cells exactly as extracted: no quote before a cell that a spreadsheet
        /// would run as a formula (=, +, -, @), and control characters kept. For programs,
        /// not for a spreadsheet or a terminal.
        #[arg(long)]
        raw_csv: bool,
        /// Filter with the query language of the browser, e.g. 'kind:strike place:donetsk killed>0 druzh'.
        #[arg(long, short, allow_hyphen_values = true)]
        query: Option<String>,
        /// Say why each event was extracted: its rule and the words that gave its place,
        /// date, counts and claimant (a block per event; in JSON, a `why` object).
        #[arg(long)]
        explain: bool,
        /// One row per happening: its reports in different articles merged, with the first
        /// report, every source and the highest counts any report gives (and which).
        #[arg(long, conflicts_with = "explain")]
        merged: bool,
    },
    /// Print the extracted entities (places, people, organisations, weapons) with their mentions.
    Entities {
        paths: Vec<PathBuf>,
        #[arg(long, short, value_enum, default_value = "table")]
        format: Format,
        /// Write CSV cells exactly as extracted: no quote before a cell that a spreadsheet
        /// would run as a formula (=, +, -, @), and control characters kept. For programs,
        /// not for a spreadsheet or a terminal.
        #[arg(long)]
        raw_csv: bool,
    },
    /// Print a short summary of what was loaded and extracted.
    Stats { paths: Vec<PathBuf> },
    /// Write the articles, events and entities as Parquet files (the fields of the JSON),
    /// partitioned by month: DIR/events/month=YYYY-MM/part-0.parquet, DIR/articles/...,
    /// DIR/entities/part-0.parquet. DIR is made, or an earlier export in it replaced; a
    /// folder that is neither empty nor an export is refused.
    Export {
        /// The folder to write.
        #[arg(long, value_name = "DIR")]
        parquet: PathBuf,
        paths: Vec<PathBuf>,
    },
    /// Print the workspace's notes and flags, marked orphaned when their event or article is not in PATHS.
    ///
    /// The workspace is workspace.sqlite3 in $SITREP_DATA_HOME, else $XDG_DATA_HOME/sitrep, else
    /// the platform's data folder. PATHS are read as `sitrep events` reads them (the seeds when
    /// none are given); an orphaned note is printed all the same.
    Notes {
        paths: Vec<PathBuf>,
        #[arg(long, short, value_enum, default_value = "table")]
        format: Format,
        /// Write CSV cells exactly as stored: no quote before a cell that a spreadsheet
        /// would run as a formula (=, +, -, @), and control characters kept. For programs,
        /// not for a spreadsheet or a terminal.
        #[arg(long)]
        raw_csv: bool,
    },
    /// The snapshot cache: what loading a corpus gave, kept so that reopening it reads one file
    /// and extracts only new and changed files. It lives in $SITREP_CACHE_HOME, else
    /// $XDG_CACHE_HOME/sitrep, else the platform's cache folder.
    Cache {
        #[command(subcommand)]
        action: CacheAction,
    },
}

#[derive(Subcommand, Debug)]
enum CacheAction {
    /// List the snapshots: size, corpus, what each holds, whether this sitrep can use it.
    Info,
    /// Remove every snapshot.
    Clear,
}

/// How `--raw-csv` asks for CSV cells to be written.
fn cells(raw_csv: bool) -> Cells {
    if raw_csv { Cells::Raw } else { Cells::Safe }
}

fn main() -> ExitCode {
    let args = Args::parse();
    if args.check_config {
        return check_config();
    }
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(CliError::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(CliError::Ended(status)) => ExitCode::from(status),
        Err(e) => {
            eprintln!("{}", cli::error_line(&e));
            ExitCode::FAILURE
        }
    }
}

/// `--check-config`: every problem of the config files on stdout, then how many.
fn check_config() -> ExitCode {
    let cfg = sitrep::tui::config::load(&|k| std::env::var(k).ok(), false);
    let mut out = io::BufWriter::new(io::stdout().lock());
    let folder = cfg.dir.as_ref().map_or_else(|| "no config folder".to_string(), |d| d.display().to_string());
    for p in &cfg.problems {
        let _ = writeln!(out, "{p}");
    }
    let _ = match cfg.problems.len() {
        0 => writeln!(out, "no problems in the config in {folder}"),
        1 => writeln!(out, "1 problem"),
        n => writeln!(out, "{n} problems"),
    };
    let _ = out.flush();
    if cfg.problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

/// Open the interactive browser. Loading runs on a background thread behind the first
/// frame; per-file problems show in the status line. Non-zero exit when nothing loaded.
fn browse(args: Args) -> Result<(), CliError> {
    // Paths that do not exist at all fail before the screen is taken over.
    if !args.paths.is_empty() && args.paths.iter().all(|p| !p.exists()) {
        let names: Vec<String> = args.paths.iter().map(|p| p.display().to_string()).collect();
        return Err(CliError::NothingLoaded(format!("{} (no such file or folder)", names.join(", "))));
    }
    let cache = if args.no_cache { None } else { sitrep::snapshot::Cache::locate(&|k| std::env::var(k).ok()) };
    let opts = sitrep::tui::Options {
        cache: cache.clone(),
        mouse: args.no_mouse.then_some(false),
        light: args.light,
        query: args.query,
        paths: args.paths.clone(),
        watch: args.watch,
        load: sitrep::corpus::LoadOptions { follow: args.follow },
    };
    let loader = sitrep::tui::corpus_loader(args.paths, opts.load, cache);
    let ran = sitrep::tui::run(loader, opts);
    sitrep::tui::wait_for_snapshot();
    ran.map_err(|e| match e {
        sitrep::tui::TuiError::Ended(_) => CliError::Ended(e.exit_status()),
        e => CliError::Tui(e.to_string()),
    })
}

fn run(args: Args) -> Result<(), CliError> {
    let load_opts = sitrep::corpus::LoadOptions { follow: args.follow };
    let cache = if args.no_cache { None } else { sitrep::snapshot::Cache::locate(&|k| std::env::var(k).ok()) };
    let cache = cache.as_ref();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match args.command {
        Some(Command::Articles { paths, format, raw_csv }) => {
            let articles = cli::load(&paths, load_opts)?;
            cli::print_articles(&articles, format, cells(raw_csv), &mut out)?;
        }
        Some(Command::Events { paths, format, raw_csv, query, explain, merged }) => {
            let loaded = if explain {
                let (articles, ex) = cli::load_and_explain(&paths, load_opts)?;
                cli::Loaded::Plain(articles, ex)
            } else {
                cli::open(&paths, load_opts, cache)?
            };
            match query {
                Some(q) => {
                    // The same parser and engine as the browser's query line.
                    let store: Store = loaded.into_store();
                    let parsed = sitrep::store::Query::parse(&q).map_err(|e| CliError::Query(format!("query: {e}")))?;
                    if let Some(problem) = store.query_problem(&parsed) {
                        return Err(CliError::Query(format!("query: {problem}")));
                    }
                    let result = store.query(&parsed);
                    let ids: Vec<u32> = result.hits.iter().map(|h| h.event).collect();
                    let print = if merged { cli::print_merged } else { cli::print_events };
                    // the store merged when it was built
                    print(store.articles(), store.extraction(), Some(&store), &ids, format, cells(raw_csv), &mut out)?;
                }
                None => {
                    let ids: Vec<u32> = (0..loaded.extraction().events.len() as u32).collect();
                    let print = if merged { cli::print_merged } else { cli::print_events };
                    print(
                        loaded.articles(),
                        loaded.extraction(),
                        loaded.groups(),
                        &ids,
                        format,
                        cells(raw_csv),
                        &mut out,
                    )?;
                }
            }
        }
        Some(Command::Entities { paths, format, raw_csv }) => {
            let loaded = cli::open(&paths, load_opts, cache)?;
            cli::print_entities(loaded.articles(), loaded.extraction(), format, cells(raw_csv), &mut out)?;
        }
        Some(Command::Stats { paths }) => {
            let loaded = cli::open(&paths, load_opts, cache)?;
            cli::print_stats(loaded.articles(), loaded.extraction(), loaded.groups(), &mut out)?;
        }
        Some(Command::Cache { action }) => {
            cli::cache_command(cache, matches!(action, CacheAction::Clear), &mut out)?;
        }
        Some(Command::Export { parquet, paths }) => {
            let loaded = cli::open(&paths, load_opts, cache)?;
            cli::export_parquet(loaded.articles(), loaded.extraction(), loaded.groups(), &parquet, &mut out)?;
        }
        Some(Command::Notes { paths, format, raw_csv }) => {
            cli::print_notes(&|k| std::env::var(k).ok(), &paths, load_opts, format, cells(raw_csv), &mut out)?;
        }
        None => {
            drop(out);
            return browse(args);
        }
    }
    out.flush()?;
    Ok(())
}
