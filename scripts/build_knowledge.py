#!/usr/bin/env python3
"""Compile the actor lexicon resources/actors.tsv from two public sources.

    python3 scripts/build_knowledge.py ../shared/data > resources/actors.tsv

The argument is the data folder that holds `phoenix/` (the CAMEO / Phoenix actor
dictionaries of openeventdata/petrarch2, commit 676801c, MIT) and `us-congress/`
(unitedstates/congress-legislators, commit dfa9622, CC0).  The script also reads the
general lexicons next to it in resources/ (countries, places, outlets, titles, honorifics,
given names, organisation heads) so that the actor forms agree with them.

Output: one row a person or organisation, columns name, kind, aliases, code, roles, wikidata
(see resources/README.md).  Everything is sorted; the output depends only on the inputs.
A summary of what was kept, dropped and why goes to stderr.

Standard library plus PyYAML only.
"""

import collections
import datetime
import difflib
import os
import re
import sys
import unicodedata

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
RESOURCES = os.path.normpath(os.path.join(HERE, '..', 'resources'))

STATS = collections.Counter()


def stat(what, n=1):
    STATS[what] += n


def warn(msg):
    print(msg, file=sys.stderr)


# --------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------

def key(s):
    """Comparison key of a form: case-folded, punctuation, hyphens and apostrophes read as
    spaces, white space collapsed (accents kept)."""
    s = s.replace('\u2019', "'").casefold()
    s = re.sub(r"[^\w]+|_", ' ', s)
    return ' '.join(s.split())


ACCENT_MAP = str.maketrans({c: base for base, chars in {
    'a': 'àáâãäåāă', 'A': 'ÀÁÂÃÄÅĀĂ', 'c': 'çćč', 'C': 'ÇĆČ', 'e': 'èéêëēě', 'E': 'ÈÉÊËĒĚ',
    'i': 'ìíîïī', 'I': 'ÌÍÎÏĪ', 'n': 'ñńň', 'N': 'ÑŃŇ', 'o': 'òóôõöøōő', 'O': 'ÒÓÔÕÖØŌŐ',
    'u': 'ùúûüūůű', 'U': 'ÙÚÛÜŪŮŰ', 'y': 'ýÿ', 'Y': 'Ý', 's': 'šśş', 'S': 'ŠŚŞ', 'z': 'žźż',
    'Z': 'ŽŹŻ', 'l': 'ł', 'L': 'Ł', 'r': 'ř', 'R': 'Ř'}.items() for c in chars})


def rfold(name):
    """The key graphgen's dictionary loader gives a form (`graph::ids::fold`): lower case,
    accents off, periods and apostrophes removed, hyphens as spaces, no possessive `'s`, no
    leading `the`.  No two entries may share one."""
    s = name.replace('\u2019', "'")
    if s.endswith("'s"):
        s = s[:-2]
    out = []
    for c in s:
        if c in ".'":
            continue
        if c in '-\u2010\u2011\u2013':
            out.append(' ')
        elif c.isalnum():
            out.append(c.lower())
        else:
            out.append(' ')
    words = ''.join(out).split()
    if len(words) > 1 and words[0] == 'the':
        words = words[1:]
    return ' '.join(w.translate(ACCENT_MAP) for w in words)


def fold(s):
    """`key` with accents removed, for deciding whether two spellings are one name."""
    s = unicodedata.normalize('NFKD', s)
    s = ''.join(ch for ch in s if not unicodedata.combining(ch))
    return key(s)


# --------------------------------------------------------------------------------------------
# Word lists written by hand (general English and naming knowledge)
# --------------------------------------------------------------------------------------------

# Very common English words.  A single-word organisation name or alias, or the remainder of a
# company name without its legal suffix, is refused when it is one of these (lower-cased).
COMMON_WORDS = set("""
a able about above academy access account act action active activity actor actors add address
administration advance advantage advice affair affairs africa after against age agency agenda
agent ahead aid aim air airline airlines airport alarm alert alive all alliance allies allied
allow alone along alpha already also alternative always amber america american among amount
anchor and angel anger animal annual another answer anti any apex apple approach april arab
arc arch area arena arm armed armor armour arms army around arrow art arts as asia ask asset
assets assembly associated association at atlas attack august authority auto avenue award away
axis back balance ball band bank banks bar base basic basin battle bay be beacon bear beat
beauty become bed before begin behind being believe bell below best beta better between beyond
big bill bird birth bit black blade blaze block blood blue board boat body bold bond bonds book
border born both bottom box boy brain branch brand brave bread break bridge bright bring broad
brother brothers brown budget build builder building bureau burst business but buy by cabinet
cable call calm came camp campaign can canal cancer capital captain car card care career cargo
carrier carry case cash cast castle cat cause cell cells center central centre century chain
chair chamber champion chance change channel chapter charge charter chase check chemical
chemicals chief child children choice church circle citizen citizens city civil claim class
clean clear climate clinic clock close cloud club coal coast code coin cold collective college
colony color colour column combat come command commerce commission committee common community
company compass concept concern concord condor congress connect conservative constant
consumer contact content continental control cooperation copper core corner corporation
corps council counsel count country county courage course court cover craft creative credit
crescent crest crew crime cross crown crystal cube cultural culture cup current custom
customs cut cycle daily dam dance dare dark data date dawn day dead deal dear death debt
decision deep defence defense delta democracy democrat democratic department deputy desert
design desk destiny develop development diamond diet digital direct direction director
discovery district divine division do doctor dog dollar dome domestic door double dove down
dragon draw dream dress drive drop dry due duty dynamic eagle early earth east eastern easy
echo economic economy edge edition education effect effort eight elect electric element
elite embassy emerald emergency empire employment end energy engine engineering enterprise
entry environment equal equity era escape essential estate eternal ethics euro event ever
every evidence evolution exchange executive exercise exile exit expert export express eye
face fact factor factory faith fall family far farm farmers fashion fast father favor favour
fear federal federation feed fellow few field fields fight fighters figure file film final
finance financial find fine fire firm first fiscal fish fit five fix flag flame fleet flight
flow flower fly focus folk follow food foot for force forces foreign forest forever form
formula fortune forum forward foundation fountain four fox frame free freedom fresh friend
friends from front frontier fruit fuel full fund funds future gain galaxy game gap garden gas
gate gateway gear gem general generation genesis gentle giant gift give glass global globe
glory go goal god gold golden good government grace grain grand grant graphic grass great
green grid ground group grow growth guard guardian guide gulf gun hall hammer hand harbor
harbour hard harmony harvest hawk head health heart heat heaven heavy help heritage hero high
highway hill history hit hold holding holdings holy home honor honour hope horizon horse
hospital host hot hour house human humanity hunger hunter hunt ice idea ideal image impact
import independence independent index industrial industries industry info information inland
inner innovation insight institute institution insurance integrity intelligence interest
interior internal international invest investment investor iron island issue it item jack
jade jet job join joint journal journey joy judge judicial junior jupiter just justice keep
key kid kind king kingdom knight know labor labour lady lake land language large laser last
late launch law lead leader leadership league learn left legacy legal legend level liberal
liberation liberty life light lightning like lime line link lion list little live living
load local lock logic long look lord loss lotus love low loyal luck lunar machine made magic
main major majority make maker man manager many map maple march marine mark market markets
mars mass master match matter may meadow means media medical medicine meet member members
memory men mercury merit message metal meteor method metro middle mid might mile military
milk mill mind mineral minister ministry minor mint mirror mission mobile model modern money
monitor moon more morning most mother motion motor motors mount mountain move movement much
music mutual name nation national nations native natural nature navy near need net network
new news next night nine no noble none north northern nothing notice nova now nuclear number
nurse oak object ocean october of off offer office officer official oil old olive omega on
one online only open opera operation opinion opposition option or oracle orange orbit order
ordinary organization organisation origin other our out outlook over owner pace pacific pack
page paint palace palm panel paper parade parent park parliament part partner partners party
pass past path patriot patriots patrol pay peace peak pearl people peoples perfect period
person petroleum phoenix phone pilot pine pioneer place plain plan planet plant plastic
platform play plaza plus point polar police policy political pop popular port position
positive post potential pound power practical premier premium present press pride prime
prince principal print prior priority prison private prize pro process produce product
production products professional profit program programme progress progressive project
promise property prospect protect protection public pulse pure purpose quality quarter queen
quest question quick quiet race radical radio rail rain rainbow range rapid rate raven reach
read ready real reason rebel rebels record recovery red reform region regional regular
relief remedy renaissance renewal report republic republican research reserve resistance
resource resources response rest result return revival revolution reward rich ride right
rights ring rise risk river road rock rocket role room root rose round route royal rule run
rural safe safety sage sail saint sale salt same sand save say scale school science scout
screen sea seal search season seat second secret secretary section sector security see seed
select self senate senior sense service services set settlement seven shadow share shell
shelter shield shift ship shop short show side sign signal silent silk silver simple single
sister site six size sky slate small smart snow social society soft solar soldier solid
solidarity solution son sound source south southern space spark speak special speed spirit
sport sports spring square staff stage standard star start state states station steel step
sterling still stock stone stop storm story straight strategic strategy stream street strength
strike strong structure student studies study style subject success summit sun sunrise
sunshine super supply support supreme surface survey swan sword symbol system systems table
take talent target task tax team technical technology telecom temple ten term terra test
text the theater theatre theory there thing think third thought three thunder tide tiger
time times title today together token tomorrow tool top total touch tower town trade trading
tradition traffic trail train transport travel treasury tree trend trial tribe tribune trinity
triumph troop troops true trust truth turn twin two type ultra umbrella under union unique
unit united unity universal universe university up urban us use valley value values vanguard
vector venture veteran veterans victory view village vision visit vital voice volunteer
volunteers vote voyage wall war ward warrior warriors watch water wave way we wealth weather
welfare well west western wheel white whole wide wild will win wind window wing winter wisdom
wise with without woman women wonder wood word work workers working world worth write year
yellow yes young youth zero zone
""".split())

COMMON_WORDS |= set("""
ability absence academic accent accept accident acid acre actual adult advanced adventure
affordable agent agreement agricultural alpine amateur ambassador ample analog analysis anchor
ancient angle ankle annex antique anvil apart apartment appeal applied apron aqua arcade
archer architect arctic argument armor arrival artisan ascent ash aspect assembly assist
assistant associate assurance astral athletic atlantic atom attic attorney audio author
autumn avenue aviation avid awake aware axle baby bachelor backbone bacon badge badger bag
baker bakery balloon bamboo banner bargain barn barrel basket bath battery beach bean beard
bed bee beef beer bell belt bench berry bicycle billion bingo biology birch biscuit bishop
blank blanket blast blend bliss blizzard blossom board boiler bolt bone bonus boost boot
booth boss bottle boulder boulevard bounty bow bowl brace bracket brake brass bravo breeze
brick bride brief brilliant brink broker brook broom brush bubble bucket buckle buddy buffalo
bull bullet bundle burger buyer cabin cactus cafe cake calendar camera canary candle candy
cane cannon canoe canopy canvas canyon cap cape caravan carbon cardinal carnival carpet
carriage carton cartoon cascade cashier casino cattle cavalier cedar ceiling cellar cement
census ceramic cereal chalk chamber chancellor chapel charity charm chart checker cheese chef
cherry chess chest chicken chimney chip chocolate chorus chrome cinema circuit citadel citrus
civic clay cliff climber clipper clover coach coastal cobalt coconut coffee collar colonial
comet comfort comic commander commercial companion complete component compound computer
concrete condo conference confidence connector consultant container continental contract
convoy cook cookie cool cooper copy coral cord corn cotton couch cougar counter coupon
cowboy crane crash crater crayon cream credit creek crest cricket crimson critical crop
crossing crow crowd crude cruise crush cube cuisine curve cushion cyber cypress dairy daisy
dart dash database deck decor deer defender delight deluxe demand dental deposit depot
derby detective diamond dice diesel dinner dinosaur diploma direct discount dish dividend
dock dollar dolphin domino donor dot dozen draft drama drill driver drum duck dune dust
dwelling dynamo eagle earnest ease eastern eclipse ecology edge editor educator egg elbow
elder electronic electronics elegant elephant elevator elm embassy emblem empire employer
encore endeavor enterprise envoy epic epoch equation equator equipment essence estate
evergreen excel excellence exhibit expedition explorer express fabric fairway falcon fan
fantasy fare farmer feather federal fence ferry festival fiber fiction fiddle filter finch
fisher flag flagship flash flat flint flip flora florist fluid foam focus fog folio forge
fork formal fort fortress fossil foundry fox fragrance freight frontier frost fusion gallery
gamma garage garrison gazette gear gem gene genius geo giant ginger glacier glen glide gloss
glove glow goat golf gospel gourmet grain granite grape graphite gravity grill grocery
grove guardian guild guitar gull habitat halo hamlet handy harbor hardware harp haven hawk
hazel headline helix helm herald herb heritage highland hilltop hive hollow homestead honey
hook hornet hospitality hotel hound humble hummingbird husky hybrid icon imperial impulse
independence infinity ink inn insight instant integral intel intrepid invest ivory jaguar
jasper jewel jolly journal jubilee jumbo juniper kettle keystone kite knot lab label ladder
lagoon lamp lancer lantern lark lattice laurel lava lawn layer leaf ledger lemon lens level
lever liberty library lighthouse lily limestone linen liner lodge loft logo lumber lynx
magnet magnolia mainstream majestic mammoth manor mantle marathon marble mariner maritime
marsh marvel mason matrix maverick maximum mayor meadow medallion mega mentor merchant
meridian mesa metro micro midland midway milestone millennium mimosa miner minute miracle
mission modem module momentum monarch monument mosaic moss motel mountain mustang myriad
nation navigator nebula needle neon nest nexus niche nickel nimbus noble nomad northern
northstar novel nugget oasis odyssey olympic omni onyx opal optical optimum orchard orchid
organic outdoor outlet owl oxford pacer paddle pagoda palette panther paragon paramount
partner patriot pavilion peach pelican pen penguin pepper pharmacy phantom pilgrim pinnacle
pioneer pirate pivot pixel plaza plum pocket polaris pony portal poster prairie precision
premier presidio prestige prism prodigy prologue prospect providence provident puma pyramid
quantum quarry quartz quasar radiant radius ranch ranger raptor realty rebel redwood reef
regal regent relay reliance reliant republic rescue resort retail ridge rival riverside robin
rocket rodeo rover ruby saber safari salmon sandstone sapphire satellite savanna scholar
schooner scope scorpion sentinel sentry sequoia sherpa shore sierra silicon skyline slate
soaring sonic sovereign spartan spectrum sphere spire spruce stallion stellar sterling
stratus summit sunbelt superior surge swift symphony synergy talon tandem tango tapestry
teal telegraph tempo terminal thistle thrive timber titan topaz torch tornado tower tracker
trader trailer transit treasure trident trojan trophy tundra turbo tuxedo twilight unicorn
utility valiant vanguard vantage velocity venture veranda vertex viking vintage violet viper
vista vortex voyager walnut warden waterfall wayfarer wildcat willow windmill wolf zenith
zephyr employers ambassadors hawaiian cardinal citizens community bancorp sun
""".split())


