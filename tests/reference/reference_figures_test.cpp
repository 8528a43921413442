// Figures the reference documents print, computed from the bundled data and compared.
// Where the published figure came from unrounded data, the test asserts our value and says why.
#include <gtest/gtest.h>

#include <sstream>

#include "data/compute.hpp"
#include "pipeline/report.hpp"
#include "test_support.hpp"

namespace sats {
namespace {

const std::string nbsp = "\u00A0";
const std::string minus = "\u2212";

class ReferenceFigures : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        static SystemEnvironment env(test::source_dir());
        Diagnostics d;
        report_ = load_report(env, test::source_dir() / "content" / "kostra-2025", d);
        std::ostringstream out;
        d.print(out);
        ASSERT_TRUE(report_) << out.str();
    }
    static std::string shown(const std::string& reference) {
        const auto v = report_->data.value(reference);
        return v ? v->format() : "<unknown " + reference + ">";
    }
    static Value value(const std::string& reference) { return report_->data.value(reference).value_or(Value{}); }
    static bool flag(const std::string& name) {
        const auto v = report_->data.resolve(name);
        return v && std::holds_alternative<bool>(*v) && std::get<bool>(*v);
    }
    static inline std::optional<Report> report_;
};

TEST_F(ReferenceFigures, ShareColumnOfNetOperatingExpenses) {
    // Every row and column of the "Andel" columns in the table of the service areas chapter.
    const std::vector<std::pair<std::string, std::vector<std::string>>> published{
        {"grunnskole", {"19,6", "19,6", "20,0", "22,2", "22,1"}},
        {"pleie_omsorg", {"34,4", "34,3", "34,3", "32,2", "32,6"}},
        {"barnevern", {"2,5", "2,6", "2,6", "2,3", "3,3"}},
        {"barnehage", {"12,7", "12,7", "12,9", "13,3", "13,4"}},
        {"kommunehelse", {"6,1", "5,6", "5,4", "5,6", "5,7"}},
        {"sosiale_tjenester", {"4,3", "4,7", "5,1", "5,6", "5,9"}},
        {"kultur_idrett", {"4,2", "4,2", "4,5", "5,3", "4,4"}},
        {"plan_kulturminner_natur_naermiljo", {"1,5", "1,9", "1,7", "1,9", "1,6"}},
        {"adm_styring_fellesutgifter", {"9,7", "9,0", "7,9", "7,2", "6,9"}},
        {"andre_omrader", {"5,1", "5,4", "5,6", "4,3", "4,2"}},
        {"totalt", {"100,0", "100,0", "100,0", "100,0", "100,0"}},
    };
    const std::vector<std::string> columns{"andel_baerum_2022", "andel_baerum_2023", "andel_baerum_2024",
                                           "andel_asker_2024", "andel_asss_2024"};
    for (const auto& [row, shares] : published)
        for (std::size_t c = 0; c < columns.size(); ++c)
            EXPECT_EQ(shares[c] + nbsp + "%", shown("netto_driftsutgifter." + row + "." + columns[c])) << row << " " << columns[c];
    EXPECT_EQ("16" + nbsp + "494", shown("netto_driftsutgifter.grunnskole.baerum_2022"));
}

