//! A small gazetteer: the place names a dpa kicker (Dachzeile) may list.
//!
//! Countries (German common names, plus a few disputed or partly recognised territories),
//! German states with their usual short forms, neighbouring states and cantons, the larger
//! German cities and every state capital, major world cities, and continents and large
//! regions. Organisations (EU, Nato, UN) are not places. Matching is case-insensitive on the
//! whole name.

use rustc_hash::FxHashSet;
use std::sync::LazyLock;

#[rustfmt::skip]
const COUNTRIES: &[&str] = &[
    "Afghanistan", "Ägypten", "Albanien", "Algerien", "Andorra", "Angola",
    "Antigua und Barbuda", "Äquatorialguinea", "Argentinien", "Armenien", "Aserbaidschan",
    "Äthiopien", "Australien", "Bahamas", "Bahrain", "Bangladesch", "Barbados", "Belarus",
    "Weißrussland", "Belgien", "Belize", "Benin", "Bhutan", "Bolivien",
    "Bosnien und Herzegowina", "Bosnien-Herzegowina", "Bosnien", "Botsuana", "Botswana",
    "Brasilien", "Brunei", "Bulgarien", "Burkina Faso", "Burundi", "Chile", "China",
    "Volksrepublik China", "Costa Rica", "Dänemark", "Deutschland", "Dominica",
    "Dominikanische Republik", "Dschibuti", "Ecuador", "Elfenbeinküste", "Côte d'Ivoire",
    "El Salvador", "Eritrea", "Estland", "Eswatini", "Swasiland", "Fidschi", "Finnland",
    "Frankreich", "Gabun", "Gambia", "Georgien", "Ghana", "Grenada", "Griechenland",
    "Großbritannien", "Vereinigtes Königreich", "Guatemala", "Guinea", "Guinea-Bissau",
    "Guyana", "Haiti", "Honduras", "Indien", "Indonesien", "Irak", "Iran", "Irland", "Island",
    "Israel", "Italien", "Jamaika", "Japan", "Jemen", "Jordanien", "Kambodscha", "Kamerun",
    "Kanada", "Kap Verde", "Kasachstan", "Katar", "Kenia", "Kirgistan", "Kirgisistan",
    "Kiribati", "Kolumbien", "Komoren", "Kongo", "Demokratische Republik Kongo",
    "Republik Kongo", "Nordkorea", "Südkorea", "Korea", "Kroatien", "Kuba", "Kuwait", "Laos",
    "Lesotho", "Lettland", "Libanon", "Liberia", "Libyen", "Liechtenstein", "Litauen",
    "Luxemburg", "Madagaskar", "Malawi", "Malaysia", "Malediven", "Mali", "Malta", "Marokko",
    "Marshallinseln", "Mauretanien", "Mauritius", "Mexiko", "Mikronesien", "Moldau",
    "Moldawien", "Republik Moldau", "Monaco", "Mongolei", "Montenegro", "Mosambik", "Myanmar",
    "Birma", "Namibia", "Nauru", "Nepal", "Neuseeland", "Nicaragua", "Niederlande", "Holland",
    "Niger", "Nigeria", "Nordmazedonien", "Mazedonien", "Norwegen", "Oman", "Österreich",
    "Osttimor", "Timor-Leste", "Pakistan", "Palau", "Panama", "Papua-Neuguinea", "Paraguay",
    "Peru", "Philippinen", "Polen", "Portugal", "Ruanda", "Rumänien", "Russland", "Salomonen",
    "Sambia", "Samoa", "San Marino", "São Tomé und Príncipe", "Saudi-Arabien", "Schweden",
    "Schweiz", "Senegal", "Serbien", "Seychellen", "Sierra Leone", "Simbabwe", "Singapur",
    "Slowakei", "Slowenien", "Somalia", "Spanien", "Sri Lanka", "St. Kitts und Nevis",
    "St. Lucia", "St. Vincent und die Grenadinen", "Südafrika", "Sudan", "Südsudan",
    "Suriname", "Syrien", "Tadschikistan", "Tansania", "Thailand", "Togo", "Tonga",
    "Trinidad und Tobago", "Tschad", "Tschechien", "Tschechische Republik", "Tunesien",
    "Türkei", "Turkmenistan", "Tuvalu", "Uganda", "Ukraine", "Ungarn", "Uruguay", "Usbekistan",
    "Vanuatu", "Vatikan", "Vatikanstadt", "Venezuela", "Vereinigte Arabische Emirate", "VAE",
    "Vereinigte Staaten", "USA", "Vietnam", "Zentralafrikanische Republik", "Zypern",
    // Territories and parts of countries that dpa kickers name like countries.
    "Kosovo", "Taiwan", "Palästina", "Palästinensergebiete", "Gaza", "Gazastreifen",
    "Westjordanland", "Ostjerusalem", "Golanhöhen", "Grönland", "Hongkong", "Macau", "Tibet",
    "Xinjiang", "Krim", "Donbass", "Kaschmir", "Westsahara", "Nordirland", "Schottland",
    "Wales", "England", "Katalonien", "Baskenland", "Korsika", "Sizilien", "Sardinien",
    "Mallorca", "Kanaren", "Kanarische Inseln", "Tschetschenien", "Transnistrien",
    "Abchasien", "Südossetien", "Berg-Karabach", "Bergkarabach", "Kurdistan", "Puerto Rico",
    "Hawaii", "Alaska", "Kalifornien", "Texas", "Florida",
];