# Acronyms that are written in capitals although they are pronounceable.
KNOWN_ACRONYMS = set("""
AIDS ASEAN CENTO COMECON DARPA ECOWAS EFTA EU FIFA IAEA INTERPOL MERCOSUR MONUC MONUSCO NAFTA
NASA NATO NORAD OPEC OSCE SADC SEATO UN UNAIDS UNAMA UNAMI UNESCO UNICEF UNIFIL UNITA UNMIK
UNMIL UNRWA UNSC US USA UK IRA ETA PLO ANC AU GCC OAS OIC OAU ICC ICJ ICRC IMF WHO WTO WFP
UNDP UNHCR UNEP IOM ILO FAO IFAD OECD APEC BRICS NGO NGOS AMISOM ECOMOG UNAMID UNMISS HIV
UNFPA UNIDO UNCTAD UNITAR UNOPS UNU UNOCHA OCHA OHCHR ICANN IUCN WWF
""".split())

# Lower-case particles inside persons' names.
PERSON_PARTICLES = {'bin', 'bint', 'ibn', 'van', 'von', 'de', 'da', 'di', 'dos', 'das', 'del',
                    'der', 'den', 'du', 'la', 'le', 'des', 'della', 'ter', 'ten', 'zu', 'y', 'wa'}
# Arabic articles glued to the next word with a hyphen (`al-Assad`).
ARABIC_ARTICLES = {'al', 'el', 'ad', 'ash', 'ar', 'az', 'as', 'at', 'an', 'adh', 'ath'}
# Only `al` is recognised when spaced in organisation names, where `as`, `at`, `an` and
# (Spanish) `el` are other words.
ORG_ARABIC_ARTICLES = {'al'}
# Lower-case function words inside organisation names.
ORG_FUNCTION_WORDS = {'of', 'the', 'and', 'for', 'in', 'on', 'at', 'de', 'des', 'du', 'la', 'le',
                      'les', 'to', 'against', 'with', 'by', 'from', 'a', 'an', 'y', 'et', 'del',
                      'di', 'da', 'do', 'dos', 'das', 'della', 'per', 'pour', 'fi', 'wa', 'wal',
                      'li', 'und', 'fur', 'für', 'van', 'von', 'der', 'den', 'het', 'or', 'over',
                      'under', 'into', 'el', 'en', 'los', 'las', 'au', 'aux', 'sur', 'e'}
# Words that never appear inside a person's name (only their first-name uses are excepted by
# the given-name list).
NON_NAME_WORDS = {'of', 'the', 'and', 'for', 'in', 'on', 'to', 'against', 'with', 'by', 'from',
                  'or', 'a', 'an', 'at', 'over', 'under', 'into', 'fi', 'wa', 'wal', 'li',
                  'sans', 'contre', 'contra', 'pour', 'sin', 'con', 'avec', 'sur', 'und', 'fur',
                  'für', 'ohne', 'senza', 'por', 'para', 'et', 'les', 'het', 'voor'}

# Head words of organisation names (added to the `org_heads.tsv` institute heads).
ORG_HEADS_EXTRA = {
    'party', 'parties', 'army', 'armies', 'front', 'council', 'ministry', 'ministries', 'institute',
    'university', 'company', 'bank', 'group', 'groups', 'organization', 'organisation', 'brigade',
    'brigades', 'movement', 'committee', 'forces', 'force', 'union', 'association', 'league',
    'agency', 'commission', 'court', 'fund', 'federation', 'foundation', 'society', 'alliance',
    'coalition', 'corporation', 'inc', 'ltd', 'limited', 'plc', 'llc', 'corp', 'co', 'sa', 'nv',
    'ag', 'gmbh', 'spa', 'bhd', 'tbk', 'industries', 'holdings', 'international', 'network',
    'centre', 'center', 'service', 'services', 'office', 'department', 'bureau', 'authority',
    'administration', 'government', 'regime', 'assembly', 'parliament', 'congress', 'senate',
    'tribunal', 'secretariat', 'program', 'programme', 'project', 'initiative', 'mission',
    'militia', 'militias', 'battalion', 'battalions', 'regiment', 'division', 'command', 'corps',
    'guard', 'guards', 'police', 'navy', 'airlines', 'airways', 'bancorp', 'bancshares', 'energy',
    'resources', 'systems', 'technologies', 'technology', 'pharmaceuticals', 'petroleum', 'motors',
    'electric', 'trust', 'partners', 'capital', 'financial', 'insurance', 'communications',
    'media', 'entertainment', 'products', 'properties', 'realty', 'enterprises', 'solutions',
    'labs', 'laboratories', 'therapeutics', 'semiconductor', 'software', 'networks', 'stores',
    'brands', 'foods', 'chemical', 'chemicals', 'mining', 'minerals', 'steel', 'oil', 'gas',
    'telecom', 'bancorporation', 'cells', 'cell', 'nuclei', 'nucleus', 'commando', 'commandos',
    'fighters', 'faction', 'factions', 'legion', 'jihad', 'mujahideen', 'martyrs', 'declaration',
    'observatory', 'watch', 'school', 'college', 'academy', 'hospital', 'church', 'club',
    'council', 'board', 'conference', 'forum', 'fellowship', 'order', 'sisters', 'brothers',
    'brotherhood', 'republic', 'state', 'states', 'kingdom', 'emirate', 'caliphate', 'nations',
    'community', 'communities', 'people', 'peoples', 'family', 'families', 'tank', 'team',
    'unit', 'units', 'squad', 'cartel', 'gang', 'clan', 'tribe', 'tribes', 'sect', 'worldwide',
    'global', 'airport', 'port', 'station', 'palace', 'house', 'street', 'river', 'ocean', 'sea',
    'island', 'islands', 'cooperation', 'development', 'rights', 'relief', 'aid', 'care',
    'health', 'peace', 'freedom', 'liberation', 'resistance', 'revolution', 'revolutionary',
    'democratic', 'socialist', 'communist', 'islamic', 'national', 'popular', 'united',
    'federal', 'central', 'general', 'supreme', 'special', 'public', 'royal', 'armed',
    'military', 'ltda', 'pty', 'sarl', 'srl', 'kk', 'oy', 'ab', 'asa', 'as', 'se', 'lp', 'llp',
    # the same heads in French, Spanish, Portuguese, German, Italian
    'fondation', 'fundacion', 'fundación', 'fundação', 'fundacao', 'stiftung', 'fondazione',
    'asociacion', 'asociación', 'associação', 'associacao', 'associazione', 'comite', 'comité',
    'comitato', 'centro', 'instituto', 'institut', 'istituto', 'organizacion', 'organización',
    'organizzazione', 'movimiento', 'mouvement', 'movimento', 'partido', 'parti', 'partito',
    'partei', 'frente', 'fronte', 'unión', 'liga', 'ligue', 'federacion', 'federación',
    'fédération', 'consejo', 'conseil', 'consiglio', 'sindicato', 'syndicat', 'colectivo',
    'collectif', 'reseau', 'réseau', 'grupo', 'groupe', 'gruppo', 'ejercito', 'ejército',
    'armée', 'armee', 'esercito', 'fuerzas', 'brigadas', 'comando', 'comandos', 'ministerio',
    'ministère', 'ministere', 'ministerium', 'universidad', 'université', 'universite',
    'universität', 'universitat', 'università', 'banco', 'banque', 'compagnie', 'compañía',
    'sociedad', 'société', 'societe', 'gesellschaft', 'verband', 'verein', 'bund', 'agence',
    'agencia', 'oficina', 'office', 'caritas', 'misión', 'mision', 'jabhat', 'jaish', 'jaysh',
    'harakat', 'hizb', 'liwa', 'liwaa', 'katibat', 'kataib', 'kataeb', 'tanzim', 'jamaat',
    'jemaah', 'majlis', 'ahrar', 'tehrik', 'lashkar',
    'sipah', 'sipah-e', 'lashkar-e', 'jaish-e', 'tehreek', 'tahrir', 'mujahidin',
    'internacional', 'internationale', 'internazionale', 'urgence', 'medica', 'médica',
    'mujahideen', 'fedayeen', 'fedayin', 'rifles', 'rangers', 'scouts', 'marines', 'commando',
    'squadron', 'cell', 'cells', 'nucleus', 'nuclei', 'army', 'armed',
}

# Legal suffixes of company names.
LEGAL_SUFFIXES = ['incorporated', 'inc', 'corporation', 'corp', 'company', 'co', 'ltd', 'limited',
                  'plc', 'llc', 'ag', 'sa', 'nv', 'holdings', 'holding', 'group', 'gmbh', 'spa',
                  'lp', 'llp', 'se', 'bhd', 'tbk', 'ab', 'asa', 'oyj']

# CountryInfo blocks are persons; these words would still make one an organisation.
COUNTRYINFO_ORG_WORDS = {'party', 'ministry', 'council', 'committee', 'army', 'front', 'movement',
                         'union', 'organization', 'organisation', 'bank', 'company',
                         'corporation', 'university', 'institute', 'agency', 'commission',
                         'government', 'assembly', 'parliament', 'court', 'forces',
                         'department', 'office', 'of'}

# First words of Arabic personal names (kunya, `Abu Bakr al-Baghdadi`).
PERSON_STARTERS = {'abu', 'abou', 'umm', 'abd', 'abdel', 'abdul', 'abdal', 'abdallah', 'abdullah'}

# Words that make an alias generic (a role, a body around the actor, not the actor).
GENERIC_WORDS = {'administration', 'administrations', 'government', 'governments', 'regime',
                 'regimes', 'forces', 'supporters', 'loyalists', 'spokesman', 'spokeswoman',
                 'spokesperson', 'family', 'followers', 'camp', 'aides', 'aide', 'allies',
                 'cabinet', 'office', 'team', 'troops', 'militiamen', 'men', 'people', 'officials',
                 'official', 'authorities', 'wife', 'husband', 'son', 'daughter', 'brother',
                 'sister', 'widow', 'clan', 'dynasty', 'era', 'presidency', 'government\'s',
                 'campaign', 'faction', 'wing', 'delegation', 'representative', 'representatives',
                 'envoy', 'envoys', 'staff', 'members', 'member', 'leadership', 'network',
                 'sympathizers', 'sympathisers', 'partisans', 'militants', 'fighters',
                 'countries', 'nations', 'states', 'member-states', 'ministers', 'leaders'}

# Generic words of groups around an actor: `X forces`, `X regime`, `ASEAN countries`.
GENERIC_SUFFIXES = {'forces', 'administration', 'administrations', 'regime', 'government',
                    'supporters', 'loyalists', 'troops', 'militiamen', 'followers', 'officials',
                    'authorities', 'camp', 'family', 'sympathizers', 'sympathisers'}
GENERIC_ORG_WORDS = GENERIC_SUFFIXES | {'countries', 'states', 'nations', 'members',
                                        'member-states', 'leaders', 'ministers', 'people',
                                        'government\'s', 'governments', 'regimes'}

# Person titles and role words, in addition to titles.tsv, honorifics.tsv and the agents file.
EXTRA_TITLES = """
president|prime minister|senator|sen.|sen|rep.|rep|representative|secretary|secretary of state|
minister|foreign minister|gen.|gen|general|mr.|mr|mrs.|mrs|ms.|ms|dr.|dr|king|queen|prince|
princess|sheikh|sheik|shaikh|chancellor|premier|vice president|vice-president|president-elect|
prime minister-elect|former|ex|ex-president|then|acting|interim|late|outgoing|incoming|deputy|
lord|lady|sir|dame|baron|baroness|countess|duke|emir|amir|sultan|crown prince|
ayatollah|grand ayatollah|hojatoleslam|hojjat ol eslam|hojjat-ol-eslam|hojatolislam|mullah|
maulana|imam|rev.|rev|reverend|pope|
cardinal|archbishop|bishop|col.|col|colonel|lt.|lt|lieutenant|maj.|maj|major|capt.|capt|
captain|adm.|adm|admiral|marshal|field marshal|brig.|brig|brigadier|cmdr.|cmdr|commander|
sgt.|sgt|sergeant|gov.|gov|governor|mayor|amb.|amb|ambassador|justice|judge|chief justice|
speaker|chairman|chairwoman|chair|leader|chief|head|director|secretary-general|
secretary general|undersecretary|under secretary|assistant secretary|congressman|
congresswoman|congressional|mp|m.p.|msp|mep|hon.|hon|honorable|honourable|his excellency|
excellency|her majesty|his majesty|majesty|his highness|her highness|highness|emperor|
empress|tsar|czar|shah|rais|raïs|haji|hajji|al-haj|alhaji|mwalimu|comrade|
dear leader|great leader|supreme leader|marshal|generalissimo|mister|madam|madame|mme|mme.|
m.|herr|frau|senor|señor|senora|señora|signor|monsieur|sahib|shri|sri|smt|
pandit|swami|sadhvi|sheikha|sayyid|sayed|seyed|sayyed|ustad|ustaz|datuk|dato|tun|tan sri|
tunku|tengku|raja|rajah|maharaja|nawab|begum|khan sahib|mrs|miss|nobel laureate|laureate|
professor|prof.|prof|kanzler|kanzlerin|bundeskanzler|bundeskanzlerin|bundespräsident|
bundesprasident|präsident|prasident|président|presidente|presidenta|premier ministre|ministre|
ministro|ministra|ministerpräsident|ministerprasident|primer ministro|primeiro-ministro|
primeiro ministro|roi|könig|konig|reine|königin|konigin|cheikh|shaykh|sheykh|
jenderal|jeneral|bapak|pak|ibu|presiden|perdana menteri|menteri|spokesman|spokeswoman|
spokesperson|official|officials|militant|
rebel|rebel leader|opposition leader|party leader|militant leader|warlord|strongman|
dictator|tyrant|defense secretary|defence secretary|defense minister|defence minister|
interior minister|finance minister|foreign secretary|home secretary|attorney general|
secretary of defense|secretary of the treasury|treasury secretary|national security adviser|
national security advisor|chief of staff|white house chief of staff|first lady
""".replace('\n', '').split('|')

# Nationality words written before a title (`US President X`), besides countries.tsv forms.
CORE_NATIONALITY = {'us', 'u.s.', 'u. s.', 'american', 'united states', 'u.s.a.', 'usa', 'uk',
                    'u.k.', 'british', 'un', 'u.n.', 'united nations', 'eu', 'e.u.', 'european',
                    'soviet', 'nato'}
# ... and the modifiers that stand there too (`Former Rebel Leader X`).
EXTRA_NATIONALITY = CORE_NATIONALITY | {
                     'former', 'ex', 'then', 'acting', 'the', 'interim', 'late',
                     'communist', 'socialist', 'republican', 'democratic', 'democrat',
                     'opposition', 'rebel', 'militant', 'islamist', 'hardline', 'hard-line',
                     'moderate', 'reformist', 'conservative', 'liberal', 'veteran', 'senior',
                     'top', 'chief', 'deputy', 'vice', 'assistant', 'outgoing', 'incoming',
                     'caretaker', 'embattled', 'ousted', 'deposed', 'exiled', 'jailed',
                     'imprisoned', 'slain', 'assassinated', 'elected', 'designate', 'newly',
                     'new', 'kurdish', 'palestinian', 'arab', 'georgia', 'state', 'federal',
                     'provincial', 'regional', 'party', 'junta', 'military', 'army', 'navy',
                     'gulf', 'african', 'asian', 'latin'}

