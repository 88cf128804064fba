//! Main-text selection: which part of the page is the article, and its paragraphs in
//! reading order.
//!
//! Prose is text inside paragraph-like elements (`p`, `li`, `blockquote`, `pre`, `dd`) or
//! long direct text runs, outside links. Furniture (navigation, share bars, related links,
//! comments, hidden copies: see [`super::layout`]) is removed unless it wraps the article.
//! Each element scores the prose of the paragraphs it directly holds (half for grandchildren);
//! the best one, with siblings that also hold paragraphs (a body split around an ad), is the
//! article. Elements the page marks as its body (`itemprop=articleBody`, `.article-body`) win
//! instead when they hold at least half that prose; the deepest element with 70% of all prose
//! is the last resort. Its blocks become paragraphs (headings, list items, quotes kept); link
//! lists are dropped. Every pass is a linear scan of the flattened page: no recursion.

use super::flat::{Element, Event, Flat};
use super::tags;
use crate::text::whitespace::normalize_line;

/// Share of the page's prose the chosen container must hold.
const CONTAINER_SHARE: f64 = 0.7;
/// Furniture holding at least this share of all prose is a wrapper, not furniture.
const WRAPPER_SHARE: f64 = 0.6;
/// A text run this long counts as prose even outside a paragraph element.
const LONG_RUN: usize = 40;
/// Paragraphs whose text is mostly link text are navigation.
const MAX_LINK_DENSITY: f64 = 0.5;
/// A sibling of the best element joins it with at least this much paragraph text.
const SIBLING_MIN: usize = 80;

fn is_paragraph(e: &Element) -> bool {
    e.flags & tags::PARAGRAPH != 0
}

fn is_link(e: &Element) -> bool {
    e.flags & tags::LINK != 0
}

/// `t.trim().len()`, with ASCII whitespace (nearly all of it) trimmed byte-wise first.
fn trimmed_len(t: &str) -> usize {
    let a = t.trim_ascii();
    match (a.as_bytes().first(), a.as_bytes().last()) {
        (Some(&f), Some(&l)) if f >= 0x80 || l >= 0x80 => a.trim().len(),
        _ => a.len(),
    }
}

/// Prose length of every element, and its paragraph score: the prose of paragraphs that are
/// its children (plus half of its grandchildren's), so the element that directly holds the
/// article's paragraphs scores highest, not the page wrapper and not a list of teaser cards.
/// Furniture subtrees count zero when `honour` says so.
fn prose(flat: &Flat, honour: &[bool]) -> (Vec<usize>, Vec<usize>) {
    let n = flat.elements.len();
    let mut prose = vec![0usize; n];
    let mut score = vec![0usize; n];
    let mut stack: Vec<usize> = Vec::new();
    let (mut in_para, mut in_link, mut in_furniture) = (0usize, 0usize, 0usize);
    let parent = |i: usize| flat.elements.get(i).map_or(usize::MAX, |e| e.parent);
    let credit = |score: &mut Vec<usize>, i: usize, amount: usize| {
        let p = parent(i);
        if p != usize::MAX {
            score[p] += amount;
            let g = parent(p);
            if g != usize::MAX {
                score[g] += amount / 2;
            }
        }
    };
    for ev in &flat.events {
        match *ev {
            Event::Open(i) => {
                stack.push(i);
                let e = &flat.elements[i];
                in_para += usize::from(is_paragraph(e));
                in_link += usize::from(is_link(e));
                in_furniture += usize::from(honour[i]);
            }
            Event::Text(s, e) => {
                let len = trimmed_len(flat.text_of(s, e));
                if in_furniture == 0 && in_link == 0 && (in_para > 0 || len >= LONG_RUN) {
                    if let Some(&top) = stack.last() {
                        prose[top] += len;
                        if in_para == 0 {
                            score[top] += len;
                            let p = parent(top);
                            if p != usize::MAX {
                                score[p] += len / 2;
                            }
                        }
                    }
                }
            }
            Event::Close(i) => {
                stack.pop();
                let e = &flat.elements[i];
                if is_paragraph(e) && in_para == 1 && in_furniture == 0 {
                    credit(&mut score, i, prose[i]);
                }
                in_para -= usize::from(is_paragraph(e));
                in_link -= usize::from(is_link(e));
                in_furniture -= usize::from(honour[i]);
                let p = flat.elements[i].parent;
                if p != usize::MAX {
                    prose[p] += prose[i];
                }
            }
        }
    }
    (prose, score)
}

fn total(flat: &Flat, prose: &[usize]) -> usize {
    flat.elements.iter().zip(prose).filter(|(e, _)| e.parent == usize::MAX).map(|(_, p)| p).sum()
}

/// Which furniture to remove: all of it except wrappers of the article.
fn honoured_furniture(flat: &Flat) -> Vec<bool> {
    let n = flat.elements.len();
    // Ancestors of <article>, <main> and body-marked elements are never furniture.
    let mut protect = vec![false; n];
    for (i, e) in flat.elements.iter().enumerate() {
        if e.marks.body || matches!(e.name, "article" | "main" | "body" | "html") {
            let mut j = i;
            while j != usize::MAX && !protect[j] {
                protect[j] = true;
                j = flat.elements[j].parent;
            }
        }
    }
    let (prose0, _) = prose(flat, &vec![false; n]);
    let all = total(flat, &prose0) as f64;
    flat.elements
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let furniture = (e.marks.furniture_tag || e.marks.furniture_attr) && !protect[i];
            (furniture || e.marks.hidden) && (prose0[i] as f64) < WRAPPER_SHARE * all
        })
        .collect()
}

