//! Abbreviations: which words take a following period, and whether that period can end a
//! sentence. Shared by the sentence splitter (where to split) and the tokenizer (`Mr.` is one
//! token). General English knowledge only; matching is case-sensitive, as in print.

/// How a word written before a period behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Abbrev {
    /// Not an abbreviation: the period ends the sentence unless a lowercase word follows.
    None,
    /// A title or linking word (`Mr.`, `Gen.`, `vs.`) that always has more to come.
    Title,
    /// Written before a number (`No. 5`, `Sept. 4`); otherwise like `Ambiguous`.
    BeforeNumber,
    /// May end a sentence (`Zentra Inc.`, `the U.S.`, `10 p.m.`): split only before a word that
    /// typically starts a sentence, or an opening quote.
    Ambiguous,
    /// `etc.` and `et al.`: a list's end, so any capitalised word after them starts a sentence.
    ListEnd,
    /// One letter (`F.` in a name, `J. R. R.`): split only before a sentence-starting word.
    Initial,
}

impl Abbrev {
    /// True when the period after the word belongs to the word (one token `Mr.`).
    pub fn takes_period(self) -> bool {
        self != Abbrev::None
    }
}

/// Classifies `word`, the text before a period (without that period, e.g. `U.S` for `U.S.`).
pub fn classify(word: &str) -> Abbrev {
    if is_title(word) {
        Abbrev::Title
    } else if is_before_number(word) {
        Abbrev::BeforeNumber
    } else if matches!(word, "etc" | "al") {
        Abbrev::ListEnd
    } else if is_suffix(word) || is_dotted(word) {
        Abbrev::Ambiguous
    } else if is_single_letter(word) {
        Abbrev::Initial
    } else {
        Abbrev::None
    }
}

/// Titles and linking words that are never the last word of a sentence in news text.
fn is_title(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Messrs"
            | "Mmes"
            | "Mme"
            | "Mlle"
            | "Dr"
            | "Drs"
            | "Prof"
            | "Profs"
            | "Gen"
            | "Gens"
            | "Lt"
            | "Col"
            | "Maj"
            | "Capt"
            | "Cmdr"
            | "Cdr"
            | "Adm"
            | "Brig"
            | "Sgt"
            | "Cpl"
            | "Pvt"
            | "Pfc"
            | "Sen"
            | "Sens"
            | "Rep"
            | "Reps"
            | "Gov"
            | "Govs"
            | "Pres"
            | "Rev"
            | "Hon"
            | "Rt"
            | "Amb"
            | "Supt"
            | "Insp"
            | "Det"
            | "Atty"
            | "Fr"
            | "Msgr"
            | "Mt"
            | "Ft"
            | "vs"
            | "cf"
            | "viz"
            | "approx"
            | "ca"
    )
}

/// Abbreviations normally followed by a number: reference words and month names.
fn is_before_number(w: &str) -> bool {
    matches!(
        w,
        "No" | "Nos"
            | "Vol"
            | "Vols"
            | "Fig"
            | "Figs"
            | "Art"
            | "Ch"
            | "Sec"
            | "pp"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
    )
}

/// Abbreviations that close a name (company and personal suffixes, street words).
fn is_suffix(w: &str) -> bool {
    matches!(
        w,
        "Jr" | "Sr"
            | "Co"
            | "Cos"
            | "Corp"
            | "Inc"
            | "Ltd"
            | "Bros"
            | "Plc"
            | "Esq"
            | "St"
            | "Ste"
            | "Ave"
            | "Blvd"
            | "Rd"
            | "Dept"
            | "Univ"
            | "Assn"
            | "Intl"
            | "Govt"
    )
}

/// Letters in groups of one or two joined by periods, at least two groups: `U.S`, `a.m`,
/// `Ph.D`, `e.g`.
pub fn is_dotted(w: &str) -> bool {
    let mut groups = 0;
    for g in w.split('.') {
        let n = g.chars().count();
        if !(1..=2).contains(&n) || !g.chars().all(char::is_alphabetic) {
            return false;
        }
        groups += 1;
    }
    groups >= 2
}

fn is_single_letter(w: &str) -> bool {
    let mut cs = w.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_alphabetic())
}

/// Words that begin sentences far more often than they continue a name. After an ambiguous
/// abbreviation (`in the U.S. The next day`) only these split; `the U.S. Navy` does not.
pub fn is_sentence_starter(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "It"
            | "Its"
            | "He"
            | "She"
            | "They"
            | "We"
            | "I"
            | "You"
            | "His"
            | "Her"
            | "Their"
            | "Our"
            | "My"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Here"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "In"
            | "On"
            | "At"
            | "By"
            | "For"
            | "From"
            | "With"
            | "Without"
            | "After"
            | "Before"
            | "During"
            | "When"
            | "While"
            | "Where"
            | "What"
            | "Who"
            | "Why"
            | "How"
            | "If"
            | "As"
            | "Although"
            | "Though"
            | "Since"
            | "Because"
            | "Meanwhile"
            | "However"
            | "Still"
            | "Then"
            | "Now"
            | "Also"
            | "Some"
            | "Many"
            | "Most"
            | "Both"
            | "Each"
            | "Every"
            | "All"
            | "No"
            | "Not"
            | "One"
            | "Last"
            | "Next"
            | "Earlier"
            | "Later"
            | "Despite"
            | "According"
            | "Such"
            | "Among"
            | "Under"
            | "Until"
            | "Officials"
            | "Analysts"
            | "Asked"
            | "Instead"
            | "Other"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_words_before_a_period() {
        let cases = [
            ("Mr", Abbrev::Title),
            ("Gen", Abbrev::Title),
            ("vs", Abbrev::Title),
            ("Sept", Abbrev::BeforeNumber),
            ("No", Abbrev::BeforeNumber),
            ("Inc", Abbrev::Ambiguous),
            ("St", Abbrev::Ambiguous),
            ("U.S", Abbrev::Ambiguous),
            ("a.m", Abbrev::Ambiguous),
            ("Ph.D", Abbrev::Ambiguous),
            ("etc", Abbrev::ListEnd),
            ("F", Abbrev::Initial),
            ("Ж", Abbrev::Initial),
            ("talks", Abbrev::None),
            ("mr", Abbrev::None),
            ("NATO", Abbrev::None),
            ("3", Abbrev::None),
            ("example.com", Abbrev::None),
            ("U.", Abbrev::None),
            ("", Abbrev::None),
        ];
        for (w, want) in cases {
            assert_eq!(classify(w), want, "{w:?}");
        }
    }

    #[test]
    fn dotted_needs_short_letter_groups() {
        assert!(is_dotted("U.S.A"));
        assert!(!is_dotted("U..S"));
        assert!(!is_dotted("3.7"));
        assert!(!is_dotted("US"));
    }
}
