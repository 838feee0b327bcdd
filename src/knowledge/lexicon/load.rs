//! Building a [`Lexicon`] from the resource texts: schema checks, uniqueness of every key,
//! cross-file references (an outlet's country must exist), and the gazetteer.

use super::gazetteer::{GazetteerBuilder, Target};
use super::tsv::{self, Index, Row, Table};
use super::user::UserLexicon;
use super::*;
use crate::graph::{ActorKind, slug};
use crate::{Error, Result};
use std::collections::{HashMap, HashSet};

/// The texts of the resource files; [`Sources::EMBEDDED`] are the ones compiled in.
#[derive(Debug, Clone, Copy)]
pub struct Sources<'a> {
    pub countries: &'a str,
    pub outlets: &'a str,
    pub places: &'a str,
    pub titles: &'a str,
    pub honorifics: &'a str,
    pub org_heads: &'a str,
    pub given_names: &'a str,
    pub surnames: &'a str,
}

impl Sources<'static> {
    pub const EMBEDDED: Sources<'static> = Sources {
        countries: include_str!("../../../resources/countries.tsv"),
        outlets: include_str!("../../../resources/outlets.tsv"),
        places: include_str!("../../../resources/places.tsv"),
        titles: include_str!("../../../resources/titles.tsv"),
        honorifics: include_str!("../../../resources/honorifics.tsv"),
        org_heads: include_str!("../../../resources/org_heads.tsv"),
        given_names: include_str!("../../../resources/given_names.tsv"),
        surnames: include_str!("../../../resources/surnames.tsv"),
    };
}

const COUNTRY_COLUMNS: [&str; 7] = [
    "name",
    "aliases",
    "demonyms",
    "capitals",
    "seats",
    "status",
    "ambiguous",
];
const OUTLET_COLUMNS: [&str; 5] = ["name", "aliases", "medium", "country", "ambiguous"];
const PLACE_COLUMNS: [&str; 5] = ["name", "aliases", "kind", "country", "ambiguous"];

impl Lexicon {
    /// Parses and indexes every file; the first problem found is returned with its file and line.
    pub fn from_sources(src: &Sources<'_>) -> Result<Lexicon> {
        Lexicon::from_sources_with(src, &UserLexicon::default()).map(|(lexicon, _)| lexicon)
    }

    /// As [`Lexicon::from_sources`], with the user's entries added through the same tables
    /// and gazetteer. A form the user lists is taken away from every built-in entry, so the
    /// user's entry wins it. A built-in problem is an error; a user entry that cannot be
    /// used whole comes back as a problem beside the lexicon.
    pub fn from_sources_with(src: &Sources<'_>, user: &UserLexicon) -> Result<(Lexicon, Vec<Error>)> {
        let mut gazetteer = GazetteerBuilder::new();
        gazetteer.reserve(user.entries.iter().flat_map(|e| e.forms()));
        let countries = load_countries(src.countries, &mut gazetteer)?;
        let ids: HashSet<&str> = countries.list.iter().map(|c| c.id.as_str()).collect();
        let outlets = load_outlets(src.outlets, &ids, &mut gazetteer)?;
        let places = load_places(src.places, &ids, &mut gazetteer)?;
        let mut lexicon = Lexicon {
            countries: countries.list,
            country_names: countries.names,
            demonyms: countries.demonyms,
            capitals: countries.capitals,
            seats: countries.seats,
            outlets: outlets.0,
            outlet_names: outlets.1,
            places: places.0,
            place_names: places.1,
            titles: load_titles("titles.tsv", src.titles, &["title", "role", "org"])?,
            honorifics: load_titles("honorifics.tsv", src.honorifics, &["honorific", "role"])?,
            org_heads: load_org_heads(src.org_heads)?,
            given_names: load_names("given_names.tsv", src.given_names, "name")?,
            surnames: load_names("surnames.tsv", src.surnames, "surname")?,
            known: Vec::new(),
            // Replaced below, once the user's forms are in the builder too.
            gazetteer: GazetteerBuilder::new().build(),
        };
        let problems = super::known::add_user(&mut lexicon, user, &mut gazetteer);
        lexicon.gazetteer = gazetteer.build();
        Ok((lexicon, problems))
    }
}

