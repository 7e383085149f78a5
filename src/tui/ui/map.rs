//! The map pane, in the reader's place: country outlines (Ukraine brighter), the listed
//! events as markers per cell coloured by kind (a count where several share a cell; `○` for
//! an event placed only at an area: a raion, an oblast, a country; bold where people were
//! killed or injured), the selected event's marker reversed, and a readout of the view: its centre, its width, and the events it
//! cannot show. Draws what [`crate::tui::map::MapState`] worked out; nothing is counted here.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker as Dots;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Line as Segment};

use super::super::keymap::MapDots;
use super::super::layout::inner;
use super::super::map::grid::{Marker, Spot};
use super::super::map::oblast_centres;
use super::super::map::outlines::outlines;
use super::super::model::{Focus, Model};
use super::super::theme::Theme;
use super::text::{fit, put};
use super::{block, title_style};

/// The widest view (in degrees of longitude) that labels the oblasts.
const OBLAST_LABELS_DEGREES: f64 = 12.0;

pub fn render(m: &Model, t: &Theme, area: Rect, buf: &mut Buffer) {
    let Some(map) = &m.map else { return };
    if area.width == 0 || area.height == 0 {
        return;
    }
    let focused = m.focus == Focus::Map;
    let v = map.view;
    let (lon, lat) = v.centre();
    let km = v.width() * 111.32 * lat.to_radians().cos();
    let ns = if lat >= 0.0 { 'N' } else { 'S' };
    let ew = if lon >= 0.0 { 'E' } else { 'W' };
    let title = Line::from(vec![
        Span::styled(" Map ", title_style(t, focused)),
        Span::styled(format!("{:.2}{ns} {:.2}{ew} · {} across ", lat.abs(), lon.abs(), distance(km)), t.dim),
    ]);
    block(t, focused).title(title).render(area, buf);
    let inside = inner(area);
    if inside.width == 0 || inside.height < 2 {
        return;
    }
    let grid = Rect::new(inside.x, inside.y, inside.width, inside.height - 1);
    let cols = grid.width;
    let selected = m.selected_hit().map(|h| h.event);
    let colour = |s: Style| s.fg.unwrap_or(Color::Reset);
    let (home, abroad) = (colour(t.header), colour(t.border));
    let canvas = Canvas::default()
        .x_bounds([v.west, v.east])
        .y_bounds([v.south, v.north])
        .marker(match m.keymap.map_dots {
            MapDots::Braille => Dots::Braille,
            MapDots::HalfBlock => Dots::HalfBlock,
            MapDots::Dot => Dots::Dot,
        })
        .paint(|ctx| {
            for o in outlines() {
                let c = if o.name == "Ukraine" { home } else { abroad };
                for w in o.points.windows(2) {
                    let ((x1, y1), (x2, y2)) = (w[0], w[1]);
                    ctx.draw(&Segment { x1, y1, x2, y2, color: c });
                }
            }
        });
    canvas.render(grid, buf);
    // oblast names at their centres once the view is close enough for them not to crowd
    if v.width() <= OBLAST_LABELS_DEGREES {
        for (name, lon, lat) in oblast_centres() {
            // beside the centre, where a marker of the oblast's own events may stand
            if let Some((c, r)) = v.cell(*lon, *lat, cols, grid.height).filter(|(c, _)| c + 1 < cols) {
                let room = (cols - c - 1) as usize;
                let at = (grid.x + c + 1, grid.y + r);
                buf.set_stringn(at.0, at.1, name, room, t.dim.add_modifier(Modifier::ITALIC));
            }
        }
    }
    // markers in the cells the layer counted them in (the canvas's own rounding could put
    // one a cell off)
    // (a layer counted for another size is not drawn outside this one)
    for mk in map.layer.markers.iter().filter(|mk| mk.col < cols && mk.row < grid.height) {
        // casualties give a marker its weight: bold where people were killed or injured
        let mut style = t.kind(mk.kind);
        if mk.casualties > 0 {
            style = style.add_modifier(Modifier::BOLD);
        }
        if selected.is_some_and(|s| mk.events.contains(&s)) {
            style = style.add_modifier(Modifier::REVERSED);
        }
        let room = (cols - mk.col.min(cols)) as usize;
        buf.set_stringn(grid.x + mk.col, grid.y + mk.row, glyph(mk, t), room, style);
    }
    // the readout: what the view leaves out, never drawn at an invented place
    let l = &map.layer;
    let shown: u32 = l.markers.iter().map(|mk| mk.count).sum();
    let mut parts = vec![format!("{shown} on the map")];
    if l.outside > 0 {
        parts.push(format!("{} outside the view", l.outside));
    }
    if l.unplaced > 0 {
        parts.push(format!("{} without a place", l.unplaced));
    }
    let y = inside.y + inside.height - 1;
    put(buf, inside, y, &Line::styled(fit(&format!(" {}", parts.join(" · ")), inside.width as usize), t.dim));
}

/// A marker's text: its count where several events share the cell, else `●` for a point
/// (the kind's glyph without colours) or `○` for an area.
fn glyph(mk: &Marker, t: &Theme) -> String {
    match (mk.count, mk.spot) {
        (1, Spot::Point) if t.no_color => mk.kind.info().glyph.to_string(),
        (1, Spot::Point) => "●".into(),
        (1, Spot::Area) => "○".into(),
        (n @ 2..=99, _) => n.to_string(),
        _ => "99+".into(),
    }
}

/// `1,200 km`, `35 km`, `800 m`.
fn distance(km: f64) -> String {
    if km >= 10.0 {
        let n = km.round() as u64;
        if n >= 1000 { format!("{},{:03} km", n / 1000, n % 1000) } else { format!("{n} km") }
    } else if km >= 1.0 {
        format!("{km:.1} km")
    } else {
        format!("{} m", (km * 1000.0).round() as u64)
    }
}