#[rustfmt::skip]
const GERMAN_STATES: &[&str] = &[
    "Baden-Württemberg", "Bayern", "Berlin", "Brandenburg", "Bremen", "Hamburg", "Hessen",
    "Mecklenburg-Vorpommern", "Niedersachsen", "Nordrhein-Westfalen", "Rheinland-Pfalz",
    "Saarland", "Sachsen", "Sachsen-Anhalt", "Schleswig-Holstein", "Thüringen",
    // Short forms.
    "NRW", "BW", "MV", "M-V", "Meck-Pomm", "BaWü", "RLP", "SH",
    // German regions.
    "Ruhrgebiet", "Rheinland", "Westfalen", "Franken", "Oberbayern", "Niederbayern",
    "Oberpfalz", "Schwaben", "Allgäu", "Pfalz", "Lausitz", "Erzgebirge", "Harz", "Eifel",
    "Sauerland", "Ostfriesland", "Vogtland", "Emsland", "Schwarzwald", "Bodensee",
    "Ostdeutschland", "Westdeutschland", "Norddeutschland", "Süddeutschland",
    "Sylt", "Rügen", "Usedom", "Helgoland", "Föhr", "Amrum", "Norderney", "Borkum",
    // Austria and Switzerland.
    "Tirol", "Südtirol", "Vorarlberg", "Kärnten", "Steiermark", "Oberösterreich",
    "Niederösterreich", "Burgenland", "Tessin", "Graubünden", "Wallis", "Aargau",
];

