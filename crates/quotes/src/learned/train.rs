//! Training the quote tagger: gold Source / Cue / Content spans become BIO tags on the view's
//! tokens, the rules run first so their output is a feature as when tagging, and the
//! perceptron learns over every paragraph. Deterministic: the same documents in the same
//! order give the same model bytes.

use super::features::Context;
use super::tag::{CONTENT, CUE, MAGIC, SOURCE, STACK_MAGIC};
use crate::found::Found;
use crate::text::View;
use newsdesk_model::Span;
use newsdesk_perceptron::Example;

/// The part a gold span plays in an attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Source,
    Cue,
    Content,
}

/// One gold span of a training document, in byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GoldSpan {
    pub span: Span,
    pub role: Role,
    /// Which attribution of the document the span belongs to (its spans share the number).
    pub attribution: usize,
}

/// The training sequences of one document (one per paragraph); with `prior` (the first pass's
/// tags of its tokens), the second pass's.
fn examples(text: &str, gold: &[GoldSpan], prior: Option<Vec<u8>>) -> Vec<Example> {
    with_rules(text, |v, found| examples_in(v, found, gold, prior))
}

/// Runs `f` on the view of `text` and what the rules find in it.
fn with_rules<R>(text: &str, f: impl FnOnce(&View, &mut Vec<Found>) -> R) -> R {
    let seg = newsdesk_segment::segment(text);
    let v = View::new(text, &seg);
    let mut found = crate::rules(&v, &[]);
    f(&v, &mut found)
}

fn examples_in(v: &View, found: &[Found], gold: &[GoldSpan], prior: Option<Vec<u8>>) -> Vec<Example> {
    let mut ctx = Context::new(v, found);
    if let Some(p) = prior {
        ctx.set_prior(p);
    }
    // Where spans overlap, a content wins over a source, a source over a cue.
    let rank = |r: Role| match r {
        Role::Content => 0,
        Role::Source => 1,
        Role::Cue => 2,
    };
    let mut order: Vec<usize> = (0..gold.len()).collect();
    order.sort_by_key(|&k| (rank(gold[k].role), gold[k].span.start, gold[k].span.end));
    let label: Vec<Option<usize>> = v
        .toks
        .iter()
        .map(|t| order.iter().copied().find(|&k| gold[k].span.start <= t.start && t.end <= gold[k].span.end))
        .collect();
    ctx.sequences()
        .into_iter()
        .map(|(a, b)| {
            let gold_tags = (a..b)
                .map(|i| match label[i] {
                    None => 0,
                    Some(k) => {
                        let base = match gold[k].role {
                            Role::Source => SOURCE,
                            Role::Cue => CUE,
                            Role::Content => CONTENT,
                        };
                        let continues = i > a && label[i - 1] == Some(k);
                        base + usize::from(continues)
                    }
                })
                .collect();
            Example { feats: ctx.features((a, b)), gold: gold_tags }
        })
        .collect()
}