# ISO 3166-1 alpha-3 and CAMEO country codes, the countries.tsv name they stand for.  Used only
# for the codes that the country blocks of Phoenix.Countries.actors.txt do not map.
ISO3 = {
    'AFG': 'Afghanistan', 'ALB': 'Albania', 'DZA': 'Algeria', 'AND': 'Andorra', 'AGO': 'Angola',
    'ATG': 'Antigua and Barbuda', 'ARG': 'Argentina', 'ARM': 'Armenia', 'AUS': 'Australia',
    'AUT': 'Austria', 'AZE': 'Azerbaijan', 'BHS': 'Bahamas', 'BHR': 'Bahrain',
    'BGD': 'Bangladesh', 'BRB': 'Barbados', 'BLR': 'Belarus', 'BEL': 'Belgium', 'BLZ': 'Belize',
    'BEN': 'Benin', 'BTN': 'Bhutan', 'BOL': 'Bolivia', 'BIH': 'Bosnia and Herzegovina',
    'BWA': 'Botswana', 'BRA': 'Brazil', 'BRN': 'Brunei', 'BGR': 'Bulgaria',
    'BFA': 'Burkina Faso', 'BDI': 'Burundi', 'CPV': 'Cape Verde', 'KHM': 'Cambodia',
    'CMR': 'Cameroon', 'CAN': 'Canada', 'CAF': 'Central African Republic', 'TCD': 'Chad',
    'CHL': 'Chile', 'CHN': 'China', 'COL': 'Colombia', 'COM': 'Comoros',
    'COG': 'Republic of the Congo', 'COD': 'Democratic Republic of the Congo',
    'CRI': 'Costa Rica', 'CIV': 'Ivory Coast', 'HRV': 'Croatia', 'CUB': 'Cuba',
    'CYP': 'Cyprus', 'CZE': 'Czech Republic', 'DNK': 'Denmark', 'DJI': 'Djibouti',
    'DMA': 'Dominica', 'DOM': 'Dominican Republic', 'ECU': 'Ecuador', 'EGY': 'Egypt',
    'SLV': 'El Salvador', 'GNQ': 'Equatorial Guinea', 'ERI': 'Eritrea', 'EST': 'Estonia',
    'SWZ': 'Eswatini', 'ETH': 'Ethiopia', 'FJI': 'Fiji', 'FIN': 'Finland', 'FRA': 'France',
    'GAB': 'Gabon', 'GMB': 'Gambia', 'GEO': 'Georgia', 'DEU': 'Germany', 'GHA': 'Ghana',
    'GRC': 'Greece', 'GRD': 'Grenada', 'GTM': 'Guatemala', 'GIN': 'Guinea',
    'GNB': 'Guinea-Bissau', 'GUY': 'Guyana', 'HTI': 'Haiti', 'HND': 'Honduras',
    'HUN': 'Hungary', 'ISL': 'Iceland', 'IND': 'India', 'IDN': 'Indonesia', 'IRN': 'Iran',
    'IRQ': 'Iraq', 'IRL': 'Ireland', 'ISR': 'Israel', 'ITA': 'Italy', 'JAM': 'Jamaica',
    'JPN': 'Japan', 'JOR': 'Jordan', 'KAZ': 'Kazakhstan', 'KEN': 'Kenya', 'KIR': 'Kiribati',
    'PRK': 'North Korea', 'KOR': 'South Korea', 'KWT': 'Kuwait', 'KGZ': 'Kyrgyzstan',
    'LAO': 'Laos', 'LVA': 'Latvia', 'LBN': 'Lebanon', 'LSO': 'Lesotho', 'LBR': 'Liberia',
    'LBY': 'Libya', 'LIE': 'Liechtenstein', 'LTU': 'Lithuania', 'LUX': 'Luxembourg',
    'MDG': 'Madagascar', 'MWI': 'Malawi', 'MYS': 'Malaysia', 'MDV': 'Maldives', 'MLI': 'Mali',
    'MLT': 'Malta', 'MHL': 'Marshall Islands', 'MRT': 'Mauritania', 'MUS': 'Mauritius',
    'MEX': 'Mexico', 'FSM': 'Micronesia', 'MDA': 'Moldova', 'MCO': 'Monaco', 'MNG': 'Mongolia',
    'MNE': 'Montenegro', 'MAR': 'Morocco', 'MOZ': 'Mozambique', 'MMR': 'Myanmar',
    'NAM': 'Namibia', 'NRU': 'Nauru', 'NPL': 'Nepal', 'NLD': 'Netherlands',
    'NZL': 'New Zealand', 'NIC': 'Nicaragua', 'NER': 'Niger', 'NGA': 'Nigeria',
    'MKD': 'North Macedonia', 'NOR': 'Norway', 'OMN': 'Oman', 'PAK': 'Pakistan', 'PLW': 'Palau',
    'PSE': 'Palestine', 'PAN': 'Panama', 'PNG': 'Papua New Guinea', 'PRY': 'Paraguay',
    'PER': 'Peru', 'PHL': 'Philippines', 'POL': 'Poland', 'PRT': 'Portugal', 'QAT': 'Qatar',
    'ROU': 'Romania', 'RUS': 'Russia', 'RWA': 'Rwanda', 'KNA': 'Saint Kitts and Nevis',
    'LCA': 'Saint Lucia', 'VCT': 'Saint Vincent and the Grenadines', 'WSM': 'Samoa',
    'SMR': 'San Marino', 'STP': 'Sao Tome and Principe', 'SAU': 'Saudi Arabia',
    'SEN': 'Senegal', 'SRB': 'Serbia', 'SYC': 'Seychelles', 'SLE': 'Sierra Leone',
    'SGP': 'Singapore', 'SVK': 'Slovakia', 'SVN': 'Slovenia', 'SLB': 'Solomon Islands',
    'SOM': 'Somalia', 'ZAF': 'South Africa', 'SSD': 'South Sudan', 'ESP': 'Spain',
    'LKA': 'Sri Lanka', 'SDN': 'Sudan', 'SUR': 'Suriname', 'SWE': 'Sweden',
    'CHE': 'Switzerland', 'SYR': 'Syria', 'TWN': 'Taiwan', 'TJK': 'Tajikistan',
    'TZA': 'Tanzania', 'THA': 'Thailand', 'TLS': 'East Timor', 'TMP': 'East Timor',
    'TGO': 'Togo', 'TON': 'Tonga', 'TTO': 'Trinidad and Tobago', 'TUN': 'Tunisia',
    'TUR': 'Turkey', 'TKM': 'Turkmenistan', 'TUV': 'Tuvalu', 'UGA': 'Uganda', 'UKR': 'Ukraine',
    'ARE': 'United Arab Emirates', 'GBR': 'United Kingdom', 'USA': 'United States',
    'URY': 'Uruguay', 'UZB': 'Uzbekistan', 'VUT': 'Vanuatu', 'VAT': 'Vatican City',
    'VEN': 'Venezuela', 'VNM': 'Vietnam', 'YEM': 'Yemen', 'ZMB': 'Zambia', 'ZWE': 'Zimbabwe',
    'KSV': 'Kosovo', 'XKX': 'Kosovo', 'USR': 'Soviet Union', 'SUN': 'Soviet Union',
    'DDR': 'East Germany', 'YUG': 'Yugoslavia', 'FRY': 'Yugoslavia', 'CSK': 'Czechoslovakia',
    'FRG': 'West Germany', 'BRD': 'West Germany', 'VDR': 'North Vietnam',
    'RVN': 'South Vietnam',
}
ISO3 = {k: v for k, v in ISO3.items() if v}

# CAMEO primary role (sector) codes.  A code whose part after the country is not one of these
# (`USAASM` American Samoa, `PSEGZA` Gaza) names a territory, not an actor.
CAMEO_SECTORS = {'GOV', 'MIL', 'REB', 'OPP', 'PTY', 'COP', 'JUD', 'SPY', 'LEG', 'ELI', 'BUS',
                 'MED', 'EDU', 'CVL', 'LAB', 'HLH', 'HRI', 'REF', 'AGR', 'CRM', 'DEV', 'ENV',
                 'MOD', 'RAD', 'UAF', 'INS', 'SEP', 'IGO', 'NGO', 'NGM', 'MNC', 'IMG', 'REL',
                 'UNR', 'PPL', 'MUS', 'CHR', 'JEW', 'HIN', 'BUD'}
# Second-level codes that, after GOV, name another branch of the state (GOVLEG: legislatures
# and legislators; GOVJUD in CountryInfo is the minister of justice, so it stays GOV).
BRANCH_AFTER_GOV = {'LEG'}


# --------------------------------------------------------------------------------------------
# Reading the lexicons next to the script
# --------------------------------------------------------------------------------------------

def read_tsv(path):
    """Rows of a resources TSV as dicts (header = first non-comment line)."""
    rows = []
    if not os.path.exists(path):
        return rows
    header = None
    with open(path, encoding='utf-8') as fh:
        for line in fh:
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            cols = line.split('\t')
            if header is None:
                header = cols
                continue
            cols += [''] * (len(header) - len(cols))
            rows.append(dict(zip(header, cols)))
    return rows


def split_bar(v):
    return [x.strip() for x in v.split('|') if x.strip()]


class Lexicons:
    def __init__(self):
        self.countries = read_tsv(os.path.join(RESOURCES, 'countries.tsv'))
        if not self.countries:
            sys.exit('build_knowledge: resources/countries.tsv missing or empty')
        self.country_names = [r['name'] for r in self.countries]
        self.country_name_set = set(self.country_names)
        # key -> country name, for names and aliases (the mapping of Phoenix country blocks)
        self.country_by_key = {}
        for r in self.countries:
            for f in [r['name']] + split_bar(r.get('aliases', '')):
                self.country_by_key.setdefault(fold(f), r['name'])
        # country names and aliases inside organisation names, as their country's name key
        self.country_form_key = {}
        for r in self.countries:
            for f in [r['name']] + split_bar(r.get('aliases', '')):
                self.country_form_key.setdefault(key(f), key(r['name']))
        self.country_form_key.setdefault('u s', 'united states')
        forms = sorted(self.country_form_key, key=lambda x: (-len(x), x))
        self.country_form_re = re.compile(r'(?<= )(' + '|'.join(re.escape(f) for f in forms)
                                          + r')(?= )')
        # every gazetteer form (countries in all columns, places, outlets): an actor form equal
        # to one of these belongs to another list
        self.gazetteer = {}
        self.gazetteer_folded = set()
        for r in self.countries:
            for col in ('name', 'aliases', 'demonyms', 'capitals', 'seats'):
                for f in split_bar(r.get(col, '')):
                    self.gazetteer.setdefault(key(f), 'country')
                    self.gazetteer_folded.add(rfold(f))
        for r in read_tsv(os.path.join(RESOURCES, 'places.tsv')):
            for f in [r['name']] + split_bar(r.get('aliases', '')):
                self.gazetteer.setdefault(key(f), 'place')
                self.gazetteer_folded.add(rfold(f))
        self.outlet_keys = set()
        for r in read_tsv(os.path.join(RESOURCES, 'outlets.tsv')):
            for f in [r['name']] + split_bar(r.get('aliases', '')):
                self.outlet_keys.add(key(f))
                self.gazetteer.setdefault(key(f), 'outlet')
                self.gazetteer_folded.add(rfold(f))
        # nationality words: country names, aliases, demonyms (and, for titles, modifiers)
        self.core_nationality = {key(x) for x in CORE_NATIONALITY}
        for r in self.countries:
            for col in ('name', 'aliases', 'demonyms'):
                for f in split_bar(r.get(col, '')):
                    self.core_nationality.add(key(f))
        self.nationality = self.core_nationality | {key(x) for x in EXTRA_NATIONALITY}
        self.titles = set()
        for r in read_tsv(os.path.join(RESOURCES, 'titles.tsv')):
            self.titles.add(key(r['title']))
        for r in read_tsv(os.path.join(RESOURCES, 'honorifics.tsv')):
            self.titles.add(key(r['honorific']))
        for t in EXTRA_TITLES:
            t = t.strip()
            if t:
                self.titles.add(key(t))
        self.given = set()
        for r in read_tsv(os.path.join(RESOURCES, 'given_names.tsv')):
            self.given.add(key(r['name']))
        self.surnames = set()
        for r in read_tsv(os.path.join(RESOURCES, 'surnames.tsv')):
            self.surnames.add(key(r['surname']))
        self.org_heads = set(ORG_HEADS_EXTRA)
        for r in read_tsv(os.path.join(RESOURCES, 'org_heads.tsv')):
            if r.get('kind') == 'institute':
                self.org_heads.add(key(r['head']))
        self.particles = set(PERSON_PARTICLES)
        for r in read_tsv(os.path.join(RESOURCES, 'cues.tsv')):
            if r.get('class') == 'particle':
                self.particles.add(r['cue'].strip().lower())
        self.agents = set()      # lower-case agent phrases of Phoenix.agents.txt
        self.agent_words = set()  # single-word agents

    def read_agents(self, path):
        subst = {}
        with open(path, encoding='utf-8') as fh:
            for line in fh:
                line = line.split('#', 1)[0].strip()
                if not line or line.startswith('<!'):
                    continue
                m = re.match(r'^!(\w+)!\s*=\s*(.*)$', line)
                if m:
                    subst[m.group(1)] = [x.strip() for x in m.group(2).split(',') if x.strip()]
                    continue
                phrase = line.split('[', 1)[0]
                plural = ''
                pm = re.search(r'\{([^}]*)\}', phrase)
                if pm:
                    plural = pm.group(1)
                    phrase = phrase[:pm.start()]
                forms = [phrase.strip()]
                if plural.strip():
                    forms.append(plural.strip())
                out = []
                for f in forms:
                    m2 = re.search(r'!(\w+)!', f)
                    if m2 and m2.group(1) in subst:
                        out += [f[:m2.start()] + s + f[m2.end():] for s in subst[m2.group(1)]]
                    else:
                        out.append(f)
                for f in out:
                    k = key(f.replace('_', ' ').replace('!', ''))
                    if not k:
                        continue
                    self.agents.add(k)
                    if not pm and not k.endswith('s'):
                        self.agents.add(k + 's')
                    if ' ' not in k:
                        self.agent_words.add(k)
        # the agents file lists role nouns; the titles stripped from the front of aliases are the
        # titles and the agents that name a person (no organisation head word inside)
        self.person_titles = set(self.titles)
        for k in self.agents:
            if not any(w in self.org_heads for w in k.split()):
                self.titles.add(k)


LEX = None


# --------------------------------------------------------------------------------------------
# Phoenix dictionaries
# --------------------------------------------------------------------------------------------

CODE_RE = re.compile(r'\[([^\]]*)\]')


