//! Pane tests: each pane drawn into a `Buffer` at odd sizes (0x0, 1x1, narrow) and with
//! CJK and emoji text, compared cell by cell where it matters.

#[path = "support/demo.rs"]
mod demo;
#[path = "support/harness.rs"]
mod harness;

use demo::{Builder, Ev, demo};
use harness::{Harness, buffer_text};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use sitrep::extract::{EntityKind, EventKind};
use sitrep::tui::layout;
use sitrep::tui::model::Focus;
use sitrep::tui::ui;

type Pane = fn(&sitrep::tui::model::Model, &sitrep::tui::theme::Theme, Rect, &mut Buffer);

fn panes() -> Vec<(&'static str, Pane)> {
    vec![
        ("list", ui::list::render as Pane),
        ("reader", ui::reader::render as Pane),
        ("entities", ui::reader::render_entities as Pane),
        ("timeline", ui::timeline::render as Pane),
        ("status", ui::status::render as Pane),
        ("header", |m, t, a, b| {
            ui::header::render(m, t, a, b);
        }),
    ]
}

#[test]
fn every_pane_survives_any_size() {
    let mut h = Harness::new(demo(), 120, 40);
    h.keys("enter n");
    for (name, pane) in panes() {
        for (w, hgt) in [(0, 0), (1, 1), (2, 2), (3, 1), (1, 5), (7, 3), (20, 4), (40, 12), (200, 60)] {
            let area = Rect::new(0, 0, w, hgt);
            let mut buf = Buffer::empty(area);
            pane(&h.model, &h.theme, area, &mut buf);
            // and at an offset inside a bigger buffer
            let mut big = Buffer::empty(Rect::new(0, 0, w + 10, hgt + 5));
            pane(&h.model, &h.theme, Rect::new(5, 3, w, hgt), &mut big);
            let _ = name;
        }
    }
    // the whole screen too, including the too-small notice
    for (w, hgt) in [(0, 0), (1, 1), (30, 8), (59, 19), (60, 20), (80, 24), (120, 40)] {
        h.resize(w, hgt);
        let _ = h.render();
    }
}

#[test]
fn too_small_notice() {
    let mut h = Harness::new(demo(), 30, 8);
    h.resize(30, 8);
    let b = h.render();
    let text = buffer_text(&b);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[2], "   terminal too small: 30x8");
    assert_eq!(lines[3], "      sitrep needs 60x20");
    assert_eq!(lines[4], "           q quits");
}

#[test]
fn list_rows_exact() {
    let h = Harness::new(demo(), 120, 40);
    let area = Rect::new(0, 0, 80, 5);
    let mut buf = Buffer::empty(area);
    ui::list::render(&h.model, &h.theme, area, &mut buf);
    let expected = Buffer::with_lines([
        "┌ Events 9 of 9 events · newest first ─────────────────────────────────────────┐",
        "│2026-02-06  STMT Moscow                     Russian Foreign Minister Sergei L…│",
        "│2026-02-04  STRK*Druzhkivka        7k    8i On February 4, Ukrainian official…│",
        "│2026-02-03  STRK Kyiv                    3i 2月3日、キーウの発電所がドローン… │",
        "└──────────────────────────────────────────────────────────────────────────────┘",
    ]);
    assert_eq!(buffer_text(&buf), buffer_text(&expected));
    // the kind badge is coloured, the selected row highlighted
    assert_eq!(buf[(13, 2)].fg, h.theme.kind(EventKind::Strike).fg.unwrap());
    assert_eq!(buf[(5, 1)].bg, Color::DarkGray);
    assert_eq!(buf[(5, 2)].bg, Color::Reset);
    // the selected row's date stays readable (it was dark grey on dark grey)
    for x in 1..11 {
        assert_ne!(buf[(x, 1)].fg, buf[(x, 1)].bg, "column {x}");
    }
}

/// Day numbers inside a marked span of the timeline stay readable.
#[test]
fn a_marked_span_keeps_its_day_numbers_readable() {
    let mut h = Harness::new(demo(), 120, 40);
    h.keys("1 h h space l l");
    let area = Rect::new(0, 0, 120, 12);
    let mut buf = Buffer::empty(area);
    ui::timeline::render(&h.model, &h.theme, area, &mut buf);
    let mut highlighted = 0;
    for y in 0..12 {
        for x in 0..120 {
            let c = &buf[(x, y)];
            if c.bg == Color::DarkGray && c.symbol().chars().any(|ch| ch.is_ascii_digit()) {
                highlighted += 1;
                assert_ne!(c.fg, c.bg, "({x}, {y}) {:?}", c.symbol());
            }
        }
    }
    assert!(highlighted > 0, "the span shows day numbers");
}

