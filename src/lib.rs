//! sitrep: a terminal situation browser for war reporting.
//!
//! Data flows one way: `corpus` reads and cleans articles, `extract` turns them into
//! entities and events (pure functions, every result keeps its byte span), `store`
//! indexes them for queries, and `cli` / `tui` present the store. `workspace` keeps what a
//! person adds (flags, notes, saved queries, read articles) in an SQLite file.

// `sitrep::` names this crate inside it too: the store's unit tests include the test-only
// demo store (tests/support/demo.rs), written for the integration tests.
#[cfg(test)]
extern crate self as sitrep;

pub mod cli;
pub mod corpus;
mod days;
pub mod extract;
pub mod merge;
mod printable;
pub mod snapshot;
pub mod store;
pub mod tui;
pub mod workspace;

/// One of sitrep's folders: `$own` when set, else `$xdg/sitrep`, else the platform's folder
/// that `platform` picks; empty variables count as unset. `env` looks variables up
/// (injected for tests).
pub(crate) fn user_dir(
    env: &dyn Fn(&str) -> Option<String>,
    own: &str,
    xdg: &str,
    platform: fn(&directories::ProjectDirs) -> &std::path::Path,
) -> Option<std::path::PathBuf> {
    let set = |k: &str| env(k).filter(|v| !v.is_empty());
    if let Some(d) = set(own) {
        return Some(std::path::PathBuf::from(d));
    }
    if let Some(d) = set(xdg) {
        return Some(std::path::Path::new(&d).join("sitrep"));
    }
    directories::ProjectDirs::from("", "", "sitrep").map(|p| platform(&p).to_path_buf())
}

/// jemalloc instead of the system's malloc: loading and extraction allocate many small,
/// short-lived vectors and strings per sentence, where glibc's malloc and free took ~10% of
/// the instructions; with jemalloc, load + extract takes 9-15% less time and memory per event
/// stays under the 1 KB target (docs/performance.md, "What the rules engine costs"). mimalloc
/// was as fast but kept 1.1-1.3 KB per event. Declared in the library so that the binary, the
/// benches and the probes all measure the same thing.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// Give the pages of freed memory back to the system now (jemalloc keeps them for reuse and
/// returns them over the next seconds only while allocating): called once a store is built,
/// whose build frees more than the store keeps (the merge's blocks, the extraction's
/// scratch), so that a browser left open holds only what it uses.
pub(crate) fn give_back_freed() {
    #[cfg(not(target_env = "msvc"))]
    {
        // arena 4096 is MALLCTL_ARENAS_ALL; a failure only means the pages stay cached
        // SAFETY: a NUL-terminated name and no old or new value, as mallctl(3) allows.
        unsafe {
            tikv_jemalloc_sys::mallctl(
                c"arena.4096.purge".as_ptr(),
                std::ptr::null_mut(),
                std::ptr::null_mut(),
                std::ptr::null_mut(),
                0,
            );
        }
    }
}

/// jemalloc's settings, read when it starts: one arena for all threads. jemalloc's default
/// (four per core) keeps each thread's freed fragments apart; loaded as the browser loads
/// (loader, extraction and rayon's threads) that cost ~75 B per event, and the per-thread
/// caches keep the shared arena's lock out of the hot path (no loss measured on 2 cores).
#[cfg(not(target_env = "msvc"))]
#[unsafe(export_name = "_rjem_malloc_conf")]
static JEMALLOC_CONF: &[u8] = b"narenas:1\0";
