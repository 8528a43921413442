#include "core/key_synonyms.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "core/diagnostics.hpp"

namespace sats {

namespace {

/// Words writers try for a key, each with the keys it may mean, in order of preference: the
/// first one the table knows is the hint. One table for every block and the manifest, since a
/// word means the same wherever it is written (`title` is the caption of a ```table or
/// ```chart, the `tittel` of a ```hovedfunn).
const std::map<std::string, std::vector<std::string>>& synonyms() {
    static const std::map<std::string, std::vector<std::string>> table{
        // ```table and ```chart
        {"title", {"caption", "tittel"}},
        {"tittel", {"caption", "title"}},
        {"overskrift", {"caption", "tittel", "title"}},
        {"bildetekst", {"caption"}},
        {"tabelltekst", {"caption"}},
        {"figurtekst", {"caption"}},
        {"kilde", {"source"}},
        {"kilder", {"source"}},
        {"sources", {"source"}},
        {"note", {"notes"}},
        {"noter", {"notes"}},
        {"notat", {"notes"}},
        {"fotnote", {"notes"}},
        {"fotnoter", {"notes"}},
        {"merknad", {"notes"}},
        {"merknader", {"notes"}},
        {"rader", {"rows"}},
        {"rad", {"rows"}},
        {"row", {"rows"}},
        {"kolonner", {"columns"}},
        {"kolonne", {"columns", "column"}},
        {"column", {"columns"}},
        {"overskrifter", {"headers"}},
        {"kolonnetitler", {"headers"}},
        {"kolonneoverskrifter", {"headers"}},
        {"header", {"headers"}},
        {"headings", {"headers"}},
        {"labels", {"headers", "label"}},
        {"grupper", {"groups"}},
        {"gruppe", {"groups"}},
        {"nivå", {"levels"}},
        {"nivåer", {"levels"}},
        {"level", {"levels"}},
        {"indent", {"levels"}},
        {"høyde", {"height"}},
        {"hoyde", {"height"}},
        {"size", {"height"}},
        {"bredde", {"height"}},
        {"width", {"height"}},
        {"typ", {"type"}},
        {"etikett", {"label"}},
        // report.toml's page settings
        {"nummerering", {"heading_numbering"}},
        {"numbering", {"heading_numbering"}},
        {"topptekst", {"header"}},
        {"bunntekst", {"footer"}},
        {"innhold", {"contents"}},
        {"innholdsfortegnelse", {"contents"}},
        {"toc", {"contents"}},
        {"venstre", {"left"}},
        {"midt", {"center"}},
        {"centre", {"center"}},
        {"høyre", {"right"}},
        {"kind", {"type"}},
        {"art", {"type"}},
        {"diagramtype", {"type"}},
        {"charttype", {"type"}},
        {"chart_type", {"type"}},
        {"datakilde", {"data"}},
        {"kildedata", {"data"}},
        {"source_data", {"data"}},
        {"serie", {"series"}},
        {"serier", {"series"}},
        {"kategori", {"categories"}},
        {"kategorier", {"categories"}},
        {"category", {"categories"}},
        {"etiketter", {"labels", "label"}},
        {"etikett", {"label", "labels"}},
        {"mål", {"target"}},
        {"maal", {"target"}},
        {"målverdi", {"target"}},
        {"goal", {"target"}},
        {"referanse", {"reference"}},
        {"referanselinje", {"reference"}},
        {"aksetittel", {"axis_label"}},
        {"akse", {"axis_label"}},
        {"y_label", {"axis_label"}},
        {"ylabel", {"axis_label"}},
        {"alt_text", {"alt"}},
        {"alttekst", {"alt"}},
        {"alternativ_tekst", {"alt"}},
        {"beskrivelse", {"alt"}},
        {"description", {"alt"}},
        {"intervall", {"range"}},
        // ```hovedfunn
        {"points", {"punkter"}},
        {"punkt", {"punkter"}},
        {"funn", {"punkter"}},
        {"findings", {"punkter"}},
        {"figure", {"figur"}},
        {"chart", {"figur"}},
        {"diagram", {"figur"}},
        {"table", {"tabell", "table"}},
        // the manifest
        {"undertittel", {"subtitle"}},
        {"kommune", {"municipality"}},
        {"år", {"year"}},
        {"aar", {"year"}},
        {"kapitler", {"chapters"}},
        {"kapittel", {"chapters"}},
        {"chapter", {"chapters"}},
        {"språk", {"language"}},
        {"sprak", {"language"}},
        {"lang", {"language"}},
        {"dato", {"date"}},
        {"nøkkelord", {"keywords"}},
        {"stikkord", {"keywords"}},
        {"emneord", {"keywords"}},
        {"oppsett", {"layout"}},
        {"mal", {"layout"}},
        {"template", {"layout"}},
        {"theme", {"layout"}},
        // data sources
        {"fil", {"file"}},
        {"path", {"file"}},
        {"sti", {"file"}},
        {"enhet", {"unit"}},
        {"desimaler", {"decimals"}},
        {"decimal", {"decimals"}},
        {"tekstkolonner", {"text_columns"}},
        {"textcolumns", {"text_columns"}},
        {"koding", {"encoding"}},
        {"tegnsett", {"encoding"}},
        {"charset", {"encoding"}},
        {"utvalg", {"select"}},
        {"spørring", {"query"}},
        {"beregnet", {"computed"}},
        {"beregning", {"op", "computed"}},
        {"operasjon", {"op"}},
        {"operation", {"op"}},
        {"av", {"of"}},
    };
    return table;
}

/// `key` in lower case (ASCII letters only; Norwegian letters are written lower case in keys).
std::string lowered(std::string key) {
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return key;
}

}  // namespace

std::string unknown_key_hint(const std::string& key, const std::vector<std::string>& known) {
    const auto contains = [&](const std::string& k) { return std::find(known.begin(), known.end(), k) != known.end(); };
    const std::string lower = lowered(key);
    if (lower != key && contains(lower)) return "did you mean '" + lower + "'?";
    if (const auto it = synonyms().find(lower); it != synonyms().end())
        for (const auto& meant : it->second)
            if (contains(meant)) return "did you mean '" + meant + "'?";
    if (auto near = did_you_mean(key, known); !near.empty()) return near;
    if (known.empty()) return "";
    std::vector<std::string> sorted = known;
    std::sort(sorted.begin(), sorted.end());
    std::string list;
    for (const auto& k : sorted) list += (list.empty() ? "" : ", ") + k;
    return "the keys here are: " + list;
}

}  // namespace sats
