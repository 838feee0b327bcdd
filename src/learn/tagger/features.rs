//! Token features of the tagger: each token's hashes (word, lowercase, shape, affixes) computed in
//! one pass over its characters without allocating, and the templates that combine them with the
//! tokens around it into hashed feature ids, then into weight-table buckets.

#[cfg(test)]
use super::casing::CasingCounts;
use super::casing::{self, CasingTable};
use crate::learn::hash::{K, bucket, feature, mix, mix_char, mix_lower};

/// Names the feature templates below. Any change to what a template emits must change this
/// string: it is hashed into every model file, and a model made with other templates is refused.
pub(crate) const FEATURE_VERSION: &str = "graphgen-tagger features v1: word lower shape short affix1-4 \
     window-2..2 bigrams position style flags casing-loo extra typographic-folding";

/// A source of extra per-token features (lexicon membership: country, demonym, title,
/// organisation head word, outlet, ...). A model only gives weight to extra features it was
/// trained with, so train and tag with the same source.
pub trait TokenFeatures {
    /// A fixed number naming this source and its version; stored in a model trained with it.
    /// 0 is reserved for [`NoExtraFeatures`].
    fn id(&self) -> u64;

    /// Pushes features of `words[i]` (seen in its sentence `words`) as arbitrary 64-bit ids,
    /// e.g. a constant per lexicon. The tagger salts them, so they never collide with its own.
    fn features(&self, words: &[&str], i: usize, out: &mut Vec<u64>);
}

/// No extra features: what the shipped model is trained with.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoExtraFeatures;

impl TokenFeatures for NoExtraFeatures {
    fn id(&self) -> u64 {
        0
    }

    fn features(&self, _words: &[&str], _i: usize, _out: &mut Vec<u64>) {}
}

pub(crate) const INIT_UPPER: u16 = 1;
pub(crate) const HAS_UPPER: u16 = 1 << 1;
pub(crate) const HAS_LOWER: u16 = 1 << 2;
const HAS_DIGIT: u16 = 1 << 3;
const ALL_DIGIT: u16 = 1 << 4;
const HAS_HYPHEN: u16 = 1 << 5;
const HAS_PERIOD: u16 = 1 << 6;
const HAS_APOSTROPHE: u16 = 1 << 7;
const NO_ALNUM: u16 = 1 << 8;
const INNER_UPPER: u16 = 1 << 9;
pub(crate) const HAS_LETTER: u16 = 1 << 10;
const FLAG_COUNT: u32 = 11;

/// The hashes and flags of one token, computed once per sentence.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Token {
    word: u64,
    pub(crate) lower: u64,
    /// Character classes (X, x, d, punctuation itself), runs cut at four: `Xxxxx` for `Warsaw`.
    shape: u64,
    /// Character classes with runs collapsed: `Xx` for `Warsaw`, `X.X.` for `U.N.`.
    short: u64,
    prefix: [u64; 4],
    suffix: [u64; 4],
    /// Characters in the token, up to 4: how many affixes it has.
    affixes: u8,
    pub(crate) flags: u16,
    /// The class from the [`CasingTable`] of the lowercase form.
    pub(crate) casing: u8,
}

/// Folds typographic punctuation into the ASCII forms of the training text (straight quotes,
/// hyphen), so that `’s` and `'s` share their weights.
fn normalise(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        _ => c,
    }
}

/// A character's class in word shapes: `X` upper, `x` lower, `d` digit, else itself.
pub(crate) fn char_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

fn char_flags(c: char) -> u16 {
    match c {
        '-' => HAS_HYPHEN,
        '.' => HAS_PERIOD,
        '\'' => HAS_APOSTROPHE,
        _ if c.is_uppercase() => HAS_UPPER | HAS_LETTER,
        _ if c.is_alphabetic() => HAS_LOWER | HAS_LETTER,
        _ if c.is_numeric() => HAS_DIGIT,
        _ => 0,
    }
}

