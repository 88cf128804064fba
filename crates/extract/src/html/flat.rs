//! The DOM flattened into a list of open/text/close events over a compact element table,
//! built in one iterative walk (no recursion, so 100 000 nested `<div>`s are fine). Later
//! passes are linear scans of this list.

use super::layout::{self, Marks};
use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// One element of the page (skipped subtrees are left out).
#[derive(Debug, Clone)]
pub struct Element<'a> {
    pub name: &'a str,
    /// Index of the parent element; `usize::MAX` for the top.
    pub parent: usize,
    pub marks: Marks,
    /// Event indices of this element's open and close events.
    pub open: usize,
    pub close: usize,
}

#[derive(Debug, Clone, Copy)]
pub enum Event<'a> {
    Open(usize),
    Text(&'a str),
    Close(usize),
}

#[derive(Debug, Default)]
pub struct Flat<'a> {
    pub elements: Vec<Element<'a>>,
    pub events: Vec<Event<'a>>,
}

/// Flattens the `<body>` (or the whole document when there is none).
pub fn flatten(doc: &Html) -> Flat<'_> {
    let mut flat = Flat::default();
    let mut stack: Vec<usize> = Vec::new();
    // Depth inside a skipped subtree (0 = reading).
    let mut skipping = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    if skipping > 0 {
                        skipping += 1;
                        continue;
                    }
                    let marks = layout::marks(el);
                    if marks.skip {
                        skipping = 1;
                        continue;
                    }
                    let idx = flat.elements.len();
                    flat.elements.push(Element {
                        name: el.name(),
                        parent: stack.last().copied().unwrap_or(usize::MAX),
                        marks,
                        open: flat.events.len(),
                        close: usize::MAX,
                    });
                    flat.events.push(Event::Open(idx));
                    stack.push(idx);
                }
                Node::Text(t) if skipping == 0 && !stack.is_empty() => flat.events.push(Event::Text(t)),
                _ => {}
            },
            Edge::Close(node) => {
                if node.value().is_element() {
                    if skipping > 0 {
                        skipping -= 1;
                        continue;
                    }
                    if let Some(idx) = stack.pop() {
                        if let Some(e) = flat.elements.get_mut(idx) {
                            e.close = flat.events.len();
                        }
                        flat.events.push(Event::Close(idx));
                    }
                }
            }
        }
    }
    flat
}
