//! What graphgen knows of a name (`graphgen knowledge NAME`): every table of the knowledge
//! that holds it, so a user can check why a mention was linked or typed as it was before
//! blaming the text, and see what their own `--lexicon` added.

use super::Knowledge;
use super::lexicon::How;
use serde::Serialize;

/// One thing known of a name: the table that holds it and what the entry says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fact {
    /// The name as asked.
    pub name: String,
    /// Where it was found: `country`, `country alias`, `demonym`, `capital`, `seat of
    /// government`, `outlet`, `place`, `your lexicon`, `title`, `honorific`,
    /// `actor dictionary`, `organisation head word`, `given name`, `surname`, `alliance` or
    /// `word class`.
    pub table: &'static str,
    /// The entry's canonical name (for a title or word class, the phrase as listed).
    pub entry: String,
    /// The node id the entry gives its actor, when it is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The actor kind it implies (`country`, `outlet`, `leader`, ...), or the entry's sort.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The id of the country it belongs to, when the entry says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Other spellings of the same entry.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Anything else worth knowing (`wants context`, the word classes, a role).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Fact {
    fn new(name: &str, table: &'static str, entry: &str) -> Fact {
        Fact {
            name: name.to_string(),
            table,
            entry: entry.to_string(),
            id: None,
            kind: None,
            country: None,
            aliases: Vec::new(),
            note: None,
        }
    }
}

/// Everything the knowledge holds of `name`, looked up as the extractor looks it up (as
/// written, then case- and hyphen-folded), in a fixed order: states, outlets, places, the
/// user's actors, titles, head words, personal names, alliances, word classes.
pub fn describe(kb: &Knowledge, name: &str) -> Vec<Fact> {
    let name = name.trim();
    let lex = &kb.lexicon;
    let lower = name.to_lowercase();
    let mut out = Vec::new();
    if let Some(form) = lex.country_form(name) {
        let c = form.country;
        let table = match form.how {
            How::Name => "country",
            How::Alias => "country alias",
            How::Demonym => "demonym",
            How::Capital => "capital",
            How::Seat => "seat of government",
        };
        let mut f = Fact::new(name, table, &c.name);
        f.id = Some(c.id.clone());
        f.kind = Some("country".into());
        f.aliases.clone_from(&c.aliases);
        f.note = form
            .ambiguous
            .then(|| "also an ordinary word or name: it stands for the state only in context".into());
        out.push(f);
    }
    if let Some(o) = lex.outlet(name) {
        let mut f = Fact::new(name, "outlet", &o.name);
        f.id = Some(o.id.clone());
        f.kind = Some("outlet".into());
        f.country.clone_from(&o.country);
        f.aliases.clone_from(&o.aliases);
        f.note = Some(format!("{:?}", o.medium).to_lowercase());
        out.push(f);
    }
    if let Some(p) = lex.place(name) {
        let mut f = Fact::new(name, "place", &p.name);
        f.country.clone_from(&p.country);
        f.aliases.clone_from(&p.aliases);
        f.note = Some(format!(
            "a {} that stands for no state",
            format!("{:?}", p.kind).to_lowercase()
        ));
        out.push(f);
    }
    let folded = crate::graph::fold(name);
    for k in lex.known() {
        let spellings = std::iter::once(&k.name).chain(&k.aliases);
        if spellings
            .into_iter()
            .any(|s| s == name || crate::graph::fold(s) == folded)
        {
            let mut f = Fact::new(name, "your lexicon", &k.name);
            f.id = Some(k.id.clone());
            f.kind = Some(k.kind.as_str().into());
            f.country.clone_from(&k.country);
            f.aliases.clone_from(&k.aliases);
            f.note.clone_from(&k.role);
            out.push(f);
        }
    }
    if let Some(e) = kb.dictionary.lookup(name) {
        out.push(dictionary_fact(kb, name, e));
    }
    for (table, title) in [("title", lex.title(&lower)), ("honorific", lex.honorific(name))] {
        if let Some(t) = title {
            let mut f = Fact::new(name, table, &t.phrase);
            f.kind = Some(t.role.as_str().into());
            f.note = t.org.then(|| "as often held in an organisation as for a state".into());
            out.push(f);
        }
    }
    if let Some(h) = lex.org_head(name) {
        let mut f = Fact::new(name, "organisation head word", &h.head);
        f.kind = Some(h.kind.as_str().into());
        f.note = Some(format!("{:?}", h.position).to_lowercase());
        out.push(f);
    }
    for (table, found) in [("given name", lex.given_name(name)), ("surname", lex.surname(name))] {
        if let Some(n) = found {
            let mut f = Fact::new(name, table, &n.name);
            f.kind = Some("person".into());
            f.note = (!n.origins.is_empty()).then(|| n.origins.join(", "));
            out.push(f);
        }
    }
    if kb.cues.is_alliance(name) {
        let mut f = Fact::new(name, "alliance", name);
        f.note = Some("its members are allies".into());
        out.push(f);
    }
    let classes = kb.cues.classes_of(&lower);
    if !classes.is_empty() {
        let mut f = Fact::new(name, "word class", &lower);
        f.note = Some(classes.iter().map(|c| c.name()).collect::<Vec<_>>().join(", "));
        out.push(f);
    }
    out
}