#[rustfmt::skip]
const GERMAN_CITIES: &[&str] = &[
    "Berlin", "Hamburg", "München", "Köln", "Frankfurt", "Frankfurt am Main", "Stuttgart",
    "Düsseldorf", "Leipzig", "Dortmund", "Essen", "Bremen", "Dresden", "Hannover", "Nürnberg",
    "Duisburg", "Bochum", "Wuppertal", "Bielefeld", "Bonn", "Münster", "Mannheim", "Karlsruhe",
    "Augsburg", "Wiesbaden", "Mönchengladbach", "Gelsenkirchen", "Aachen", "Braunschweig",
    "Kiel", "Chemnitz", "Halle", "Halle (Saale)", "Halle an der Saale", "Magdeburg",
    "Freiburg", "Freiburg im Breisgau", "Krefeld", "Mainz", "Lübeck", "Erfurt", "Oberhausen",
    "Rostock", "Kassel", "Hagen", "Potsdam", "Saarbrücken", "Hamm", "Ludwigshafen",
    "Ludwigshafen am Rhein", "Mülheim", "Mülheim an der Ruhr", "Oldenburg", "Osnabrück",
    "Leverkusen", "Darmstadt", "Heidelberg", "Solingen", "Herne", "Neuss", "Regensburg",
    "Paderborn", "Ingolstadt", "Offenbach", "Offenbach am Main", "Fürth", "Würzburg", "Ulm",
    "Heilbronn", "Pforzheim", "Wolfsburg", "Göttingen", "Bottrop", "Reutlingen", "Koblenz",
    "Bremerhaven", "Recklinghausen", "Bergisch Gladbach", "Erlangen", "Jena", "Remscheid",
    "Trier", "Salzgitter", "Moers", "Siegen", "Hildesheim", "Cottbus", "Gütersloh",
    "Kaiserslautern", "Witten", "Hanau", "Schwerin", "Gera", "Esslingen", "Esslingen am Neckar",
    "Ludwigsburg", "Iserlohn", "Düren", "Tübingen", "Zwickau", "Flensburg", "Gießen",
    "Ratingen", "Lünen", "Villingen-Schwenningen", "Konstanz", "Marl", "Worms", "Velbert",
    "Minden", "Neumünster", "Dessau", "Dessau-Roßlau", "Norderstedt", "Delmenhorst", "Bamberg",
    "Viersen", "Marburg", "Rheine", "Wilhelmshaven", "Gladbeck", "Lüneburg", "Troisdorf",
    "Bayreuth", "Dorsten", "Detmold", "Arnsberg", "Castrop-Rauxel", "Landshut",
    "Brandenburg an der Havel", "Lüdenscheid", "Bocholt", "Aschaffenburg", "Celle", "Kempten",
    "Fulda", "Aalen", "Lippstadt", "Dinslaken", "Herford", "Kerpen", "Rüsselsheim", "Weimar",
    "Sindelfingen", "Neuwied", "Plauen", "Dormagen", "Grevenbroich", "Rosenheim",
    "Neubrandenburg", "Herten", "Bergheim", "Friedrichshafen", "Schwäbisch Gmünd", "Garbsen",
    "Wesel", "Hürth", "Offenburg", "Stralsund", "Greifswald", "Langenfeld", "Neu-Ulm", "Unna",
    "Euskirchen", "Frankfurt (Oder)", "Frankfurt an der Oder", "Göppingen", "Hameln",
    "Stolberg", "Eschweiler", "Sankt Augustin", "Meerbusch", "Hilden", "Baden-Baden",
    "Wetzlar", "Görlitz", "Passau", "Speyer", "Wismar", "Bautzen", "Stade", "Goslar",
    "Cuxhaven", "Bad Homburg", "Bad Homburg vor der Höhe", "Garmisch-Partenkirchen",
    "Berchtesgaden", "Lindau", "Wittenberg", "Lutherstadt Wittenberg", "Quedlinburg",
    "Halberstadt", "Stendal", "Wernigerode", "Eisenach", "Gotha", "Suhl", "Nordhausen",
    "Mühlhausen", "Meißen", "Pirna", "Freiberg", "Riesa", "Hoyerswerda", "Oranienburg",
    "Eberswalde", "Neuruppin", "Schwedt", "Prenzlau", "Eisenhüttenstadt", "Güstrow", "Husum",
    "Heide", "Itzehoe", "Elmshorn", "Pinneberg", "Bad Segeberg", "Emden", "Leer", "Aurich",
    "Nordhorn", "Lingen", "Vechta", "Cloppenburg", "Verden", "Buxtehude", "Uelzen", "Gifhorn",
    "Peine", "Wolfenbüttel", "Kleve", "Xanten", "Ahlen", "Soest", "Siegburg", "Königswinter",
    "Bad Neuenahr-Ahrweiler", "Ahrweiler", "Andernach", "Bingen", "Bad Kreuznach",
    "Idar-Oberstein", "Pirmasens", "Zweibrücken", "Landau", "Neustadt an der Weinstraße",
    "Frankenthal", "Saarlouis", "Neunkirchen", "Homburg", "Völklingen", "St. Wendel",
    "Limburg", "Bad Hersfeld", "Rothenburg ob der Tauber", "Ansbach", "Schweinfurt", "Coburg",
    "Hof", "Weiden", "Weiden in der Oberpfalz", "Amberg", "Straubing", "Deggendorf",
    "Landsberg am Lech", "Memmingen", "Kaufbeuren", "Dachau", "Freising", "Erding",
    "Starnberg", "Traunstein", "Bad Reichenhall", "Füssen", "Oberstdorf", "Ravensburg",
    "Biberach", "Tuttlingen", "Rottweil", "Lörrach", "Singen", "Kehl", "Rastatt", "Bruchsal",
    "Heidenheim", "Schwäbisch Hall", "Sonneberg", "Altenburg", "Wolgast", "Anklam",
];

