//! One sentence seen by the extractor: its tokens and what the lexicons say about each.
//!
//! Everything later (names, titles, relations) reads this view, so lexicon lookups happen
//! once per token.

use crate::graph::ActorKind;
use crate::knowledge::Knowledge;
use crate::knowledge::cues::{Cue, CueHits, Cues};
use crate::knowledge::lexicon::{GazetteerEntry, GazetteerHit, Lexicon};
use crate::learn::tagger::{NameSpan, Tagger, spans};
use crate::text::{Span, Token, TokenKind, tokenize};

/// What a gazetteer says a run of tokens is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gaz {
    Country {
        id: String,
        name: String,
    },
    Demonym {
        id: String,
        name: String,
    },
    Capital {
        id: String,
        name: String,
    },
    Seat {
        id: String,
        name: String,
    },
    Outlet {
        id: String,
        name: String,
    },
    /// A region, city or landmark that stands for no state.
    Place,
    /// A person or institute of the user's lexicon: an index into `Lexicon::known`.
    Known {
        index: usize,
        kind: ActorKind,
    },
}

impl Gaz {
    pub fn country_id(&self) -> Option<&str> {
        match self {
            Gaz::Country { id, .. } | Gaz::Demonym { id, .. } | Gaz::Capital { id, .. } | Gaz::Seat { id, .. } => {
                Some(id)
            }
            Gaz::Outlet { .. } | Gaz::Place | Gaz::Known { .. } => None,
        }
    }
}

/// A title (`President`, `Foreign Minister`) or honorific (`Mr.`) covering `len` tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TitleHit {
    pub len: usize,
    pub role: ActorKind,
    pub honorific: bool,
    /// A title as often held in an organisation as for a state (`vice president`, `head`).
    pub org: bool,
}

#[derive(Debug, Clone)]
pub struct Word<'a> {
    pub text: &'a str,
    pub lower: String,
    pub span: Span,
    pub kind: TokenKind,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// A gazetteer entry starting here, and how many tokens it covers.
    pub gaz: Option<(usize, Gaz, bool)>,
    pub title: Option<TitleHit>,
}

impl Word<'_> {
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word)
    }

    pub fn is(&self, s: &str) -> bool {
        self.lower == s
    }

    pub fn is_punct(&self, chars: &str) -> bool {
        matches!(self.kind, TokenKind::Punct) && chars.contains(self.text)
    }
}

pub struct SentenceView<'a> {
    /// The knowledge the sentence was read with; every later pass asks it too.
    pub kb: &'a Knowledge,
    pub index: usize,
    pub span: Span,
    pub words: Vec<Word<'a>>,
    /// Every letter of the sentence is uppercase (headlines, datelines).
    pub all_caps: bool,
    /// Names the statistical tagger found, as token ranges with their CoNLL type.
    pub tagged: Vec<NameSpan>,
    /// The longest cue of each class starting at each word, in words (0: none): relations
    /// ask for cues at every word, so they are matched once here.
    cues: Vec<CueHits>,
    /// Capitalised words at a sentence's start (see [`SentenceView::at_start`]) that the
    /// tagger's training text writes mostly in lowercase (`Police said`, `Obviously ,`).
    common_starts: Vec<usize>,
}

impl<'a> SentenceView<'a> {
    pub fn new(kb: &'a Knowledge, tagger: &Tagger, text: &'a str, index: usize, span: Span) -> SentenceView<'a> {
        let hits = kb.lexicon.scan(text, span.start..span.end);
        let tokens = split_tokens(&kb.cues, text, tokenize(text, span, &kb.abbrev), &hits);
        let mut words: Vec<Word<'a>> = tokens.iter().map(|t| word(&kb.cues, text, t)).collect();
        mark_gazetteer(&hits, &mut words);
        mark_titles(&kb.lexicon, &mut words);
        let letters = span.text(text).chars().filter(|c| c.is_alphabetic());
        let (mut upper, mut total) = (0usize, 0usize);
        for c in letters {
            total += 1;
            upper += c.is_uppercase() as usize;
        }
        let surface: Vec<&str> = words.iter().map(|w| w.text).collect();
        let tagged = spans(&tagger.tag(&surface));
        let mut phrase = String::new();
        let cues = (0..words.len())
            .map(|i| {
                kb.cues
                    .hits_at(words[i..].iter().map(|w| w.lower.as_str()), &mut phrase)
            })
            .collect();
        let common_starts = (0..words.len())
            .filter(|&i| words[i].cap && words[i].gaz.is_none() && at_start(&words, i))
            .filter(|&i| tagger.usually_lowercase(words[i].text))
            .collect();
        SentenceView {
            kb,
            index,
            span,
            words,
            all_caps: total >= 8 && upper == total,
            tagged,
            cues,
            common_starts,
        }
    }

    /// First word of the sentence, or first after an opening quote, bracket, dash or colon:
    /// where a capital letter says nothing of a name.
    pub fn at_start(&self, i: usize) -> bool {
        at_start(&self.words, i)
    }

    /// Word `i` starts the sentence capitalised, and is a word usually written in lowercase.
    pub fn common_start(&self, i: usize) -> bool {
        self.common_starts.contains(&i)
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The longest cue of this class starting at word `i`, in words.
    pub fn cue_at(&self, i: usize, cue: Cue) -> Option<usize> {
        let found = self.cues.get(i)?.lengths[cue as usize];
        (found > 0).then_some(usize::from(found))
    }

    /// Is word `i`, alone, a cue of this class? (As `kb.cues.is(&words[i].lower, cue)`,
    /// answered from the lookups made once when the sentence was read.)
    pub fn word_in(&self, i: usize, cue: Cue) -> bool {
        self.cues.get(i).is_some_and(|h| h.word_is(cue))
    }

    /// The byte span covering tokens `first..last`.
    pub fn span_of(&self, first: usize, last: usize) -> Span {
        Span::new(self.words[first].span.start, self.words[last - 1].span.end)
    }
}

