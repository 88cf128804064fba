//! Coreference evaluation on GUM CoNLL files (`index token annotation`, where `(person-3-Name`
//! opens mention of entity 3 and `person-3)` closes it; a blank line or `.`/`!`/`?` ends a sentence). Scores
//! MUC and B³ over the person, organisation and place entities named at least once (those
//! GUM gives a Wikipedia name), with gold tokens and sentences fed to newsdesk. Also turns
//! GUM's named spans into IOB2 training sentences for the tagger.

use crate::ner::IobSentence;
use newsdesk_model::{EntityType, Span};
use newsdesk_segment::{Segmentation, Token, TokenKind};
use std::collections::HashMap;
use std::fmt;
use std::path::Path;

/// One gold mention: tokens `start..end` of entity `entity`.
#[derive(Debug, Clone)]
pub struct GoldMention {
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub entity: String,
    /// The Wikipedia name GUM gives named entities.
    pub name: Option<String>,
}

/// One GUM document.
#[derive(Debug, Clone, Default)]
pub struct GumDoc {
    pub name: String,
    pub tokens: Vec<String>,
    /// Token index where each sentence starts.
    pub sentence_starts: Vec<usize>,
    pub mentions: Vec<GoldMention>,
}

/// Reads every `.conll` file of `dir`, sorted by name.
pub fn read_dir(dir: &Path) -> std::io::Result<Vec<GumDoc>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conll"))
        .collect();
    paths.sort();
    let mut docs = Vec::new();
    for p in paths {
        docs.extend(parse(&std::fs::read_to_string(&p)?));
    }
    Ok(docs)
}

/// Parses GUM CoNLL text into documents.
pub fn parse(text: &str) -> Vec<GumDoc> {
    let mut docs = Vec::new();
    let mut doc = GumDoc::default();
    let mut open: Vec<(String, usize)> = Vec::new();
    let mut new_sentence = true;
    for line in text.lines() {
        if let Some(name) = line.strip_prefix("# begin document ") {
            doc = GumDoc { name: name.trim().to_string(), ..GumDoc::default() };
            open.clear();
            new_sentence = true;
            continue;
        }
        if line.starts_with("# end document") {
            docs.push(std::mem::take(&mut doc));
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            new_sentence = true;
            continue;
        }
        let i = doc.tokens.len();
        if new_sentence {
            doc.sentence_starts.push(i);
            new_sentence = false;
        }
        doc.tokens.push(cols[1].to_string());
        // GUM's files mostly lack blank lines between sentences: end one at . ! ?
        if matches!(cols[1], "." | "!" | "?") {
            new_sentence = true;
        }
        let ann = cols[2];
        let mut rest = ann;
        while !rest.is_empty() && rest != "_" {
            if let Some(r) = rest.strip_prefix('(') {
                let cut = r.find(['(', ')']).unwrap_or(r.len());
                let label = &r[..cut];
                if r[cut..].starts_with(')') {
                    push_mention(&mut doc, label, i, i + 1);
                    rest = &r[cut + 1..];
                } else {
                    open.push((label.to_string(), i));
                    rest = &r[cut..];
                }
            } else {
                let cut = rest.find(')').unwrap_or(rest.len());
                let label = &rest[..cut];
                if let Some(pos) = open.iter().rposition(|(l, _)| l == label) {
                    let (l, s) = open.remove(pos);
                    push_mention(&mut doc, &l, s, i + 1);
                }
                rest = rest.get(cut + 1..).unwrap_or("");
            }
        }
    }
    if !doc.tokens.is_empty() {
        docs.push(doc);
    }
    docs
}

fn push_mention(doc: &mut GumDoc, label: &str, start: usize, end: usize) {
    let mut parts = label.splitn(3, '-');
    let kind = parts.next().unwrap_or("").to_string();
    let id = parts.next().unwrap_or("").to_string();
    let name = parts.next().map(str::to_string);
    doc.mentions.push(GoldMention { start, end, kind, entity: id, name });
}

