//! Bundles: one PDF per document kind with every employee's document, each starting on an
//! odd page, joined from the documents as they were laid out and drawn where their pages
//! stand alone, and written on a thread of their own while the next kind is made.

use crate::layout;
use crate::markup::{self, Document};
use crate::notice::Notice;
use crate::pdf;

use super::{BuildError, File, Made, Plan, found};

/// A document on its way into a bundle.
pub(super) enum Member {
    /// Laid out and drawn already, with pages that stay the same in the bundle.
    Laid(layout::Laid, Vec<pdf::DrawnPage>),
    /// To be laid out again inside the bundle.
    Doc(Document),
}

/// The documents of one kind, in employee order, for its bundle.
#[derive(Default)]
pub(super) struct Bundle {
    laid: Vec<(layout::Laid, Vec<pdf::DrawnPage>)>,
    docs: Vec<Document>,
}

impl Bundle {
    pub(super) fn push(&mut self, m: Member) {
        match m {
            Member::Laid(l, drawn) => self.laid.push((l, drawn)),
            Member::Doc(d) => self.docs.push(d),
        }
    }

    /// The bundle laid out, with the pages drawn already: the documents joined as they
    /// were laid out and drawn, or laid out again together (and nothing drawn) when their
    /// pages depend on what comes before. `None` when empty.
    fn finish(self) -> Option<(layout::Laid, Vec<Option<pdf::DrawnPage>>)> {
        // One template makes every document of a kind, so they are all of one sort.
        debug_assert!(self.laid.is_empty() || self.docs.is_empty());
        if !self.docs.is_empty() {
            let laid = layout::layout(&merge(self.docs), &layout::Options::default());
            return Some((laid, Vec::new()));
        }
        if self.laid.is_empty() {
            return None;
        }
        let (laids, drawn): (Vec<_>, Vec<Vec<_>>) = self.laid.into_iter().unzip();
        let (mut laid, origins) = layout::join(laids);
        laid.meta.title = bundle_title(&laid.meta.title);
        let pages = origins
            .into_iter()
            .map(|o| o.and_then(|(doc, page)| drawn[doc].get(page).cloned()))
            .collect();
        Some((laid, pages))
    }
}

/// A bundle's title: the first document's up to its " – " (the kind, without a name).
fn bundle_title(title: &str) -> String {
    title.split(" – ").next().unwrap_or_default().to_string()
}

/// One document of several: each starts on an odd page and numbers its own pages.
fn merge(docs: Vec<Document>) -> Document {
    let mut iter = docs.into_iter();
    let Some(mut first) = iter.next() else {
        return Document {
            meta: markup::Meta::default(),
            sections: Vec::new(),
        };
    };
    for doc in iter {
        let mut sections = doc.sections;
        if let Some(s) = sections.first_mut() {
            s.odd = true;
        }
        first.sections.extend(sections);
    }
    first.meta.title = bundle_title(&first.meta.title);
    first
}

/// Joins and writes the bundle of `kind` on a thread of `scope`, while the caller goes on.
/// Nothing reuses a bundle's drawings: its streams move into the file.
pub(super) fn spawn<'scope, 'env>(
    scope: &'scope std::thread::Scope<'scope, 'env>,
    bundle: Bundle,
    kind: super::Kind,
    plan: &'env Plan,
) -> BundleMade<'scope> {
    let path = format!("bundel-{}.pdf", kind.name());
    scope.spawn(move || {
        bundle
            .finish()
            .map(|(laid, drawn)| {
                let found = found(&laid, &path);
                let bytes = pdf::Writer::new()
                    .images(&plan.images)
                    .reusing(drawn)
                    .write_once(laid)
                    .map_err(BuildError::Image)?;
                Ok((File { path, bytes }, found))
            })
            .transpose()
    })
}

/// A bundle being joined and written on a thread of its own: its file and the layout's
/// warnings, or nothing when it has no members.
pub(super) type BundleMade<'scope> =
    std::thread::ScopedJoinHandle<'scope, Result<Option<(File, Vec<Notice>)>, BuildError>>;

/// Waits for the bundles in `pending` and hands each on, in order.
pub(super) fn hand_on(
    pending: &mut Vec<BundleMade<'_>>,
    notices: &mut Vec<Notice>,
    emit: &mut impl FnMut(File) -> Result<(), BuildError>,
    made: &mut Made,
) -> Result<(), BuildError> {
    for handle in pending.drain(..) {
        let bundle = handle
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
        if let Some((file, found)) = bundle {
            notices.extend(found);
            emit(file)?;
            made.bundles += 1;
        }
    }
    Ok(())
}