/// Every key of a file is claimed once; a second claim names the line of the first.
struct Claims(HashMap<String, usize>);

impl Claims {
    fn new() -> Claims {
        Claims(HashMap::new())
    }

    fn claim(&mut self, table: &Table<'_>, row: &Row<'_>, group: &str, key: &str) -> Result<()> {
        if let Some(first) = self.0.insert(format!("{group}\u{0}{key}"), row.line) {
            return Err(table.error(
                row,
                format!("`{key}` is listed twice ({group}); the first is on line {first}"),
            ));
        }
        Ok(())
    }
}

struct Countries {
    list: Vec<Country>,
    names: Index<(usize, How)>,
    demonyms: Index<usize>,
    capitals: Index<usize>,
    seats: Index<usize>,
}

fn load_countries(text: &str, gazetteer: &mut GazetteerBuilder) -> Result<Countries> {
    let table = tsv::parse("countries.tsv", text, &COUNTRY_COLUMNS)?;
    let mut out = Countries {
        list: Vec::new(),
        names: Index::new(),
        demonyms: Index::new(),
        capitals: Index::new(),
        seats: Index::new(),
    };
    let mut claims = Claims::new();
    for row in &table.rows {
        let i = out.list.len();
        let country = read_country(&table, row)?;
        claims.claim(&table, row, "id", &country.id)?;
        let origin = format!("countries.tsv:{}", row.line);
        let columns: [(How, Vec<&str>); 5] = [
            (How::Name, vec![country.name.as_str()]),
            (How::Alias, country.aliases.iter().map(String::as_str).collect()),
            (How::Demonym, country.demonyms.iter().map(String::as_str).collect()),
            (How::Capital, country.capitals.iter().map(String::as_str).collect()),
            (How::Seat, country.seats.iter().map(String::as_str).collect()),
        ];
        for (how, forms) in columns {
            let group = how_group(how);
            for form in forms {
                if gazetteer.is_reserved(form) {
                    continue;
                }
                claims.claim(&table, row, group, form)?;
                let index_result = match how {
                    How::Name | How::Alias => out.names.insert(form, (i, how), &origin),
                    How::Demonym => out.demonyms.insert(form, i, &origin),
                    How::Capital => out.capitals.insert(form, i, &origin),
                    How::Seat => out.seats.insert(form, i, &origin),
                };
                index_result.map_err(|m| table.error(row, m))?;
                gazetteer
                    .add(form, Target::Country(i, how), country.is_ambiguous(form), &origin)
                    .map_err(|m| table.error(row, m))?;
            }
        }
        out.list.push(country);
    }
    Ok(out)
}

fn how_group(how: How) -> &'static str {
    match how {
        How::Name | How::Alias => "name",
        How::Demonym => "demonym",
        How::Capital => "capital",
        How::Seat => "seat",
    }
}

fn read_country(table: &Table<'_>, row: &Row<'_>) -> Result<Country> {
    let name = table.get(row, "name").to_string();
    let owned = |col| table.list(row, col).into_iter().map(String::from).collect::<Vec<_>>();
    let status = match table.get(row, "status") {
        "state" => CountryStatus::State,
        "observer" => CountryStatus::Observer,
        "other" => CountryStatus::Other,
        "former" => CountryStatus::Former,
        "bloc" => CountryStatus::Bloc,
        s => {
            return Err(table.error(
                row,
                format!("status `{s}`; write state, observer, other, former or bloc"),
            ));
        }
    };
    let mut country = Country {
        id: slug(&name),
        aliases: owned("aliases"),
        demonyms: owned("demonyms"),
        capitals: owned("capitals"),
        seats: owned("seats"),
        name,
        status,
        ambiguous: Vec::new(),
    };
    let forms: Vec<&str> = std::iter::once(country.name.as_str())
        .chain(country.aliases.iter().map(String::as_str))
        .chain(country.demonyms.iter().map(String::as_str))
        .chain(country.capitals.iter().map(String::as_str))
        .chain(country.seats.iter().map(String::as_str))
        .collect();
    country.ambiguous = ambiguous_keys(table, row, &forms)?;
    Ok(country)
}

