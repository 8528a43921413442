// Field blocks where they meet the foot of a page: each block is laid out after 0 to 34
// one-line paragraphs (and a rule on every other page), so it meets the foot at every height. A
// block that fits on a page is never split; a longer one is split between fields; a field
// taller than a page is split between its lines, with its label and at least two lines of its
// value on the first page, and the layout's box drawn behind each part. The labels are tagged TH with scope Row in the PDF.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include "export/html_export.hpp"
#include "layout/style.hpp"
#include "pipeline/report.hpp"
#include "test_support.hpp"

namespace sats {
namespace {

constexpr int kPlacings = 35;

/// A field table on a page and the page (from 1).
struct FieldTable {
    int page;
    const Group* table;
};

/// Whether `group` is (a part of) a field block's table: the chapters here hold no other tables.
bool is_field_table(const Group& group) { return group.role == Role::table; }

/// The chapter: `block` after k one-line paragraphs on a page of its own, k = 0 … kPlacings − 1.
std::string chapter(const std::string& block) {
    std::string text = "# Felt\n\n";
    for (int k = 0; k < kPlacings; ++k) {
        text += "<!-- sideskift -->\n\n";
        for (int i = 0; i < k; ++i) text += "Fyll.\n\n";
        if (k % 2 == 1) text += "---\n\n";
        text += block + "\n";
    }
    return text;
}

/// Builds the pagination fixture with `text` as its chapter; the PDF's bytes, and its frames in `frames`.
std::string build(const std::string& text, FrameDocument& frames) {
    const auto project = test::materialise_case(test::source_dir() / "tests" / "fixtures" / "pagination");
    std::ofstream(project / "kapitler" / "01-okonomi.md") << text;
    SystemEnvironment env(test::source_dir());
    Diagnostics d;
    const auto pdf = build_pdf(env, project, d, &frames);
    std::ostringstream problems;
    d.print(problems);
    EXPECT_TRUE(pdf.has_value()) << problems.str();
    EXPECT_TRUE(d.all().empty()) << problems.str();
    return pdf.value_or("");
}

std::vector<FieldTable> field_tables(const FrameDocument& frames) {
    std::vector<FieldTable> out;
    for (std::size_t p = 0; p < frames.pages.size(); ++p)
        for (const auto& item : frames.pages[p].items)
            if (const auto* g = std::get_if<Group>(&item); g && is_field_table(*g)) out.push_back({static_cast<int>(p) + 1, g});
    return out;
}

/// The rows of a field table part, and the distinct baselines of the label and value of each.
struct RowLines {
    const Group* row;
    std::size_t label, value;
};

std::vector<RowLines> rows(const Group& table) {
    std::vector<RowLines> out;
    for (const auto& item : table.items) {
        const auto* row = std::get_if<Group>(&item);
        if (!row || row->role != Role::tr) continue;
        RowLines lines{row, 0, 0};
        for (const auto& cell : row->items) {
            const auto* g = std::get_if<Group>(&cell);
            if (!g) continue;
            std::set<long> baselines;
            for_each<GlyphRun>(g->items, [&](const GlyphRun& run) { baselines.insert(std::lround(run.y * 100)); });
            (g->role == Role::th_row ? lines.label : lines.value) = baselines.size();
        }
        out.push_back(lines);
    }
    return out;
}

/// A field block of `fields` fields, each a short text or a list.
std::string block(int fields) {
    std::string text = "```felt\n";
    for (int i = 1; i <= fields; ++i)
        text += i % 3 == 0 ? "Punkter " + std::to_string(i) + ":\n- første\n- andre\n" : "Felt " + std::to_string(i) + ": Verdi " + std::to_string(i) + "\n";
    return text + "```\n";
}

TEST(FieldLayout, ABlockThatFitsOnAPageIsNeverSplit) {
    FrameDocument frames;
    build(chapter(block(6)), frames);
    const auto tables = field_tables(frames);
    ASSERT_EQ(static_cast<std::size_t>(kPlacings), tables.size());
    for (const auto& [page, table] : tables) {
        EXPECT_FALSE(table->continues || table->continued) << "the block on page " << page << " is split";
        EXPECT_EQ(6u, rows(*table).size());
    }
    // A block moved whole stands alone on a page after a page that ends with filler.
    const auto groups = [&](std::size_t p) {
        std::vector<const Group*> out;
        for (const auto& item : frames.pages[p].items)
            if (const auto* g = std::get_if<Group>(&item); g && g->role != Role::artifact) out.push_back(g);
        return out;
    };
    int moved = 0;
    for (std::size_t p = 1; p < frames.pages.size(); ++p) {
        const auto here = groups(p), before = groups(p - 1);
        if (here.size() == 1 && is_field_table(*here[0]) && !before.empty() && before.back()->role == Role::p) ++moved;
    }
    EXPECT_GT(moved, 3) << "some blocks should have moved whole to the next page";
}

TEST(FieldLayout, ALongBlockSplitsBetweenFieldsOnly) {
    FrameDocument frames;
    build(chapter(block(30)), frames);
    int split = 0;
    std::set<std::size_t> first_parts;
    for (const auto& [page, table] : field_tables(frames)) {
        const auto parts = rows(*table);
        for (const auto& row : parts) {
            EXPECT_FALSE(row.row->continues || row.row->continued) << "a field is split on page " << page;
            EXPECT_GE(row.label, 1u) << "a value without its label on page " << page;
            EXPECT_GE(row.value, 1u) << "a label without its value on page " << page;
        }
        if (table->continues) {
            ++split;
            first_parts.insert(parts.size());
        }
    }
    EXPECT_GE(split, kPlacings) << "every block of 30 fields is taller than a page";
    EXPECT_GT(first_parts.size(), 5u) << "the blocks should be split after many different fields";
}

TEST(FieldLayout, AFieldTallerThanAPageLeavesNoLabelAloneAtThePageFoot) {
    std::string value;
    for (int i = 0; i < 40; ++i)
        value += "Et langt felt deles mellom linjene i verdien og aldri rett under merkelappen, som står med minst to linjer. "
                 "Teksten fortsetter med flere setninger om gjennomføring, risiko og oppfølging av tiltaket.\n\n";
    FrameDocument frames;
    build(chapter("```felt\nTiltak: Kort\nBeskrivelse:\n" + value + "```\n"), frames);
    int split = 0;
    std::set<std::size_t> lines_before;
    int middle_parts = 0;  // a field running over more than two pages
    for (const auto& [page, table] : field_tables(frames)) {
        ASSERT_FALSE(table->items.empty());
        EXPECT_TRUE(std::get_if<Path>(&table->items.front())) << "no box behind the part of the block on page " << page;
        middle_parts += table->continued && table->continues;
        for (const auto& row : rows(*table)) {
            if (!row.row->continues || row.label == 0) continue;
            ++split;
            EXPECT_GE(row.value, 2u) << "the label on page " << page << " has " << row.value << " line(s) of its value beside it";
            lines_before.insert(row.value);
        }
    }
    EXPECT_GE(middle_parts, kPlacings);
    EXPECT_EQ(kPlacings, split) << "every long field starts on one page and goes on on the next";
    EXPECT_GT(lines_before.size(), 5u) << "the field should be split after many different lines";
}

TEST(FieldLayout, LabelsAreRowHeadersInThePdfAndInHtml) {
    FrameDocument frames;
    const std::string pdf = build("# Felt\n\n" + block(4) + "\n" + block(3), frames);
    QPDF q;
    q.processMemoryFile("felt.pdf", pdf.data(), pdf.size());
    std::vector<std::string> scopes;
    int rows_in_tables = 0;
    std::function<void(QPDFObjectHandle, const std::string&)> visit = [&](QPDFObjectHandle e, const std::string& parent) {
        if (e.isArray()) {
            for (int i = 0; i < e.getArrayNItems(); ++i) visit(e.getArrayItem(i), parent);
            return;
        }
        if (!e.isDictionary()) return;
        const std::string type = e.getKey("/S").isName() ? e.getKey("/S").getName() : "";
        if (type == "/TH") scopes.push_back(e.getKey("/A").isDictionary() ? e.getKey("/A").getKey("/Scope").unparse() : "none");
        if (type == "/TR" && parent == "/Table") ++rows_in_tables;
        if (e.hasKey("/K")) visit(e.getKey("/K"), type.empty() ? parent : type);
    };
    visit(q.getRoot().getKey("/StructTreeRoot").getKey("/K"), "");
    EXPECT_EQ(std::vector<std::string>(7, "/Row"), scopes);
    EXPECT_EQ(7, rows_in_tables);
    const std::string html = export_html(frames, "r.pdf");
    EXPECT_NE(std::string::npos, html.find("<tr><th scope=\"row\">Felt 1</th><td><p>Verdi 1</p></td></tr>")) << html;
    EXPECT_NE(std::string::npos, html.find("<th scope=\"row\">Punkter 3</th><td><ul>\n<li>første</li>\n<li>andre</li>\n</ul>\n</td>"))
        << html;
}

TEST(FieldLayout, AWrongFieldsSectionIsReportedAtItsKey) {
    MemoryEnvironment env(test::source_dir());
    const auto file = (test::source_dir() / "layouts" / "x" / "layout.toml").lexically_normal();
    env.add_file(file, "[fields]\nstyle = \"boks\"\nlabel_width = 300\nlabel_weight = \"fet\"\n");
    Diagnostics d;
    load_layout(env, "x", d);
    ASSERT_EQ(3u, d.all().size());
    EXPECT_EQ(file.string() + ":2:1: error: unknown field block style 'boks'", d.all()[0].headline());
    EXPECT_EQ("did you mean 'box'?", d.all()[0].hint);
    EXPECT_EQ(file.string() + ":4:1: warning: unknown font weight 'fet'; it is set as normal", d.all()[1].headline());
    EXPECT_EQ(0u, d.all()[2].headline().find(file.string() + ":3:1: error: 'label_width' and 'gap' must leave the values at least half"))
        << d.all()[2].headline();
}

}  // namespace
}  // namespace sats