fn ner_type(kind: &str) -> Option<&'static str> {
    match kind {
        "person" => Some("PER"),
        "organization" => Some("ORG"),
        "place" => Some("LOC"),
        _ => None,
    }
}

/// GUM's named person/organisation/place mentions as IOB2 sentences: in each named mention,
/// the run of capitalised words that shares a word with the entity's Wikipedia name.
pub fn to_iob(doc: &GumDoc) -> Vec<IobSentence> {
    let n = doc.tokens.len();
    let mut tags = vec!["O".to_string(); n];
    let mut mentions: Vec<&GoldMention> =
        doc.mentions.iter().filter(|m| ner_type(&m.kind).is_some()).collect();
    let sentence_start: std::collections::HashSet<usize> = doc.sentence_starts.iter().copied().collect();
    mentions.sort_by_key(|m| std::cmp::Reverse(m.end - m.start));
    let cap = |t: &str| t.chars().next().is_some_and(char::is_uppercase);
    for m in mentions {
        let Some(kind) = ner_type(&m.kind) else { continue };
        let name_words: Vec<String> =
            m.name.iter().flat_map(|n| n.split('_')).map(str::to_lowercase).collect();
        let mut best: Option<(usize, usize)> = None;
        let mut i = m.start;
        while i < m.end.min(n) {
            if !cap(&doc.tokens[i]) {
                i += 1;
                continue;
            }
            let mut e = i + 1;
            while e < m.end.min(n) {
                if cap(&doc.tokens[e]) {
                    e += 1;
                } else if ["of", "de", "the", "and", "for"].contains(&doc.tokens[e].as_str())
                    && e + 1 < m.end.min(n)
                    && cap(&doc.tokens[e + 1])
                {
                    e += 2;
                } else {
                    break;
                }
            }
            // Named entities: the run sharing a word with the name; others: a capitalised run
            // that is not just a sentence's first word or `I`.
            let hits = if m.name.is_some() {
                (i..e).any(|k| name_words.contains(&doc.tokens[k].to_lowercase()))
            } else {
                e - i >= 2 || !sentence_start.contains(&i) && doc.tokens[i] != "I"
            };
            if hits && best.is_none_or(|(a, b)| e - i > b - a) {
                best = Some((i, e));
            }
            i = e;
        }
        if let Some((a, b)) = best {
            if tags[a..b].iter().all(|t| t == "O") {
                tags[a] = format!("B-{kind}");
                for t in tags.iter_mut().take(b).skip(a + 1) {
                    *t = format!("I-{kind}");
                }
            }
        }
    }
    let mut out = Vec::new();
    for (k, &s) in doc.sentence_starts.iter().enumerate() {
        let e = doc.sentence_starts.get(k + 1).copied().unwrap_or(n);
        out.push(IobSentence { words: doc.tokens[s..e].to_vec(), tags: tags[s..e].to_vec() });
    }
    out
}

/// MUC and B³ counts over documents.
#[derive(Debug, Default, Clone)]
pub struct CorefReport {
    pub documents: usize,
    pub gold_entities: usize,
    pub gold_mentions: usize,
    pub system_mentions: usize,
    pub matched_mentions: usize,
    muc: [f64; 4],
    b3: [f64; 4],
    pub errors: Vec<String>,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

impl CorefReport {
    /// (precision, recall, F1) of MUC.
    pub fn muc(&self) -> (f64, f64, f64) {
        let p = safe(self.muc[2], self.muc[3]);
        let r = safe(self.muc[0], self.muc[1]);
        (p, r, f1(p, r))
    }
    /// (precision, recall, F1) of B³.
    pub fn b3(&self) -> (f64, f64, f64) {
        let p = safe(self.b3[2], self.b3[3]);
        let r = safe(self.b3[0], self.b3[1]);
        (p, r, f1(p, r))
    }
}

fn safe(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        0.0
    } else {
        a / b
    }
}