/// Analyses one token: a forward pass for the word, lowercase, shapes, prefixes and flags, and
/// a short backward pass for the suffixes.
pub(crate) fn analyse(word: &str) -> Token {
    let mut t = Token::default();
    let (mut w, mut l, mut shape, mut short) = (K, K, K, K);
    let (mut prev, mut run, mut chars, mut digits) = ('\0', 0u32, 0usize, 0usize);
    for c in word.chars().map(normalise) {
        w = mix_char(w, c);
        l = mix_lower(l, c);
        let f = char_flags(c);
        if chars > 0 && f & HAS_UPPER != 0 && t.flags & HAS_LOWER != 0 {
            t.flags |= INNER_UPPER;
        }
        t.flags |= f;
        digits += (f == HAS_DIGIT) as usize;
        let class = char_class(c);
        run = if class == prev { run + 1 } else { 1 };
        if run <= 4 {
            shape = mix(shape, class as u64);
        }
        if run == 1 {
            short = mix(short, class as u64);
        }
        prev = class;
        if chars < 4 {
            t.prefix[chars] = l;
        }
        chars += 1;
    }
    if word.chars().next().is_some_and(char::is_uppercase) {
        t.flags |= INIT_UPPER;
    }
    if chars > 0 && digits == chars {
        t.flags |= ALL_DIGIT;
    }
    if t.flags & (HAS_LETTER | HAS_DIGIT) == 0 {
        t.flags |= NO_ALNUM;
    }
    let mut s = K;
    for (k, c) in word.chars().rev().map(normalise).take(4).enumerate() {
        s = mix_lower(s, c);
        t.suffix[k] = s;
    }
    t.affixes = chars.min(4) as u8;
    (t.word, t.lower, t.shape, t.short) = (w, l, shape, short);
    t
}

/// A token standing for the space before or after the sentence.
fn pad(salt: u64) -> Token {
    let h = mix(K, salt);
    Token {
        word: h,
        lower: h,
        shape: h,
        short: h,
        flags: NO_ALNUM,
        ..Token::default()
    }
}

/// How a sentence is cased: headlines in capitals or in title case carry little signal in their
/// capital letters, so the templates let the model weigh them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Style {
    #[default]
    Normal = 0,
    AllCaps = 1,
    TitleCase = 2,
}

/// A sentence is a title-case headline when every word of four letters or more is capitalised
/// and at least two of them are words usually written in lowercase: a line of names alone
/// (`Aldo Fenwick met Ruta Salo`) stays normal.
pub(crate) fn style(tokens: &[Token]) -> Style {
    let lettered = tokens.iter().filter(|t| t.flags & HAS_LETTER != 0);
    let (mut words, mut caps_only, mut long, mut long_title, mut common) = (0, 0, 0, 0, 0);
    for t in lettered {
        words += 1;
        caps_only += (t.flags & HAS_LOWER == 0) as usize;
        if t.affixes >= 4 {
            long += 1;
            long_title += (t.flags & INIT_UPPER != 0) as usize;
            common += casing::usually_lowercase(t.casing) as usize;
        }
    }
    if words > 0 && caps_only == words {
        Style::AllCaps
    } else if long_title == long && common >= 2 {
        Style::TitleCase
    } else {
        Style::Normal
    }
}

const PADS: usize = 2;

/// One sentence's analysed tokens, with two pads on each side for the context window.
#[derive(Debug, Default)]
pub(crate) struct Sentence {
    tokens: Vec<Token>,
    style: Style,
}

impl Sentence {
    /// Analyses `words` into this buffer (reused: no allocation once it is large enough).
    pub(crate) fn load(&mut self, words: &[&str], casing: &CasingTable) {
        self.tokens.clear();
        self.tokens.extend([pad(1), pad(2)]);
        self.tokens.extend(words.iter().map(|w| {
            let mut t = analyse(w);
            t.casing = casing.class(t.lower);
            t
        }));
        self.tokens.extend([pad(3), pad(4)]);
        self.style = style(self.words());
    }

    pub(crate) fn len(&self) -> usize {
        self.tokens.len() - 2 * PADS
    }

    pub(crate) fn words(&self) -> &[Token] {
        &self.tokens[PADS..self.tokens.len() - PADS]
    }

    pub(crate) fn style(&self) -> Style {
        self.style
    }