def parse_date(d):
    d = d.strip()
    if not d.isdigit():
        return None
    if len(d) == 6:
        yy = int(d[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        month, day = int(d[2:4]), int(d[4:6])
    elif len(d) == 8:
        year, month, day = int(d[:4]), int(d[4:6]), int(d[6:8])
    else:
        return None
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_spec(spec):
    """Date restriction of a code: (start, end); unreadable dates become empty."""
    s = spec.replace(' ', '')
    if not s:
        return '', ''
    if s[0] in '<>':
        d = parse_date(s[1:])
        if d is None:
            stat('phoenix: unreadable date (left empty)')
            d = ''
        return (d, '') if s[0] == '>' else ('', d)
    if '-' in s:
        a, b = s.split('-', 1)
        da, db = parse_date(a), parse_date(b)
        if da is None or db is None:
            stat('phoenix: unreadable date (left empty)')
        da, db = da or '', db or ''
        if da and db and db < da:
            stat('phoenix: end before start (dates dropped)')
            return '', ''
        return da, db
    stat('phoenix: unreadable date (left empty)')
    return '', ''


def parse_codes(text):
    out = []
    for m in CODE_RE.finditer(text):
        inner = m.group(1).strip()
        if not inner:
            continue
        parts = inner.split(None, 1)
        code = parts[0].upper()
        spec = parts[1] if len(parts) > 1 else ''
        if not re.fullmatch(r'[A-Z]{3,}', code):
            stat('phoenix: invalid code ignored')
            continue
        start, end = parse_spec(spec)
        out.append((code, start, end))
    return out


VALID_NAME_RE = re.compile(r"^[\w'.,&/()\-+! ]+$")


def parse_actor_file(path, fidx):
    """Groups of a TABARI actor file.  As in PETRARCH's reader, primary phrases written without
    codes share the codes of the phrases that follow them, up to the first code."""
    groups = []
    cur = None
    with open(path, encoding='utf-8') as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip('\n')
            s = line.strip()
            if not s or s.startswith('#') or s.startswith('<!'):
                continue
            body, _, comment = s.partition('#')
            body = body.strip()
            if not body:
                continue
            if body.startswith('['):
                if cur is None:
                    continue
                cur['codes'] += parse_codes(body)
                continue
            if body.startswith('+'):
                if cur is None:
                    continue
                names = body[1:].split('[', 1)[0]
                for part in names.split('+'):
                    if part.strip():
                        cur['entries'][-1]['syns'].append(part)
                cur['codes'] += parse_codes(body)
                continue
            name = body.split('[', 1)[0]
            if not VALID_NAME_RE.match(name.replace('\t', ' ')):
                stat('phoenix: malformed line skipped')
                continue
            if cur is None or cur['codes']:
                cur = {'entries': [], 'codes': [], 'file': fidx, 'line': lineno}
                groups.append(cur)
            cur['entries'].append({'raw': name, 'syns': [], 'line': lineno,
                                   'comment': comment.strip()})
            cur['codes'] += parse_codes(body)
    return groups


def raw_tokens(raw):
    """Upper-case tokens of a raw Phoenix phrase and the parenthesised parts it carried."""
    s = raw.replace('\t', ' ').replace('_', ' ').upper()
    m = re.match(r'^(.*\S)\s*,\s*(THE)\s*$', s)           # `ORDER,_THE_` -> `THE ORDER`
    if m:
        s = 'THE ' + m.group(1)
    parens = re.findall(r'\(([^)]*)\)', s)
    s = re.sub(r'\([^)]*\)?', ' ', s)
    s = s.replace(')', ' ')
    toks = []
    for t in s.split():
        t = t.strip('+,-/!')
        t = re.sub(r'^-+|-+$', '', t)
        if not t or t in {'&'} and not toks:
            continue
        if re.fullmatch(r"[\W_]+", t) and t != '&':
            continue
        toks.append(t)
    toks = [t.rstrip(',') for t in toks]
    toks = [t for t in toks if t]
    return toks, [p.strip().replace('_', ' ') for p in parens if p.strip()]


def lower_tokens(toks):
    return [t.lower() for t in toks]


# ---- casing --------------------------------------------------------------------------------

VOWELS = set('aeiouyäöüéèáàíóúâêîôûåæøœ')
ONSETS = {'bl', 'br', 'ch', 'cl', 'cr', 'dr', 'dw', 'fl', 'fr', 'gh', 'gl', 'gn', 'gr', 'kh',
          'kl', 'kn', 'kr', 'ph', 'pl', 'pr', 'ps', 'qu', 'rh', 'sc', 'sh', 'sk', 'sl', 'sm', 'sn',
          'sp', 'sq', 'st', 'sv', 'sw', 'th', 'tr', 'ts', 'tw', 'vl', 'wh', 'wr', 'zh', 'zw', 'dh',
          'bh', 'jh', 'sch', 'scr', 'shr', 'spl', 'spr', 'str', 'thr', 'chr', 'phr', 'squ', 'sz'}


CODAS = {'nd', 'nt', 'st', 'ng', 'rk', 'rd', 'rt', 'ld', 'lt', 'ck', 'sh', 'ch', 'th', 'ss', 'll',
         'ff', 'mp', 'nk', 'ct', 'pt', 'ft', 'rn', 'rm', 'rs', 'ns', 'ts', 'ds', 'ks', 'ls', 'ms',
         'ps', 'gs', 'bs', 'ws', 'lk', 'lm', 'lp', 'rb', 'rg', 'rl', 'sk', 'sp', 'xt', 'nch',
         'rch', 'tch', 'ght', 'nds', 'nts', 'rts', 'sts', 'rds', 'lds', 'rst', 'rth', 'nth', 'ngs',
         'mps', 'nks', 'rks', 'lls', 'sch', 'dt', 'tz', 'nz', 'rz', 'lz', 'gh', 'ph', 'kh', 'zh',
         'sz', 'cz', 'hn', 'hl', 'hr', 'hm', 'hd', 'ht', 'rf', 'lf', 'rp', 'rc', 'nc', 'zz', 'tt',
         'dd', 'gg', 'nn', 'mm', 'rr', 'pp', 'bb', 'cc', 'rv', 'lv', 'wn', 'wl', 'wk', 'wd', 'ws',
         'wt', 'ys', 'yd', 'yl', 'yn', 'nj', 'nd', 'rj', 'lb', 'mb', 'nb', 'dh', 'bh', 'th', 'tsch',
         'rld', 'lth', 'nks', 'cts', 'pts', 'mbs', 'mn', 'rps', 'lps', 'lts', 'nct', 'ths', 'fts',
         'rbs', 'rms', 'rns', 'lms', 'lds', 'gth', 'ngth', 'cht', 'lq', 'ls', 'hls', 'rls', 'wns',
         'sm', 'rsh', 'lsh', 'nsk', 'rsk'}
TRIPLES = {'str', 'nch', 'ngl', 'mpl', 'ntr', 'ndr', 'nst', 'rst', 'thr', 'chr', 'sch', 'ght',
           'lth', 'rth', 'mbl', 'mbr', 'ngr', 'rtr', 'spr', 'scr', 'ckl', 'nsk', 'lsk', 'rsk',
           'ktr', 'ptr', 'xtr', 'shr', 'ldr', 'stl', 'ngs', 'nkl', 'rsh', 'lch', 'rch', 'tch',
           'ndl', 'ntl', 'mpt', 'nct', 'rtl', 'rtn', 'spl', 'phr', 'wst', 'rld', 'nsh', 'ssl',
           'ttl', 'ppl', 'ggl', 'bbl', 'ddl', 'ffl', 'zzl', 'ssm', 'rdl', 'rkl', 'rgl', 'ngh',
           'nth', 'ldn', 'stm', 'str', 'nts', 'nds', 'rds', 'rts', 'lts', 'sth', 'rgh', 'ckn'}


def pronounceable(word):
    """A rough test of whether an upper-case token reads as a word (HAMAS) rather than an
    acronym (UNDP, OHCHR)."""
    w = re.sub(r"'s$", '', word.lower())
    w = ''.join(c for c in w if c.isalpha())
    if not w or not any(c in VOWELS for c in w):
        return False
    runs = [(m.start(), m.group(0)) for m in re.finditer(r'[^aeiouy]+', w)]
    for pos, run in runs:
        if pos == 0:
            if len(run) >= 2 and run not in ONSETS:
                return False
        elif pos + len(run) == len(w):
            if len(run) >= 2 and run not in CODAS:
                return False
        elif len(run) >= 3 and run not in TRIPLES:
            return False
    return True


def is_initial(tok):
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?", tok)) or (
        len(tok) == 1 and tok.isalpha())


def cap_word(w):
    """Capitalise one word (no hyphens inside)."""
    if not w:
        return w
    lw = w.lower()
    if re.fullmatch(r'(?:[a-z]\.)+[a-z]?\.?', lw):          # initials: H. / U.S. / H.W.
        return w.upper()
    if re.fullmatch(r'[ivx]+', lw) and len(lw) <= 4 and lw not in {'vi', 'xi', 'ix', 'iv'}:
        return w.upper()                                     # roman numerals II, III
    if lw in {'ii', 'iii'}:
        return w.upper()
    if lw in {'jr', 'jr.', 'sr', 'sr.'}:
        return lw.capitalize()
    if "'" in lw:
        head, _, tail = lw.partition("'")
        if len(head) == 1:                                   # O'Neill, D'Alema, N'Djamena
            return head.upper() + "'" + cap_word(tail)
        if head == '':
            return "'" + cap_word(tail)
        return head.capitalize() + "'" + tail                # Sha'bi
    if lw.startswith('mc') and len(lw) > 3 and lw[2].isalpha():
        return 'Mc' + lw[2:].capitalize()
    if lw.startswith('mac') and len(lw) >= 8 and lw[3:] in LEX.given:
        return 'Mac' + lw[3:].capitalize()
    return lw[0].upper() + lw[1:]


def case_person(toks):
    out = []
    n = len(toks)
    for i, t in enumerate(toks):
        lt = t.lower()
        parts = lt.split('-')
        if i > 0 and lt in LEX.particles and i < n - 1:
            out.append(lt)
            continue
        if i > 0 and lt in ARABIC_ARTICLES and i < n - 1 and not is_initial(toks[i + 1]):
            out.append(lt + '-')      # glued to the next word below
            continue
        cased = []
        for j, p in enumerate(parts):
            if j < len(parts) - 1 and p in ARABIC_ARTICLES and (i > 0 or j > 0):
                cased.append(p)
            elif j == 0 and i > 0 and p in ARABIC_ARTICLES and len(parts) > 1:
                cased.append(p)
            else:
                cased.append(cap_word(p))
        out.append('-'.join(cased))
    text = ' '.join(out).replace('- ', '-')
    return text


def org_acronym_like(tok, single, initials):
    """Should this upper-case organisation token stay in capitals?"""
    t = tok.upper()
    letters = re.sub(r'[^A-Z]', '', t)
    if not letters:
        return True
    if t in KNOWN_ACRONYMS:
        return True
    if re.fullmatch(r'(?:[A-Z]\.)+[A-Z]?\.?', t) or re.search(r'\d', t) or '/' in t \
            or '&' in t:
        return True
    if letters in initials and len(letters) >= 2:
        return True
    if not any(c in 'AEIOUY' for c in letters):
        return True
    if single and len(letters) <= 3 and t.lower() not in COMMON_WORDS:
        return True
    if len(letters) <= 5 and not pronounceable(letters):
        return True
    return False


def case_org(toks, initials=frozenset()):
    out = []
    n = len(toks)
    single = n == 1
    for i, t in enumerate(toks):
        lt = t.lower()
        if i > 0 and lt in ORG_FUNCTION_WORDS and lt not in ORG_ARABIC_ARTICLES:
            out.append(lt)
            continue
        if lt in ORG_ARABIC_ARTICLES and i < n - 1 and n > 1:
            out.append(('Al' if i == 0 else lt) + '-' if lt == 'al' else
                       ('El' if i == 0 else lt) + '-')
            continue
        if '/' in t and re.search(r'[A-Za-z]{2,}/[A-Za-z]{2,}', t):
            out.append('/'.join(case_org([p], initials) if p else p for p in t.split('/')))
            continue
        if org_acronym_like(t, single, initials):
            out.append(t.upper())
            continue
        parts = lt.split('-')
        cased = []
        for j, p in enumerate(parts):
            if j > 0 and (p in ORG_ARABIC_ARTICLES or p in ORG_FUNCTION_WORDS) \
                    and j < len(parts) - 1:
                cased.append(p)                       # Lashkar-e-Taiba
            elif j == 0 and i > 0 and p in ORG_ARABIC_ARTICLES and len(parts) > 1:
                cased.append(p)
            elif p.upper() in KNOWN_ACRONYMS:
                cased.append(p.upper())
            else:
                cased.append(cap_word(p))
        out.append('-'.join(cased))
    return ' '.join(out).replace('- ', '-')


def initials_of(toks):
    """Possible acronyms of a token list: with and without the function words."""
    words = [re.sub(r'[^A-Za-z-]', '', t) for t in toks]
    words = [w for w in words if w]
    out = set()
    if len(words) < 2:
        return out
    full = ''.join(w[0] for w in words).upper()
    content = ''.join(w[0] for w in words if w.lower() not in ORG_FUNCTION_WORDS).upper()
    hyph = ''.join(p[0] for w in words for p in w.split('-') if p
                   and p.lower() not in ORG_FUNCTION_WORDS).upper()
    out |= {full, content, hyph}
    return out


# ---- titles --------------------------------------------------------------------------------

MAX_TITLE_WORDS = 6


def strip_titles(ltoks, protect_first=None, titles=None):
    """Remove leading titles, honorifics and the nationality words before them.  `ltoks` are
    lower-case tokens.  `protect_first`: a token that is never stripped (the actor's own first
    name, e.g. `Dean`).  `titles`: the title set (default: titles and person agents)."""
    if titles is None:
        titles = LEX.titles
    toks = list(ltoks)
    changed = True
    while changed and toks:
        changed = False
        if protect_first is not None and toks[0] == protect_first:
            break
        # longest title phrase at the front
        for n in range(min(MAX_TITLE_WORDS, len(toks)), 0, -1):
            phrase = key(' '.join(toks[:n]))
            if phrase in titles:
                toks = toks[n:]
                changed = True
                break
        if changed:
            continue
        # nationality or modifier words followed by a title
        for n in range(min(4, len(toks) - 1), 0, -1):
            phrase = key(' '.join(toks[:n]))
            if phrase in LEX.nationality or re.fullmatch(r'[\w.-]+-based', ' '.join(toks[:n])):
                rest = toks[n:]
                for m in range(min(MAX_TITLE_WORDS, len(rest)), 0, -1):
                    if key(' '.join(rest[:m])) in titles:
                        toks = rest
                        changed = True
                        break
                if changed:
                    break
        if not changed and toks and toks[0] in {'the', 'a', 'an', 'ex', 'former', 'late'}:
            toks = toks[1:]
            changed = True
    return toks


# ---- Phoenix actors ------------------------------------------------------------------------

class Form:
    """A spelling of an actor: upper-case tokens plus the parenthesised acronym, if any."""
    __slots__ = ('toks', 'acr', 'raw')

    def __init__(self, raw):
        self.raw = raw
        toks, parens = raw_tokens(raw)
        self.toks = toks
        self.acr = None
        for p in parens:
            pt = p.split()
            if len(pt) == 1 and 2 <= len(re.sub(r'[^A-Za-z]', '', pt[0])) <= 6 \
                    and fold(pt[0]) not in LEX.gazetteer:
                self.acr = pt[0].upper().strip('.-')


class PActor:
    """An actor read from a Phoenix file (before merging)."""

    def __init__(self, file_idx, line, forms, codes, countryinfo):
        self.file = file_idx
        self.line = line
        self.forms = forms          # list of Form, first is the primary phrase
        self.codes = codes          # [(code, start, end)]
        self.countryinfo = countryinfo
        self.kind = None            # 'person' / 'org'
        self.name = None
        self.aliases = set()
        self.merged_into = None


def is_org_words(ltoks):
    for t in ltoks:
        for p in re.split(r"[-/]", t):
            if p in LEX.org_heads:
                return True
    return False


def person_like(ltoks, strict=True):
    """Tokens (title-stripped, lower-case) that can be a person's full name.  `strict=False`
    for names known to be persons (CountryInfo), where short words such as `Li`, `In` or `wa`
    are names."""
    if not 1 <= len(ltoks) <= 10:
        return False
    for t in ltoks:
        if strict and t in NON_NAME_WORDS and len(t) > 1:     # `A` is an initial
            return False
        if re.search(r'\d', t):
            return False
        if not re.search(r'[^\W\d_]', t):
            return False
    if strict and is_org_words(ltoks) and not (ltoks[0] in LEX.given and len(ltoks) <= 4
                                    and not any(t in LEX.org_heads and t not in LEX.given
                                                for t in ltoks[1:])):
        return False
    if key(' '.join(ltoks)) in LEX.gazetteer:
        return False
    return True


def similar_forms(a_toks, b_toks):
    """Do two (title-stripped, lower-case) spellings name the same actor?"""
    if not a_toks or not b_toks:
        return False
    if fold(' '.join(a_toks)) == fold(' '.join(b_toks)):
        return True
    if len(a_toks) >= 2 and len(b_toks) >= 2:
        if fold(a_toks[0]) == fold(b_toks[0]) and fold(a_toks[-1]) == fold(b_toks[-1]):
            return True
        if fold(a_toks[-1]) == fold(b_toks[-1]) and fold(a_toks[0])[:1] == fold(b_toks[0])[:1] \
                and (is_initial(a_toks[0]) or is_initial(b_toks[0])):
            return True
    if len(b_toks) == 1 and len(a_toks) >= 2 and fold(b_toks[0]) == fold(a_toks[-1]):
        return True
    return False


# A block whose first name is a generic description of its members.
GENERIC_GROUP = re.compile(r'THINK_TANK|(^|_)[A-Z]+-BASED_')


def split_group(g):
    """The actors of a group: the first primary phrase and its synonyms; each further primary
    phrase that names the same actor (title-stripped) joins it, any other is an actor of its
    own with the group's codes (PETRARCH shares the codes)."""
    actors = []
    for e in g['entries']:
        if GENERIC_GROUP.search(e['raw']):
            # `WASHINGTON-BASED_THINK_TANK` lists distinct think tanks as its synonyms: each is
            # an actor of its own with the group's codes; the generic name is none.
            for syn in e['syns']:
                f = Form(syn)
                if f.toks and not GENERIC_GROUP.search(syn):
                    a = PActor(g['file'], e['line'], [f], list(g['codes']), False)
                    a.comment = e['comment']
                    actors.append(a)
            stat('phoenix generic groups split into their members')
            continue
        forms = [Form(e['raw'])] + [Form(s) for s in e['syns']]
        forms = [f for f in forms if f.toks]
        if not forms:
            continue
        countryinfo = 'countryinfo' in e['comment'].lower()
        if actors:
            lt = strip_titles(lower_tokens(forms[0].toks))
            joined = False
            for a in actors:
                for f in a.forms:
                    if similar_forms(strip_titles(lower_tokens(f.toks)), lt):
                        a.forms += forms
                        joined = True
                        break
                if joined:
                    break
            if joined:
                continue
        a = PActor(g['file'], e['line'], forms, list(g['codes']), countryinfo)
        a.comment = e['comment']
        actors.append(a)
    return actors


# ---- codes ----------------------------------------------------------------------------------

TYPE_PREFIXES = ('IGO', 'NGO', 'MNC', 'IMG', 'NGM')


class CodeMap:
    """CAMEO country codes -> countries.tsv names."""

    def __init__(self):
        self.by_code = {}
        self.unmapped = collections.Counter()

    def country(self, code3):
        name = self.by_code.get(code3)
        if name is None:
            self.unmapped[code3] += 1
        return name

    def is_country_code(self, code3):
        return code3 in self.by_code or code3 in ISO3


CMAP = CodeMap()


def code_parts(code):
    """(type, country3, sector, rest) of a Phoenix code.  type: 'country', 'IGO', 'NGO', 'MNC',
    'IMG', 'sector' (a bare sector code such as ELI or MED), 'other'."""
    head = code[:3]
    if head in TYPE_PREFIXES:
        rest = code[3:]
        c3 = rest[:3] if len(rest) >= 3 and CMAP.is_country_code(rest[:3]) else ''
        return head, c3, head, rest
    if len(code) == 3 and head in CAMEO_SECTORS and not CMAP.is_country_code(head):
        return 'sector', '', head, ''
    if CMAP.is_country_code(head) or len(code) == 3:
        sector = code[3:6]
        rest = code[6:]
        if sector and sector not in CAMEO_SECTORS and code[6:9] in CAMEO_SECTORS:
            # a territory of the country (`USAASMGOV`: American Samoa, government)
            sector, rest = code[6:9], code[9:]
        if sector == 'GOV' and rest[:3] in BRANCH_AFTER_GOV:
            sector = rest[:3]
        return 'country', head, sector, rest
    if head in CAMEO_SECTORS:
        return 'sector', '', head, code[3:]
    return 'other', head, code[3:6], code[6:]


def is_country_level(codes):
    return any(len(c) == 3 and (CMAP.is_country_code(c) or c not in CAMEO_SECTORS)
               for c, _, _ in codes)


def build_country_map(all_groups):
    """Map the codes of the country blocks (`AFGHANISTAN_ [AFG]`) to countries.tsv names by their
    names and synonyms, then fill the gaps from the ISO 3166-1 alpha-3 list."""
    found = {}
    for g in all_groups:
        bare = [(c, s, e) for c, s, e in g['codes'] if len(c) == 3 and c not in CAMEO_SECTORS]
        if not bare:
            continue
        # the code the block has now: undated or open-ended first
        bare.sort(key=lambda x: (x[2] != '', x[1] == '' and x[2] != ''))
        code = bare[0][0]
        # the block's primary name decides; its synonyms only when the name matches nothing
        for e in g['entries']:
            hits = []
            for raw in [e['raw']] + e['syns']:
                k = fold(raw.replace('_', ' ').replace('(', ' ').replace(')', ' '))
                if k.startswith('the '):
                    k = k[4:]
                name = LEX.country_by_key.get(k)
                if name:
                    hits.append(name)
                    if raw is e['raw']:
                        break
            if hits and code not in found:
                found[code] = collections.Counter()
            if hits:
                found[code][hits[0]] += 2
                for h in hits[1:]:
                    found[code][h] += 1
    for code in sorted(found):
        best = sorted(found[code].items(), key=lambda x: (-x[1], x[0]))[0][0]
        CMAP.by_code[code] = best
    filled = 0
    for code in sorted(ISO3):
        if code not in CMAP.by_code and ISO3[code] in LEX.country_name_set:
            CMAP.by_code[code] = ISO3[code]
            filled += 1
    stat('country codes mapped from Phoenix country blocks', len(found))
    stat('country codes filled from ISO 3166-1 list', filled)
    for code in sorted(ISO3):
        if ISO3[code] not in LEX.country_name_set:
            stat('ISO code whose country is not in countries.tsv: ' + code)


# ---- classification -------------------------------------------------------------------------

PERSON_ROLE_WORDS = {'president', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'chief',
                     'director', 'official', 'officials', 'minister', 'chairman', 'chairwoman',
                     'leader', 'leaders', 'commander', 'ambassador', 'envoy', 'representative',
                     'premier', 'chancellor', 'king', 'queen', 'prince', 'sheikh', 'senator',
                     'governor', 'mayor', 'head', 'boss', 'founder', 'ceo', 'presidents',
                     'ministers', 'secretaries', 'spokesmen', 'chiefs', 'directors',
                     'commanders', 'ambassadors', 'envoys', 'representatives', 'officer',
                     'officers', 'member', 'members', 'soldier', 'soldiers', 'troops',
                     'militants', 'militant', 'rebels', 'rebel', 'gunmen', 'gunman', 'guerrilla',
                     'guerrillas', 'activist', 'activists', 'supporter', 'supporters',
                     'loyalist', 'loyalists', 'fighter', 'fighters', 'police', 'policeman',
                     'policemen', 'peacekeeper', 'peacekeepers', 'monitor', 'monitors',
                     'observer', 'observers', 'journalist', 'journalists', 'reporter',
                     'reporters', 'correspondent', 'staff', 'worker', 'workers', 'employee',
                     'employees', 'executive', 'executives', 'chair', 'deputy', 'aide', 'aides',
                     'adviser', 'advisor', 'advisers', 'advisors', 'negotiator', 'negotiators',
                     'delegate', 'delegates', 'delegation', 'spokespeople', 'inspector',
                     'inspectors', 'investigator', 'investigators', 'judge', 'judges',
                     'prosecutor', 'prosecutors', 'lawyer', 'lawyers', 'expert', 'experts',
                     'analyst', 'analysts'}


def strip_nationality(ltoks):
    """Drop nationality words, organisation acronyms and `X-based` words anywhere."""
    out = []
    i = 0
    while i < len(ltoks):
        hit = 0
        for n in range(min(4, len(ltoks) - i), 0, -1):
            ph = key(' '.join(ltoks[i:i + n]))
            if ph in LEX.core_nationality or (n == 1 and (ltoks[i].upper().replace('.', '') in
                                                     KNOWN_ACRONYMS or
                                                     ltoks[i].endswith('-based'))):
                hit = n
                break
        if hit:
            i += hit
        else:
            out.append(ltoks[i])
            i += 1
    return out


def is_generic_name(lt, st):
    """Agents and generic groups written as names: a title with a country (`KOSOVAR_PRIME_
    MINISTER`), `PRESIDENT_OF_THE_UNITED_STATES`, `X_FORCES`, `X_ADMINISTRATION`."""
    if not st:
        return True
    lt0 = lt[1:] if len(lt) > 1 and lt[0] == 'the' else lt
    titled = st != lt0
    if st[0] in {'of', 'to', 'for', 'at', 'in', 'on'} and titled:
        return True
    rest = strip_nationality(st)
    if not rest:
        # only nationality words left: a title with a country (`US_SECRETARY_OF_STATE`) is an
        # agent; `UNITED_NATIONS` or `NATO` alone is an organisation
        return titled
    ph = key(' '.join(rest))
    # an agent of a person (`peacekeeper`, `envoy`); an agent with an organisation head word
    # (`Security Council`, `Department of Agriculture`) is an institution
    if ph in LEX.agents and not any(t in LEX.org_heads for t in rest):
        return True
    if len(rest) <= 2 and all(t in GENERIC_ORG_WORDS or (t in LEX.agent_words and
                                                         t not in LEX.org_heads)
                              or t in PERSON_ROLE_WORDS for t in rest):
        return True
    if len(st) == 2 and st[-1] in GENERIC_SUFFIXES:
        return True
    if any(t in {'administration', 'regime', 'supporters', 'loyalists', 'spokesman',
                 'spokeswoman', 'spokesperson'} for t in st) and len(st) <= 3:
        return True
    return False


def title_was_stripped(f):
    lt = lower_tokens(f.toks)
    st = strip_titles(lt)
    if st == lt:
        return False
    return any(key(t) in LEX.titles and t not in {'the', 'a', 'an'} for t in lt[:len(lt) - len(st)])


def name_words(ltoks):
    """The words of a person's name that count: particles and articles inside the name
    (`bin`, `al`, `van`) do not; first and last words always do (`Zhu De`, `Sok An`)."""
    n = len(ltoks)
    return [t for i, t in enumerate(ltoks)
            if i == 0 or i == n - 1 or (t not in LEX.particles and t not in ARABIC_ARTICLES
                                        and not re.fullmatch(r'(al|el|ad|ash|ar|az)-', t))]


def classify(a):
    """Set a.kind to 'person' or 'org', or a.skip to the reason it is left out."""
    a.skip = None
    codes = a.codes
    if a.file == 0 and is_country_level(codes):
        a.skip = 'country-level block (country names, adjectives, cities)'
        return
    parts = [code_parts(c) for c, _, _ in codes]
    if parts and all(p[0] == 'country' and p[2] not in CAMEO_SECTORS for p in parts):
        a.skip = 'territory or region (code names no sector)'
        return
    lt = lower_tokens(a.forms[0].toks)
    if not lt:
        a.skip = 'empty name'
        return
    protect = lt[0] if lt[0] in LEX.given else None
    st = strip_titles(lt, protect)                       # titles and person agents
    sp = strip_titles(lt, protect, LEX.person_titles)    # titles only
    a.lt, a.st = lt, st
    types = {p[0] for p in parts}
    dated = any(s or e for _, s, e in codes)
    if not a.countryinfo and is_generic_name(lt, sp):
        a.skip = 'generic agent or group (title, X forces, X administration)'
        return
    if a.countryinfo and not any(t in COUNTRYINFO_ORG_WORDS for t in lt):
        a.kind = 'person'
        return
    a.kind = 'org'
    if is_org_words(sp or lt) and not (sp and sp[0] in LEX.given and person_like(sp)):
        pass                          # a head word (`GENERAL_ELECTRIC`, `UN_GENERAL_ASSEMBLY`)
    elif len(sp) <= 1:
        # a single word names an institution (`MOSSAD`, `VOLKSKAMMER`), unless it is a titled
        # name (`PRESIDENT_X`) or an officer with dated terms (`HAMMARSKJOLD`)
        lt0 = lt[1:] if len(lt) > 1 and lt[0] == 'the' else lt
        if (a.file == 1 and dated) or (sp != lt0 and not types & {'MNC', 'NGO', 'IGO'}):
            a.kind = 'person'
    elif person_like(sp):
        ev = 0
        if sp[0] in LEX.given or is_initial(sp[0]):
            ev += 1
        if any(title_was_stripped(f) for f in a.forms):
            ev += 1
        if dated and types != {'MNC'}:
            ev += 1
        if sp[-1] in LEX.surnames:
            ev += 1
        if sp[0] in PERSON_STARTERS:
            ev += 1
        sectors = {p[2] for p in parts}
        if a.file == 0 and sectors and sectors <= {'GOV', 'ELI', 'OPP'} and len(sp) <= 4:
            ev += 1
        if a.file == 1 and types & {'IGO', 'NGO'} and len(sp) <= 4 and not any(
                (t in COMMON_WORDS and t not in LEX.given) or t in LEX.core_nationality
                or not (is_initial(t) or pronounceable(t)) for t in sp):
            ev += 1
        if sp[0] in ARABIC_ARTICLES:
            ev = 0                    # `AL_HAQ`: an article opens a group's name, not a person's
        if 'MNC' in types and '$' in a.comment:
            ev = 0
        need = 2 if 'MNC' in types else 1
        if ev >= need:
            a.kind = 'person'
    if a.kind == 'person':
        return
    if all(p[2] == 'MED' and p[0] in ('sector', 'country') for p in parts) and parts:
        a.skip = 'news outlet (code MED; outlets.tsv holds outlets)'


# ---- names and aliases ---------------------------------------------------------------------

GENERIC_ALIAS_WORDS = {'administration', 'government', 'regime', 'forces', 'supporters',
                       'loyalists', 'spokesman', 'spokeswoman', 'spokesperson', 'family',
                       'administrations', 'governments', 'regimes', 'families', "government's"}


MAX_NAME_WORDS = 6


def person_tokens_ok(st, strict=True):
    nw = name_words(st)
    return 2 <= len(nw) <= MAX_NAME_WORDS and person_like(st, strict)


def person_name(a):
    """Title-stripped lower-case tokens of a Phoenix person's name, or None."""
    strict = not a.countryinfo
    if person_tokens_ok(a.st, strict):
        return a.st
    last = a.st[-1] if a.st else None
    for f in a.forms[1:]:
        st = strip_titles(lower_tokens(f.toks))
        if person_tokens_ok(st, strict) and (last is None or fold(st[-1]) == fold(last)):
            return st
    return None


# Titles of heads of state and government: `President Reagan` names one man in the
# dictionary's lists, where a bare `Reagan` does not.
HEAD_TITLES = {'president', 'prime minister', 'premier', 'chancellor', 'king', 'queen',
               'emperor', 'sultan', 'emir', 'shah', 'secretary of state', 'vice president'}


def person_alias(f, name_lt):
    """Display form of a person's alias, or (None, reason)."""
    lt = lower_tokens(f.toks)
    st = strip_titles(lt, name_lt[0])
    if not st:
        return None, 'title only'
    if any(t in GENERIC_ALIAS_WORDS or t in GENERIC_WORDS for t in st):
        return None, 'generic (administration, government, family...)'
    nw = name_words(st)
    if len(nw) == 1 and len(lt) > len(st):
        # `PRESIDENT_REAGAN`: a head's title with the surname is a listed synonym; the
        # extractor reads it only with the title written before the surname.
        title = ' '.join(lt[:len(lt) - len(st)])
        if key(title) in HEAD_TITLES and fold(nw[0]) == fold(name_words(name_lt)[-1]):
            return ' '.join(w.capitalize() for w in title.split()) + ' ' + case_person(st), None
    if len(nw) < 2:
        return None, 'single word (bare name)'
    if len(nw) > MAX_NAME_WORDS or not person_like(st, person_like(name_lt)):
        return None, 'not a person name'
    if any(t in PERSON_ROLE_WORDS and t not in LEX.surnames and t not in LEX.given for t in st):
        return None, 'title inside'
    mine = {fold(t) for t in name_words(name_lt) if not is_initial(t)}
    if not {fold(t) for t in nw} & mine:
        return None, 'unrelated name'
    # a first word that is no name (a misspelt title: `Govenor Ronald Reagan`)
    f0 = st[0]
    if fold(f0) not in mine and f0 not in LEX.given and not is_initial(f0) and \
            difflib.SequenceMatcher(None, fold(f0), fold(name_lt[0])).ratio() < 0.5:
        return None, 'first word is not a name (misspelt title?)'
    d = case_person(st)
    if len(d) <= 2:
        return None, 'too short'
    return d, None


def org_tokens(f):
    toks = list(f.toks)
    while len(toks) > 1 and (toks[0].lower() == 'the' or toks[0].lower().endswith('-based')):
        toks = toks[1:]
    return toks


def content_words(ltoks):
    return {fold(t) for t in ltoks if t not in ORG_FUNCTION_WORDS and t not in LEX.core_nationality
            and len(re.sub(r'\W', '', t)) >= 3 and t not in LEX.org_heads}


def org_words(ltoks):
    """Words of an organisation form, country forms written as the country's name (`US` and
    `United States` are the same words)."""
    k = ' ' + key(' '.join(ltoks)) + ' '
    k = LEX.country_form_re.sub(
        lambda m: ' @' + LEX.country_form_key[m.group(1)].replace(' ', '_') + ' ', k)
    return {w for w in k.split()
            if w not in ORG_FUNCTION_WORDS and w not in ARABIC_ARTICLES and len(w) >= 2}


def spelling_words(ltoks):
    k = key(' '.join(ltoks).replace("'", '').replace('\u2019', ''))
    return [w for w in k.split() if w not in ORG_FUNCTION_WORDS and w not in ARABIC_ARTICLES]


def spelling_variant(a_lt, b_lt):
    """Two transliterations of one name (`Al-Qa'ida`, `Al-Qaeda`, `al-Qaida`): as many words,
    each close in spelling."""
    x, y = spelling_words(a_lt), spelling_words(b_lt)
    if not x or len(x) != len(y):
        return False
    return all(p == q or (len(p) >= 4 and len(q) >= 4 and p[0] == q[0] and
                          difflib.SequenceMatcher(None, p, q).ratio() >= 0.8)
               for p, q in zip(x, y))


def related_words(lt, name_lt):
    """Does an organisation alias share enough words with the name: two words, or one word
    that is neither an organisation head, a nationality nor a generic adjective?"""
    shared = org_words(lt) & org_words(name_lt)
    if len(shared) >= 2:
        return True
    return any(w not in LEX.org_heads and w not in LEX.core_nationality and len(w) >= 3
               and not w.startswith('@') for w in shared)


def is_common_word(w):
    """Is the lower-case word (or its singular) a common English word?"""
    w = re.sub(r'[^a-z]', '', fold(w))
    if w in COMMON_WORDS:
        return True
    for suf, rep in (('ies', 'y'), ('es', ''), ('s', ''), ("'s", '')):
        if w.endswith(suf) and w[:-len(suf)] + rep in COMMON_WORDS:
            return True
    return False


def single_word_ok(tok, initials):
    """A single-word organisation form: kept when it is not a common English word and, when it
    has three letters or fewer, reads as an acronym."""
    w = tok.lower()
    letters = re.sub(r'[^a-z]', '', fold(w))
    if is_common_word(w):
        return False
    if len(letters) <= 2:
        return False
    return True


LEGAL_ABBREV = {'inc': 'Inc.', 'corp': 'Corp.', 'co': 'Co.', 'ltd': 'Ltd.'}


def org_display(toks, initials):
    d = case_org(toks, initials)
    words = d.split(' ')
    if len(words) >= 2 and words[-1].lower().rstrip('.') in LEGAL_ABBREV:
        words[-1] = LEGAL_ABBREV[words[-1].lower().rstrip('.')]
    return ' '.join(words)


def company_short(toks, initials):
    """The company name without its legal suffix, or None."""
    lt = lower_tokens(toks)
    rem = None
    if len(lt) >= 2 and lt[-1].rstrip('.') in LEGAL_SUFFIXES:
        rem = toks[:-1]
        if len(rem) >= 2 and lower_tokens(rem)[-1].rstrip('.,') in LEGAL_SUFFIXES:
            rem = rem[:-1]
        if rem and rem[-1].endswith(','):
            rem = rem[:-1] + [rem[-1].rstrip(',')]
    elif len(lt) == 1 and lt[0].endswith('.com') and len(lt[0]) > 4:
        rem = [toks[0][:-4]]
    while rem and rem[-1].lower().rstrip(',') in ORG_FUNCTION_WORDS | {'&'}:
        rem = rem[:-1]
    if not rem:
        return None
    letters = re.sub(r'[^a-z]', '', fold(' '.join(rem)))
    if len(letters) < 4:
        return None
    if len(rem) == 1 and is_common_word(rem[0]):
        return None
    if all(t in ORG_FUNCTION_WORDS for t in lower_tokens(rem)):
        return None
    return org_display(rem, initials)


def org_alias(f, name_lt, initials, related_initials):
    toks = org_tokens(f)
    lt = lower_tokens(toks)
    if not lt:
        return None, 'empty'
    if any(t in GENERIC_ALIAS_WORDS and t not in name_lt for t in lt):
        return None, 'generic (administration, government, forces...)'
    if any(t in PERSON_ROLE_WORDS and t not in name_lt for t in lt):
        return None, 'a role (agent), not the organisation'
    st = strip_titles(lt)
    if st != lt and st and person_like(st) and not is_org_words(st):
        return None, 'a person (leader) named as the organisation'
    if len(lt) >= 2 and person_like(lt) and not is_org_words(lt) and (
            lt[0] in LEX.given or is_initial(lt[0])) and not content_words(lt) & \
            content_words(name_lt):
        return None, 'a person (leader) named as the organisation'
    if spelling_variant(lt, name_lt):
        if len(lt) == 1 and not single_word_ok(toks[0], initials):
            return None, 'common word or too short'
        return org_display(toks, initials), None
    if len(lt) == 1:
        if not single_word_ok(toks[0], initials):
            return None, 'common word or too short'
        letters = re.sub(r'[^A-Z]', '', fold(toks[0]).upper())
        if letters in related_initials or fold(lt[0]) in content_words(name_lt):
            return org_display(toks, initials), None
        return None, 'unrelated single word'
    if related_words(lt, name_lt):
        return org_display(toks, initials), None
    name_acr = re.sub(r'[^A-Z]', '', fold(' '.join(name_lt)).upper())
    if len(name_lt) == 1 and name_acr in initials_of(toks):
        return org_display(toks, initials), None
    return None, 'shares no word with the name (another group, a leader, a translation)'


# --------------------------------------------------------------------------------------------
# Rows
# --------------------------------------------------------------------------------------------

class Row:
    _n = 0

    def __init__(self, name, person, order):
        self.name = name
        self.person = person
        self.aliases = set()
        self.codes = []             # [(code, start, end)] in source order
        self.roles = set()          # (target, sector, start, end); target: str or Row
        self.sectors = set()
        self.wikidata = ''
        self.order = order          # (source, file, line) for deterministic choices
        self.countries = set()
        self.curated = False        # organisation rows built here for the congress roles
        self.us_exec = False
        self.source = 'phoenix'
        self.files = set()
        self.parent = None
        self.skip = None
        self.auth = set()           # roles from congress (closed spans that clip open ones)

    def find(self):
        r = self
        while r.parent is not None:
            r = r.parent
        return r


def absorb(keep, other):
    """Merge row `other` into row `keep`."""
    if other is keep:
        return
    keep.aliases |= other.aliases
    keep.aliases.add(other.name)
    keep.codes += [c for c in other.codes if c not in keep.codes]
    keep.roles |= other.roles
    keep.auth |= other.auth
    keep.sectors |= other.sectors
    keep.countries |= other.countries
    keep.wikidata = keep.wikidata or other.wikidata
    keep.files |= other.files
    keep.us_exec = keep.us_exec or other.us_exec
    keep.curated = keep.curated or other.curated
    other.parent = keep


def code_countries(codes):
    out = set()
    for c, _, _ in codes:
        typ, c3, _, _ = code_parts(c)
        if c3 and c3 in CMAP.by_code:
            out.add(CMAP.by_code[c3])
    return out


def phoenix_rows(datadir):
    pdir = os.path.join(datadir, 'phoenix')
    files = ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt',
             'Phoenix.MilNonState.actors.txt']
    LEX.read_agents(os.path.join(pdir, 'Phoenix.agents.txt'))
    groups = []
    for i, f in enumerate(files):
        groups.append(parse_actor_file(os.path.join(pdir, f), i))
    build_country_map(groups[0])
    actors = []
    for gs in groups:
        for g in gs:
            actors += split_group(g)
    stat('phoenix: actors read', len(actors))
    rows = []
    for a in actors:
        classify(a)
        if a.skip:
            stat('phoenix dropped: ' + a.skip)
            continue
        if a.kind == 'person':
            r = make_person(a)
        else:
            r = make_org(a)
        if r is not None:
            rows.append(r)
    return rows