impl fmt::Display for CorefReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} documents, {} gold entities (named person/organisation/place), {} gold mentions, {} system mentions, {} matched",
            self.documents, self.gold_entities, self.gold_mentions, self.system_mentions, self.matched_mentions
        )?;
        let (p, r, f1) = self.muc();
        writeln!(f, "MUC  P {p:.3}  R {r:.3}  F1 {f1:.3}")?;
        let (p, r, f1) = self.b3();
        writeln!(f, "B3   P {p:.3}  R {r:.3}  F1 {f1:.3}")?;
        if !self.errors.is_empty() {
            writeln!(f, "some errors:")?;
            for e in &self.errors {
                writeln!(f, "  {e}")?;
            }
        }
        Ok(())
    }
}

/// Runs newsdesk on each document (gold tokens and sentences) and scores its person,
/// organisation and place entities against GUM's named ones.
pub fn evaluate(docs: &[GumDoc]) -> CorefReport {
    let mut report = CorefReport::default();
    for doc in docs {
        score_doc(doc, &mut report);
    }
    report
}

fn score_doc(doc: &GumDoc, report: &mut CorefReport) {
    // Text with the gold tokens joined by spaces.
    let mut text = String::new();
    let mut tokens = Vec::with_capacity(doc.tokens.len());
    for t in &doc.tokens {
        if !text.is_empty() {
            text.push(' ');
        }
        let s = text.len();
        text.push_str(t);
        tokens.push(Token { span: Span::new(s, text.len()), kind: TokenKind::Word });
    }
    let starts = &doc.sentence_starts;
    let sentences = starts
        .iter()
        .enumerate()
        .filter_map(|(k, &s)| {
            let e = starts.get(k + 1).copied().unwrap_or(tokens.len());
            Some(Span::new(tokens.get(s)?.span.start, tokens.get(e.checked_sub(1)?)?.span.end))
        })
        .collect();
    let seg = Segmentation { tokens: tokens.clone(), sentences, ..Default::default() };
    let entities = newsdesk_entities::recognize(&text, &seg);
    let tok_at: HashMap<usize, usize> = tokens.iter().enumerate().map(|(i, t)| (t.span.start, i)).collect();
    let tok_end: HashMap<usize, usize> =
        tokens.iter().enumerate().map(|(i, t)| (t.span.end, i + 1)).collect();

    // Gold chains of named person/organisation/place entities.
    let named: std::collections::HashSet<&str> = doc
        .mentions
        .iter()
        .filter(|m| m.name.is_some() && ner_type(&m.kind).is_some())
        .map(|m| m.entity.as_str())
        .collect();
    let gold: Vec<&GoldMention> = doc.mentions.iter().filter(|m| named.contains(m.entity.as_str())).collect();
    let mut gold_chains: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, m) in gold.iter().enumerate() {
        gold_chains.entry(m.entity.as_str()).or_default().push(k);
    }
    // System mentions → gold mention index (the smallest unmatched gold mention containing it).
    let mut used = vec![false; gold.len()];
    let mut sys_chains: Vec<Vec<Option<usize>>> = Vec::new();
    let mut sys_names = Vec::new();
    for e in entities.iter().filter(|e| e.kind != EntityType::Misc) {
        let mut chain = Vec::new();
        for m in &e.mentions {
            // A bare name inside its titled form (`Putin` in `President Putin`) counts once.
            if e.mentions
                .iter()
                .any(|o| o.start <= m.start && m.end <= o.end && (o.start, o.end) != (m.start, m.end))
            {
                continue;
            }
            let (Some(&s), Some(&t)) = (tok_at.get(&m.start), tok_end.get(&m.end)) else { continue };
            let hit = gold
                .iter()
                .enumerate()
                .filter(|(k, g)| !used[*k] && g.start <= s && t <= g.end)
                .min_by_key(|(_, g)| (g.end - g.start, g.end != t))
                .map(|(k, _)| k);
            if let Some(k) = hit {
                used[k] = true;
            }
            chain.push(hit);
        }
        sys_chains.push(chain);
        sys_names.push(e.name.clone());
    }
    report.documents += 1;
    report.gold_entities += gold_chains.len();
    report.gold_mentions += gold.len();
    report.system_mentions += sys_chains.iter().map(Vec::len).sum::<usize>();
    report.matched_mentions += used.iter().filter(|u| **u).count();

    let sys_of: HashMap<usize, usize> =
        sys_chains.iter().enumerate().flat_map(|(c, ch)| ch.iter().flatten().map(move |k| (*k, c))).collect();
    // MUC recall: over gold chains, partitions by system chain.
    for chain in gold_chains.values() {
        let parts: std::collections::HashSet<Option<usize>> = chain
            .iter()
            .enumerate()
            .map(|(n, k)| sys_of.get(k).copied().map(Some).unwrap_or(None).or(Some(usize::MAX - n)))
            .collect();
        report.muc[0] += (chain.len() - parts.len()) as f64;
        report.muc[1] += (chain.len() - 1) as f64;
        for &k in chain {
            let same = sys_of.get(&k).map_or(1, |c| {
                sys_chains[*c].iter().flatten().filter(|j| gold[**j].entity == gold[k].entity).count()
            });
            report.b3[0] += same as f64 / chain.len() as f64;
            report.b3[1] += 1.0;
        }
    }
    // MUC and B³ precision: over system chains, partitioned by gold entity.
    for (c, chain) in sys_chains.iter().enumerate() {
        if chain.is_empty() {
            continue;
        }
        let parts: std::collections::HashSet<String> = chain
            .iter()
            .enumerate()
            .map(|(n, k)| k.map_or(format!("spurious-{n}"), |k| gold[k].entity.clone()))
            .collect();
        report.muc[2] += (chain.len() - parts.len()) as f64;
        report.muc[3] += (chain.len() - 1) as f64;
        for k in chain {
            let same = k
                .map_or(1, |k| chain.iter().flatten().filter(|j| gold[**j].entity == gold[k].entity).count());
            report.b3[2] += same as f64 / chain.len() as f64;
            report.b3[3] += 1.0;
        }
        // Error examples: a system chain that mixes two gold entities.
        let ents: std::collections::HashSet<&str> =
            chain.iter().flatten().map(|k| gold[*k].entity.as_str()).collect();
        if ents.len() > 1 && report.errors.len() < 6 {
            let texts: Vec<String> = chain
                .iter()
                .flatten()
                .take(6)
                .map(|k| {
                    format!("{}[{}]", doc.tokens[gold[*k].start..gold[*k].end].join(" "), gold[*k].entity)
                })
                .collect();
            report.errors.push(format!("{}: merged `{}`: {}", doc.name, sys_names[c], texts.join(", ")));
        }
    }
    // Error examples: gold mentions of a named entity that newsdesk missed.
    for chain in gold_chains.values() {
        if report.errors.len() >= 12 {
            break;
        }
        let missed: Vec<String> = chain
            .iter()
            .filter(|k| !used[**k])
            .take(4)
            .map(|k| doc.tokens[gold[*k].start..gold[*k].end].join(" "))
            .collect();
        if missed.len() >= 2 {
            let name =
                gold[chain[0]].name.clone().or_else(|| chain.iter().find_map(|k| gold[*k].name.clone()));
            report.errors.push(format!(
                "{}: missed mentions of {}: {}",
                doc.name,
                name.unwrap_or_default(),
                missed.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ")
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(conll: &str, expected: &[(usize, usize, &str, &str)]) {
        let docs = parse(conll);
        let got: Vec<(usize, usize, &str, &str)> =
            docs[0].mentions.iter().map(|m| (m.start, m.end, m.kind.as_str(), m.entity.as_str())).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn parses_mentions() {
        check("# begin document d\n0\tKim\t(person-1-Kim_Lee\n1\tLee\tperson-1-Kim_Lee)\n2\tleft\t_\n# end document\n", &[(0, 2, "person", "1")]);
        check("# begin document d\n0\tShe\t(person-1)\n1\tsaw\t_\n2\tParis\t(place-2(place-3)\n3\tstreets\tplace-2)\n# end document\n",
            &[(0, 1, "person", "1"), (2, 3, "place", "3"), (2, 4, "place", "2")]);
    }
}
