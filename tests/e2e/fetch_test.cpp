// `sats data fetch` against a local stand-in for SSB's API (ssb_api_server.hpp) that serves
// recorded answers in SSB's shape: what is written, what is left alone, what each failure says
// and where, and the addresses called. No test reaches the internet.
#include <gtest/gtest.h>

#include <fstream>

#include "fetch/fetch_sources.hpp"
#include "ssb_api_server.hpp"
#include "test_support.hpp"

namespace sats {
namespace {

namespace fs = std::filesystem;
using test::RecordedApi;

const std::string kQuery =
    R"(query = { KOKkommuneregion0000 = ["0301", "3201", "3203"], ContentsCode = ["KOSbelopinnbygg0000", "KOSandel0000"], Tid = ["2023", "2024"] })";
const std::string kDataTarget =
    "/api/pxwebapi/v2/tables/12362/data?lang=no&outputFormat=json-stat2&valuecodes[KOKkommuneregion0000]=0301,3201,3203"
    "&valuecodes[ContentsCode]=KOSbelopinnbygg0000,KOSandel0000&valuecodes[Tid]=2023,2024";

/// A project in a fresh folder whose data source `netto` (`table` on line 8, `query` on line 9)
/// is fetched from SSB table 12362 with `query`; `more` follows it.
fs::path project(const std::string& query = kQuery, const std::string& more = "") {
    const auto dir = test::temp_dir() / "p";
    fs::create_directories(dir);
    std::ofstream(dir / "report.toml") << "title = \"T\"\nmunicipality = \"Bærum kommune\"\nyear = 2025\nchapters = [\"k.md\"]\n\n"
                                          "[data.netto]\nfile = \"data/12362.json\"\ntable = \"12362\"\n"
                                       << query << "\n" << more;
    std::ofstream(dir / "k.md") << "# K\n";
    return dir;
}

/// The real files, with a clock the test sets.
class Clock : public SystemEnvironment {
public:
    Clock() : SystemEnvironment(test::source_dir()) {}
    std::chrono::system_clock::time_point now() const override { return time; }
    bool pinned_time() const override { return true; }
    std::chrono::system_clock::time_point time{std::chrono::seconds(1764028800)};  // 2025-11-25T00:00:00Z
};

/// What a fetch said: its lines, and its errors as `report.toml:line:col: error: message`.
struct Said {
    std::vector<std::string> lines, errors, hints;
};

Said fetch(const fs::path& p, const std::string& api, FetchRequest request = {}, Clock env = {}) {
    request.project = p;
    request.api = api;
    Diagnostics diagnostics;
    Said said{fetch_sources(env, request, diagnostics), {}, {}};
    for (const auto& d : diagnostics.all()) {
        std::string headline = d.headline();
        if (headline.rfind(p.string() + "/", 0) == 0) headline.erase(0, p.string().size() + 1);
        said.errors.push_back(headline);
        said.hints.push_back(d.hint);
    }
    return said;
}

std::string note_for(const std::string& api, const std::string& updated, const std::string& retrieved) {
    return "# Where 12362.json comes from, written by `sats data fetch` with the file. Do not edit.\n"
           "table = \"12362\"\n"
           "title = \"12362: Netto driftsutgifter til administrasjon (K), etter region, statistikkvariabel og år\"\n"
           "updated = \"" + updated + "\"\n"
           "url = \"" + api.substr(0, api.find("/api/")) + kDataTarget + "\"\n"
           "retrieved = " + retrieved + "\n"
           "licence = \"CC BY 4.0, Statistisk sentralbyrå (SSB)\"\n\n"
           "[query]\n"
           "KOKkommuneregion0000 = [\"0301\", \"3201\", \"3203\"]\n"
           "ContentsCode = [\"KOSbelopinnbygg0000\", \"KOSandel0000\"]\n"
           "Tid = [\"2023\", \"2024\"]\n";
}

TEST(Fetch, WritesTheAnswerAndItsSourceNote) {
    const auto p = project();
    RecordedApi api({"12362-data.http"});
    const auto said = fetch(p, api.url());
    EXPECT_EQ(std::vector<std::string>{}, said.errors);
    EXPECT_EQ(std::vector<std::string>{"wrote " + (p / "data/12362.json").string() + " and " + (p / "data/12362.json.kilde.toml").string() +
                                       " (SSB table 12362)"},
              said.lines);
    EXPECT_EQ(std::vector<std::string>{kDataTarget}, api.requests());
    EXPECT_EQ(test::recorded_body("12362-data.http"), test::read(p / "data/12362.json"));
    EXPECT_EQ(note_for(api.url(), "2025-03-15T07:00:00Z", "2025-11-25T00:00:00Z"), test::read(p / "data/12362.json.kilde.toml"));
}

TEST(Fetch, ASecondFetchWithNothingChangedUpstreamTouchesNothing) {
    const auto p = project();
    RecordedApi api({"12362-data.http"});
    fetch(p, api.url());
    const auto before = test::snapshot_tree(p);
    const auto data_time = fs::last_write_time(p / "data/12362.json"), note_time = fs::last_write_time(p / "data/12362.json.kilde.toml");
    Clock tomorrow;
    tomorrow.time += std::chrono::hours(24);
    const auto said = fetch(p, api.url(), {}, tomorrow);
    EXPECT_EQ(std::vector<std::string>{}, said.errors);
    EXPECT_EQ(std::vector<std::string>{"unchanged " + (p / "data/12362.json").string() + " (SSB table 12362 gave the same bytes)"}, said.lines);
    EXPECT_EQ("", test::tree_changes(before, test::snapshot_tree(p)));
    EXPECT_EQ(data_time, fs::last_write_time(p / "data/12362.json"));
    EXPECT_EQ(note_time, fs::last_write_time(p / "data/12362.json.kilde.toml"));
    EXPECT_EQ(2u, api.requests().size());
}

TEST(Fetch, ARevisedAnswerReplacesTheFileAndItsNote) {
    const auto p = project();
    RecordedApi api({"12362-data.http", "12362-data-revised.http"});
    fetch(p, api.url());
    Clock june;
    june.time = std::chrono::system_clock::time_point(std::chrono::seconds(1750320000));  // 2025-06-19T08:00:00Z
    const auto said = fetch(p, api.url(), {}, june);
    EXPECT_EQ(std::vector<std::string>{}, said.errors);
    EXPECT_EQ(test::recorded_body("12362-data-revised.http"), test::read(p / "data/12362.json"));
    EXPECT_EQ(note_for(api.url(), "2025-06-16T06:00:00Z", "2025-06-19T08:00:00Z"), test::read(p / "data/12362.json.kilde.toml"));
}

TEST(Fetch, AShortRetryAfterIsWaitedForAndTheCallMadeAgain) {
    const auto p = project();
    RecordedApi api({"429-retry-after-1.http", "12362-data.http"});
    const auto start = std::chrono::steady_clock::now();
    const auto said = fetch(p, api.url());
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
    EXPECT_EQ(std::vector<std::string>{}, said.errors);
    EXPECT_EQ((std::vector<std::string>{kDataTarget, kDataTarget}), api.requests());
    EXPECT_EQ(test::recorded_body("12362-data.http"), test::read(p / "data/12362.json"));
}

TEST(Fetch, AlleIsEveryMunicipalityOfTheTablesListOfToday) {
    const auto p = project(R"toml(query = { KOKkommuneregion0000 = "alle", ContentsCode = "KOSbelopinnbygg0000", Tid = "top(1)" })toml");
    RecordedApi api({"12362-metadata.http", "12362-data.http"});
    const auto said = fetch(p, api.url());
    EXPECT_EQ(std::vector<std::string>{}, said.errors);
    EXPECT_EQ((std::vector<std::string>{"/api/pxwebapi/v2/tables/12362/metadata?lang=no",
                                        "/api/pxwebapi/v2/tables/12362/data?lang=no&outputFormat=json-stat2&valuecodes[KOKkommuneregion0000]=*"
                                        "&codelist[KOKkommuneregion0000]=agg_KOGkommuneregion000005428"
                                        "&valuecodes[ContentsCode]=KOSbelopinnbygg0000&valuecodes[Tid]=top(1)"}),
              api.requests());
    EXPECT_NE(std::string::npos, test::read(p / "data/12362.json.kilde.toml").find("KOKkommuneregion0000 = [\"alle\"]\n"));
}

TEST(Fetch, AlleWithoutAListOfMunicipalitiesIsAnErrorAtItsDimension) {
    const auto p = project(R"toml(query = { KOKkommuneregion0000 = "0301", ContentsCode = "alle", Tid = "top(1)" })toml");
    RecordedApi api({"12362-metadata.http"});
    const auto said = fetch(p, api.url());
    EXPECT_EQ(std::vector<std::string>{"report.toml:9:42: error: \"alle\" needs a list of today's municipalities from SSB table 12362: "
                                       "the table offers no code list of today's municipalities for 'ContentsCode'"},
              said.errors);
    EXPECT_FALSE(fs::exists(p / "data"));
}

TEST(Fetch, ExpressionsReachTheApiEncodedAsPxWebApiReadsThem) {
    const auto p = project(R"toml(query = { KOKkommuneregion0000 = ["03*", "32?1"], ContentsCode = "*", Tid = "range(2023,2024)" })toml");
    RecordedApi api({"12362-data.http"});
    EXPECT_EQ(std::vector<std::string>{}, fetch(p, api.url()).errors);
    EXPECT_EQ(std::vector<std::string>{"/api/pxwebapi/v2/tables/12362/data?lang=no&outputFormat=json-stat2"
                                       "&valuecodes[KOKkommuneregion0000]=03*,32%3F1&valuecodes[ContentsCode]=*&valuecodes[Tid]=[range(2023,2024)]"},
              api.requests());
}

TEST(Fetch, NothingIsWrittenThroughALinkOutOfTheProject) {
    const auto p = project();
    fs::create_directories(p.parent_path() / "ute");
    fs::create_directory_symlink("../ute", p / "data");
    RecordedApi api({"12362-data.http"});
    const auto said = fetch(p, api.url());
    EXPECT_EQ(std::vector<std::string>{"report.toml:7:1: error: file 'data/12362.json' lies outside the project folder"}, said.errors);
    EXPECT_TRUE(fs::is_empty(p.parent_path() / "ute"));
    EXPECT_EQ(std::vector<std::string>{}, api.requests());
}

TEST(Fetch, AnAddressTooLongForSsbIsRefusedBeforeAnyCall) {
    std::string codes;
    for (int code = 1000; code < 1400; ++code) codes += (codes.empty() ? "\"" : ", \"") + std::to_string(code) + "\"";
    const auto p = project("query = { KOKkommuneregion0000 = [" + codes + "], ContentsCode = \"KOSbelopinnbygg0000\", Tid = \"2024\" }");
    RecordedApi api({"12362-data.http"});
    const auto said = fetch(p, api.url());
    ASSERT_EQ(1u, said.errors.size());
    EXPECT_EQ(0u, said.errors[0].find("report.toml:9:1: error: the query makes an address of ")) << said.errors[0];
    EXPECT_EQ(std::vector<std::string>{}, api.requests());
}

TEST(Fetch, OnlyTheChosenSourcesAreFetched) {
    const auto p = project(kQuery, "\n[data.folk]\nfile = \"data/07459.json\"\ntable = \"07459\"\nquery = { Region = \"0301\", ContentsCode = \"Personer1\", Tid = \"top(1)\" }\n");
    RecordedApi api({"12362-data.http"});
    FetchRequest request;
    request.sources = {"netto"};
    EXPECT_EQ(std::vector<std::string>{}, fetch(p, api.url(), request).errors);
    EXPECT_EQ(std::vector<std::string>{kDataTarget}, api.requests());
    request.sources = {"nettto"};
    const auto said = fetch(p, api.url(), request);
    EXPECT_EQ(std::vector<std::string>{"report.toml: error: --source: the manifest has no data source 'nettto'"}, said.errors);
    EXPECT_EQ("did you mean 'netto'?", said.hints.at(0));
}

/// A failing answer (or none): the recorded responses, and the error it must give at `table`.
struct Failure {
    std::string name;
    std::vector<std::string> responses;  ///< empty: nothing listens
    std::string error;
};

class FetchFailure : public testing::TestWithParam<Failure> {};

TEST_P(FetchFailure, LeavesTheOldFilesByteIdenticalAndSaysWhyAtTheTable) {
    const auto p = project();
    fs::create_directories(p / "data");
    std::ofstream(p / "data/12362.json") << "{\"old\": true}";
    std::ofstream(p / "data/12362.json.kilde.toml") << "# old note\n";
    const auto before = test::snapshot_tree(p);
    std::optional<RecordedApi> api;
    if (!GetParam().responses.empty()) api.emplace(GetParam().responses);
    FetchRequest request;
    request.limits.timeout = std::chrono::seconds(1);
    const auto said = fetch(p, api ? api->url() : test::closed_url(), request);
    ASSERT_EQ(1u, said.errors.size());
    EXPECT_EQ(0u, said.errors[0].find("report.toml:8:1: error: " + GetParam().error)) << said.errors[0];
    EXPECT_NE("", said.hints[0]);
    EXPECT_EQ(std::vector<std::string>{}, said.lines);
    EXPECT_EQ("", test::tree_changes(before, test::snapshot_tree(p)));
}

INSTANTIATE_TEST_SUITE_P(
    Answers, FetchFailure,
    testing::Values(
        Failure{"NoSuchTable", {"404-non-existent-table.http"}, "SSB has no table '12362' (the API answered 404)"},
        Failure{"TooManyCells", {"400-too-many-cells.http"}, "the query asks for more cells than SSB gives in one call (800 000; empty cells count too)"},
        Failure{"UnknownCode", {"400-non-existent-value.http"}, "the query names a code that SSB table 12362 does not have"},
        Failure{"LongRetryAfter", {"429-retry-after-45.http"}, "SSB's API asks sats to wait 45 s before the next call (HTTP 429); sats waits at most 10 s"},
        Failure{"RetryAfterAgainAndAgain", {"429-retry-after-1.http"}, "SSB's API asks sats to wait 1 s before the next call (HTTP 429)"},
        Failure{"CutOff", {"200-cut-off.http"}, "SSB's answer broke off before its end: "},
        Failure{"NotJson", {"200-not-json.http"},
                "SSB's answer for table 12362 is not a JSON-stat 2.0 dataset: it is not JSON, or cut short (it begins '<!DOCTYPE html> <html "
                "lang=\"no\"><head><t…')"},
        Failure{"NotADataset", {"200-not-a-dataset.http"}, "SSB's answer for table 12362 is not a JSON-stat 2.0 dataset: its 'class' is not \"dataset\""},
        Failure{"Unavailable", {"503-unavailable.http"}, "SSB's API failed (HTTP 503)"},
        Failure{"TimedOut", {RecordedApi::kNoAnswer}, "SSB's API did not answer in time: "},
        Failure{"Refused", {}, "cannot reach SSB's API at http://127.0.0.1:"}),
    [](const testing::TestParamInfo<Failure>& info) { return info.param.name; });

// ---- the command line ----------------------------------------------------------------------

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

TEST(FetchCli, FetchesWithApiAndPinnedClock) {
    const auto p = project();
    RecordedApi api({"12362-data.http"});
    std::string out;
    // 1763942400 is 2025-11-24T00:00:00Z; a slash at the end of the address is dropped.
    ASSERT_EQ(0, test::run("SOURCE_DATE_EPOCH=1763942400 '" + std::string(SATS_BINARY) + "' data fetch " + q(p) + " --api " + api.url() + "/", &out))
        << out;
    EXPECT_EQ("wrote " + (p / "data/12362.json").string() + " and " + (p / "data/12362.json.kilde.toml").string() + " (SSB table 12362)\n", out);
    EXPECT_NE(std::string::npos, test::read(p / "data/12362.json.kilde.toml").find("\nretrieved = 2025-11-24T00:00:00Z\n"));
}

TEST(FetchCli, TheApiComesFromTheEnvironmentWithoutApi) {
    const auto p = project();
    RecordedApi api({"404-non-existent-table.http"});
    std::string out;
    EXPECT_EQ(1, test::run("SATS_SSB_API=" + api.url() + " '" + std::string(SATS_BINARY) + "' data fetch " + q(p), &out));
    EXPECT_NE(std::string::npos, out.find("/report.toml:8:1: error: SSB has no table '12362' (the API answered 404)\n")) << out;
    EXPECT_NE(std::string::npos, out.find("hint: look the table up at https://www.ssb.no/statbank/table/12362")) << out;
    EXPECT_EQ(1u, api.requests().size());
}

TEST(FetchCli, WrongUsageExitsTwo) {
    EXPECT_EQ(2, test::run_sats("data fetch"));
    EXPECT_EQ(2, test::run_sats("data fetch p --bogus"));
    EXPECT_EQ(2, test::run_sats("data fetch p --api"));
    EXPECT_EQ(2, test::run_sats("data fetch p q"));
    std::string help;
    EXPECT_EQ(0, test::run_sats("--help", &help));
    EXPECT_NE(std::string::npos, help.find("sats data fetch <project> [--source <name>]... [--api <url>]"));
}

}  // namespace
}  // namespace sats
