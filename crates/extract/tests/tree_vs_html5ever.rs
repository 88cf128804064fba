//! Differential test of tree construction, at the level extraction needs: the text of the
//! page outside skipped subtrees (`script`, `head`, `svg`... per `html::tags`), in document
//! order, from our flat builder (`html::flat`) and from html5ever's tree builder (a full
//! WHATWG tree into the small arena DOM below), whitespace runs collapsed.
//!
//! `flat` does the part of tree construction that decides which text belongs where, without
//! a DOM. What it does not do is listed in [`known_differences`], each case one line: foster
//! parenting (text inside a table but outside cells is moved before the table), the
//! adoption agency moving text out of open foreign content (`<b><ol><svg></b>a`), `</form>`
//! (which we let close what it encloses), and the tree builder closing or ignoring elements
//! whose subtree we skip anyway (`<select><select>`, `<frameset>`). On the article-extraction corpus
//! the text must be the same, and on generated misnested markup without those constructs.

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{parse_document, Attribute, ParseOpts, QualName};
use newsdesk_extract::html::{flat, tags};
use proptest::prelude::*;
use std::borrow::Cow;
use std::cell::{Ref, RefCell};

mod malformed;
mod pages;

#[derive(Default)]
struct Node {
    /// `None` for the document, text, comments and template contents.
    name: Option<QualName>,
    text: String,
    parent: Option<usize>,
    children: Vec<usize>,
    template_contents: Option<usize>,
}

/// An arena DOM for html5ever's tree builder; node 0 is the document.
struct Dom {
    nodes: RefCell<Vec<Node>>,
}

impl Dom {
    fn new_node(&self, node: Node) -> usize {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(node);
        nodes.len() - 1
    }

    fn detach(&self, child: usize) {
        let mut nodes = self.nodes.borrow_mut();
        if let Some(parent) = nodes[child].parent.take() {
            nodes[parent].children.retain(|&c| c != child);
        }
    }

    /// Inserts `child` into `parent` at `index` (text merges with a text neighbour before).
    fn insert(&self, parent: usize, index: usize, child: NodeOrText<usize>) {
        let index = index.min(self.nodes.borrow()[parent].children.len());
        let node = match child {
            NodeOrText::AppendText(text) => {
                let mut nodes = self.nodes.borrow_mut();
                let before = index.checked_sub(1).map(|i| nodes[parent].children[i]);
                if let Some(prev) =
                    before.filter(|&p| nodes[p].name.is_none() && nodes[p].children.is_empty())
                {
                    nodes[prev].text.push_str(&text);
                    return;
                }
                drop(nodes);
                self.new_node(Node { text: text.to_string(), ..Node::default() })
            }
            NodeOrText::AppendNode(node) => {
                self.detach(node);
                node
            }
        };
        let mut nodes = self.nodes.borrow_mut();
        let index = index.min(nodes[parent].children.len());
        nodes[parent].children.insert(index, node);
        nodes[node].parent = Some(parent);
    }

    /// The text outside skipped subtrees, in document order.
    fn text(&self, node: usize, out: &mut String) {
        let nodes = self.nodes.borrow();
        let n = &nodes[node];
        if let Some(name) = &n.name {
            if tags::lookup(&name.local).is(tags::SKIP) {
                return;
            }
        }
        out.push_str(&n.text);
        for &c in &n.children {
            self.text(c, out);
        }
    }
}

