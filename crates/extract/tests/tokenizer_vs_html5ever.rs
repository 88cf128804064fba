//! Differential test: our streaming tokenizer (`html::tokenizer`) against html5ever's, the
//! reference WHATWG tokenizer, on the same inputs. Both token streams are normalised the same
//! way and must be equal: DOCTYPE (name), start tags (name, attributes in order with decoded
//! values, self-closing flag), end tags, comments (data) and text (adjacent runs merged,
//! character references decoded).
//!
//! html5ever's tokenizer needs a tree builder to switch it into RCDATA, RAWTEXT, script data
//! and PLAINTEXT, and to say whether CDATA is allowed (foreign content); here one shared rule
//! ([`Modes`]) decides for both tokenizers, a simplified form of the rule our tree builder
//! (`html::flat`) applies.
//!
//! Normalisations (deliberate, harmless, also listed in tokenizer.rs's header):
//! - input-stream preprocessing (CR LF and CR to LF) is done here before our tokenizer runs:
//!   ours passes CR through and our tree builder makes it LF as it stores text; that the
//!   extracted article is the same with and without preprocessing is checked on every input;
//! - names are compared ASCII-lowercased (ours reports them as written; every consumer
//!   compares with `eq_ignore_ascii_case`);
//! - a repeated attribute is kept by ours and dropped by the standard: only the first is
//!   compared (every consumer reads the first);
//! - U+0000 in data is dropped by ours (what the tree builder does with html5ever's
//!   NullCharacterToken in body text), so html5ever's is dropped here; U+0000 in names,
//!   comments and script/style bodies (U+FFFD in html5ever) is passed through by ours.
//!
//! Inputs: the repo's HTML fixtures, the article-extraction corpus when it is present
//! (`/work/shared/data/article-extraction`, or `NEWSDESK_EXTRACTION_CORPUS`), a table of
//! edge cases and proptest-generated malformed HTML.

use html5ever::buffer_queue::BufferQueue;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};
use newsdesk_extract::html::tags;
use newsdesk_extract::html::tokenizer::{self, Attr, Mode, Sink};
use proptest::prelude::*;
use std::borrow::Cow;
use std::cell::RefCell;
use std::path::PathBuf;

mod malformed;
mod pages;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Doctype(Option<String>),
    Start(String, Vec<(String, String)>, bool),
    End(String),
    Comment(String),
    Text(String),
}

/// The tokenizer state after each tag, as our tree builder decides it: foreign content
/// (`svg`, `math`) is tokenized as data, other elements by their name.
#[derive(Default)]
struct Modes {
    foreign: usize,
}

impl Modes {
    fn start(&mut self, name: &str, self_closing: bool) -> Mode {
        let tag = tags::lookup(name);
        if tag.is(tags::FOREIGN) && !self_closing {
            self.foreign += 1;
        }
        if self.foreign > 0 {
            return Mode::Data;
        }
        tag.mode()
    }

    fn end(&mut self, name: &str) {
        if tags::lookup(name).is(tags::FOREIGN) {
            self.foreign = self.foreign.saturating_sub(1);
        }
    }
}

fn lower(s: &str) -> String {
    s.to_ascii_lowercase().replace('\0', "\u{FFFD}")
}

/// Our tokens, normalised.
#[derive(Default)]
struct Ours {
    toks: Vec<Tok>,
    modes: Modes,
}

impl<'a> Sink<'a> for Ours {
    fn start(&mut self, name: &'a str, attrs: &[Attr<'a>], self_closing: bool) -> Mode {
        let mut out: Vec<(String, String)> = Vec::with_capacity(attrs.len());
        for a in attrs {
            let n = lower(a.name);
            if !out.iter().any(|(seen, _)| *seen == n) {
                out.push((n, a.value().into_owned()));
            }
        }
        self.toks.push(Tok::Start(lower(name), out, self_closing));
        self.modes.start(name, self_closing)
    }
    fn end(&mut self, name: &'a str) {
        self.modes.end(name);
        self.toks.push(Tok::End(lower(name)));
    }
    fn text(&mut self, text: Cow<'a, str>) {
        push_text(&mut self.toks, &text.replace('\0', "\u{FFFD}"));
    }
    fn comment(&mut self, data: &'a str) {
        self.toks.push(Tok::Comment(data.replace('\0', "\u{FFFD}")));
    }
    fn in_foreign_content(&self) -> bool {
        self.modes.foreign > 0
    }
    fn doctype(&mut self, body: &'a str) {
        let ws = |c: char| matches!(c, ' ' | '\t' | '\n' | '\x0c');
        let name: String = body.trim_start_matches(ws).chars().take_while(|&c| !ws(c)).collect();
        self.toks.push(Tok::Doctype((!name.is_empty()).then(|| lower(&name))));
    }
}