/// Trains the choosers ([`super::choice`]: content bounds, sources, which tagged contents to
/// keep) on documents with their gold spans,
/// on what the rules and the tagger in use find, and returns the model file's bytes.
pub fn train_choices(docs: &[(&str, Vec<GoldSpan>)], epochs: usize) -> Vec<u8> {
    let mut choices = Vec::new();
    let (mut source_choices, mut no_right_source) = (0, 0);
    let (mut added, mut added_right) = (0, 0);
    let (mut checked, mut checked_right) = (0, 0);
    for (text, gold) in docs {
        with_rules(text, |v, found| {
            let (tagged_sources, additions, checks) = super::tag::find_with(v, found, None);
            let contents: Vec<Span> =
                gold.iter().filter(|g| g.role == Role::Content).map(|g| g.span).collect();
            let mut c = super::bounds::choices(v, found, &contents);
            let mut attributions: std::collections::BTreeMap<usize, (Vec<Span>, Vec<Span>)> =
                Default::default();
            for g in gold {
                let e = attributions.entry(g.attribution).or_default();
                match g.role {
                    Role::Content => e.0.push(g.span),
                    Role::Source => e.1.push(g.span),
                    Role::Cue => {}
                }
            }
            let attributions: Vec<_> = attributions.into_values().collect();
            let (s, missing) = super::sources::choices(v, found, &attributions, &tagged_sources);
            source_choices += s.len();
            no_right_source += missing;
            c.extend(s);
            // Keep or drop each of the tagger's additions: kept when its content matches a gold
            // content. A right one counts twice, so the perceptron keeps an addition from about one
            // chance in three of being right (where adding it raises F1), not one in two (measured
            // on a held-out tenth of train: once 0.686, twice 0.693, three times 0.690).
            for add in additions.iter().filter(|a| !a.subject_like) {
                let right =
                    contents.iter().any(|g| 2 * g.shared(add.content) >= g.len().max(add.content.len()));
                let choice = super::choice::Choice { cands: add.choice().to_vec(), gold: usize::from(right) };
                let copies = if right { 2 } else { 1 };
                added += 1;
                added_right += usize::from(right);
                for _ in 0..copies {
                    c.push(choice.clone());
                }
            }
            // Keep or drop each of the rules' indirect contents the tagger reads no cue at
            // (5-fold CV on fixed taggers, content / full: 0.7050 / 0.6460 without the check,
            // 0.7070 / 0.6492 with it; checking every rule content, 0.7078 / 0.6502, also
            // dropped short contents the tagger leaves untagged): right when it shares at least
            // half of itself, or of a gold content, with that content (the bounds may still move
            // it; judged by the scorer's half of the longer one, CV content fell 0.7050 ->
            // 0.7022). A right one counts twice, as for the additions: dropping a right content
            // costs its source too (5-fold CV on fixed taggers, content / full: once 0.7066 /
            // 0.6488, twice 0.7080 / 0.6500, three times 0.7082 / 0.6496).
            for check in &checks {
                let right =
                    contents.iter().any(|g| 2 * g.shared(check.content) >= g.len().min(check.content.len()));
                let choice =
                    super::choice::Choice { cands: check.choice().to_vec(), gold: usize::from(right) };
                checked += 1;
                checked_right += usize::from(right);
                for _ in 0..if right { 2 } else { 1 } {
                    c.push(choice.clone());
                }
            }
            choices.extend(c);
        });
    }
    let rule_right = choices.iter().filter(|c| c.gold == 0).count();
    eprintln!("choosers: {} choices, the rule's own candidate right in {rule_right}", choices.len());
    eprintln!("tagged additions: {added}, {added_right} of them matching a gold content");
    eprintln!(
        "rules' indirect contents: {checked}, {checked_right} of them sharing half with a gold content"
    );
    eprintln!("sources: {source_choices} choices; {no_right_source} more matched attributions had no right candidate");
    super::choice::train(&choices, epochs).to_bytes()
}

/// Parts the training documents are cut into for the second pass's training tags: each part
/// is tagged by a first pass trained on the others, so the second pass learns from tags as
/// wrong as those it will see on new text (stacking, Cohen & Carvalho 2005).
const STACK_FOLDS: usize = 5;

/// The first pass's tags of `text`'s tokens under `model`.
fn first_pass_tags(text: &str, model: &newsdesk_perceptron::Model) -> Vec<u8> {
    with_rules(text, |v, found| super::tag::first_pass(model, &Context::new(v, found), v.toks.len()))
}

