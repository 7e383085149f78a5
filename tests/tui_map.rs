//! The map pane (issue 13) on the seed corpus through the test harness: `m` shows it in the
//! reader's place, the selected event's marker is marked, the keys pan, zoom, fit, pick and
//! filter to the view, any size draws without a panic, and snapshots at 80x24 and 120x40 in
//! colour and without.

#[path = "support/harness.rs"]
mod harness;

use harness::{Harness, buffer_text};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use sitrep::store::Store;
use sitrep::tui::layout;
use sitrep::tui::model::Focus;
use sitrep::tui::ui;

fn seeds() -> Store {
    let articles = sitrep::corpus::load_seeds().articles;
    let ex = sitrep::extract::run(&articles);
    Store::build(articles, ex)
}

/// The cell of the map's grid a point falls in, on screen.
fn cell_of(h: &Harness, lon: f64, lat: f64) -> Option<(u16, u16)> {
    let map = h.model.map.as_ref()?;
    let inside = layout::inner(layout::areas(&h.model).reader);
    let v = map.view();
    if !(v.0..=v.2).contains(&lon) || !(v.1..=v.3).contains(&lat) {
        return None;
    }
    let (cols, rows) = (inside.width, inside.height - 1);
    let x = ((lon - v.0) / (v.2 - v.0) * cols as f64) as u16;
    let y = ((v.3 - lat) / (v.3 - v.1) * rows as f64) as u16;
    Some((inside.x + x.min(cols - 1), inside.y + y.min(rows - 1)))
}

#[test]
fn m_shows_the_map_with_the_selected_event_marked_in_donetsk_oblast() {
    for (w, h_) in [(120, 40), (80, 24)] {
        let mut h = Harness::new(seeds(), w, h_);
        h.key("/");
        h.type_text("druzh");
        h.key("enter");
        h.key("m");
        assert_eq!(h.model.focus, Focus::Map);
        let screen = h.screen();
        assert!(screen.contains(" Map "), "{screen}");
        assert!(screen.contains("on the map"), "{screen}");
        // Druzhkivka: 48.62N 37.53E, in Donetsk Oblast
        let (x, y) = cell_of(&h, 37.5254, 48.62).expect("Druzhkivka is in the opening view");
        let buf = h.render();
        let cell = &buf[(x, y)];
        assert!(cell.modifier.contains(Modifier::REVERSED), "{w}x{h_}: ({x},{y}) {cell:?}\n{screen}");
        assert_ne!(cell.symbol(), " ");
    }
}

#[test]
fn keys_pan_zoom_fit_pick_and_filter_to_the_view() {
    let mut h = Harness::new(seeds(), 120, 40);
    h.key("m");
    let v0 = h.model.map.as_ref().unwrap().view();
    h.key("+");
    let v1 = h.model.map.as_ref().unwrap().view();
    assert!(((v1.2 - v1.0) - (v0.2 - v0.0) / 2.0).abs() < 1e-9, "zoomed in twice as close");
    // close enough, the oblasts are named at their centres (not from afar)
    let map_text = |h: &Harness| {
        let area = layout::areas(&h.model).reader;
        let mut buf = Buffer::empty(area);
        ui::map::render(&h.model, &h.theme, area, &mut buf);
        buffer_text(&buf)
    };
    assert!(map_text(&h).contains("Cherkasy"), "{}", map_text(&h));
    h.key("-");
    assert!(!map_text(&h).contains("Cherkasy"), "{}", map_text(&h));
    h.key("+");
    h.key("-");
    h.key("h");
    let v2 = h.model.map.as_ref().unwrap().view();
    assert!(v2.0 < v0.0, "panned west");
    h.key("F");
    let fit = h.model.map.as_ref().unwrap().view();
    assert!(fit.2 - fit.0 > 0.0);
    // Enter picks the events nearest the centre: the list's selection moves to one of them
    h.key("enter");
    assert!(h.screen().contains("picked the event nearest the centre"), "{}", h.screen());
    // b: the list keeps what the view holds, as a bbox: chip
    h.key("b");
    assert!(h.model.query_text.starts_with("bbox:"), "{}", h.model.query_text);
    let n = h.model.results.len();
    h.key("b");
    assert_eq!(h.model.query_text.matches("bbox:").count(), 1, "one box replaces the other");
    assert_eq!(h.model.results.len(), n);
    // Esc goes to the list, m gives the reader its place back
    h.key("esc");
    assert_eq!(h.model.focus, Focus::List);
    h.key("m");
    assert!(h.model.map.is_none());
    assert!(!h.screen().contains(" Map "));
    // Enter on a row with the map shown: the reader is wanted, the map gives way
    h.key("m");
    h.key("2");
    h.key("enter");
    assert!(h.model.map.is_none());
    assert_eq!(h.model.focus, Focus::Reader);
}