fn push_text(toks: &mut Vec<Tok>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Tok::Text(last)) = toks.last_mut() {
        last.push_str(text);
    } else {
        toks.push(Tok::Text(text.to_string()));
    }
}

/// html5ever's tokens, normalised.
#[derive(Default)]
struct Theirs {
    toks: RefCell<Vec<Tok>>,
    modes: RefCell<Modes>,
}

impl TokenSink for Theirs {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut toks = self.toks.borrow_mut();
        match token {
            Token::DoctypeToken(d) => toks.push(Tok::Doctype(d.name.map(|n| n.to_string()))),
            Token::TagToken(Tag { kind: TagKind::StartTag, name, self_closing, attrs }) => {
                let attrs = attrs.iter().map(|a| (a.name.local.to_string(), a.value.to_string())).collect();
                toks.push(Tok::Start(name.to_string(), attrs, self_closing));
                return match self.modes.borrow_mut().start(&name, self_closing) {
                    Mode::Data => TokenSinkResult::Continue,
                    Mode::RcData => TokenSinkResult::RawData(RawKind::Rcdata),
                    Mode::RawText => TokenSinkResult::RawData(RawKind::Rawtext),
                    Mode::Script => TokenSinkResult::RawData(RawKind::ScriptData),
                    Mode::PlainText => TokenSinkResult::Plaintext,
                };
            }
            Token::TagToken(Tag { kind: TagKind::EndTag, name, .. }) => {
                self.modes.borrow_mut().end(&name);
                toks.push(Tok::End(name.to_string()));
            }
            Token::CommentToken(c) => toks.push(Tok::Comment(c.to_string())),
            Token::CharacterTokens(t) => push_text(&mut toks, &t),
            Token::NullCharacterToken | Token::EOFToken | Token::ParseError(_) => {}
        }
        TokenSinkResult::Continue
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.modes.borrow().foreign > 0
    }
}

fn theirs(html: &str) -> Vec<Tok> {
    let opts = TokenizerOpts { discard_bom: false, ..TokenizerOpts::default() };
    let tok = Tokenizer::new(Theirs::default(), opts);
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(html));
    while let html5ever::TokenizerResult::Script(()) = tok.feed(&queue) {}
    tok.end();
    tok.sink.toks.take()
}

/// The standard's input-stream preprocessing: CR LF and lone CR become LF.
fn preprocess(html: &str) -> Cow<'_, str> {
    if html.contains('\r') {
        Cow::Owned(html.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(html)
    }
}

fn ours(html: &str) -> Vec<Tok> {
    let html = preprocess(html);
    let mut sink = Ours::default();
    tokenizer::tokenize(&html, &mut sink);
    sink.toks
}

/// Whether the article extracted from `html` is the same with and without the standard's
/// input-stream preprocessing (which our tokenizer skips).
fn preprocessing_is_harmless(html: &str) -> bool {
    let article = |s: &str| {
        let a = newsdesk_extract::html::extract(s, None, &mut Vec::new());
        (a.title, a.published, a.authors, a.source.name, a.text)
    };
    article(html) == article(&preprocess(html))
}

/// Tokens compared, or the first difference with its neighbourhood.
fn compare(html: &str) -> Result<usize, String> {
    let (a, b) = (ours(html), theirs(html));
    if a == b {
        return Ok(a.len());
    }
    let i = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let show = |t: &[Tok]| format!("{:?}", &t[i.saturating_sub(2)..(i + 2).min(t.len())]);
    Err(format!("token {i}: ours {} vs html5ever {}", show(&a), show(&b)))
}