/// Body-marked parts of one story share an ancestor this few levels up (`.article__body`
/// chunks each in their own grid cell).
const MARKED_KINSHIP: usize = 3;

/// Up to `levels` ancestors of element `i`, nearest first.
fn ancestors(flat: &Flat, i: usize, levels: usize) -> Vec<usize> {
    let mut out = Vec::with_capacity(levels);
    let mut j = flat.elements.get(i).map_or(usize::MAX, |e| e.parent);
    while j != usize::MAX && out.len() < levels {
        out.push(j);
        j = flat.elements[j].parent;
    }
    out
}

/// The event ranges that hold the article.
fn containers(flat: &Flat, honour: &[bool], prose: &[usize], score: &[usize]) -> Vec<(usize, usize)> {
    let range = |i: usize| (flat.elements[i].open, flat.elements[i].close);
    let all = total(flat, prose) as f64;
    if all == 0.0 {
        return flat
            .elements
            .iter()
            .enumerate()
            .filter(|(_, e)| e.parent == usize::MAX)
            .map(|(i, _)| range(i))
            .collect();
    }
    // The element holding the most paragraphs, with the siblings that hold paragraphs too
    // (a body split in parts around an ad or a photo).
    let mut selected = Vec::new();
    let best = (0..flat.elements.len()).max_by_key(|&i| (score[i], std::cmp::Reverse(i)));
    if let Some(best) = best.filter(|&b| score[b] > 0) {
        let parent = flat.elements[best].parent;
        let threshold = (score[best] / 5).max(SIBLING_MIN);
        for (i, e) in flat.elements.iter().enumerate() {
            if e.parent != parent || honour[i] {
                continue;
            }
            let paragraph_sibling = is_paragraph(e) && prose[i] >= SIBLING_MIN;
            if i == best || score[i] >= threshold || paragraph_sibling {
                selected.push(i);
            }
        }
    }
    let selected_prose: usize = selected.iter().map(|&i| prose[i]).sum();

    // Outermost body-marked elements outside furniture.
    let mut marked = Vec::new();
    let mut inside_until = 0usize;
    let mut furniture_until = 0usize;
    for (i, e) in flat.elements.iter().enumerate() {
        if e.open < furniture_until {
            continue;
        }
        if honour[i] {
            furniture_until = e.close;
            continue;
        }
        if e.open < inside_until {
            continue;
        }
        if e.marks.body && prose[i] > 0 {
            marked.push(i);
            inside_until = e.close;
        }
    }
    // Several marked elements: the richest, and its kin (a body split by ads or grid cells);
    // copies elsewhere on the page (hidden duplicates, teasers) are left out.
    if let Some(&best) = marked.iter().max_by_key(|&&i| prose[i]) {
        let near = ancestors(flat, best, MARKED_KINSHIP);
        marked.retain(|&i| ancestors(flat, i, MARKED_KINSHIP).iter().any(|a| near.contains(a)));
    }
    let marked_prose: usize = marked.iter().map(|&i| prose[i]).sum();
    if !marked.is_empty() && marked_prose as f64 >= 0.5 * selected_prose as f64 {
        return marked.into_iter().map(range).collect();
    }
    if !selected.is_empty() {
        return selected.into_iter().map(range).collect();
    }
    let dense = (0..flat.elements.len()).rev().find(|&i| prose[i] as f64 >= CONTAINER_SHARE * all);
    dense.map(|d| vec![range(d)]).unwrap_or_default()
}

/// The article's paragraphs in reading order.
pub fn paragraphs(flat: &Flat) -> Vec<String> {
    let honour = honoured_furniture(flat);
    let (prose, score) = prose(flat, &honour);
    let mut out = Vec::new();
    for (start, end) in containers(flat, &honour, &prose, &score) {
        emit(flat, &honour, start, end, &mut out);
    }
    out
}

struct Pending {
    text: String,
    link_bytes: usize,
}

fn flush(p: &mut Pending, out: &mut Vec<String>) {
    let line = normalize_line(&p.text);
    let linked = p.link_bytes as f64 / p.text.trim().len().max(1) as f64;
    if !line.is_empty() && linked <= MAX_LINK_DENSITY {
        out.push(line);
    }
    p.text.clear();
    p.link_bytes = 0;
}

fn emit(flat: &Flat, honour: &[bool], start: usize, end: usize, out: &mut Vec<String>) {
    let mut p = Pending { text: String::new(), link_bytes: 0 };
    let (mut in_link, mut in_furniture) = (0usize, 0usize);
    for ev in flat.events.get(start..=end.min(flat.events.len().saturating_sub(1))).unwrap_or(&[]) {
        match *ev {
            Event::Open(i) | Event::Close(i) => {
                let opening = matches!(ev, Event::Open(_));
                let e = &flat.elements[i];
                if honour[i] {
                    if opening {
                        in_furniture += 1;
                    } else {
                        in_furniture -= 1;
                    }
                    continue;
                }
                if is_link(e) {
                    if opening {
                        in_link += 1;
                    } else {
                        in_link -= 1;
                    }
                }
                if in_furniture > 0 {
                    continue;
                }
                if e.flags & tags::BLOCK != 0 {
                    flush(&mut p, out);
                } else if e.flags & tags::CELL != 0 {
                    p.text.push(' ');
                }
            }
            Event::Text(s, e) => {
                if in_furniture > 0 {
                    continue;
                }
                let t = flat.text_of(s, e);
                p.text.push_str(t);
                if in_link > 0 {
                    p.link_bytes += t.trim().len();
                }
            }
        }
    }
    flush(&mut p, out);
}