#[rustfmt::skip]
const WORLD_CITIES: &[&str] = &[
    "Washington", "Washington D.C.", "Moskau", "Kiew", "Kyjiw", "Charkiw", "Odessa", "Odesa",
    "Lwiw", "Saporischschja", "Dnipro", "Cherson", "Mariupol", "Bachmut", "Donezk", "Luhansk",
    "Sewastopol", "Kursk", "Belgorod", "St. Petersburg", "Sankt Petersburg", "Peking",
    "Shanghai", "Tokio", "Seoul", "Pjöngjang", "Neu-Delhi", "Delhi", "Mumbai", "Islamabad",
    "Kabul", "Teheran", "Bagdad", "Damaskus", "Aleppo", "Beirut", "Jerusalem", "Tel Aviv",
    "Gaza-Stadt", "Rafah", "Chan Junis", "Ramallah", "Amman", "Kairo", "Riad", "Dubai",
    "Abu Dhabi", "Doha", "Ankara", "Istanbul", "Athen", "Rom", "Mailand", "Neapel", "Venedig",
    "Florenz", "Madrid", "Barcelona", "Lissabon", "Paris", "Marseille", "Lyon", "Straßburg",
    "Nizza", "London", "Manchester", "Liverpool", "Dublin", "Edinburgh", "Belfast", "Brüssel",
    "Amsterdam", "Den Haag", "Rotterdam", "Bern", "Zürich", "Genf", "Basel", "Luzern",
    "Davos", "Wien", "Graz", "Linz", "Innsbruck", "Salzburg", "Prag", "Warschau", "Krakau",
    "Danzig", "Breslau", "Budapest", "Bratislava", "Ljubljana", "Zagreb", "Belgrad",
    "Sarajevo", "Pristina", "Skopje", "Tirana", "Podgorica", "Sofia", "Bukarest", "Chisinau",
    "Minsk", "Vilnius", "Wilna", "Riga", "Tallinn", "Helsinki", "Stockholm", "Oslo",
    "Kopenhagen", "Reykjavik", "Tiflis", "Eriwan", "Baku", "Astana", "Taschkent", "New York",
    "Los Angeles", "Chicago", "San Francisco", "Miami", "Boston", "Houston", "Las Vegas",
    "Seattle", "Atlanta", "Detroit", "Philadelphia", "Ottawa", "Toronto", "Montreal",
    "Vancouver", "Mexiko-Stadt", "Havanna", "Caracas", "Bogotá", "Lima", "Santiago",
    "Santiago de Chile", "Buenos Aires", "Rio de Janeiro", "São Paulo", "Brasília",
    "Montevideo", "Sydney", "Melbourne", "Canberra", "Wellington", "Auckland", "Bangkok",
    "Jakarta", "Manila", "Hanoi", "Kuala Lumpur", "Taipeh", "Nairobi", "Addis Abeba", "Lagos",
    "Abuja", "Johannesburg", "Kapstadt", "Pretoria", "Khartum", "Tripolis", "Tunis", "Algier",
    "Rabat", "Casablanca", "Dakar", "Kinshasa", "Bamako", "Mogadischu",
];

#[rustfmt::skip]
const REGIONS: &[&str] = &[
    "Europa", "Afrika", "Asien", "Amerika", "Nordamerika", "Südamerika", "Lateinamerika",
    "Mittelamerika", "Ozeanien", "Antarktis", "Arktis", "Nahost", "Naher Osten",
    "Mittlerer Osten", "Osteuropa", "Westeuropa", "Südeuropa", "Nordeuropa", "Mitteleuropa",
    "Südosteuropa", "Skandinavien", "Balkan", "Westbalkan", "Baltikum", "Kaukasus", "Karibik",
    "Sahel", "Sahelzone", "Zentralasien", "Südostasien", "Ostasien", "Südasien", "Nordafrika",
    "Westafrika", "Ostafrika", "Zentralafrika", "Alpen", "Mittelmeer", "Nordsee", "Ostsee",
    "Schwarzes Meer", "Rotes Meer", "Persischer Golf", "Golfregion",
];

