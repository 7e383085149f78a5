//! The `:` command line's vocabulary: what each command takes and does, parsing a typed line
//! into a [`Command`], and completing a command name, a saved query's name or a file name.
//! Pure: the file names to complete from come from the caller.

use std::path::PathBuf;

use chrono::NaiveDate;

/// A command, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Write the listed events to a file (`.csv`, `.json`, `.geojson`).
    Export(PathBuf),
    /// Save the query in effect under a name.
    Save(String),
    /// Put a saved query in effect; without a name, list them.
    Open(Option<String>),
    /// Forget a saved query.
    Forget(String),
    /// Show the events of one day (the timeline's cursor goes there).
    Goto(NaiveDate),
    /// Add a note to the current event, or to its article with `:note article TEXT`.
    Note {
        article: bool,
        text: String,
    },
    /// Flag the current event, or unflag it when flagged.
    Flag,
    /// List the notes (orphaned ones too).
    Notes,
    /// Show the map in the reader's place, or the reader again (`m`).
    Map,
    /// Show the keys and the commands.
    Help,
    Quit,
}

/// Every command: name, what it takes, what it does (for completion and the help).
pub const COMMANDS: &[(&str, &str, &str)] = &[
    ("export", "FILE", "write the listed events to FILE (.csv, .json or .geojson)"),
    ("save", "NAME", "save the query in effect as NAME"),
    ("open", "[NAME]", "put the saved query NAME in effect (no NAME: list them)"),
    ("forget", "NAME", "delete the saved query NAME"),
    ("goto", "YYYY-MM-DD", "show the events of that day"),
    ("note", "[article] TEXT", "add a note to the event (or its article)"),
    ("flag", "", "flag the event, or unflag it (f)"),
    ("notes", "", "list the notes, orphaned ones too; Enter goes to one"),
    ("map", "", "show the map in the reader's place, or the reader again (m)"),
    ("help", "", "show the keys and the commands"),
    ("quit", "", "quit"),
];

/// Parse a command line (without the `:`). The error says what was expected.
pub fn parse(line: &str) -> Result<Command, String> {
    let line = line.trim();
    let (name, rest) = match line.split_once(char::is_whitespace) {
        Some((n, r)) => (n, r.trim()),
        None => (line, ""),
    };
    if name.is_empty() {
        return Err("type a command: export, save, open, goto, note, flag, help (Tab completes)".into());
    }
    let found: Vec<&str> = COMMANDS.iter().map(|c| c.0).filter(|c| c.starts_with(name)).collect();
    let name = match found.as_slice() {
        [one] => *one,
        _ if found.contains(&name) => name,
        [] => return Err(format!("no command {name} (export, save, open, goto, note, flag, help)")),
        many => return Err(format!("{name} could be {}", many.join(", "))),
    };
    let need = |what: &str| -> Result<String, String> {
        if rest.is_empty() { Err(format!(":{name} needs {what}")) } else { Ok(rest.to_string()) }
    };
    Ok(match name {
        "export" => Command::Export(PathBuf::from(expand_home(&need("a file name (.csv, .json or .geojson)")?))),
        "save" => Command::Save(need("a name")?),
        "open" => Command::Open((!rest.is_empty()).then(|| rest.to_string())),
        "forget" => Command::Forget(need("the name of a saved query")?),
        "goto" => {
            let d = need("a day (YYYY-MM-DD)")?;
            Command::Goto(
                NaiveDate::parse_from_str(&d, "%Y-%m-%d").map_err(|_| format!("{d} is not a day: write YYYY-MM-DD"))?,
            )
        }
        "note" => {
            let text = need("its text")?;
            match text.strip_prefix("article").filter(|r| r.starts_with(char::is_whitespace)) {
                Some(r) => Command::Note { article: true, text: r.trim().to_string() },
                None => Command::Note { article: false, text },
            }
        }
        "flag" => Command::Flag,
        "notes" => Command::Notes,
        "map" => Command::Map,
        "help" => Command::Help,
        _ => Command::Quit,
    })
}

/// `~/x` with the home folder.
fn expand_home(p: &str) -> String {
    match (p.strip_prefix("~/"), std::env::var("HOME")) {
        (Some(rest), Ok(home)) if !home.is_empty() => format!("{home}/{rest}"),
        _ => p.to_string(),
    }
}

/// What can complete a command's argument.
pub struct Candidates<'a> {
    /// The saved queries' names.
    pub saved: &'a [String],
    /// The entries of a folder: `(name, is a folder)`.
    pub list_dir: &'a dyn Fn(&std::path::Path) -> Vec<(String, bool)>,
}