#[test]
fn the_map_draws_at_any_size() {
    let mut h = Harness::new(seeds(), 120, 40);
    h.key("m");
    for (w, hh) in [(0, 0), (1, 1), (2, 2), (3, 3), (10, 3), (30, 8), (200, 60)] {
        let area = Rect::new(0, 0, w, hh);
        let mut buf = Buffer::empty(area);
        ui::map::render(&h.model, &h.theme, area, &mut buf);
    }
    // and the whole screen at a narrow and a short size
    for (w, hh) in [(60, 20), (61, 21), (119, 30)] {
        h.resize(w, hh);
        let _ = h.screen();
    }
}

#[test]
fn snapshots_in_colour_and_without() {
    for (w, hh) in [(80, 24), (120, 40)] {
        for no_color in [false, true] {
            let mut h = Harness::new(seeds(), w, hh);
            if no_color {
                h.theme = h.theme.clone().without_color();
            }
            h.key("/");
            h.type_text("druzh");
            h.key("enter");
            h.key("m");
            let area = layout::areas(&h.model).reader;
            let mut buf = Buffer::empty(area);
            ui::map::render(&h.model, &h.theme, area, &mut buf);
            let name = format!("map_{w}x{hh}{}", if no_color { "_no_color" } else { "" });
            insta::assert_snapshot!(name, buffer_text(&buf));
        }
    }
}

#[test]
fn the_map_command_toggles_it_too() {
    let mut h = Harness::new(seeds(), 120, 40);
    h.key(":");
    h.type_text("map");
    h.key("enter");
    assert!(h.model.map.is_some() && h.model.focus == Focus::Map);
    h.key(":");
    h.type_text("map");
    h.key("enter");
    assert!(h.model.map.is_none());
}

#[test]
fn the_map_draws_with_half_blocks_or_dots_where_braille_is_missing() {
    for (dots, want) in [("halfblock", ['▀', '▄', '█']), ("dot", ['•', '•', '•'])] {
        let mut k = sitrep::tui::keymap::Keymap::defaults();
        let problems = k.apply(&format!("[options]\nmap_dots = \"{dots}\"\n"), "keymap.toml");
        assert!(problems.is_empty(), "{problems:?}");
        let mut h = Harness::new(seeds(), 120, 40).with_keymap(k);
        h.key("m");
        let area = layout::areas(&h.model).reader;
        let mut buf = Buffer::empty(area);
        ui::map::render(&h.model, &h.theme, area, &mut buf);
        let text = buffer_text(&buf);
        assert!(want.iter().any(|c| text.contains(*c)), "{dots}:\n{text}");
        assert!(!text.chars().any(|c| ('\u{2801}'..='\u{28ff}').contains(&c)), "{dots}: no Braille\n{text}");
    }
    let mut k = sitrep::tui::keymap::Keymap::defaults();
    let p = k.apply("[options]\nmap_dots = \"lasers\"\n", "keymap.toml");
    assert!(p.iter().any(|p| p.message.contains("map_dots must be")), "{p:?}");
}

#[test]
fn space_puts_the_map_over_the_whole_window_while_it_has_the_focus() {
    let mut h = Harness::new(seeds(), 120, 40);
    h.key("m");
    let before = layout::areas(&h.model).reader;
    h.key("space");
    let a = layout::areas(&h.model);
    assert_eq!(a.list.width, 0, "the list gives way");
    assert_eq!((a.reader.width, a.entities.width), (120, 0));
    assert!(a.reader.width > before.width);
    assert!(h.screen().contains(" Map "));
    h.key("space");
    assert_eq!(layout::areas(&h.model).reader, before);
    // full again, then Esc: the list has the focus, and its place back
    h.key("space");
    h.key("esc");
    assert_eq!(h.model.focus, Focus::List);
    assert!(layout::areas(&h.model).list.width > 0);
    assert!(!h.model.map.as_ref().unwrap().full);
}