def make_person(a):
    nt = person_name(a)
    if nt is None:
        stat('phoenix dropped: person with a single-word or over-long name')
        return None
    countries = code_countries(a.codes)
    name = korean(case_person(nt), countries)
    if key(name) in LEX.gazetteer:
        stat('phoenix dropped: person name is a country, place or outlet form')
        return None
    r = Row(name, True, ('p', a.file, a.line))
    r.files.add(a.file)
    r.codes = list(a.codes)
    r.countries = code_countries(a.codes)
    r.name_lt = nt
    for f in a.forms:
        d, why = person_alias(f, nt)
        if d is None:
            stat('phoenix alias dropped: ' + why)
        elif key(d) != key(name):
            r.aliases.add(korean(d, countries))
    return r


KOREAS = {'South Korea', 'North Korea'}


def korean(name, countries):
    """Korean given names are written with a lower-case second syllable (Ban Ki-moon)."""
    if not countries & KOREAS:
        return name
    words = name.split(' ')
    for i, w in enumerate(words):
        if '-' in w and i > 0:
            head, _, tail = w.partition('-')
            words[i] = head + '-' + tail.lower()
    return ' '.join(words)


IGO_COUNTRY = []   # (order, IGO code, countries.tsv name) of IGO entries named as a country


def make_org(a):
    toks = org_tokens(a.forms[0])
    lt = lower_tokens(toks)
    initials = set()
    for f in a.forms:
        initials |= initials_of(org_tokens(f))
        if f.acr:
            initials.add(re.sub(r'[^A-Z]', '', f.acr))
    name = org_display(toks, initials)
    if len(lt) == 1 and not single_word_ok(toks[0], initials):
        stat('phoenix dropped: organisation named by a common word or too short')
        return None
    kind = LEX.gazetteer.get(key(name))
    if kind:
        stat('phoenix dropped: organisation name is a form of another list (%s)' % kind)
        cname = LEX.country_by_key.get(fold(name))
        if cname:
            for c, s, e in a.codes:
                if code_parts(c)[0] == 'IGO' and not s and not e:
                    IGO_COUNTRY.append((('p', a.file, a.line), c, cname))
        return None
    r = Row(name, False, ('p', a.file, a.line))
    r.files.add(a.file)
    r.codes = list(a.codes)
    r.countries = code_countries(a.codes)
    r.name_lt = lt
    # multi-word aliases first; a single-word alias (an acronym) must then be the initials
    # of the name or of a kept alias
    related = set(initials_of(toks))
    singles = []
    for f in a.forms:
        if f.acr and single_word_ok(f.acr, initials):
            r.aliases.add(f.acr)
        if len(org_tokens(f)) == 1:
            singles.append(f)
            continue
        d, why = org_alias(f, lt, initials, related)
        if d is None:
            stat('phoenix alias dropped: ' + why)
        else:
            related |= initials_of(org_tokens(f))
            if key(d) != key(name):
                r.aliases.add(d)
    for f in singles:
        d, why = org_alias(f, lt, initials, related)
        if d is None:
            stat('phoenix alias dropped: ' + why)
        elif key(d) != key(name):
            r.aliases.add(d)
    # `PEOPLES_LIBERATION_ARMY` with the alias `PEOPLE'S_LIBERATION_ARMY`: the apostrophe wins
    for al in sorted(r.aliases):
        if "'" in al and "'" not in r.name and key(al.replace("'", '')) == key(r.name):
            r.aliases.discard(al)
            r.aliases.add(r.name)
            r.name = al
            break
    if is_company(r):
        for f in [a.forms[0]] + [f for f in a.forms[1:]]:
            short = company_short(org_tokens(f), initials)
            if short and (f is a.forms[0] or key(org_display(org_tokens(f), initials)) in
                          {key(x) for x in r.aliases}):
                r.aliases.add(short)
                stat('company aliases without the legal suffix')
    # `Amazon.com`: news names the company without its web suffix, so that is its name.
    if r.name.lower().endswith('.com'):
        short = r.name[:-4]
        if short in r.aliases:
            r.aliases.discard(short)
            r.aliases.add(r.name)
            r.name = short
            stat('company names without their .com')
    return r


