//! Where each pane goes for a terminal size. Shared by `view` (to draw) and `update` (to scroll
//! and wrap for the right height and width, and to hit-test mouse clicks).

use ratatui::layout::Rect;

use super::model::{Focus, Model};

pub const MIN_W: u16 = 60;
pub const MIN_H: u16 = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub too_small: bool,
    pub side_by_side: bool,
    /// The query line at the top.
    pub header: Rect,
    pub timeline: Rect,
    /// The list block, the entity card inside it, and its rows.
    pub list: Rect,
    pub card: Rect,
    pub rows: Rect,
    /// The reader block, its header lines and its text (including a 2-column gutter).
    pub reader: Rect,
    pub reader_head: Rect,
    pub text: Rect,
    /// The entity side list block (empty when the reader is too narrow) and its rows.
    pub entities: Rect,
    pub entity_rows: Rect,
    /// The articles pane below the entities (in their place when the column is short and it
    /// has the focus; empty when the reader is too narrow) and its rows.
    pub articles: Rect,
    pub article_rows: Rect,
    pub status: Rect,
}

/// The inside of a bordered block.
pub fn inner(r: Rect) -> Rect {
    if r.width < 2 || r.height < 2 {
        return Rect::new(r.x, r.y, 0, 0);
    }
    Rect::new(r.x + 1, r.y + 1, r.width - 2, r.height - 2)
}

/// Rows the entity card takes in the list.
pub fn card_height(m: &Model, list_inner_h: u16) -> u16 {
    let Some(card) = &m.card else {
        return 0;
    };
    let n = card.articles.len() as u16;
    let want = 1 + n.min(3);
    // keep at least three rows for events
    want.min(list_inner_h.saturating_sub(3))
}

/// The areas for the model's terminal size.
pub fn areas(m: &Model) -> Areas {
    areas_in(m, Rect::new(0, 0, m.size.0, m.size.1))
}

/// The areas inside `full`.
pub fn areas_in(m: &Model, full: Rect) -> Areas {
    let (w, h) = (full.width, full.height);
    if w < MIN_W || h < MIN_H {
        return Areas { too_small: true, header: full, ..Areas::default() };
    }
    let (x0, y0) = (full.x, full.y);
    let header = Rect::new(x0, y0, w, 1);
    let status = Rect::new(x0, y0 + h - 1, w, 1);
    // the timeline gives up rows first in a short terminal (bars can be one row high)
    let tl_h = match h {
        36.. => 11,
        28.. => 9,
        24.. => 6,
        _ => 5,
    };
    let timeline = Rect::new(x0, y0 + 1, w, tl_h);
    let body = Rect::new(x0, y0 + 1 + tl_h, w, h - 2 - tl_h);
    let side_by_side = w >= 110;
    let map_full = m.map.as_ref().is_some_and(|map| map.full);
    let (list, reader_all) = if map_full {
        (Rect::new(x0, body.y, 0, 0), body)
    } else if side_by_side {
        let lw = w / 2;
        (Rect::new(x0, body.y, lw, body.height), Rect::new(x0 + lw, body.y, w - lw, body.height))
    } else {
        let pct = match m.focus {
            Focus::Reader | Focus::Entities | Focus::Articles | Focus::Map => 40,
            Focus::Timeline => 50,
            Focus::List => 55,
        };
        let lh = (body.height as u32 * pct / 100) as u16;
        (Rect::new(x0, body.y, w, lh), Rect::new(x0, body.y + lh, w, body.height - lh))
    };
    let (card, rows) = list_split(m, inner(list));

    let (reader, side) = if reader_all.width >= 60 && !map_full {
        let ew = (reader_all.width / 3).clamp(18, 28);
        (
            Rect::new(reader_all.x, reader_all.y, reader_all.width - ew, reader_all.height),
            Rect::new(reader_all.x + reader_all.width - ew, reader_all.y, ew, reader_all.height),
        )
    } else {
        (reader_all, Rect::default())
    };
    // entities above articles when the column is tall enough for both, else the one in use
    let (entities, articles) = if side.height >= 14 {
        let eh = side.height / 2;
        (Rect::new(side.x, side.y, side.width, eh), Rect::new(side.x, side.y + eh, side.width, side.height - eh))
    } else if m.focus == Focus::Articles {
        (Rect::default(), side)
    } else {
        (side, Rect::default())
    };
    let (reader_head, text) = reader_split(inner(reader));
    let entity_rows = inner(entities);
    let article_rows = inner(articles);
    Areas {
        too_small: false,
        side_by_side,
        header,
        timeline,
        list,
        card,
        rows,
        reader,
        reader_head,
        text,
        entities,
        entity_rows,
        articles,
        article_rows,
        status,
    }
}