    /// Replaces token `i`'s casing class (training uses counts that leave the token itself out).
    pub(crate) fn set_casing(&mut self, i: usize, class: u8) {
        self.tokens[i + PADS].casing = class;
    }

    /// Writes the buckets of token `i`'s features into `buckets` (cleared first).
    pub(crate) fn buckets(
        &self,
        i: usize,
        words: &[&str],
        extra: &dyn TokenFeatures,
        bits: u32,
        feats: &mut Vec<u64>,
        buckets: &mut Vec<u32>,
    ) {
        feats.clear();
        self.features(i, feats);
        let before = feats.len();
        extra.features(words, i, feats);
        for f in &mut feats[before..] {
            *f = feature(T_EXTRA, [*f]);
        }
        buckets.clear();
        buckets.extend(feats.iter().map(|&f| bucket(f, bits)));
    }

    fn features(&self, i: usize, out: &mut Vec<u64>) {
        let at = |d: isize| &self.tokens[(i + PADS).wrapping_add_signed(d)];
        let (p2, p1, c, n1, n2) = (at(-2), at(-1), at(0), at(1), at(2));
        let f1 = |t: u64, a: u64| feature(t, [a]);
        let f2 = |t: u64, a: u64, b: u64| feature(t, [a, b]);
        let f3 = |t: u64, a: u64, b: u64, d: u64| feature(t, [a, b, d]);
        let n = self.len();
        let style = self.style as u64;
        out.extend([
            f1(T_WORD, c.word),
            f1(T_LOWER, c.lower),
            f2(T_LOWER_P1_C, p1.lower, c.lower),
            f2(T_LOWER_C_N1, c.lower, n1.lower),
            f2(T_STYLE_LOWER, style, c.lower),
        ]);
        out.extend([
            f1(T_BIAS, 0),
            f1(T_SHAPE, c.shape),
            f1(T_SHORT, c.short),
            f1(T_LOWER_P2, p2.lower),
            f1(T_LOWER_P1, p1.lower),
            f1(T_LOWER_N1, n1.lower),
            f1(T_LOWER_N2, n2.lower),
            f1(T_SHAPE_P1, p1.shape),
            f1(T_SHAPE_N1, n1.shape),
            f1(T_SHORT_P2, p2.short),
            f1(T_SHORT_N2, n2.short),
            f3(T_SHORT_P1_C_N1, p1.short, c.short, n1.short),
            f2(T_LOWER_P1_SHORT, p1.lower, c.short),
            f2(T_SHORT_LOWER_N1, c.short, n1.lower),
        ]);
        for k in 0..c.affixes as usize {
            out.push(f2(T_PREFIX, k as u64, c.prefix[k]));
            out.push(f2(T_SUFFIX, k as u64, c.suffix[k]));
        }
        let position = (i.min(3) as u64) | ((i + 1 == n) as u64) << 2;
        out.push(f1(T_POSITION, position));
        out.push(f2(T_STYLE_SHORT, style, c.short));
        for bit in 0..FLAG_COUNT {
            if c.flags & (1 << bit) != 0 {
                out.push(f1(T_FLAG, bit as u64));
            }
        }
        let cased = (c.flags & (INIT_UPPER | HAS_LOWER)) as u64;
        out.extend([
            f1(T_CASING, c.casing as u64),
            f3(T_CASING_CONTEXT, c.casing as u64, cased, position & 3),
            f2(T_CASING_STYLE, c.casing as u64, style),
            f2(T_CASING_P1, p1.casing as u64, c.casing as u64),
            f2(T_CASING_N1, c.casing as u64, n1.casing as u64),
        ]);
    }
}