/// Tokens as a compact string: `<p class=a>`, `<br/>`, `</p>`, `"text"`, `<!--c-->`, `<!DOCTYPE html>`.
fn render(toks: &[Tok]) -> String {
    let mut out = String::new();
    for t in toks {
        match t {
            Tok::Doctype(name) => out.push_str(&format!("<!DOCTYPE {}>", name.as_deref().unwrap_or(""))),
            Tok::Start(name, attrs, self_closing) => {
                out.push_str(&format!("<{name}"));
                for (n, v) in attrs {
                    out.push_str(&format!(" {n}={v}"));
                }
                out.push_str(if *self_closing { "/>" } else { ">" });
            }
            Tok::End(name) => out.push_str(&format!("</{name}>")),
            Tok::Comment(c) => out.push_str(&format!("<!--{c}-->")),
            Tok::Text(text) => out.push_str(&format!("{text:?}")),
        }
    }
    out
}

/// One edge case: both tokenizers agree, and the tokens are `expected` ([`render`]).
fn check(html: &str, expected: &str) {
    if let Err(diff) = compare(html) {
        panic!("{html:?}: {diff}");
    }
    assert_eq!(render(&ours(html)), expected, "{html:?}");
}

#[test]
fn edge_cases() {
    check("<p class=lead>Hi &amp; bye</p>", r#"<p class=lead>"Hi & bye"</p>"#);
    check("<P CLASS='a b' Id=\"c\">x", r#"<p class=a b id=c>"x""#);
    check("a < b <3 c <", r#""a < b <3 c <""#);
    check("<br/><img src=x.png />", "<br/><img src=x.png/>");
    check("<div data-x=\"a>b\" hidden>t</div>", r#"<div data-x=a>b hidden=>"t"</div>"#);
    check("<a href=?a=1&copy=2&amp;b>x</a>", r#"<a href=?a=1&copy=2&b>"x"</a>"#);
    check("<p a=1 A=2 a=3 b>", "<p a=1 b=>");
    check("<p =x a = 'b'c>", "<p =x= a=b c=>");
    check("<p a='x'/b>", "<p a=x b=>");
    check("<p/ a>", "<p a=>");
    check("<p a=/>", "<p a=/>");
    check("<p a=b/>", "<p a=b/>");
    check("</p a=b>x</p/>", r#"</p>"x"</p>"#);
    check("x<!-- <p>not a tag</p> -->y", r#""x"<!-- <p>not a tag</p> -->"y""#);
    check("x<!-->y<!--->z<!-- a --!>w", r#""x"<!---->"y"<!---->"z"<!-- a -->"w""#);
    check("<!----><!-----><!--a---><!--a--!-->", "<!----><!-----><!--a---><!--a--!-->");
    check("<!--<!-- x --><!--<!-->", "<!--<!-- x --><!--<!-->");
    check("<!DOCTYPE html><?xml x?><![CDATA[z]]>t", r#"<!DOCTYPE html><!--?xml x?--><!--[CDATA[z]]-->"t""#);
    check("<!doctype><!DocType  HTML PUBLIC \"x\">", "<!DOCTYPE ><!DOCTYPE html>");
    check("<!x><!-x>a</ b>c</>d</", r#"<!--x--><!---x-->"a"<!-- b-->"cd</""#);
    check("&notit; &notin; &not &amp &#x1F600; &#0; &#128; &#x110000;", r#""¬it; ∉ ¬ & 😀 � € �""#);
    check("AT&T &; &#; &#x; &zzzz; &#xD800;", r#""AT&T &; &#; &#x; &zzzz; �""#);
    check("<script>if (a<b) x='</p>';</script >t", r#"<script>"if (a<b) x='</p>';"</script>"t""#);
    check("<style>p{}</STYLE>t", r#"<style>"p{}"</style>"t""#);
    check("<title>A &amp; <b>B</b></title>", r#"<title>"A & <b>B</b>"</title>"#);
    check("<textarea></textareax></textarea>", r#"<textarea>"</textareax>"</textarea>"#);
    check("<script>never closed", r#"<script>"never closed""#);
    check("<plaintext><p>all </plaintext>text", r#"<plaintext>"<p>all </plaintext>text""#);
    check("text<p class=\"unterminated", r#""text""#);
    check("t<!-- unterminated--", r#""t"<!-- unterminated-->"#);
    check("t<!-- unterminated--!", r#""t"<!-- unterminated-->"#);
    check("t<!---", r#""t"<!---->"#);
    check("é<i>ü</i><é>", r#""é"<i>"ü"</i>"<é>""#);
    check("a\r\nb\rc", r#""a\nb\nc""#);
    check("a\0b&amp;\0<p x=\0>", r#""ab&"<p x=�>"#);
    check("<title>a\0b</title>", r#"<title>"a�b"</title>"#);
    check("<svg><![CDATA[a<b>c]]]>d</svg><![CDATA[e>f", r#"<svg>"a<b>c]d"</svg><!--[CDATA[e-->"f""#);
    check("<math><![CDATA[x\0y]]<![CDATA[", r#"<math>"xy]]<![CDATA[""#);
    check("<script><!--<script></script>x</script>y", r#"<script>"<!--<script></script>x"</script>"y""#);
    check("<script><!--<script>--></script>y", r#"<script>"<!--<script>-->"</script>"y""#);
    check("<script><!--</script>x<!-->y</script>", r#"<script>"<!--"</script>"x"<!---->"y"</script>"#);
    check("<script><!--<SCRIPT/></scriptx></script>", r#"<script>"<!--<SCRIPT/></scriptx></script>""#);
    check("", "");
}

/// Prefixes of a page cut at a few fixed fractions of its length: end of input inside tags,
/// attribute values, comments, scripts...
fn cuts(html: &str) -> impl Iterator<Item = &str> {
    (1..CUTS).map(move |k| {
        let mut at = html.len() * k / CUTS;
        while !html.is_char_boundary(at) {
            at -= 1;
        }
        &html[..at]
    })
}

const CUTS: usize = 7;

/// What a run over pages found.
#[derive(Default)]
struct Tally {
    pages: usize,
    /// Pages whose tokens, and those of each of their prefixes ([`cuts`]), are identical.
    identical: usize,
    tokens: usize,
}

/// Compares every page and its prefixes, printing differences.
fn compare_pages(paths: &[PathBuf]) -> Tally {
    let mut tally = Tally::default();
    for path in paths {
        let Some(html) = pages::read(path) else { continue };
        tally.pages += 1;
        // The page as is, and with CR LF line ends if it has none.
        let crlf = if html.contains('\r') { html.clone() } else { html.replace('\n', "\r\n") };
        if !preprocessing_is_harmless(&crlf) {
            eprintln!("{}: CR/LF normalisation changes the article", path.display());
            continue;
        }
        let mut same = true;
        for input in std::iter::once(html.as_str()).chain(cuts(&html)) {
            match compare(input) {
                Ok(n) => tally.tokens += n,
                Err(diff) => {
                    eprintln!("{} (first {} bytes): {diff}", path.display(), input.len());
                    same = false;
                }
            }
        }
        tally.identical += usize::from(same);
    }
    tally
}

#[test]
fn repo_fixtures() {
    let paths = pages::repo_fixtures();
    assert!(!paths.is_empty(), "no HTML fixture found");
    let t = compare_pages(&paths);
    eprintln!(
        "repo fixtures: {}/{} pages identical (and {} prefixes each), {} tokens",
        t.identical,
        t.pages,
        CUTS - 1,
        t.tokens
    );
    assert_eq!(t.identical, t.pages);
}

/// The article-extraction corpus, when this machine has it (CI does; clones may not).
#[test]
fn extraction_corpus() {
    let paths = pages::extraction_corpus();
    if paths.is_empty() {
        return;
    }
    let t = compare_pages(&paths);
    eprintln!(
        "extraction corpus: {}/{} pages identical (and {} prefixes each), {} tokens",
        t.identical,
        t.pages,
        CUTS - 1,
        t.tokens
    );
    assert_eq!(t.identical, t.pages);
}

/// 2 000 generated documents, or `PROPTEST_CASES` (a long hunt: `PROPTEST_CASES=1000000`).
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2000)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generated_html(pieces in prop::collection::vec(malformed::piece(), 0..40)) {
        let html = pieces.concat();
        if let Err(diff) = compare(&html) {
            prop_assert!(false, "{:?}: {}", html, diff);
        }
        prop_assert!(preprocessing_is_harmless(&html), "{:?}: CR/LF normalisation changes the article", html);
    }
}