/// Complete `line` (without the `:`): the command name, then a saved query's name (`open`,
/// `forget`) or a file name (`export`). Returns the new line, or `None` when nothing
/// completes. Several candidates complete to what they share.
pub fn complete(line: &str, c: &Candidates) -> Option<String> {
    match line.split_once(' ') {
        None => {
            let names: Vec<String> =
                COMMANDS.iter().map(|c| c.0).filter(|n| n.starts_with(line)).map(String::from).collect();
            let done = names.len() == 1;
            let common = common_prefix(&names)?;
            let out = if done { format!("{common} ") } else { common };
            (out != line).then_some(out)
        }
        Some((name, arg)) => {
            let arg = arg.trim_start();
            match name {
                "open" | "forget" => {
                    let names: Vec<String> = c.saved.iter().filter(|n| n.starts_with(arg)).cloned().collect();
                    let common = common_prefix(&names)?;
                    (common != arg).then(|| format!("{name} {common}"))
                }
                "export" => {
                    let (dir, stem) = match arg.rfind('/') {
                        Some(i) => (&arg[..=i], &arg[i + 1..]),
                        None => ("", arg),
                    };
                    let folder = if dir.is_empty() { PathBuf::from(".") } else { PathBuf::from(expand_home(dir)) };
                    let entries: Vec<String> = (c.list_dir)(&folder)
                        .into_iter()
                        .filter(|(n, _)| n.starts_with(stem) && (!n.starts_with('.') || stem.starts_with('.')))
                        .map(|(n, is_dir)| if is_dir { format!("{n}/") } else { n })
                        .collect();
                    let common = common_prefix(&entries)?;
                    (common != stem).then(|| format!("{name} {dir}{common}"))
                }
                _ => None,
            }
        }
    }
}

/// The longest prefix all of `names` share (on character boundaries), if there are any.
fn common_prefix(names: &[String]) -> Option<String> {
    let first = names.first()?;
    let mut end = first.len();
    for n in &names[1..] {
        end = first
            .char_indices()
            .zip(n.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((i, a), _)| i + a.len_utf8())
            .min(end);
    }
    Some(first[..end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_dir(_: &std::path::Path) -> Vec<(String, bool)> {
        Vec::new()
    }

    #[test]
    fn parses_each_command_and_unique_prefixes() {
        assert_eq!(parse("export x.csv"), Ok(Command::Export("x.csv".into())));
        assert_eq!(parse("exp  out/x.json "), Ok(Command::Export("out/x.json".into())));
        assert_eq!(parse("save strikes in donetsk"), Ok(Command::Save("strikes in donetsk".into())));
        assert_eq!(parse("open"), Ok(Command::Open(None)));
        assert_eq!(parse("goto 2026-02-01"), Ok(Command::Goto(NaiveDate::from_ymd_opt(2026, 2, 1).unwrap())));
        assert_eq!(
            parse("note article check the toll"),
            Ok(Command::Note { article: true, text: "check the toll".into() })
        );
        assert_eq!(parse("note articles differ"), Ok(Command::Note { article: false, text: "articles differ".into() }));
        assert_eq!(parse("fl"), Ok(Command::Flag));
        assert_eq!(parse("q"), Ok(Command::Quit));
    }

    #[test]
    fn says_what_is_wrong() {
        assert!(parse("goto yesterday").unwrap_err().contains("YYYY-MM-DD"));
        assert!(parse("export").unwrap_err().contains("needs a file name"));
        assert!(parse("frobnicate").unwrap_err().starts_with("no command frobnicate"));
        assert!(parse("").is_err());
    }

    #[test]
    fn completes_names_saved_queries_and_files() {
        let saved = vec!["donetsk strikes".to_string(), "donbas".to_string(), "aid".to_string()];
        let dir = |p: &std::path::Path| {
            assert_eq!(p, std::path::Path::new("out/"));
            vec![("events.csv".to_string(), false), ("events.json".to_string(), false), ("old".to_string(), true)]
        };
        let c = Candidates { saved: &saved, list_dir: &no_dir };
        assert_eq!(complete("ex", &c).as_deref(), Some("export "));
        assert_eq!(complete("open do", &c).as_deref(), Some("open don"));
        assert_eq!(complete("open a", &c).as_deref(), Some("open aid"));
        assert_eq!(complete("open x", &c), None);
        let c = Candidates { saved: &saved, list_dir: &dir };
        assert_eq!(complete("export out/ev", &c).as_deref(), Some("export out/events."));
        assert_eq!(complete("export out/o", &c).as_deref(), Some("export out/old/"));
    }
}