TEST_F(ReferenceFigures, NetOperatingExpensesAddUp) {
    const std::vector<std::string> main_rows{"grunnskole", "pleie_omsorg", "barnevern", "barnehage", "kommunehelse",
                                             "sosiale_tjenester", "kultur_idrett", "plan_kulturminner_natur_naermiljo",
                                             "adm_styring_fellesutgifter", "andre_omrader"};
    const std::vector<std::string> sub_rows{"brann_ulykkesvern", "kommunale_boliger", "samferdsel",
                                            "naeringsforv_konsesjonskraft", "landbruk", "kirke"};
    for (const auto* column : {"baerum_2022", "baerum_2023", "baerum_2024", "asker_2024", "asss_2024"}) {
        std::vector<Value> main, sub;
        for (const auto& r : main_rows) main.push_back(value("netto_driftsutgifter." + r + "." + column));
        for (const auto& r : sub_rows) sub.push_back(value("netto_driftsutgifter." + r + "." + column));
        EXPECT_EQ(value(std::string("netto_driftsutgifter.totalt.") + column).number, sum_of(main).number) << column;
        EXPECT_EQ(value(std::string("netto_driftsutgifter.andre_omrader.") + column).number, sum_of(sub).number) << column;
    }
    // "Samlede netto driftsutgifter ... er gått ned fra 2023 til 2024."
    EXPECT_TRUE(flag("netto_endring.falt"));
    EXPECT_EQ(minus + "3,1" + nbsp + "%", shown("netto_endring"));
}

TEST_F(ReferenceFigures, ServiceProfilePercentDifferences) {
    EXPECT_EQ("8,6" + nbsp + "%", shown("tjenesteprofil.brutto_adm.avvik"));
    EXPECT_EQ("15,9" + nbsp + "%", shown("tjenesteprofil.politisk_styring.avvik"));
    EXPECT_EQ("1,1" + nbsp + "%", shown("tjenesteprofil.administrasjon.avvik"));
    EXPECT_EQ("19,6" + nbsp + "%", shown("tjenesteprofil.eiendomsforvaltning.avvik"));
    EXPECT_EQ("15,1" + nbsp + "%", shown("tjenesteprofil.netto_adm.avvik"));
    for (const auto* row : {"brutto_adm", "politisk_styring", "administrasjon", "eiendomsforvaltning", "netto_adm"})
        EXPECT_TRUE(flag(std::string("tjenesteprofil.") + row + ".avvik.over")) << row;
    // Published 58,7 % over: 872 / 550 = 1,5854, so the document computed from unrounded kroner.
    EXPECT_EQ("58,5" + nbsp + "%", shown("tjenesteprofil.adm_lokaler.avvik"));
    // Published 52,3 % under: 47 / 99 = 0,4747, so 52,5 % under; again unrounded data behind it.
    EXPECT_EQ(minus + "52,5" + nbsp + "%", shown("tjenesteprofil.kontroll_revisjon.avvik"));
    EXPECT_TRUE(flag("tjenesteprofil.kontroll_revisjon.avvik.under"));
    // "over ASSS-snittet på de fleste indikatorene. Unntaket er kontroll og revisjon": 7 of 8.
    EXPECT_EQ("7", shown("adm_antall_over"));
    // 6 040 kroner, "høyere enn Asker (5 553 kroner)".
    EXPECT_TRUE(flag("adm_mot_asker.over"));
    EXPECT_EQ("487", shown("adm_mot_asker"));
    // Share 5,4 % "marginalt høyere enn nettverkssnittet på 5,3 prosent".
    EXPECT_EQ("5,4" + nbsp + "%", shown("tjenesteprofil.netto_adm_andel.baerum"));
    EXPECT_EQ("0,1", shown("adm_andel_mot_asss"));
    // Administrasjonslokaler and netto: Bærum is the highest in the network.
    EXPECT_EQ(value("tjenesteprofil.adm_lokaler.asss_hoyest").number, value("tjenesteprofil.adm_lokaler.baerum").number);
    EXPECT_EQ(value("tjenesteprofil.netto_adm.asss_hoyest").number, value("tjenesteprofil.netto_adm.baerum").number);
}