// Template ids: salts that keep equal values of different templates apart.
const T_BIAS: u64 = 1;
const T_WORD: u64 = 2;
const T_LOWER: u64 = 3;
const T_SHAPE: u64 = 4;
const T_SHORT: u64 = 5;
const T_LOWER_P2: u64 = 6;
const T_LOWER_P1: u64 = 7;
const T_LOWER_N1: u64 = 8;
const T_LOWER_N2: u64 = 9;
const T_SHAPE_P1: u64 = 10;
const T_SHAPE_N1: u64 = 11;
const T_SHORT_P2: u64 = 12;
const T_SHORT_N2: u64 = 13;
const T_LOWER_P1_C: u64 = 14;
const T_LOWER_C_N1: u64 = 15;
const T_SHORT_P1_C_N1: u64 = 16;
const T_LOWER_P1_SHORT: u64 = 17;
const T_SHORT_LOWER_N1: u64 = 18;
const T_PREFIX: u64 = 19;
const T_SUFFIX: u64 = 20;
const T_POSITION: u64 = 21;
const T_STYLE_SHORT: u64 = 22;
const T_STYLE_LOWER: u64 = 23;
const T_FLAG: u64 = 24;
const T_CASING: u64 = 25;
const T_CASING_CONTEXT: u64 = 26;
const T_CASING_STYLE: u64 = 27;
const T_CASING_P1: u64 = 28;
const T_CASING_N1: u64 = 29;
const T_EXTRA: u64 = 30;

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(text: &str) -> Sentence {
        let mut s = Sentence::default();
        s.load(&text.split_whitespace().collect::<Vec<_>>(), &CasingTable::default());
        s
    }

    #[test]
    fn shapes_and_lowercase_group_words_as_intended() {
        let [warsaw, brevik, caps, lower] = ["Warsaw", "Brevik", "WARSAW", "warsaw"].map(analyse);
        assert_eq!(warsaw.shape, brevik.shape);
        assert_eq!(warsaw.short, analyse("Lu").short);
        assert_ne!(warsaw.shape, analyse("Lu").shape);
        assert_ne!(warsaw.shape, caps.shape);
        assert_eq!(warsaw.lower, caps.lower);
        assert_eq!(warsaw.lower, lower.lower);
        assert_ne!(warsaw.word, lower.word);
        assert_eq!(analyse("U.N.").short, analyse("E.U.").short);
        assert_eq!(analyse("1996-08-22").shape, analyse("2024-11-05").shape);
        // Suffixes of different words meet; prefixes of different words meet.
        assert_eq!(analyse("Korvalia").suffix[1], analyse("Vantria").suffix[1]);
        assert_ne!(analyse("Korvalia").suffix[2], analyse("Vantria").suffix[2]);
        assert_eq!(analyse("Korvalia").prefix[2], analyse("korridor").prefix[2]);
        assert_eq!(analyse("Ab").affixes, 2);
    }

    #[test]
    fn flags_describe_the_characters() {
        let flags = |w: &str| analyse(w).flags;
        assert_eq!(
            flags("Brevik") & (INIT_UPPER | HAS_UPPER | HAS_LOWER),
            INIT_UPPER | HAS_UPPER | HAS_LOWER
        );
        assert_eq!(flags("McAllen") & INNER_UPPER, INNER_UPPER);
        assert_eq!(flags("Brevik") & INNER_UPPER, 0);
        assert_eq!(flags("2011") & (ALL_DIGIT | HAS_LETTER), ALL_DIGIT);
        assert_eq!(flags("Dunmore-based") & HAS_HYPHEN, HAS_HYPHEN);
        assert_eq!(flags(","), NO_ALNUM);
    }

    #[test]
    fn typographic_punctuation_folds_to_ascii() {
        assert_eq!(analyse("\u{2019}s").word, analyse("'s").word);
        assert_eq!(analyse("\u{201C}").word, analyse("\"").word);
        assert_eq!(analyse("\u{2014}").shape, analyse("-").shape);
    }

    #[test]
    fn sentence_style_spots_headlines() {
        assert_eq!(sentence("KORVALIA BEATS VANTRIS 2-1").style(), Style::AllCaps);
        assert_eq!(sentence("Aldo Fenwick met Ruta Salo").style(), Style::Normal);
        assert_eq!(sentence("talks resumed in Brevik").style(), Style::Normal);
        // Title case needs capitalised words known to be lowercase words: only the table knows.
        let mut counts = CasingCounts::default();
        let mut s = sentence("we said that talks were over , and then talks resumed");
        counts.add_sentence(s.words(), s.style());
        let table = counts.table();
        s.load(&["Salo", "Says", "Talks", "Resumed"], &table);
        assert_eq!(s.style(), Style::TitleCase);
    }
}