/// Second parts of compound place names written with a slash (`Frankfurt/Main`,
/// `Halle/Saale`, `Weiden/Opf.`): rivers and regions, lowercase.
#[rustfmt::skip]
const COMPOUND_SUFFIXES: &[&str] = &[
    "main", "oder", "saale", "ruhr", "breisgau", "donau", "elbe", "weinstraße", "weinstrasse",
    "lech", "tauber", "opf.", "oberpfalz", "isar", "havel", "spree", "lahn", "fils",
    "rhein", "mosel", "neckar", "inn", "iller", "wertach", "weser", "ems", "aller", "leine",
    "werra", "saar", "nahe", "ilm", "unstrut", "mulde", "neiße", "neisse", "warthe",
    "eider", "trave", "dosse", "oste", "ostfriesland", "westfalen", "holstein", "pfalz",
    "taunus", "eifel", "harz", "allgäu", "schwarzwald", "erzgebirge", "vogtland", "rhön",
    "odenwald", "westerwald", "hunsrück", "ts.", "obb.", "ndb.", "ofr.", "mfr.",
    "ufr.", "opf", "schwaben", "württ.", "b. münchen", "weinstr.",
    "höhe", "v.d.h.", "dill", "kinzig", "enz", "murr", "jagst", "kocher", "regen", "vils",
    "ammer", "altmühl", "pegnitz", "rednitz", "zusam", "wörnitz", "elster", "pleiße",
    "schwalm", "eder", "diemel", "lippe", "emscher", "wupper", "sieg", "ahr", "erft", "rur",
];

static PLACES: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    COUNTRIES
        .iter()
        .chain(GERMAN_STATES)
        .chain(GERMAN_CITIES)
        .chain(WORLD_CITIES)
        .chain(REGIONS)
        .map(|s| s.to_lowercase())
        .collect()
});

static SUFFIXES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| COMPOUND_SUFFIXES.iter().copied().collect());

/// True when `s` (trimmed, any case) is the second part of a slash compound such as
/// `Frankfurt/Main`: a river or region that does not name a place of its own.
pub fn is_compound_suffix(s: &str) -> bool {
    SUFFIXES.contains(s.trim().to_lowercase().as_str())
}

/// True when `name` is a known place, compared case-insensitively on the whole name.
/// Slash compounds (`Frankfurt/Main`) and parenthesised qualifiers (`Frankfurt (Oder)`)
/// count when their first part is known and the qualifier is a river or region.
pub fn is_place(name: &str) -> bool {
    let name = name.trim();
    if name.is_empty() {
        return false;
    }
    let lower = name.to_lowercase();
    if PLACES.contains(&lower) {
        return true;
    }
    if let Some((base, suffix)) = lower.split_once('/') {
        return is_compound_suffix(suffix) && PLACES.contains(base.trim());
    }
    if let Some(inner) = lower.strip_suffix(')')
        && let Some((base, suffix)) = inner.split_once(" (")
    {
        return is_compound_suffix(suffix) && PLACES.contains(base.trim());
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_places() {
        for p in [
            "Ukraine",
            "russland",
            "BERLIN",
            "Nordrhein-Westfalen",
            "NRW",
            "Kyjiw",
            "Kiew",
            "Bosnien und Herzegowina",
            "Frankfurt am Main",
            "Frankfurt/Main",
            "FRANKFURT/MAIN",
            "Frankfurt (Oder)",
            "Halle (Saale)",
            "Halle/Saale",
            "Europa",
            "Nahost",
            "Kosovo",
            "Westjordanland",
            "St. Petersburg",
            "Brüssel",
            "Washington",
        ] {
            assert!(is_place(p), "{p}");
        }
    }

    #[test]
    fn not_places() {
        for p in ["", "EU", "Nato", "Fußball", "Bundesliga", "Berlin/Bundesliga", "Main", "Saale"] {
            assert!(!is_place(p), "{p}");
        }
    }

    #[test]
    fn suffixes() {
        assert!(is_compound_suffix("Main"));
        assert!(is_compound_suffix("OPF."));
        assert!(!is_compound_suffix("Frankfurt"));
    }
}
