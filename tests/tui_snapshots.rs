//! Whole-screen snapshots (text) on the demo corpus at 80x24 and 120x40.
//! Review changes with `cargo insta review` or `INSTA_UPDATE=always cargo test --test tui_snapshots`.

#[path = "support/demo.rs"]
mod demo;
#[path = "support/harness.rs"]
mod harness;

use demo::demo;
use harness::Harness;
use sitrep::store::Progress;
use sitrep::tui::model::Msg;

fn sizes() -> [(u16, u16); 2] {
    [(80, 24), (120, 40)]
}

#[test]
fn start() {
    for (w, h) in sizes() {
        let hs = Harness::new(demo(), w, h);
        insta::assert_snapshot!(format!("start_{w}x{h}"), hs.screen());
    }
}

#[test]
fn druzh_then_reader() {
    for (w, h) in sizes() {
        let mut hs = Harness::new(demo(), w, h);
        hs.key("/");
        hs.type_text("druzh");
        insta::assert_snapshot!(format!("typing_druzh_{w}x{h}"), hs.screen());
        hs.keys("enter enter n");
        insta::assert_snapshot!(format!("reader_druzh_{w}x{h}"), hs.screen());
    }
}

#[test]
fn lavrov_card() {
    for (w, h) in sizes() {
        let mut hs = Harness::new(demo(), w, h);
        hs.keys("/");
        hs.type_text("entity:lavrov");
        hs.key("enter");
        insta::assert_snapshot!(format!("lavrov_{w}x{h}"), hs.screen());
    }
}

#[test]
fn timeline_span() {
    for (w, h) in sizes() {
        let mut hs = Harness::new(demo(), w, h);
        hs.keys("1 h space h h");
        insta::assert_snapshot!(format!("timeline_span_{w}x{h}"), hs.screen());
    }
}

#[test]
fn help() {
    for (w, h) in sizes() {
        let mut hs = Harness::new(demo(), w, h);
        hs.key("?");
        insta::assert_snapshot!(format!("help_{w}x{h}"), hs.screen());
    }
}

#[test]
fn loading_and_too_small() {
    let mut hs = Harness::loading(80, 24);
    hs.send(Msg::Progress(Progress::new("extracting", 3, 8)));
    insta::assert_snapshot!("loading_80x24", hs.screen());
    let mut hs = Harness::new(demo(), 30, 8);
    hs.resize(30, 8);
    insta::assert_snapshot!("too_small_30x8", hs.screen());
}

/// The event card (`i`) on the Druzhkivka strike: every field, with who claims it.
#[test]
fn event_card() {
    for (w, h) in sizes() {
        let mut hs = Harness::new(demo(), w, h);
        hs.key("/");
        hs.type_text("druzh");
        hs.keys("enter i");
        insta::assert_snapshot!(format!("event_card_{w}x{h}"), hs.screen());
    }
}

/// The `:` command line while typing, after Tab completed the command's name.
#[test]
fn command_line() {
    for (w, h) in sizes() {
        let mut hs = Harness::new(demo(), w, h);
        hs.key(":");
        hs.type_text("ex");
        hs.key("tab");
        hs.type_text("druzh.csv");
        insta::assert_snapshot!(format!("command_line_{w}x{h}"), hs.screen());
    }
}