#[test]
fn list_marks_fuzzy_matches() {
    let mut h = Harness::new(demo(), 120, 40);
    h.key("/");
    h.type_text("druzh");
    let area = Rect::new(0, 0, 80, 3);
    let mut buf = Buffer::empty(area);
    ui::list::render(&h.model, &h.theme, area, &mut buf);
    let row: Vec<String> = (0..80).map(|x| buf[(x, 1)].symbol().to_string()).collect();
    let at = row.windows(5).position(|w| w.concat() == "Druzh").unwrap();
    // "Druzh" marked, "kivka" not
    for x in at..at + 5 {
        assert!(buf[(x as u16, 1)].modifier.contains(Modifier::UNDERLINED), "{x}");
    }
    assert!(!buf[(at as u16 + 5, 1)].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn narrow_list_uses_short_dates() {
    let h = Harness::new(demo(), 120, 40);
    let area = Rect::new(0, 0, 40, 4);
    let mut buf = Buffer::empty(area);
    ui::list::render(&h.model, &h.theme, area, &mut buf);
    let t = buffer_text(&buf);
    let l: Vec<&str> = t.lines().collect();
    assert_eq!(l[1], "│02-06  STMT Moscow                  R…│");
    assert_eq!(l[2], "│02-04  STRK*Druzhkivka     7k    8i O…│");
}

fn cjk_store() -> sitrep::store::Store {
    let mut b = Builder::new();
    let s = "東京で会談 🤝 delegations met in 東京 on February 4 and agreed to continue talks next week 🇺🇦🇷🇺.";
    let a = b.article(
        "会談 🤝 talks",
        Some("テスト"),
        None,
        Some("2026-02-04"),
        &[s, "👨‍👩‍👧 families waited; キーウ市民は待った。"],
    );
    b.entity("東京", EntityKind::Place, &[], &["東京", "Japan"]);
    b.event(
        a,
        Ev {
            kind: Some(EventKind::Diplomacy),
            sentence: s,
            date: Some("2026-02-04"),
            place: &["東京", "Japan"],
            ..Ev::default()
        },
    );
    b.build()
}

#[test]
fn reader_wraps_cjk_and_emoji_by_width() {
    let mut h = Harness::new(cjk_store(), 80, 24);
    h.key("enter");
    assert_eq!(h.model.focus, Focus::Reader);
    let a = layout::areas(&h.model);
    let buf = h.render();
    // every line of the reader's text fits its width, nothing spills into the border
    for y in a.text.y..a.text.y + a.text.height {
        let right_border = buf[(a.reader.x + a.reader.width - 1, y)].symbol().to_string();
        assert_eq!(right_border, "│", "row {y}");
    }
    let text = buffer_text(&buf);
    assert!(text.contains("│▌ 東京で会談 🤝 delegations met in 東京 on February │"), "{text}");
    assert!(text.contains("👨‍👩‍👧 families waited;"), "{text}");
    // the place is marked in its kind's colour, where the first 東京 is drawn
    let x = a.text.x + layout::GUTTER;
    assert_eq!(buf[(x, a.text.y)].symbol(), "東");
    assert_eq!(buf[(x, a.text.y)].fg, h.theme.entity(EntityKind::Place).fg.unwrap());
    assert!(buf[(x, a.text.y)].modifier.contains(Modifier::BOLD), "the event sentence is emphasised");
}

#[test]
fn reader_very_narrow_keeps_cjk_whole() {
    let mut h = Harness::new(cjk_store(), 60, 20);
    h.key("enter");
    let area = Rect::new(0, 0, 9, 12);
    // wrap for this width as the model would
    let mut m = std::mem::replace(&mut h.model, sitrep::tui::model::Model::new(Default::default(), (1, 1)));
    m.reader.lines = sitrep::tui::wrap::wrap(&m.store().unwrap().article(0).unwrap().body, 5);
    m.reader.scroll = 0;
    let mut buf = Buffer::empty(area);
    ui::reader::render(&m, &h.theme, area, &mut buf);
    for y in 0..12 {
        for x in 0..9u16 {
            let s = buf[(x, y)].symbol();
            assert!(!s.contains('\u{FFFD}'), "no broken chars");
        }
        assert!(matches!(buf[(8, y)].symbol(), "│" | "┐" | "┘"), "border intact at row {y}");
    }
}

#[test]
fn timeline_bars_marks_and_slots() {
    let h = Harness::new(demo(), 120, 40);
    let a = layout::areas(&h.model);
    let buf = h.render();
    let g = layout::timeline_geom(a.timeline, h.model.timeline.buckets.len());
    // Feb 1: three events (two strikes, one statement), 12 killed
    let x = g.bars.x;
    let bottom = g.bars.y + g.bars.height - 1;
    assert_eq!(buf[(x, bottom)].symbol(), "█");
    assert_eq!(buf[(x, bottom)].fg, h.theme.kind(EventKind::Strike).fg.unwrap());
    assert_eq!(buf[(x, g.bars.y)].fg, h.theme.kind(EventKind::Statement).fg.unwrap());
    assert_eq!(buf[(x, g.marks_y)].symbol(), "1");
    assert_eq!(buf[(x + 1, g.marks_y)].symbol(), "2");
    // Feb 5: no events, no bar
    let x5 = g.bars.x + 4 * g.col_w;
    assert_eq!(buf[(x5, bottom)].symbol(), " ");
    // the slots count apart: 2 imprecise, 1 undated
    let t = buffer_text(&buf);
    assert!(t.contains("~date ?date"), "{t}");
    let mid = g.bars.y + (g.bars.height - 1) / 2;
    assert_eq!(buf[(g.imprecise.x + 1, mid)].symbol(), "2");
    assert_eq!(buf[(g.undated.x + 1, mid)].symbol(), "1");
}

#[test]
fn no_color_theme_draws_without_colours() {
    let mut h = Harness::new(demo(), 120, 40);
    h.theme = h.theme.clone().without_color();
    let buf = h.render();
    for c in buf.content() {
        assert!(matches!(c.fg, Color::Reset), "{c:?}");
        assert!(matches!(c.bg, Color::Reset), "{c:?}");
    }
    // the selection is still visible
    let a = layout::areas(&h.model);
    assert!(buf[(a.rows.x + 2, a.rows.y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn status_line_shows_keys_counts_and_errors() {
    let mut h = Harness::new(demo(), 100, 30);
    let area = Rect::new(0, 0, 100, 1);
    let mut buf = Buffer::empty(area);
    ui::status::render(&h.model, &h.theme, area, &mut buf);
    let t = buffer_text(&buf);
    assert!(t.starts_with(" j/k move  Enter read  i card  / search  s sort"), "{t}");
    assert!(t.trim_end().ends_with("9/9"), "{t}");
    h.key("/");
    h.type_text("killed>");
    let mut buf = Buffer::empty(area);
    ui::status::render(&h.model, &h.theme, area, &mut buf);
    let t = buffer_text(&buf);
    assert!(t.contains("killed> needs a value"), "{t}");
    assert_eq!(buf[(2, 0)].fg, h.theme.error.fg.unwrap());
}

#[test]
fn header_chips_and_typing_cursor() {
    let mut h = Harness::new(demo(), 100, 30);
    h.key("/");
    h.type_text("kind:strike kyiv");
    let area = Rect::new(0, 0, 100, 1);
    let mut buf = Buffer::empty(area);
    let cur = ui::header::render(&h.model, &h.theme, area, &mut buf).unwrap();
    assert_eq!(buffer_text(&buf).trim_end(), " sitrep │ /kind:strike kyiv");
    assert_eq!(cur.x, 27);
    h.key("enter");
    let mut buf = Buffer::empty(area);
    assert!(ui::header::render(&h.model, &h.theme, area, &mut buf).is_none());
    assert_eq!(buffer_text(&buf).trim_end(), " sitrep │  kind:strike   “kyiv”");
}

/// A query line far longer than the screen (as the model never holds, but the header must
/// not care): drawn in time linear in its length, the cursor's end in view.
#[test]
fn header_draws_a_100k_query_line_quickly() {
    let mut h = Harness::new(demo(), 100, 30);
    h.key("/");
    let text = "abcdé漢".repeat(100_000 / 8);
    let area = Rect::new(0, 0, 100, 1);
    let unit = "abcdé漢".len();
    for cursor in [text.len(), 0, text.len() / 2 / unit * unit] {
        h.model.input.as_mut().unwrap().text = text.clone();
        h.model.input.as_mut().unwrap().cursor = cursor;
        let started = std::time::Instant::now();
        let mut buf = Buffer::empty(area);
        let cur = ui::header::render(&h.model, &h.theme, area, &mut buf).expect("the cursor is shown");
        let took = started.elapsed();
        assert!(took < std::time::Duration::from_millis(500), "drawing the header took {took:?}");
        let line = buffer_text(&buf);
        assert!(cur.x < 100, "{cur:?}");
        if cursor == 0 {
            assert!(line.starts_with(" sitrep │ /abcdé漢abcdé"), "{line}");
            assert_eq!(cur.x, 11);
        } else {
            // the text before the cursor fills the line up to it
            assert!(line.trim_end().chars().count() > 80, "{line}");
        }
    }
}

/// Counts of a thousand and more fit their column: "6000k", "12Kk", "3Mk", never "600…".
#[test]
fn large_counts_fit_the_list() {
    use demo::{Builder, Ev};
    use sitrep::extract::EventKind;
    let mut b = Builder::new();
    let s1 = "Officials said the famine killed 6,000 people in the region.";
    let s2 = "The siege killed 12,500 people, the city council said.";
    let s3 = "The war has killed 3,200,000 people, a study estimates.";
    let a = b.article("Tolls", None, None, Some("2026-02-03"), &[s1, s2, s3]);
    for (s, n, inj) in [(s1, 6000, 1200), (s2, 12_500, 9), (s3, 3_200_000, 45_000)] {
        let ev = Ev {
            kind: Some(EventKind::Strike),
            sentence: s,
            date: Some("2026-02-02"),
            place: &["Kyiv", "Ukraine"],
            killed: Some(n),
            injured: Some(inj),
            ..Ev::default()
        };
        b.event(a, ev);
    }
    let h = harness::Harness::new(b.build(), 120, 40);
    let screen = h.screen();
    for cell in ["6000k", "1200i", "12Kk", "9i", "3Mk", "45Ki"] {
        assert!(screen.contains(cell), "{cell}: {screen}");
    }
    assert!(!screen.contains("600…"), "{screen}");
}

/// A short terminal gives the reader room: at 80x24 the article's source line and four lines
/// of text (it had the title and three), at 60x20 a timeline of five rows (it kept seven) and
/// three lines of text.
#[test]
fn short_terminals_leave_the_reader_room() {
    let mut h = Harness::new(demo(), 80, 24);
    h.key("/");
    h.type_text("druzh");
    h.key("enter");
    let a = sitrep::tui::layout::areas(&h.model);
    assert!(a.text.height >= 4, "{a:?}");
    assert!(a.reader_head.height >= 2, "the source line: {a:?}");
    let screen = h.screen();
    assert!(screen.contains("example-news.com · 2026-02-06"), "{screen}");
    h.resize(60, 20);
    let a = sitrep::tui::layout::areas(&h.model);
    assert!(a.timeline.height <= 5, "{a:?}");
    assert!(a.text.height >= 3, "{a:?}");
}

/// The articles pane: every article by outlet, `●` until the reader has shown it, and Enter
/// lists the selected article's events.
#[test]
fn articles_pane_lists_by_outlet_marks_unread_and_filters() {
    let mut h = Harness::new(demo(), 120, 40);
    let store = h.model.store.clone().unwrap();
    let n = store.articles().len();
    assert_eq!(h.model.articles.order.len(), n);
    // by outlet: labels never go back in the order
    let labels: Vec<String> = h.model.articles.order.iter().map(|&i| store.source_label(i).to_lowercase()).collect();
    assert!(labels.windows(2).all(|w| w[0] <= w[1]), "{labels:?}");
    let a = sitrep::tui::layout::areas(&h.model);
    assert!(a.articles.height > 0 && a.entities.height > 0, "both in the side column: {a:?}");
    let screen = h.screen();
    assert!(screen.contains(&format!("Articles {}● of {n}", n - 1)), "the reader shows one:\n{screen}");
    h.key("5");
    assert_eq!(h.model.focus, sitrep::tui::model::Focus::Articles);
    // an article with events: Enter lists exactly its events
    let row = h.model.articles.order.iter().position(|&i| !store.events_of_article(i).is_empty()).unwrap();
    for _ in 0..row {
        h.key("j");
    }
    let art = h.model.articles.order[row];
    h.key("enter");
    assert_eq!(h.model.focus, sitrep::tui::model::Focus::List);
    let listed: Vec<u32> = (0..h.model.results.len()).map(|i| h.model.results.get(i).unwrap().event).collect();
    let mut want = store.events_of_article(art).to_vec();
    let mut got = listed.clone();
    want.sort_unstable();
    got.sort_unstable();
    assert_eq!(got, want);
    // reading it marks it read
    assert!(h.model.articles.read.contains(&art));
    // at 80x24 the column is short: the pane takes the entities' place while focused
    h.resize(80, 24);
    h.key("5");
    let a = sitrep::tui::layout::areas(&h.model);
    assert!(a.articles.height > 0 && a.entities.height == 0, "{a:?}");
}