impl TreeSink for Dom {
    type Handle = usize;
    type Output = Self;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Self {
        self
    }
    fn parse_error(&self, _msg: Cow<'static, str>) {}
    fn get_document(&self) -> usize {
        0
    }
    fn elem_name<'a>(&'a self, target: &'a usize) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |nodes| nodes[*target].name.as_ref().expect("an element"))
    }
    fn create_element(&self, name: QualName, _: Vec<Attribute>, _: ElementFlags) -> usize {
        self.new_node(Node { name: Some(name), ..Node::default() })
    }
    fn create_comment(&self, _text: StrTendril) -> usize {
        // A node with no name and no text contributes nothing.
        self.new_node(Node::default())
    }
    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> usize {
        self.create_comment(StrTendril::new())
    }
    fn append(&self, parent: &usize, child: NodeOrText<usize>) {
        self.insert(*parent, usize::MAX, child);
    }
    fn append_based_on_parent_node(&self, element: &usize, prev_element: &usize, child: NodeOrText<usize>) {
        if self.nodes.borrow()[*element].parent.is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }
    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}
    fn get_template_contents(&self, target: &usize) -> usize {
        if let Some(contents) = self.nodes.borrow()[*target].template_contents {
            return contents;
        }
        let contents = self.new_node(Node::default());
        self.nodes.borrow_mut()[*target].template_contents = Some(contents);
        contents
    }
    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }
    fn set_quirks_mode(&self, _mode: QuirksMode) {}
    fn append_before_sibling(&self, sibling: &usize, child: NodeOrText<usize>) {
        if let NodeOrText::AppendNode(node) = &child {
            self.detach(*node);
        }
        let (parent, index) = {
            let nodes = self.nodes.borrow();
            let Some(parent) = nodes[*sibling].parent else { return };
            let index = nodes[parent].children.iter().position(|c| c == sibling).unwrap_or(0);
            (parent, index)
        };
        self.insert(parent, index, child);
    }
    fn add_attrs_if_missing(&self, _target: &usize, _attrs: Vec<Attribute>) {}
    fn remove_from_parent(&self, target: &usize) {
        self.detach(*target);
    }
    fn reparent_children(&self, node: &usize, new_parent: &usize) {
        let children = std::mem::take(&mut self.nodes.borrow_mut()[*node].children);
        let mut nodes = self.nodes.borrow_mut();
        for &c in &children {
            nodes[c].parent = Some(*new_parent);
        }
        nodes[*new_parent].children.extend(children);
    }
}

