// The parts of `sats data fetch` that need no server: the manifest's `table` and `query`, the
// addresses called, the code list "alle" stands for, and the source note.
#include <gtest/gtest.h>

#include "content/manifest.hpp"
#include "fetch/municipality_codelist.hpp"
#include "fetch/source_note.hpp"
#include "fetch/ssb_url.hpp"

namespace sats {
namespace {

/// The manifest of project `p` with `source` as its one data source, and the errors it gives.
std::optional<Manifest> manifest_with(const std::string& source, std::vector<std::string>& errors) {
    MemoryEnvironment env;
    env.add_file("p/report.toml", "title = \"T\"\nmunicipality = \"B\"\nyear = 2025\nchapters = [\"a.md\"]\n[data.netto]\n" + source);
    env.add_file("p/a.md", "# A\n");
    Diagnostics d;
    auto m = load_manifest(env, "p", d);
    for (const auto& x : d.all()) errors.push_back(x.headline());
    return m;
}

TEST(FetchManifest, ReadsTableAndQueryInTheOrderWritten) {
    std::vector<std::string> errors;
    const auto m = manifest_with(R"toml(file = "data/12362.json"
table = "12362"
query = { KOKkommuneregion0000 = ["0301", "3201"], ContentsCode = "KOSbelopinnbygg0000", Tid = ["top(2)"] }
)toml", errors);
    ASSERT_TRUE(m);
    EXPECT_EQ(std::vector<std::string>{}, errors);
    const auto& s = m->data.at(0);
    EXPECT_EQ("12362", s.table);
    EXPECT_EQ(7, s.table_at.line);
    ASSERT_EQ(3u, s.query.size());
    EXPECT_EQ("KOKkommuneregion0000", s.query[0].dimension);
    EXPECT_EQ((std::vector<std::string>{"0301", "3201"}), s.query[0].values);
    EXPECT_EQ("ContentsCode", s.query[1].dimension);
    EXPECT_EQ(std::vector<std::string>{"KOSbelopinnbygg0000"}, s.query[1].values);
    EXPECT_EQ("Tid", s.query[2].dimension);
    EXPECT_EQ(8, s.query[2].where.line);
}

TEST(FetchManifest, BadTablesAndQueriesAreErrorsAtTheirPlace) {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"file = \"d/t.json\"\ntable = 12362\nquery = { Tid = \"2024\" }\n", "p/report.toml:7:1: error: 'table' must be a string (in quotes)"},
        {"file = \"d/t.json\"\ntable = \"12362\"\n", "p/report.toml:7:1: error: 'table' needs 'query': the codes to fetch of each dimension of the table"},
        {"file = \"d/t.json\"\nquery = { Tid = \"2024\" }\n", "p/report.toml:7:1: error: 'query' needs 'table': the SSB table to fetch from"},
        {"file = \"d/t.json\"\ntable = \"12 362\"\nquery = { Tid = \"2024\" }\n",
         "p/report.toml:7:1: error: 'table' must be an SSB table number such as \"12362\", not '12 362'"},
        {"file = \"d/t.csv\"\ntable = \"12362\"\nquery = { Tid = \"2024\" }\n",
         "p/report.toml:6:1: error: a data source fetched from SSB is JSON-stat: its file must end in .json"},
        {"file = \"d/t.json\"\ntable = \"12362\"\nquery = \"Tid\"\n", "p/report.toml:8:1: error: 'query' must be a table"},
        {"file = \"d/t.json\"\ntable = \"12362\"\nquery = { Tid = [] }\n", "p/report.toml:8:11: error: 'Tid' needs at least one code"},
        {"file = \"d/t.json\"\ntable = \"12362\"\nquery = { Tid = 2024 }\n",
         "p/report.toml:8:11: error: 'Tid' must be a string or a list of strings"},
        {"file = \"d/t.json\"\ntable = \"12362\"\nquery = { Tid = [\"2024\", \"2024\"] }\n", "p/report.toml:8:11: error: 'Tid' has '2024' twice"},
        {"file = \"d/t.json\"\ntable = \"12362\"\nquery = { Tid = [\"\"] }\n", "p/report.toml:8:11: error: 'Tid' has an empty code"},
    };
    for (const auto& [source, error] : cases) {
        std::vector<std::string> errors;
        manifest_with(source, errors);
        EXPECT_EQ(std::vector<std::string>{error}, errors) << source;
    }
}

