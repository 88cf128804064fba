//! Whitespace and invisible characters: one space between words, lines trimmed, blocks of
//! lines grouped into paragraphs (hard-wrapped lines joined, one-line paragraphs kept).

/// A line with exotic spaces made plain, invisible characters dropped and runs of spaces
/// collapsed; quotes and all other characters are kept as they are.
pub fn normalize_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut pending_space = false;
    for c in line.chars() {
        let c = match c {
            '\t' | '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
                ' '
            }
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' => continue,
            c if c.is_control() => ' ',
            c => c,
        };
        if c == ' ' {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// The lines of `text`: CR LF is one line break, as are LF, CR, U+2028, U+2029 and U+0085.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let s = rest?;
        let Some(i) = s.find(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}']) else {
            rest = None;
            return Some(s);
        };
        let brk = s[i..].chars().next().map_or(1, char::len_utf8);
        let crlf = s.as_bytes().get(i) == Some(&b'\r') && s.as_bytes().get(i + 1) == Some(&b'\n');
        rest = Some(&s[i + brk + usize::from(crlf)..]);
        Some(&s[..i])
    })
}

/// Blocks of consecutive non-empty normalised lines (blank lines separate blocks).
pub fn blocks(text: &str) -> Vec<Vec<String>> {
    let mut blocks = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for raw in lines(text) {
        let line = normalize_line(raw);
        if line.is_empty() {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks
}

/// Whether a block's lines are one paragraph wrapped at a fixed width (e-mail style).
fn hard_wrapped(lines: &[String]) -> bool {
    if lines.len() < 3 {
        return false;
    }
    let body = &lines[..lines.len() - 1];
    let widths_fit = body.iter().all(|l| (30..=100).contains(&l.chars().count()));
    let open_ends = body.iter().filter(|l| !l.ends_with(['.', '!', '?', '"', '”', ':'])).count();
    widths_fit && open_ends * 2 >= body.len()
}

/// Paragraphs of `text`: a hard-wrapped block is one paragraph, otherwise each line is one.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for block in blocks(text) {
        if hard_wrapped(&block) {
            out.push(block.join(" "));
        } else {
            out.extend(block);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &[&str]) {
        assert_eq!(paragraphs(input), expected, "input: {input:?}");
    }

    #[test]
    fn paragraphing() {
        check("  One\u{A0}two \t three  \n\n\nFour.", &["One two three", "Four."]);
        check("A line.\nAnother line.\r\nThird.", &["A line.", "Another line.", "Third."]);
        check("zero\u{200B}width and soft\u{AD}hyphen", &["zerowidth and softhyphen"]);
        check(
            "This paragraph was wrapped by a mail program at a fixed\nwidth so that every line is about the same length and\nnone of them ends a sentence until the last.\n",
            &["This paragraph was wrapped by a mail program at a fixed width so that every line is about the same length and none of them ends a sentence until the last."],
        );
        check("“Curly” and \"straight\" quotes stay.", &["“Curly” and \"straight\" quotes stay."]);
        check("\n \n", &[]);
        check(
            "This paragraph was wrapped by a mail program at a fixed\r\nwidth so that every line is about the same length and\r\nnone of them ends a sentence until the last.\r\n",
            &["This paragraph was wrapped by a mail program at a fixed width so that every line is about the same length and none of them ends a sentence until the last."],
        );
        check("One.\r\n\r\nTwo.\rThree.\u{2028}Four.", &["One.", "Two.", "Three.", "Four."]);
    }
}