/// An entry of the actor dictionary: its id, kind, CAMEO code, Wikidata id and dated roles.
fn dictionary_fact(kb: &Knowledge, name: &str, e: usize) -> Fact {
    use super::dictionary::RoleTarget;
    let d = &kb.dictionary;
    let entry = d.entry(e);
    let mut f = Fact::new(name, "actor dictionary", &entry.name);
    f.id = Some(entry.id.clone());
    f.kind = Some(entry.kind.as_str().into());
    f.aliases.clone_from(&entry.aliases);
    let roles: Vec<String> = entry
        .roles
        .iter()
        .map(|r| {
            let target = match &r.target {
                RoleTarget::Country(id) => id.clone(),
                RoleTarget::Entry(j) => d.entry(*j).id.clone(),
            };
            format!("{target} {}", r.describe())
        })
        .collect();
    let mut note: Vec<String> = Vec::new();
    note.extend(entry.code.as_ref().map(|c| format!("CAMEO {c}")));
    note.extend(entry.wikidata.as_ref().map(|w| format!("Wikidata {w}")));
    if !roles.is_empty() {
        note.push(format!("roles: {}", roles.join(", ")));
    }
    f.note = (!note.is_empty()).then(|| note.join("; "));
    f
}

/// One line a fact, for a person reading: `NAME: TABLE ENTRY (kind, id, country) note`.
pub fn line(f: &Fact) -> String {
    let mut what: Vec<String> = Vec::new();
    what.extend(f.kind.clone());
    what.extend(f.id.as_ref().map(|id| format!("id {id}")));
    what.extend(f.country.as_ref().map(|c| format!("in {c}")));
    let mut s = format!("{}: {} {:?}", f.name, f.table, f.entry);
    if !what.is_empty() {
        s.push_str(&format!(" ({})", what.join(", ")));
    }
    if !f.aliases.is_empty() {
        s.push_str(&format!("; also {}", f.aliases.join(" | ")));
    }
    if let Some(note) = &f.note {
        s.push_str(&format!("; {note}"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(kb: &Knowledge, name: &str) -> Vec<&'static str> {
        describe(kb, name).iter().map(|f| f.table).collect()
    }

    #[test]
    fn each_table_answers_for_its_own_entries() {
        let kb = Knowledge::embedded().unwrap();
        let cases: &[(&str, &str)] = &[
            ("France", "country"),
            ("French", "demonym"),
            ("Reuters", "outlet"),
            ("foreign minister", "title"),
            ("Mr.", "honorific"),
            ("Institute", "organisation head word"),
            ("NATO", "alliance"),
            ("said", "word class"),
        ];
        for &(name, table) in cases {
            assert!(tables(&kb, name).contains(&table), "{name}: {:?}", describe(&kb, name));
        }
        assert!(describe(&kb, "Zqxwv Plorth").is_empty());
    }

    #[test]
    fn a_country_carries_its_id_and_a_word_its_classes() {
        let kb = Knowledge::embedded().unwrap();
        let france = &describe(&kb, "France")[0];
        assert_eq!(
            (france.id.as_deref(), france.kind.as_deref()),
            (Some("france"), Some("country"))
        );
        let said = describe(&kb, "said");
        let classes = said.iter().find(|f| f.table == "word class").unwrap();
        assert!(classes.note.as_deref().unwrap().contains("report"), "{classes:?}");
        assert!(line(france).starts_with("France: country \"France\" (country, id france"));
    }

    #[test]
    fn the_users_lexicon_is_known_by_name_and_alias() {
        let mut user = super::super::UserLexicon::default();
        // Invented names.
        let problems = user.add_text("desk.tsv", "Orlen Vasquith\tleader\tO. Vasquith\t\tpresident\n");
        assert!(problems.is_empty(), "{problems:?}");
        let (kb, _) = Knowledge::with_user(&user).unwrap();
        for name in ["Orlen Vasquith", "O. Vasquith", "orlen vasquith"] {
            let facts = describe(&kb, name);
            let f = facts.iter().find(|f| f.table == "your lexicon").expect(name);
            assert_eq!(f.kind.as_deref(), Some("leader"));
            assert_eq!(f.note.as_deref(), Some("president"));
        }
    }
}