def is_company(r):
    return any(code_parts(c)[0] == 'MNC' or code_parts(c)[2] == 'BUS' for c, _, _ in r.codes)


def merge_phoenix(rows):
    """One row per actor: the same person in several blocks, the same organisation written
    twice, an acronym entry and the full-name entry with the same code."""
    rows.sort(key=lambda r: r.order)
    # persons: same name (accents folded), countries compatible
    by_name = collections.defaultdict(list)
    for r in rows:
        by_name[(r.person, fold(r.name))].append(r)
    merged = 0
    for k in sorted(by_name):
        rs = by_name[k]
        for i, r in enumerate(rs):
            if r.parent is not None:
                continue
            for o in rs[i + 1:]:
                if o.parent is not None:
                    continue
                if r.person:
                    ok = not r.countries or not o.countries or (r.countries & o.countries)
                else:
                    ok = org_compatible(r, o)
                if ok:
                    if alias_preference(o.name) < alias_preference(r.name):
                        r.aliases.add(r.name)
                        r.name, r.name_lt = o.name, o.name_lt
                    absorb(r, o)
                    merged += 1
    stat('phoenix: rows merged (same name)', merged)
    rows = [r for r in rows if r.parent is None]
    # persons: spelling variants that share an exact code (K. Annan, Kofi Atta Annan)
    by_last = collections.defaultdict(list)
    for r in rows:
        if r.person:
            by_last[fold(r.name_lt[-1])].append(r)
    merged = 0
    for k in sorted(by_last):
        rs = by_last[k]
        if len(rs) < 2 or len(rs) > 400:
            continue
        for i, r in enumerate(rs):
            for o in rs[i + 1:]:
                a, b = r.find(), o.find()
                if a is b:
                    continue
                if not variant_compatible(a, b):
                    continue
                keep, other = (a, b) if person_rank(a) <= person_rank(b) else (b, a)
                absorb(keep, other)
                merged += 1
    stat('phoenix: person rows merged (spelling variants with a shared code)', merged)
    rows = [r for r in rows if r.parent is None]
    # organisations: transliterations of one name with an identical code
    merged = 0
    by_code = collections.defaultdict(list)
    for r in rows:
        if not r.person and r.codes:
            by_code[r.codes[0][0]].append(r)
    for c in sorted(by_code):
        rs = by_code[c]
        if len(rs) < 2 or len(rs) > 400:
            continue
        for i, r in enumerate(rs):
            for o in rs[i + 1:]:
                a, b = r.find(), o.find()
                if a is b or not spelling_variant(a.name_lt, b.name_lt):
                    continue
                keep, other = (a, b) if a.order <= b.order else (b, a)
                absorb(keep, other)
                merged += 1
    stat('phoenix: organisation rows merged (transliterations with the same code)', merged)
    rows = [r for r in rows if r.parent is None]
    # organisations: an acronym entry into the full-name entry with the same code
    merged = 0
    full = collections.defaultdict(list)
    for r in rows:
        if not r.person and len(r.name.split()) >= 2:
            for ini in initials_of(r.name.split()):
                full[ini].append(r)
    for r in rows:
        if r.person or r.parent is not None or len(r.name.split()) != 1:
            continue
        acr = re.sub(r'[^A-Z]', '', r.name.upper())
        if r.name != r.name.upper():
            continue
        for o in full.get(acr, []):
            o = o.find()
            if o is r or o.parent is not None:
                continue
            if codes_same_org(r, o):
                keep, other = (r, o) if r.order <= o.order else (o, r)
                absorb(keep, other)
                merged += 1
                break
    stat('phoenix: acronym rows merged into the full name', merged)
    rows = [r for r in rows if r.parent is None]
    # companies: one name with equivalent legal suffixes or none (`Sasol Limited`, `Sasol
    # Ltd.`; `Chevron`, `Chevron Corp.`)
    merged = 0
    by_short = collections.defaultdict(list)
    for r in rows:
        if not r.person and is_company(r):
            k = company_key(r.name)
            if k:
                by_short[k[0]].append((k[1], r))
    for k in sorted(by_short):
        items = sorted(by_short[k], key=lambda x: x[1].order)
        for i, (sa, r) in enumerate(items):
            for sb, o in items[i + 1:]:
                a, b = r.find(), o.find()
                if a is b or not (sa == sb or sa == '' or sb == '') \
                        or not org_compatible(a, b):
                    continue
                keep, other = (a, b) if a.order <= b.order else (b, a)
                absorb(keep, other)
                merged += 1
    stat('phoenix: company rows merged (same name, equivalent legal suffix)', merged)
    rows = [r for r in rows if r.parent is None]
    # `SECURITY_COUNCIL` and `UN_SECURITY_COUNCIL` with one code: the qualified name wins
    merged = 0
    bare = {}
    for r in rows:
        lt = lower_tokens(r.name.split())
        if not r.person and not is_company(r) and len(lt) >= 2 and strip_nationality(lt) == lt:
            bare.setdefault(fold(r.name), r)
    for r in rows:
        if r.person or is_company(r):
            continue
        lt = lower_tokens(r.name.split())
        for n in (1, 2, 3):
            rest = lt[n:]
            if len(rest) < 2 or strip_nationality(lt[:n]) or strip_nationality(rest) != rest:
                continue
            o = bare.get(fold(' '.join(rest)))
            if o is None:
                continue
            a, b = r.find(), o.find()
            if a is b or not ({c for c, _, _ in a.codes} & {c for c, _, _ in b.codes}):
                continue
            absorb(a, b)
            merged += 1
            break
    stat('phoenix: organisation rows merged (name with and without its country)', merged)
    return [r for r in rows if r.parent is None]