TEST_F(ReferenceFigures, AdministrationThreeYearTables) {
    // 2022: Bærum 849 higher than Asker 772 and the ASSS average 579; the average rose to 552 in 2024.
    EXPECT_GT(*value("adm_eiendom.baerum.2022").number, *value("adm_eiendom.asker.2022").number);
    EXPECT_GT(*value("adm_eiendom.asker.2022").number, *value("adm_eiendom.asss.2022").number);
    EXPECT_TRUE(flag("eiendom_asss_endring.okte"));
    EXPECT_EQ("50", shown("eiendom_asss_endring"));
    EXPECT_EQ(minus + "171", shown("adm_eiendom.baerum.endring"));
    // Administration (function 120) fell from 2023 to 2024.
    EXPECT_TRUE(flag("adm_120_endring.falt"));
    EXPECT_EQ(minus + "634", shown("adm_120_endring"));
    EXPECT_EQ("..", shown("adm_lokaler.asss.2024"));  // not in the document: shown as SSB shows a missing value
}

TEST_F(ReferenceFigures, EconomyStatement) {
    // "netto driftsresultat på 2,3 prosent som var 2,2 høyere enn gjennomsnittet".
    EXPECT_EQ("2,3" + nbsp + "%", shown("resultatgrad.baerum.2024"));
    EXPECT_EQ("2,2", shown("resultatgrad_mot_asss"));
    // "falt med henholdsvis 3,5 og 5,1 prosentpoeng siden 2021" (landet, ASSS).
    EXPECT_EQ("3,5", shown("resultatgrad_fall_landet"));
    EXPECT_EQ("5,1", shown("resultatgrad_fall_asss"));
    // Frie inntekter: Bærum 8 and Asker 7 per cent over the average; Bærum the highest.
    EXPECT_EQ("8", shown("nokkeltall.frie_inntekter.avvik_baerum"));
    EXPECT_EQ("7", shown("nokkeltall.frie_inntekter.avvik_asker"));
    EXPECT_TRUE(flag("nokkeltall.frie_inntekter.fra_hoyest.lik"));
    // Investments "cirka 4 prosent over snittet"; net debt and instalments under it.
    EXPECT_EQ("4", shown("nokkeltall.brutto_investeringer.avvik_baerum"));
    EXPECT_TRUE(flag("nokkeltall.netto_lanegjeld.avvik_baerum.under"));
    EXPECT_TRUE(flag("nokkeltall.avdragsutgifter.avvik_baerum.under"));
    EXPECT_TRUE(flag("nokkeltall.finansutgifter_netto.avvik_baerum.under"));
    // Disposisjonsfond: the highest in the network.
    EXPECT_TRUE(flag("nokkeltall.disposisjonsfond.fra_hoyest.lik"));
    // "fondsgraden er 6 prosentpoeng lavere enn i 2020"; "nedgang på tre prosentpoeng fra året før".
    EXPECT_EQ("6", shown("fondsgrad_fall_2020"));
    EXPECT_EQ("3", shown("fondsgrad_fall_ifjor"));
    // Tax share "i gjennomsnitt de fire siste årene utgjort 62 prosent", ASSS "cirka 43": the
    // rounded yearly shares give 62 and 43 as the mean of the five years 2020–2024 (61,6 and
    // 43,2); over the four years 2021–2024 they would give 63 and 44. We compute five years.
    EXPECT_EQ("62" + nbsp + "%", shown("skatteinntekter.baerum.snitt"));
    EXPECT_EQ("43" + nbsp + "%", shown("skatteinntekter.asss.snitt"));
    // Gjeldsgrad: Bærum lower than Asker, ASSS and the country.
    EXPECT_TRUE(flag("gjeldsgrad_rang.lavest"));
    EXPECT_EQ(minus + "7", shown("gjeldsgrad_mot_asss"));
}

TEST_F(ReferenceFigures, ProductionAndEfficiency) {
    // Efficiency is production relative to cost: 100,1 / 100,2 → 99,9, i.e. "0,1 prosent under".
    EXPECT_EQ("99,9", shown("produksjon.samlet.effektivitet_beregnet"));
    EXPECT_EQ(shown("produksjon.samlet.effektivitet"), shown("produksjon.samlet.effektivitet_beregnet"));
    EXPECT_EQ("..", shown("produksjon.barnevern.effektivitet_beregnet"));  // cost index not given
}

}  // namespace
}  // namespace sats