TEST(FetchUrl, CodesAreListedAndEncodedAsPxWebApiReadsThem) {
    EXPECT_EQ("https://data.ssb.no/api/pxwebapi/v2/tables/12362/data?lang=no&outputFormat=json-stat2"
              "&valuecodes[KOKkommuneregion0000]=0301,3201&valuecodes[ContentsCode]=KOSbelopinnbygg0000&valuecodes[Tid]=top(3)",
              data_url(kSsbApi, "12362",
                       {{"KOKkommuneregion0000", {"0301", "3201"}, ""}, {"ContentsCode", {"KOSbelopinnbygg0000"}, ""}, {"Tid", {"top(3)"}, ""}}));
    // A comma inside an expression would end the value: it goes in brackets. Wildcards stay;
    // letters beyond ASCII, spaces, ? and & are percent-encoded; a code list follows its dimension.
    EXPECT_EQ("http://h/v2/tables/07459/data?lang=no&outputFormat=json-stat2&valuecodes[Tid]=[range(2020,2024)],[top(2,1)]"
              "&valuecodes[Region]=03*,3%3F01&valuecodes[marital%20status]=%C3%86%26%C3%98&valuecodes[KOKkommuneregion0000]=*"
              "&codelist[KOKkommuneregion0000]=agg_KOGkommuneregion000005428",
              data_url("http://h/v2", "07459",
                       {{"Tid", {"range(2020,2024)", "top(2,1)"}, ""}, {"Region", {"03*", "3?01"}, ""}, {"marital status", {"Æ&Ø"}, ""},
                        {"KOKkommuneregion0000", {"*"}, "agg_KOGkommuneregion000005428"}}));
}

TEST(FetchUrl, MetadataAddress) {
    EXPECT_EQ("https://data.ssb.no/api/pxwebapi/v2/tables/12362/metadata?lang=no", metadata_url(kSsbApi, "12362"));
}

TEST(FetchAlle, TheNewestOpenListOfMunicipalitiesIsChosen) {
    const std::string metadata = R"({"version":"2.0","class":"dataset","id":["KOKkommuneregion0000","Tid"],"dimension":{
        "KOKkommuneregion0000":{"label":"region","extension":{"codelists":[
            {"id":"agg_1","label":"Uttrekk for Landet","type":"Aggregation"},
            {"id":"agg_2","label":"Uttrekk for Kommuner 2020-2023","type":"Aggregation"},
            {"id":"agg_3","label":"Uttrekk for Kommuner 2024-","type":"Aggregation"},
            {"id":"vs_4","label":"Alle kommuner","type":"Valueset"}]}},
        "Tid":{"label":"år","extension":{"codelists":[]}}}})";
    std::string problem;
    EXPECT_EQ("agg_3", municipality_codelist(metadata, "kokkommuneregion0000", problem).value_or(problem));
    EXPECT_FALSE(municipality_codelist(metadata, "Tid", problem));
    EXPECT_EQ("the table offers no code list of today's municipalities for 'Tid'", problem);
    EXPECT_FALSE(municipality_codelist(metadata, "Region", problem));
    EXPECT_EQ("the table has no dimension 'Region' (it has KOKkommuneregion0000, Tid)", problem);
}

TEST(FetchNote, RecordsTableQueryAddressTimeAndLicence) {
    const SourceNote note{"12362", "12362: Tittel med \"anførsel\"", "2025-06-16T06:00:00Z", "https://x/data?lang=no",
                          {{"Tid", {"2023", "2024"}, {}}, {"marital status", {"top(1)"}, {}}},
                          std::chrono::system_clock::time_point(std::chrono::seconds(1764028800))};
    const std::string text = note_text(note, "12362.json");
    EXPECT_EQ(R"toml(# Where 12362.json comes from, written by `sats data fetch` with the file. Do not edit.
table = "12362"
title = "12362: Tittel med \"anførsel\""
updated = "2025-06-16T06:00:00Z"
url = "https://x/data?lang=no"
retrieved = 2025-11-25T00:00:00Z
licence = "CC BY 4.0, Statistisk sentralbyrå (SSB)"

[query]
Tid = ["2023", "2024"]
"marital status" = ["top(1)"]
)toml",
              text);
    SourceNote later = note;
    later.retrieved += std::chrono::hours(30);
    EXPECT_TRUE(same_but_retrieved(text, note_text(later, "12362.json")));
    later.updated = "2025-06-17T06:00:00Z";
    EXPECT_FALSE(same_but_retrieved(text, note_text(later, "12362.json")));
    EXPECT_EQ("data/12362.json.kilde.toml", note_path("data/12362.json").string());
}

}  // namespace
}  // namespace sats