SUFFIX_CLASS = {'incorporated': 'inc', 'inc': 'inc', 'corporation': 'corp', 'corp': 'corp',
                'company': 'co', 'co': 'co', 'limited': 'ltd', 'ltd': 'ltd'}


def company_key(name):
    """(name without legal suffix, suffix class) of a company name, or None."""
    words = name.split()
    if len(words) >= 2 and words[-1].lower().rstrip('.') in LEGAL_SUFFIXES:
        suf = words[-1].lower().rstrip('.')
        return fold(' '.join(words[:-1])), SUFFIX_CLASS.get(suf, suf)
    return fold(name), ''


def initial_compatible(x, y):
    fx, fy = fold(x), fold(y)
    if fx == fy:
        return True
    return (is_initial(x) or is_initial(y)) and fx[:1] == fy[:1]


def variant_compatible(a, b):
    """Two person rows that are spellings of one name (K. Annan, Kofi Annan, Kofi Atta Annan):
    same last name, compatible first names and middle names, and a shared code; when only one
    of them has middle names, a shared dated code (the two George Bushes share none)."""
    x, y = name_words(a.name_lt), name_words(b.name_lt)
    if len(x) < 2 or len(y) < 2 or fold(x[-1]) != fold(y[-1]):
        return False
    if not initial_compatible(x[0], y[0]):
        return False
    mx, my = x[1:-1], y[1:-1]
    if len(mx) == len(my) and all(initial_compatible(p, q) for p, q in zip(mx, my)):
        return bool({c for c, _, _ in a.codes} & {c for c, _, _ in b.codes})
    if not mx or not my:
        return shared_terms_overlap(a.codes, b.codes)
    return False


def shared_terms_overlap(ca, cb):
    """Do two code lists share a dated code, with overlapping terms for every shared code?"""
    def span(s, e):
        return (s or '0000-00-00', e or '9999-99-99')
    shared = {c for c, s, e in ca if s or e} & {c for c, s, e in cb if s or e}
    if not shared:
        return False
    for c in shared:
        sa = [span(s, e) for x, s, e in ca if x == c and (s or e)]
        sb = [span(s, e) for x, s, e in cb if x == c and (s or e)]
        if not any(p[0] <= q[1] and q[0] <= p[1] for p in sa for q in sb):
            return False
    return True


def person_rank(r):
    initial = 1 if is_initial(r.name.split()[0]) else 0
    return (initial, r.order)


def org_compatible(a, b):
    """Same-named organisations are one unless they belong to different countries (the
    National Liberation Army of Colombia and that of Bolivia)."""
    return not a.countries or not b.countries or bool(a.countries & b.countries)


def codes_same_org(a, b):
    ca = {c for c, _, _ in a.codes}
    cb = {c for c, _, _ in b.codes}
    if ca & cb:
        return True
    for x in ca:
        for y in cb:
            if x[:3] == y[:3] and x[:3] in TYPE_PREFIXES and len(x) >= 9 and len(y) >= 9 \
                    and x[-3:] == y[-3:]:
                return True
    return False


def igo_code_map(rows):
    """CAMEO IGO code -> the organisation row whose own code it is (first in the files), or
    the countries.tsv name of a bloc that lives there (the European Union)."""
    cands = [x for x in IGO_COUNTRY if igo_org_code(x[1])]
    for r in rows:
        if r.person:
            continue
        for c, s, e in r.codes:
            if code_parts(c)[0] == 'IGO' and not s and not e and igo_org_code(c):
                cands.append((r.order, c, r))
    m = {}
    for order, c, target in sorted(cands, key=lambda x: (x[0], x[1])):
        m.setdefault(c, target)
    return m


CAMEO_REGIONS = {'AFR', 'ASA', 'EUR', 'LAM', 'MEA', 'SAM', 'NAM', 'CAS', 'SEA', 'SAS', 'EAF',
                 'WAF', 'NAF', 'SAF', 'CAF', 'EEU', 'WEU', 'WST', 'CRB', 'PAC', 'BLK', 'BAL',
                 'CAU', 'NMR', 'SCN', 'EIN', 'CFR', 'INT', 'MOS'}


def igo_org_code(code):
    """Does an IGO code name one organisation (`IGOWSTNAT`, `IGOUNOKID`), rather than a
    region or a sector of IGOs (`IGO`, `IGOLAM`, `IGOUNODEV`, `IGOMED`)?"""
    rest = code[3:]
    triples = [rest[i:i + 3] for i in range(0, len(rest), 3)]
    if not triples:
        return False
    last = triples[-1]
    return last not in CAMEO_SECTORS and last not in CAMEO_REGIONS


def phoenix_roles(rows):
    igo = igo_code_map(rows)
    for r in rows:
        for c, s, e in r.codes:
            typ, c3, sector, rest = code_parts(c)
            r.sectors.add(sector)
            if typ == 'IGO':
                t = igo.get(c)
                if t is None:
                    stat('roles dropped: IGO code that names no organisation row '
                         '(region, sector, unknown)')
                    continue
                if t is r:
                    continue
                r.roles.add((t, 'IGO', s, e))
                if isinstance(t, str):
                    r.countries.add(t)
            elif typ in ('NGO', 'MNC', 'country'):
                if typ == 'country' and not sector:
                    continue              # a bare country code: no sector, no role
                if not c3:
                    if typ == 'country':
                        CMAP.unmapped[c[:3]] += 1
                        stat('roles dropped: unmapped country code')
                    continue
                name = CMAP.country(c3)
                if name is None:
                    stat('roles dropped: unmapped country code')
                    continue
                r.roles.add((name, sector, s, e))
            elif typ == 'other':
                CMAP.unmapped[c[:3]] += 1
                stat('roles dropped: unmapped country code')


# --------------------------------------------------------------------------------------------
# US Congress and executive
# --------------------------------------------------------------------------------------------

PARTY_NAMES = {'Democrat': 'Democratic Party', 'Democratic': 'Democratic Party',
               'Republican': 'Republican Party', 'Whig': 'Whig Party',
               'Federalist': 'Federalist Party',
               'Democratic-Republican': 'Democratic-Republican Party',
               'National Republican': 'National Republican Party',
               'Anti-Administration': 'Anti-Administration Party',
               'Pro-Administration': 'Pro-Administration Party'}
PARTY_SKIP = {'Independent', 'no party', ''}
PARTY_ALIASES = {'Republican Party': ['GOP', 'G.O.P.', 'Grand Old Party'],
                 'Democratic Party': [],
                 'Democratic-Republican Party': ['Jeffersonian Republicans']}
CHAMBERS = {'sen': ('United States Senate', ['U.S. Senate', 'US Senate']),
            'rep': ('United States House of Representatives',
                    ['U.S. House of Representatives', 'US House of Representatives',
                     'U.S. House', 'US House'])}
MERGE_GAP_DAYS = 62


def days_between(a, b):
    return (datetime.date.fromisoformat(b) - datetime.date.fromisoformat(a)).days


def merge_spans(spans):
    """Merge consecutive (start, end) spans (sorted) whose gap is at most MERGE_GAP_DAYS."""
    out = []
    for s, e in sorted(spans):
        if out and out[-1][1] and s and days_between(out[-1][1], s) <= MERGE_GAP_DAYS:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
            continue
        out.append((s, e))
    return out


def clean_official(full):
    """`Eric A. "Rick" Crawford` -> `Eric A. Crawford`; the nickname becomes an alias."""
    full = re.sub(r'"[^"]*"|\([^)]*\)', ' ', full)
    return ' '.join(full.split()).replace(' ,', ',')


def congress_forms(nm):
    def clean(v):
        return ' '.join(re.sub(r'"[^"]*"|\([^)]*\)', ' ', str(v or '')).split())
    first, last = clean(nm.get('first')), clean(nm.get('last'))
    middle, nick = clean(nm.get('middle')), clean(nm.get('nickname'))
    suffix = clean(nm.get('suffix'))
    forms = []
    if first and last:
        forms.append(first + ' ' + last)
        if middle:
            forms.append(first + ' ' + middle + ' ' + last)
            mi = ' '.join(w[0] + '.' for w in middle.replace('.', ' ').split())
            forms.append(first + ' ' + mi + ' ' + last)
        if suffix:
            forms.append(first + ' ' + last + ', ' + suffix)
            forms.append(first + ' ' + last + ' ' + suffix)
    if nick and last:
        forms.append(nick + ' ' + last)
    if nm.get('official_full'):
        forms.append(clean_official(nm['official_full']))
    return forms