/// The `ambiguous` column as normalised keys; each must be one of the row's own forms, so a
/// typo there cannot silently mark nothing.
fn ambiguous_keys(table: &Table<'_>, row: &Row<'_>, forms: &[&str]) -> Result<Vec<String>> {
    let keys: Vec<String> = forms.iter().map(|f| tsv::normalise(f)).collect();
    table
        .list(row, "ambiguous")
        .into_iter()
        .map(|a| {
            let k = tsv::normalise(a);
            if keys.contains(&k) {
                Ok(k)
            } else {
                Err(table.error(row, format!("ambiguous form `{a}` is not one of this row's forms")))
            }
        })
        .collect()
}

fn country_ref(table: &Table<'_>, row: &Row<'_>, ids: &HashSet<&str>) -> Result<Option<String>> {
    match table.get(row, "country") {
        "" => Ok(None),
        id if ids.contains(id) => Ok(Some(id.to_string())),
        id => Err(table.error(row, format!("country `{id}` is not the id of a row of countries.tsv"))),
    }
}

fn load_outlets(
    text: &str,
    ids: &HashSet<&str>,
    gazetteer: &mut GazetteerBuilder,
) -> Result<(Vec<Outlet>, Index<usize>)> {
    let table = tsv::parse("outlets.tsv", text, &OUTLET_COLUMNS)?;
    let (mut list, mut index, mut claims) = (Vec::new(), Index::new(), Claims::new());
    for row in &table.rows {
        let name = table.get(row, "name").to_string();
        let medium = match table.get(row, "medium") {
            "wire" => Medium::Wire,
            "newspaper" => Medium::Newspaper,
            "broadcaster" => Medium::Broadcaster,
            "magazine" => Medium::Magazine,
            "online" => Medium::Online,
            "photo" => Medium::Photo,
            m => {
                return Err(table.error(
                    row,
                    format!("medium `{m}`; write wire, newspaper, broadcaster, magazine, online or photo"),
                ));
            }
        };
        let aliases: Vec<String> = table.list(row, "aliases").into_iter().map(String::from).collect();
        let forms: Vec<&str> = std::iter::once(name.as_str())
            .chain(aliases.iter().map(String::as_str))
            .collect();
        let outlet = Outlet {
            id: slug(&name),
            country: country_ref(&table, row, ids)?,
            ambiguous: ambiguous_keys(&table, row, &forms)?,
            name: name.clone(),
            aliases: aliases.clone(),
            medium,
        };
        claims.claim(&table, row, "id", &outlet.id)?;
        let origin = format!("outlets.tsv:{}", row.line);
        for form in forms {
            if gazetteer.is_reserved(form) {
                continue;
            }
            claims.claim(&table, row, "name", form)?;
            index
                .insert(form, list.len(), &origin)
                .map_err(|m| table.error(row, m))?;
            gazetteer
                .add(form, Target::Outlet(list.len()), outlet.is_ambiguous(form), &origin)
                .map_err(|m| table.error(row, m))?;
        }
        list.push(outlet);
    }
    Ok((list, index))
}

fn load_places(
    text: &str,
    ids: &HashSet<&str>,
    gazetteer: &mut GazetteerBuilder,
) -> Result<(Vec<Place>, Index<usize>)> {
    let table = tsv::parse("places.tsv", text, &PLACE_COLUMNS)?;
    let (mut list, mut index, mut claims) = (Vec::new(), Index::new(), Claims::new());
    for row in &table.rows {
        let name = table.get(row, "name").to_string();
        let kind = match table.get(row, "kind") {
            "region" => PlaceKind::Region,
            "sea" => PlaceKind::Sea,
            "state" => PlaceKind::State,
            "city" => PlaceKind::City,
            "landmark" => PlaceKind::Landmark,
            k => return Err(table.error(row, format!("kind `{k}`; write region, sea, state, city or landmark"))),
        };
        let aliases: Vec<String> = table.list(row, "aliases").into_iter().map(String::from).collect();
        let forms: Vec<&str> = std::iter::once(name.as_str())
            .chain(aliases.iter().map(String::as_str))
            .collect();
        let place = Place {
            id: slug(&name),
            country: country_ref(&table, row, ids)?,
            ambiguous: ambiguous_keys(&table, row, &forms)?,
            name: name.clone(),
            aliases: aliases.clone(),
            kind,
        };
        claims.claim(&table, row, "id", &place.id)?;
        let origin = format!("places.tsv:{}", row.line);
        for form in forms {
            if gazetteer.is_reserved(form) {
                continue;
            }
            claims.claim(&table, row, "name", form)?;
            index
                .insert(form, list.len(), &origin)
                .map_err(|m| table.error(row, m))?;
            gazetteer
                .add(form, Target::Place(list.len()), place.is_ambiguous(form), &origin)
                .map_err(|m| table.error(row, m))?;
        }
        list.push(place);
    }
    Ok((list, index))
}