fn at_start(words: &[Word<'_>], i: usize) -> bool {
    words[..i].iter().all(|w| !w.is_word()) || (i > 0 && words[i - 1].is_punct("\"“‘'([—–-:"))
}

fn word<'a>(cues: &Cues, text: &'a str, t: &Token) -> Word<'a> {
    let s = t.span.text(text);
    Word {
        text: s,
        lower: s.to_lowercase().replace('\u{2019}', "'"),
        span: t.span,
        kind: t.kind,
        cap: s.chars().next().is_some_and(char::is_uppercase) || arabic_article(cues, s),
        gaz: None,
        title: None,
    }
}

/// Hyphens glue words that the extractor must see apart: `China-North Korea ties`,
/// `Seoul-based`, `then-President`, `U.S.-allied`. A token is cut at a hyphen when a
/// gazetteer entry starts or ends there, or when the other side is a known prefix or suffix
/// (cue classes `hyphenprefix`, `hyphensuffix`); romanised names (`Jong-un`) stay whole.
fn split_tokens(cues: &Cues, text: &str, tokens: Vec<Token>, hits: &[GazetteerHit]) -> Vec<Token> {
    let mut out = Vec::with_capacity(tokens.len());
    for t in tokens {
        let s = t.span.text(text);
        if !matches!(t.kind, TokenKind::Word) || !s.contains(['-', '\u{2013}', '\u{2014}']) {
            out.push(t);
            continue;
        }
        let mut cuts: Vec<usize> = Vec::new();
        for h in hits {
            for at in [h.start, h.end] {
                if at > t.span.start && at < t.span.end {
                    cuts.push(at);
                }
            }
        }
        let lower = s.to_lowercase();
        for p in cues.words(Cue::HyphenPrefix) {
            if lower.starts_with(p.as_str()) && s.len() > p.len() {
                cuts.push(t.span.start + p.len());
            }
        }
        for suf in cues.words(Cue::HyphenSuffix) {
            if lower.ends_with(suf.as_str()) && s.len() > suf.len() {
                cuts.push(t.span.end - suf.len());
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        let mut start = t.span.start;
        for at in cuts {
            if at > start && text.is_char_boundary(at) {
                out.push(Token {
                    span: Span::new(start, at),
                    kind: piece_kind(&text[start..at]),
                });
                start = at;
            }
        }
        out.push(Token {
            span: Span::new(start, t.span.end),
            kind: piece_kind(&text[start..t.span.end]),
        });
    }
    out
}

fn piece_kind(s: &str) -> TokenKind {
    if s.chars().any(char::is_alphanumeric) {
        TokenKind::Word
    } else {
        TokenKind::Punct
    }
}

/// `al-Assad`, `el-Sisi`: a romanised Arabic article (cue class `arabicarticle`, matched as
/// written, so `Al-` is not one) glued to a capitalised name.
fn arabic_article(cues: &Cues, s: &str) -> bool {
    cues.words(Cue::ArabicArticle)
        .iter()
        .any(|p| s.starts_with(p.as_str()) && s[p.len()..].chars().next().is_some_and(char::is_uppercase))
}

fn mark_gazetteer(hits: &[GazetteerHit], words: &mut [Word<'_>]) {
    for hit in hits {
        let Some(first) = words.iter().position(|w| w.span.start == hit.start) else {
            continue;
        };
        let Some(last) = words[first..].iter().position(|w| w.span.end >= hit.end) else {
            continue;
        };
        if words[first + last].span.end != hit.end {
            continue;
        }
        let gaz = match hit.entry {
            GazetteerEntry::Country { country, how } => {
                use crate::knowledge::lexicon::How;
                let (id, name) = (country.id.clone(), country.name.clone());
                match how {
                    How::Name | How::Alias => Gaz::Country { id, name },
                    How::Demonym => Gaz::Demonym { id, name },
                    How::Capital => Gaz::Capital { id, name },
                    How::Seat => Gaz::Seat { id, name },
                }
            }
            GazetteerEntry::Outlet { outlet } => Gaz::Outlet {
                id: outlet.id.clone(),
                name: outlet.name.clone(),
            },
            GazetteerEntry::Place { .. } => Gaz::Place,
            GazetteerEntry::Known { index, known } => Gaz::Known {
                index,
                kind: known.kind,
            },
        };
        words[first].gaz = Some((last + 1, gaz, hit.ambiguous));
    }
}

fn mark_titles(lex: &Lexicon, words: &mut [Word<'_>]) {
    let max = lex.max_title_words();
    for i in 0..words.len() {
        if !words[i].is_word() {
            continue;
        }
        if let Some(t) = lex.honorific(words[i].text) {
            words[i].title = Some(TitleHit {
                len: 1,
                role: t.role,
                honorific: true,
                org: false,
            });
            continue;
        }
        let mut phrase = String::new();
        let mut best = None;
        for (k, w) in words[i..].iter().take(max).enumerate() {
            if !w.is_word() {
                break;
            }
            if k > 0 {
                phrase.push(' ');
            }
            phrase.push_str(&w.lower);
            let (title, goes_on) = lex.title_probe(&phrase);
            if let Some(t) = title {
                best = Some(TitleHit {
                    len: k + 1,
                    role: t.role,
                    honorific: false,
                    org: t.org,
                });
            }
            if !goes_on {
                break;
            }
        }
        words[i].title = best;
    }
}