def congress_rows(datadir):
    cdir = os.path.join(datadir, 'us-congress')
    with open(os.path.join(cdir, 'executive.yaml'), encoding='utf-8') as fh:
        executive = yaml.safe_load(fh)
    with open(os.path.join(cdir, 'legislators-current.yaml'), encoding='utf-8') as fh:
        current = yaml.safe_load(fh)
    orgs = {}

    def org(name, aliases, sector):
        if name not in orgs:
            r = Row(name, False, ('c', 0, len(orgs)))
            r.aliases |= set(aliases)
            r.roles.add(('United States', sector, '', ''))
            r.curated = True
            r.source = 'congress'
            r.sectors.add(sector)
            orgs[name] = r
        return orgs[name]

    people = {}   # bioguide -> (person dict, list of sources)
    order = []
    for src, data in (('executive', executive), ('current', current)):
        for p in data:
            bid = p['id'].get('bioguide') or ('%s-%d' % (src, len(order)))
            if bid not in people:
                people[bid] = {'name': p['name'], 'id': p['id'], 'terms': []}
                order.append(bid)
            people[bid]['terms'] += p['terms']
            if src == 'current':
                people[bid]['name'] = p['name']
    # display names: official_full, else first + last; people who would share first + last
    # (the two George Bushes) get their middle initials
    base = {}
    for bid in order:
        nm = people[bid]['name']
        if nm.get('official_full'):
            base[bid] = clean_official(nm['official_full'])
        elif nm.get('nickname'):
            # The name news uses: `Bill Clinton`, not `William Clinton` (kept as an alias).
            base[bid] = clean_official(nm['nickname'] + ' ' + nm['last'])
        else:
            base[bid] = clean_official(nm['first'] + ' ' + nm['last'])
    counts = collections.Counter(key(v) for v in base.values())
    rows = []
    for i, bid in enumerate(order):
        p = people[bid]
        nm = p['name']
        name = base[bid]
        if counts[key(name)] > 1 and nm.get('middle') and not nm.get('official_full'):
            mi = ' '.join(w[0] + '.' for w in nm['middle'].replace('.', ' ').split())
            name = nm['first'] + ' ' + mi + ' ' + nm['last']
            stat('congress: names qualified with middle initials')
        r = Row(name, True, ('c', 1, i))
        r.source = 'congress'
        r.wikidata = p['id'].get('wikidata', '') or ''
        for f in congress_forms(nm):
            if key(f) != key(name) and len(name_words(lower_tokens(f.split()))) >= 2:
                r.aliases.add(f)
        exec_spans, chambers, parties = [], collections.defaultdict(list), []
        for t in p['terms']:
            s, e = str(t.get('start', '')), str(t.get('end', ''))
            if t['type'] in ('prez', 'viceprez'):
                exec_spans.append((s, e))
                r.us_exec = True
            elif t['type'] in CHAMBERS:
                chambers[t['type']].append((s, e))
            affs = t.get('party_affiliations')
            if affs:
                for af in affs:
                    parties.append((str(af.get('start', s)), str(af.get('end', e)),
                                    af.get('party', '')))
            else:
                parties.append((s, e, t.get('party', '') or ''))
        for s, e in merge_spans(exec_spans):
            r.roles.add(('United States', 'GOV', s, e))
            r.sectors.add('GOV')
        for ch in sorted(chambers):
            cname, caliases = CHAMBERS[ch]
            target = org(cname, caliases, 'LEG')
            for s, e in merge_spans(chambers[ch]):
                r.roles.add((target, 'LEG', s, e))
            r.sectors.add('LEG')
        by_party = collections.defaultdict(list)
        for s, e, party in parties:
            if party in PARTY_SKIP:
                continue
            pname = PARTY_NAMES.get(party)
            if pname is None:
                pname = party if party.endswith('Party') else party + ' Party'
                stat('congress: party name built from the data: ' + pname)
            by_party[pname].append((s, e))
        for pname in sorted(by_party):
            target = org(pname, PARTY_ALIASES.get(pname, []), 'PTY')
            for s, e in merge_spans(by_party[pname]):
                r.roles.add((target, 'PTY', s, e))
        r.countries.add('United States')
        r.auth = set(r.roles)
        rows.append(r)
    stat('congress: people', len(rows))
    stat('congress: presidents and vice presidents', sum(1 for r in rows if r.us_exec))
    return rows, [orgs[k] for k in sorted(orgs)]


def merge_congress(prows, crows, corgs):
    """A Phoenix person who is a congress person (same name, or a Phoenix alias equal to a
    congress form, when only one congress person has that form) becomes one row with the
    congress spelling; Phoenix organisations named like a congress organisation join it."""
    form_owner = collections.defaultdict(set)
    for r in crows:
        for f in [r.name] + sorted(r.aliases):
            form_owner[fold(f)].add(id(r))
    by_id = {id(r): r for r in crows}
    merged = 0
    for p in sorted(prows, key=lambda r: r.order):
        if not p.person or p.parent is not None:
            continue
        if p.countries and 'United States' not in p.countries:
            continue
        cands = set()
        for f in [p.name] + sorted(p.aliases):
            owners = form_owner.get(fold(f), set())
            if len(owners) == 1:
                cands |= owners
        if len(cands) != 1:
            if len(cands) > 1:
                stat('congress: Phoenix person matching several congress people (kept apart)')
            continue
        c = by_id[cands.pop()].find()
        absorb(c, p)
        merged += 1
    stat('congress: Phoenix persons merged into congress rows', merged)
    corg_by = {fold(o.name): o for o in corgs}
    for o in corgs:
        for a in o.aliases:
            corg_by.setdefault(fold(a), o)
    for p in prows:
        if p.person or p.parent is not None:
            continue
        o = corg_by.get(fold(p.name))
        if o is not None and (not p.countries or 'United States' in p.countries):
            absorb(o, p)
            stat('congress: Phoenix organisations merged into congress organisations')


# --------------------------------------------------------------------------------------------
# Finishing: roles, kinds, ambiguous forms, output
# --------------------------------------------------------------------------------------------

def next_day(d):
    return (datetime.date.fromisoformat(d) + datetime.timedelta(days=1)).isoformat()


def final_roles(r):
    """Role strings of row r: targets resolved to names; an undated role dropped where the
    same target and sector has dated ones; overlapping or touching spans merged."""
    groups = collections.defaultdict(list)
    for target, sector, s, e in r.roles:
        if isinstance(target, Row):
            t = target.find()
            if t is r or t.skip:
                continue
            tname = t.name
        else:
            tname = target
        groups[(tname, sector)].append((s, e, (target, sector, s, e) in r.auth))
    out = []
    for (tname, sector), spans3 in groups.items():
        auth = [(s, e) for s, e, a in spans3 if a and e]
        spans = []
        for s, e, a in spans3:
            if not a and e == '' and s:
                # an open Phoenix span ("from s") ends where the congress term that holds s ends
                for as_, ae in auth:
                    if as_ <= s <= ae:
                        e = ae
                        break
                else:
                    # an open span from before the first dated term ends with the last one
                    # (Phoenix's `GOV >1952` of a monarch whose reign leaders.tsv closes)
                    if auth and s < min(as_ for as_, _ in auth) and \
                            not any(a2 and not e2 for _, e2, a2 in spans3):
                        e = max(ae for _, ae in auth)
            spans.append((s, e))
        dated = sorted(set(x for x in spans if x != ('', '')))
        if not dated:
            out.append((tname, sector, '', ''))
            continue
        merged = []
        for s, e in dated:
            if merged:
                ps, pe = merged[-1]
                if pe == '' or s == '' or s <= next_day(pe):
                    ne = '' if (pe == '' or e == '') else max(pe, e)
                    merged[-1] = (ps, ne)
                    continue
            merged.append((s, e))
        for s, e in merged:
            out.append((tname, sector, s, e))
    out.sort(key=lambda x: (x[2], x[0], x[1], x[3]))
    return ['%s;%s;%s;%s' % x for x in out]


def kind_of(r):
    if not r.person:
        return 'institute'
    if r.us_exec or 'GOV' in r.sectors:
        return 'leader'
    if r.sectors and r.sectors <= {'EDU'}:
        return 'analyst'
    return 'person'


def alias_preference(a):
    """Of two spellings with one folded key, the one to keep (smaller is better): no
    apostrophe inside a word (`Al-Qaeda` before `Al-Qa'eda`; `O'Neill` and `People's` keep
    theirs), an acronym without periods (`GOP` before `G.O.P.`), then initials with periods
    (`Barack H. Obama`), hyphens (`al-Assad`)."""
    inner_apos = len(re.findall(r"(?<=\w\w)'(?!s\b)(?=\w)", a))
    dotted_acronyms = len(re.findall(r'\b(?:[A-Z]\.){2,}(?=\s|$)', a))
    return (inner_apos, dotted_acronyms, -a.count('.'), -a.count('-'), a)


def clean_aliases(rows):
    """Per row: no alias equal to the name, none of two characters or fewer, none that is a
    form of another list (countries, places, outlets), one spelling per key (`U.S. Senate`
    and `US Senate` are two; `al-Assad` and `al Assad` one)."""
    for r in rows:
        nk = key(r.name)
        best = {}
        for a in r.aliases:
            a = ' '.join(a.replace('\t', ' ').replace('|', ' ').replace(';', ' ').split())
            k = key(a)
            if not k or k == nk:
                continue
            if len(a) <= 2:
                stat('aliases dropped: two characters or fewer')
                continue
            if k in LEX.gazetteer or rfold(a) in LEX.gazetteer_folded:
                stat('aliases dropped: a country, place or outlet form')
                continue
            if r.person and len(name_words(key(a).split())) < 2:
                stat('aliases dropped: single word for a person')
                continue
            if k not in best or alias_preference(a) < alias_preference(best[k]):
                best[k] = a
        r.aliases = set(best.values())


def resolve_ambiguous(rows, keyf):
    """A form claimed by two rows stays only as the name of the one row it names; otherwise it
    goes from every row (a form of a curated congress organisation stays there)."""
    owners = collections.defaultdict(list)
    for r in rows:
        owners[keyf(r.name)].append((r, True))
        for a in r.aliases:
            owners[keyf(a)].append((r, False))
    removed = 0
    shared_names = []
    for k in sorted(owners):
        entries = owners[k]
        rset = {id(r) for r, _ in entries}
        if len(rset) < 2:
            continue
        named = [r for r, is_name in entries if is_name]
        keep = None
        if len(named) == 1:
            keep = named[0]
        elif len(named) >= 2:
            shared_names.append((k, sorted({r.name for r in named})))
        else:
            curated = [r for r, _ in entries if r.curated]
            if len({id(r) for r in curated}) == 1:
                keep = curated[0]
        for r, is_name in entries:
            if is_name or r is keep:
                continue
            before = len(r.aliases)
            r.aliases = {a for a in r.aliases if keyf(a) != k}
            removed += before - len(r.aliases)
    stat('ambiguous forms removed from aliases', removed)
    return shared_names


def merge_same_names(rows):
    """graphgen's loader refuses two entries with one name (folded).  Rows still sharing a
    name here are the same person in two states' lists (Elizabeth II) or one organisation
    written two ways (`J.P. Morgan Chase`, `JP Morgan Chase`), merged; or two organisations of
    different states with one name, or a person and an organisation: the first is kept, the
    others dropped (reported)."""
    groups = collections.defaultdict(list)
    for r in sorted(rows, key=lambda r: r.order):
        groups[rfold(r.name)].append(r)
    by_key = collections.defaultdict(list)
    for r in sorted(rows, key=lambda r: r.order):
        by_key[key(r.name)].append(r)
    # union of the two keys
    for rs in list(by_key.values()):
        if len(rs) > 1:
            k0 = rfold(rs[0].name)
            for r in rs[1:]:
                k = rfold(r.name)
                if k != k0 and r in groups.get(k, []):
                    groups[k].remove(r)
                    groups[k0].append(r)
    dropped = []
    for k in sorted(groups):
        rs = sorted(groups[k], key=lambda r: r.order)
        if len(rs) < 2:
            continue
        keep = rs[0]
        for o in rs[1:]:
            if keep.person and o.person:
                absorb(keep, o)
                stat('rows merged: one person in two states\' lists (same name)')
            elif not keep.person and not o.person and org_compatible(keep, o):
                absorb(keep, o)
                stat('rows merged: one organisation written two ways (same folded name)')
            else:
                o.skip = 'same name as another row'
                dropped.append('%s (%s kept)' % (o.name, ', '.join(sorted(keep.countries))
                                                 or 'first'))
                stat('rows dropped: same name as an organisation of another state')
    return [r for r in rows if r.parent is None and not r.skip], dropped


# Offices of resources/leaders.tsv that are held for an international organisation (its row
# is the role's target) rather than for a state.
INTERNATIONAL = {'United Nations', 'NATO'}


def add_leaders(rows, path):
    """Heads of state and government and G20 foreign and defence ministers since 2010
    (resources/leaders.tsv, hand-made from general knowledge): each spell in office is a
    dated GOV role (IGO for the UN and NATO) of the person's row, made when Phoenix and
    congress do not have the person. Its closed spans end Phoenix's open ones."""
    persons = {}
    for r in rows:
        if r.person:
            for k in [key(r.name)] + sorted(key(a) for a in r.aliases):
                persons.setdefault(k, r)
    orgs = {key(r.name): r for r in rows if not r.person}
    header = None
    for n, line in enumerate(open(path, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line or line.startswith('#'):
            continue
        cols = line.split('\t')
        if header is None:
            header = cols
            continue
        name, aliases, country, office, start, end = cols
        forms = [name] + [a for a in aliases.split('|') if a]
        r = next((persons[key(f)] for f in forms if key(f) in persons), None)
        if r is None:
            r = Row(name, True, ('l', 0, n))
            r.source = 'leaders'
            rows.append(r)
            stat('leaders: people added')
        for f in forms:
            persons.setdefault(key(f), r)
            if key(f) != key(r.name) and len(f.split()) >= 2:
                r.aliases.add(f)
        if country in INTERNATIONAL:
            target, sector = orgs[key(country)], 'IGO'
        else:
            target, sector = country, 'GOV'
        role = (target, sector, start, end)
        r.roles.add(role)
        r.auth.add(role)
        r.sectors.add('GOV')
        stat('leaders: spells in office')


def main(argv):
    global LEX
    if len(argv) != 2:
        sys.exit('usage: python3 scripts/build_knowledge.py DATA_DIR > resources/actors.tsv')
    datadir = argv[1]
    LEX = Lexicons()
    prows = phoenix_rows(datadir)
    prows = merge_phoenix(prows)
    phoenix_roles(prows)
    crows, corgs = congress_rows(datadir)
    merge_congress(prows, crows, corgs)
    rows = [r for r in crows + corgs + prows if r.parent is None]
    rows.sort(key=lambda r: r.order)
    rows, dropped = merge_same_names(rows)
    add_leaders(rows, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'resources', 'leaders.tsv'))
    clean_aliases(rows)
    shared = resolve_ambiguous(rows, key) + resolve_ambiguous(rows, rfold)
    out_rows = []
    for r in rows:
        code = r.codes[0][0] if r.codes else ''
        out_rows.append((r.name, kind_of(r), '|'.join(sorted(r.aliases, key=lambda a: (key(a), a))),
                         code, '|'.join(final_roles(r)), r.wikidata))
    out_rows.sort(key=lambda x: (key(x[0]), x[0], x[1], x[3], x[4], x[2], x[5]))
    counts = collections.Counter(x[1] for x in out_rows)
    lines = [
        '# Actors: persons (leader, person, analyst) and organisations (institute), generated by',
        '# scripts/build_knowledge.py (do not edit by hand; rerun the script). Sources:',
        '# - Phoenix / CAMEO actor dictionaries, openeventdata/petrarch2 commit 676801c, MIT',
        '#   licence (Copyright (c) 2014 Open Event Data Alliance); they end around 2015-16.',
        '# - unitedstates/congress-legislators commit dfa9622 (June 2026), CC0: presidents and',
        '#   vice presidents 1789-2026 and the members of Congress serving in June 2026.',
        '# Columns: name, kind, aliases (|), code (CAMEO, as first given), roles (|; each',
        '# target;sector;start;end, target a countries.tsv name or the name of another row),',
        '# wikidata. Entries: %d (leader %d, person %d, analyst %d, institute %d).' % (
            len(out_rows), counts['leader'], counts['person'], counts['analyst'],
            counts['institute']),
        'name\tkind\taliases\tcode\troles\twikidata',
    ]
    for x in out_rows:
        lines.append('\t'.join(x))
    sys.stdout.write('\n'.join(lines) + '\n')
    # report
    for k in sorted(STATS):
        warn('%8d  %s' % (STATS[k], k))
    if CMAP.unmapped:
        warn('unmapped CAMEO country/region codes (roles dropped): ' + ', '.join(
            '%s (%d)' % (c, n) for c, n in sorted(CMAP.unmapped.items())))
    for k, names in shared[:40]:
        warn('name shared by several rows: ' + ' / '.join(names))
    for d in dropped:
        warn('dropped, its name is another row\'s: ' + d)
    warn('rows: %d  %s' % (len(out_rows), dict(sorted(counts.items()))))


if __name__ == '__main__':
    main(sys.argv)