/// Titles and honorifics share a shape; honorifics have no `org` column.
fn load_titles(file: &'static str, text: &str, columns: &[&str]) -> Result<Index<Title>> {
    let table = tsv::parse(file, text, columns)?;
    let (mut index, mut claims) = (Index::new(), Claims::new());
    for row in &table.rows {
        let phrase = lowercase_key(&table, row, columns[0])?;
        let role = match ActorKind::parse(table.get(row, "role")) {
            Some(k) if k.is_person() => k,
            _ => return Err(table.error(row, "role must be leader, analyst or person".into())),
        };
        let org = columns.contains(&"org") && table.flag(row, "org")?;
        claims.claim(&table, row, columns[0], phrase)?;
        let title = Title {
            phrase: phrase.to_string(),
            role,
            org,
        };
        index
            .insert(phrase, title, &format!("{file}:{}", row.line))
            .map_err(|m| table.error(row, m))?;
    }
    Ok(index)
}

/// Files of lower-case phrases must stay lower-case: their keys are matched in any case, and
/// an upper-case entry would read as an acronym that only matches capitals.
fn lowercase_key<'a>(table: &Table<'a>, row: &Row<'a>, column: &str) -> Result<&'a str> {
    let key = table.get(row, column);
    if key.chars().any(char::is_uppercase) {
        return Err(table.error(row, format!("`{key}` must be written in lower case")));
    }
    Ok(key)
}

fn load_org_heads(text: &str) -> Result<Index<OrgHead>> {
    let table = tsv::parse("org_heads.tsv", text, &["head", "kind", "position", "ambiguous"])?;
    let (mut index, mut claims) = (Index::new(), Claims::new());
    for row in &table.rows {
        let head = lowercase_key(&table, row, "head")?;
        let kind = match ActorKind::parse(table.get(row, "kind")) {
            Some(k) if k.is_organisation() => k,
            _ => return Err(table.error(row, "kind must be institute or outlet".into())),
        };
        let position = match table.get(row, "position") {
            "first" => HeadPosition::First,
            "last" => HeadPosition::Last,
            "any" => HeadPosition::Any,
            p => return Err(table.error(row, format!("position `{p}`; write first, last or any"))),
        };
        claims.claim(&table, row, "head", head)?;
        let value = OrgHead {
            head: head.to_string(),
            kind,
            position,
            ambiguous: table.flag(row, "ambiguous")?,
        };
        index
            .insert(head, value, &format!("org_heads.tsv:{}", row.line))
            .map_err(|m| table.error(row, m))?;
    }
    Ok(index)
}

fn load_names(file: &'static str, text: &str, column: &str) -> Result<Index<PersonalName>> {
    let table = tsv::parse(file, text, &[column, "origin", "ambiguous"])?;
    let (mut index, mut claims) = (Index::new(), Claims::new());
    for row in &table.rows {
        let name = table.get(row, column);
        claims.claim(&table, row, column, &tsv::normalise(name))?;
        let origins: Vec<String> = table.list(row, "origin").into_iter().map(String::from).collect();
        if origins.is_empty() {
            return Err(table.error(row, "the origin column is empty".into()));
        }
        let value = PersonalName {
            name: name.to_string(),
            origins,
            ambiguous: table.flag(row, "ambiguous")?,
        };
        index
            .insert(name, value, &format!("{file}:{}", row.line))
            .map_err(|m| table.error(row, m))?;
    }
    Ok(index)
}
