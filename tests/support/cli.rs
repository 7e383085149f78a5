//! The real binary, as the command-line tests run it: with a snapshot cache of the tests' own
//! under the build folder, never the user's cache (a test may point it elsewhere again).

use std::process::Command;

/// `sitrep`, ready for its arguments.
pub fn command() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_sitrep"));
    c.env("SITREP_CACHE_HOME", concat!(env!("CARGO_TARGET_TMPDIR"), "/cache"));
    c
}