fn collapse(s: &str) -> String {
    s.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// The page's text from our flat builder and from html5ever's tree.
fn texts(html: &str) -> (String, String) {
    let ours = collapse(&flat::flatten(html).text);
    let dom = parse_document(Dom { nodes: RefCell::new(vec![Node::default()]) }, ParseOpts::default())
        .one(StrTendril::from_slice(html));
    let mut theirs = String::new();
    dom.text(0, &mut theirs);
    (ours, collapse(&theirs))
}

/// Where two texts first differ, with some context.
fn difference(ours: &str, theirs: &str) -> String {
    let (a, b): (Vec<char>, Vec<char>) = (ours.chars().collect(), theirs.chars().collect());
    let i = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let around = |v: &[char]| v[i.saturating_sub(40)..(i + 60).min(v.len())].iter().collect::<String>();
    format!("char {i}: ours {:?} vs html5ever {:?}", around(&a), around(&b))
}

/// `html` gives the same text (`same`) or a different one, as listed.
fn check(html: &str, same: bool) {
    let (ours, theirs) = texts(html);
    assert_eq!(ours == theirs, same, "{html:?}: ours {ours:?}, html5ever {theirs:?}");
}

#[test]
fn known_differences() {
    check("<p>one<b>two<p>three</b>four", true);
    check("<ul><li>a<li>b</ul><dl><dt>c<dd>d</dl>", true);
    check("<table><tr><td>a<td>b</table>after", true);
    check("x</p>y<br>z</br>", true);
    check("<title>t</title><p>a<script>s</script>b<svg><text>v</text></svg>c", true);
    check("<a href=x>one<div>two</a>three</div>", true);
    check("<svg><p>breakout</p></svg>tail", true);
    check("<div>a<svg><g>icon</div>b", true);
    check("<svg><foreignObject><p>in</p></foreignObject><desc>d<b>x</b></desc></svg>out", true);
    check("<math><mi>x<b>y</b></mi><mtext>z<p>w</math>", true);
    // Foster parenting: stray text in a table moves before it.
    check("<table><tr><td>x</td></tr>abc</table>", false);
    // The adoption agency (not modelled) moving text out of open foreign content.
    check("<b><ol><svg></b>a", false);
    // `</form>` closes what it encloses; the standard only takes the form off the stack.
    check("<form><svg></form>a", false);
    // Skipped elements the tree builder closes or ignores.
    check("<select><select>a", false);
    check("<frameset>a", false);
}

/// The article-extraction corpus, each page whole and cut at six fixed fractions of its length.
#[test]
fn extraction_corpus() {
    let paths = pages::extraction_corpus();
    let (mut same, mut inputs) = (0, 0);
    for path in &paths {
        let Some(html) = pages::read(path) else { continue };
        for k in 0..7 {
            let mut at = html.len() - html.len() * k / 7;
            while !html.is_char_boundary(at) {
                at -= 1;
            }
            inputs += 1;
            let (ours, theirs) = texts(&html[..at]);
            if ours == theirs {
                same += 1;
            } else {
                eprintln!("{} (first {at} bytes): {}", path.display(), difference(&ours, &theirs));
            }
        }
    }
    eprintln!("extraction corpus: {same}/{inputs} pages and prefixes with the same text as html5ever's tree");
    assert_eq!(same, inputs);
}

/// Pieces of misnested markup: blocks, formatting elements (adoption agency), lists,
/// headings, implied `html`/`head`/`body`, void elements, foreign content (`svg`, `math`,
/// integration points, breaking out), words. Tables and skipped elements are left out (see
/// [`known_differences`]).
fn piece() -> impl Strategy<Value = String> {
    #[rustfmt::skip]
    let fixed = prop::sample::select(vec![
        "<p>", "</p>", "<div>", "</div>", "<b>", "</b>", "<i>", "</i>", "<a href=x>", "</a>", "<li>", "</li>",
        "<ul>", "</ul>", "<ol>", "<h1>", "</h1>", "<h2>", "</h2>", "<span>", "</span>", "<br>", "</br>",
        "<math>", "</math>", "<form>", "<dl>", "<dt>", "<dd>", "<pre>", "</pre>", "<em>", "</em>",
        "<strong>", "</strong>", "<font>", "</font>", "<nobr>", "<center>", "<blockquote>", "</blockquote>",
        "<section>", "</section>", "<html>", "</html>", "<body>", "</body>", "<head>", "</head>",
        "<meta charset=x>", "<hr>", "<img>", "<image>", "<label>", "<figure>", "<figcaption>", "<main>",
        "<article>", "<header>", "<footer>", "<aside>", "<nav>", "<ruby>", "<rt>", "<rp>", "<marquee>",
        "</marquee>", "<title>t</title>", "<script>s</script>", "<!-- c -->", "<svg>", "</svg>", "<svg/>",
        "<g>", "</g>", "<path/>", "<foreignObject>", "</foreignObject>", "<desc>", "<mi>", "</mi>", "<mrow>",
        "<mtext>", "<font color=red>", "<font>", "<![CDATA[x]]>",
    ]);
    prop_oneof![3 => fixed.prop_map(str::to_string), 2 => "[a-z]{1,3} "]
}

/// 2 000 generated documents, or `PROPTEST_CASES`.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2000)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generated_misnesting(pieces in prop::collection::vec(piece(), 0..25)) {
        let html = pieces.concat();
        // Known: a misnested formatting end tag around open foreign content (see above).
        let formatting_end = ["</b>", "</i>", "</a>", "</em>", "</strong>", "</font>"].iter().any(|t| html.contains(t));
        if formatting_end && (html.contains("<svg>") || html.contains("<math>")) {
            return Ok(());
        }
        let (ours, theirs) = texts(&html);
        prop_assert!(ours == theirs, "{:?}: ours {:?}, html5ever {:?}", html, ours, theirs);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    /// The tokenizer test's malformed pieces (quotes, references, comments, raw text, NUL...)
    /// through both tree builders.
    #[test]
    fn generated_malformed(pieces in prop::collection::vec(malformed::piece(), 0..40)) {
        // Known: html5ever drops U+FEFF anywhere (our text cleanup drops it later), and makes
        // U+0000 in MathML text U+FFFD (we drop it as in HTML text).
        let html = pieces.concat().replace('\u{FEFF}', "");
        if html.contains("<math") && html.contains('\0') {
            return Ok(());
        }
        let (ours, theirs) = texts(&html);
        prop_assert!(ours == theirs, "{:?}: ours {:?}, html5ever {:?}", html, ours, theirs);
    }
}
