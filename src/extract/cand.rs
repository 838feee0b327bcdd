//! A candidate mention and its kind: what a run of words may name (`What`), the passes that
//! propose a kind (`Pass`, in the order they run), and the one rule that decides between
//! them (`Cand::propose`). The passes themselves live in `names`, `links` and `relations`.

use crate::graph::ActorKind;
use crate::learn::tagger::EntityType;
use crate::text::Span;

/// What a candidate mention names, as far as its own words and near context tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum What {
    /// A state, named, abbreviated or by metonym (capital, seat of government).
    Country {
        id: String,
        name: String,
    },
    /// A demonym (`Chinese`): not a mention, but it ties a title to a state.
    Demonym {
        id: String,
        name: String,
    },
    /// A capital: the state when it acts, a place when something happens in it.
    Capital {
        id: String,
        name: String,
    },
    Outlet {
        id: Option<String>,
        name: String,
    },
    /// An organisation recognised by its head word (`Institute`, `Bank of`).
    Org,
    Person,
    Place,
    /// An all-capitals short word: an acronym to resolve against the document's organisations.
    Acronym,
    /// A capitalised name with no cue yet.
    Name,
    /// An event, a date or a numbered thing: not an actor and not a place.
    Other,
}

/// The passes that set a candidate's kind, in the order `read_sentences` (`extract/mod.rs`)
/// runs them. Each pass proposes a kind with [`Cand::propose`], and the decision is made
/// there, in one place: a proposal stands unless a later pass has decided already. The kind a
/// candidate ends with is thus the proposal of the latest pass that had something to say,
/// whatever order the calls come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Pass {
    /// [`names::find`](super::names::find): a lexicon entry or head word (`classify`, `from_gaz`), then the title before
    /// a name and its own words (`refine`).
    Rules,
    /// [`names::find`](super::names::find) (`with_tagger`): the statistical tagger retypes names or brings new ones.
    Tagger,
    /// [`names::find`](super::names::find) again (`refine`): the title before the names and people the tagger left or made.
    Titles,
    /// [`links::settle_capitals`](super::links::settle_capitals): every capital becomes its
    /// state or a place.
    Capitals,
    /// [`links::affiliations`](super::links::affiliations): appositions make outlets,
    /// organisations, people, and units of a parent.
    Appositions,
    /// [`relations::quotes`](super::relations::quotes): a speaking name is a person.
    Speakers,
}

/// A candidate mention: tokens `first..last` of sentence `sent`.
#[derive(Debug, Clone)]
pub struct Cand {
    pub sent: usize,
    pub first: usize,
    pub last: usize,
    pub span: Span,
    pub text: String,
    /// Its kind so far, as decided by [`Cand::propose`]; read it with [`Cand::what`].
    what: What,
    /// The pass whose proposal `what` is.
    decided_by: Pass,
    /// Role from a title or an apposition (`President` -> leader, `professor` -> analyst).
    pub role: Option<ActorKind>,
    /// Written with an honorific or title before it (`Mr. Kim`, `President Reagan`).
    pub titled: bool,
    /// What the statistical tagger called this span, when it marked it.
    pub tagged: Option<EntityType>,
    /// Only the tagger vouches for this name: no lexicon entry, head word or title.
    pub tagger_only: bool,
    /// The person or institute of the user's lexicon this names (index into `Lexicon::known`).
    pub known: Option<usize>,
    /// One word usually written in lowercase, capitalised because it starts the sentence
    /// (`Police said`): it names only an actor the document names otherwise.
    pub common_word: bool,
}

impl Cand {
    /// A candidate of tokens `first..last` of sentence `sent`, with the kind `pass` gave it.
    pub fn new(sent: usize, first: usize, last: usize, span: Span, text: String, pass: Pass, what: What) -> Cand {
        Cand {
            sent,
            first,
            last,
            span,
            text,
            what,
            decided_by: pass,
            role: None,
            titled: false,
            tagged: None,
            tagger_only: false,
            known: None,
            common_word: false,
        }
    }

    /// The kind the passes so far decided.
    pub fn what(&self) -> &What {
        &self.what
    }

    /// `pass` proposes `what` as the candidate's kind. It is taken unless a later pass has
    /// decided already: passes run in [`Pass`] order, so a later pass overrules an earlier
    /// one and never the reverse.
    pub fn propose(&mut self, pass: Pass, what: What) {
        if pass >= self.decided_by {
            self.what = what;
            self.decided_by = pass;
        }
    }

    pub fn is_person(&self) -> bool {
        *self.what() == What::Person
    }

    pub fn is_org(&self) -> bool {
        matches!(self.what(), What::Org | What::Outlet { .. })
    }

    pub fn country_id(&self) -> Option<&str> {
        match self.what() {
            What::Country { id, .. } => Some(id),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Cand, Pass, What};
    use crate::text::Span;

    fn cand(pass: Pass, what: What) -> Cand {
        Cand::new(0, 0, 1, Span::new(0, 4), "Mira".into(), pass, what)
    }

    #[test]
    fn a_later_pass_overrules_an_earlier_one_and_never_the_reverse() {
        let cases = [
            (Pass::Rules, Pass::Tagger, What::Person),
            (Pass::Tagger, Pass::Tagger, What::Person),
            (Pass::Appositions, Pass::Speakers, What::Person),
            (Pass::Speakers, Pass::Rules, What::Name),
            (Pass::Capitals, Pass::Titles, What::Name),
        ];
        for (decided, proposing, want) in cases {
            let mut c = cand(decided, What::Name);
            c.propose(proposing, What::Person);
            assert_eq!(*c.what(), want, "{decided:?} then {proposing:?}");
        }
    }
}