/// Trains the tagger's two passes on documents with their gold spans over `epochs` passes
/// and returns the two model files' bytes, without weights under `min_weight`. With
/// `stacked` false the second is empty (one pass).
pub fn train(
    docs: &[(&str, Vec<GoldSpan>)],
    epochs: usize,
    min_weight: f32,
    stacked: bool,
) -> (Vec<u8>, Vec<u8>) {
    let per_doc: Vec<Vec<Example>> = docs.iter().map(|(text, gold)| examples(text, gold, None)).collect();
    let all: Vec<Example> = per_doc.iter().flatten().cloned().collect();
    let first = newsdesk_perceptron::train_averaged(&all, epochs, 8);
    drop(all);
    if !stacked {
        return (first.to_bytes(MAGIC, min_weight), Vec::new());
    }
    // Each part's tags from a first pass that never saw it, two parts at a time.
    let mut priors: Vec<Option<Vec<u8>>> = vec![None; docs.len()];
    let part_tags = |part: usize| -> Vec<(usize, Vec<u8>)> {
        let rest: Vec<Example> = per_doc
            .iter()
            .enumerate()
            .filter(|(i, _)| i % STACK_FOLDS != part)
            .flat_map(|(_, e)| e.iter().cloned())
            .collect();
        let model = newsdesk_perceptron::train_averaged(&rest, epochs, 8);
        drop(rest);
        (0..docs.len())
            .filter(|i| i % STACK_FOLDS == part)
            .map(|i| (i, first_pass_tags(docs[i].0, &model)))
            .collect()
    };
    let parts: Vec<usize> = (0..STACK_FOLDS).collect();
    for pair in parts.chunks(2) {
        let tagged: Vec<Vec<(usize, Vec<u8>)>> = std::thread::scope(|s| {
            let handles: Vec<_> = pair.iter().map(|&p| s.spawn(move || part_tags(p))).collect();
            handles.into_iter().map(|h| h.join().unwrap_or_default()).collect()
        });
        for (i, tags) in tagged.into_iter().flatten() {
            priors[i] = Some(tags);
        }
    }
    drop(per_doc);
    let second: Vec<Example> =
        docs.iter().zip(priors).flat_map(|((text, gold), prior)| examples(text, gold, prior)).collect();
    let second = newsdesk_perceptron::train_averaged(&second, epochs, 8);
    (first.to_bytes(MAGIC, min_weight), second.to_bytes(STACK_MAGIC, min_weight))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Gold spans given as (role, exact text) are found in `text` by their first occurrence.
    fn doc<'a>(text: &'a str, spans: &[(Role, &str)]) -> (&'a str, Vec<GoldSpan>) {
        let gold = spans
            .iter()
            .filter_map(|(role, s)| {
                let a = text.find(s)?;
                Some(GoldSpan { span: Span::new(a, a + s.len()), role: *role, attribution: 0 })
            })
            .collect();
        (text, gold)
    }

    fn check(epochs: usize, expected_nonempty: bool) {
        use Role::*;
        let docs = vec![
            doc(
                "Jane Doe argued the plan would fail.",
                &[(Source, "Jane Doe"), (Cue, "argued"), (Content, "the plan would fail")],
            ),
            doc(
                "The mayor believes taxes must rise.\nIt rained.",
                &[(Source, "The mayor"), (Cue, "believes"), (Content, "taxes must rise")],
            ),
            doc(
                "Officials warned of floods, the agency reported.",
                &[(Source, "Officials"), (Cue, "warned"), (Content, "of floods")],
            ),
        ];
        let a = train(&docs, epochs, 0.0, true);
        let b = train(&docs, epochs, 0.0, true);
        assert_eq!(a, b, "training is deterministic");
        let second = newsdesk_perceptron::Model::from_bytes(&a.1, STACK_MAGIC).expect("a second-pass model");
        assert_eq!(!second.is_empty(), expected_nonempty);
        let a = a.0;
        let model = newsdesk_perceptron::Model::from_bytes(&a, MAGIC).expect("a quote model");
        assert_eq!(!model.is_empty(), expected_nonempty);
    }

    #[test]
    fn training_is_deterministic() {
        check(3, true);
        check(0, false);
    }
}