/// The list's inside: the entity card on top, then the rows.
pub fn list_split(m: &Model, li: Rect) -> (Rect, Rect) {
    let ch = card_height(m, li.height);
    (Rect::new(li.x, li.y, li.width, ch), Rect::new(li.x, li.y + ch, li.width, li.height - ch))
}

/// The reader's inside: header lines (title, source line, rule), then the text.
pub fn reader_split(ri: Rect) -> (Rect, Rect) {
    // title, source line, rule; in a short pane the title and the source line (where the
    // article is from is worth more than a fourth line of text), in a tiny one the title
    let head_h = match ri.height {
        8.. => 3,
        5.. => 2,
        h => 1.min(h),
    };
    (Rect::new(ri.x, ri.y, ri.width, head_h), Rect::new(ri.x, ri.y + head_h, ri.width, ri.height - head_h))
}

/// The reader's text width without the gutter.
pub fn text_width(a: &Areas) -> usize {
    a.text.width.saturating_sub(GUTTER) as usize
}

/// Columns left of the reader text for the event-sentence mark.
pub const GUTTER: u16 = 2;

/// The centred popup for help.
pub fn popup(area: Rect, w_pct: u16, h_pct: u16) -> Rect {
    let w = (area.width as u32 * w_pct as u32 / 100) as u16;
    let h = (area.height as u32 * h_pct as u32 / 100) as u16;
    Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h)
}

/// Where the timeline draws: bar columns, the casualty-mark row, the axis row, and the two
/// slots for imprecise and undated events at the right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TimelineGeom {
    /// The bars' area (columns for buckets, rows for bar height).
    pub bars: Rect,
    pub marks_y: u16,
    pub axis_y: u16,
    /// Columns per bucket.
    pub col_w: u16,
    /// Buckets that fit.
    pub visible: usize,
    /// The imprecise and undated slots (each `SLOT_W` wide, whole inner height).
    pub imprecise: Rect,
    pub undated: Rect,
}

pub const SLOT_W: u16 = 6;

pub fn timeline_geom(block: Rect, buckets: usize) -> TimelineGeom {
    let i = inner(block);
    if i.width < 2 * SLOT_W + 4 || i.height < 3 {
        return TimelineGeom::default();
    }
    let bars_w = i.width - 2 * SLOT_W - 1;
    let bar_h = i.height - 2;
    let col_w = (bars_w as usize).checked_div(buckets).map_or(1, |w| w.clamp(1, 8) as u16);
    TimelineGeom {
        bars: Rect::new(i.x, i.y, bars_w, bar_h),
        marks_y: i.y + bar_h,
        axis_y: i.y + bar_h + 1,
        col_w,
        visible: (bars_w / col_w) as usize,
        imprecise: Rect::new(i.x + bars_w + 1, i.y, SLOT_W, i.height),
        undated: Rect::new(i.x + bars_w + 1 + SLOT_W, i.y, SLOT_W, i.height),
    }
}

/// The first row to draw so that row `sel` shows in a window of `h` rows starting near `offset`.
pub fn keep_visible(offset: usize, sel: usize, h: usize) -> usize {
    let h = h.max(1);
    if sel < offset {
        sel
    } else if sel >= offset + h {
        sel + 1 - h
    } else {
        offset
    }
}
