//! A record brought into a view from outside (a file, a share link, the mount options), and why
//! one was refused: the same for every view, which lists the problems of a refused import under
//! its save-and-share block and leaves its current record as it was.

use crate::words;
use tic_core::{InputError, Lang};

/// Where an imported record came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A file the user picked.
    File,
    /// A share link in the address.
    Link,
    /// The record given in the mount options.
    Options,
}

/// Why an import was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportProblem {
    /// The core's problems with the record.
    Input(Vec<InputError>),
    /// The link's data is not base64url-encoded UTF-8.
    BadLink,
    /// The file could not be read.
    Unreadable,
}

impl ImportProblem {
    /// The problems, one line each: `where: message`, with `place` naming where a path points
    /// (the whole file when the path is empty).
    pub fn lines<'a>(
        &'a self,
        l: Lang,
        place: impl Fn(&str, Lang) -> String + 'a,
    ) -> impl Iterator<Item = String> + 'a {
        let (errors, other): (&[InputError], _) = match self {
            ImportProblem::Input(es) => (es, None),
            ImportProblem::BadLink => (&[], Some(words::LINK_BAD_DATA)),
            ImportProblem::Unreadable => (&[], Some(words::FILE_UNREADABLE)),
        };
        let lines = errors.iter().map(move |e| {
            let mut line = match e.path.is_empty() {
                true => words::WHOLE_FILE.get(l).to_owned(),
                false => place(&e.path, l),
            };
            line.push_str(match l {
                Lang::Zh => "：",
                Lang::En => ": ",
            });
            line.push_str(&e.message(l));
            line
        });
        lines.chain(other.map(|w| w.get(l).to_owned()))
    }
}
