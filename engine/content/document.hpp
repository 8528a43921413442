#pragma once
// The document model the content stage produces: chapters as blocks of styled text runs.
// Data tables and charts are still requests here; the resolve stage builds them from the data.

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "content/chart_type.hpp"
#include "core/diagnostics.hpp"

namespace sats {

/// A piece of text with one style. A link to "#id" refers to a numbered table, figure or
/// heading: the resolve stage writes its number ("Tabell 3") or, for link text "side", marks it
/// as a page reference, whose page layout adds.
struct TextRun {
    std::string text;
    bool emphasis = false;
    bool strong = false;
    bool code = false;
    bool superscript = false;  ///< note references
    std::string link;          ///< target URL, or "" for plain text
    std::string lang;          ///< language of this text if not the report's (`<span lang="en">`)
    bool page_reference = false;  ///< layout appends the page of the link's anchor ("side 12")
};
using Inlines = std::vector<TextRun>;

/// Plain text of a run list (for headings in bookmarks, tests and diagnostics).
std::string plain_text(const Inlines& runs);

struct Block;

/// The deepest heading level (`######`).
inline constexpr int kMaxHeadingLevel = 6;

/// A heading, level 1 (chapter) to kMaxHeadingLevel, with the attributes written after it
/// (`## Tittel {- .innfelt #id}`).
struct Heading {
    int level = 1;
    Inlines text;
    bool numbered = true;  ///< takes a number when the layout numbers its level (`{-}` = never)
    bool run_in = false;   ///< set at the start of the paragraph that follows (`{.innfelt}`)
    std::string id;        ///< anchor and reference id given by the writer (`{#id}`); "" = from the title
};

/// A paragraph of running text.
struct Paragraph {
    Inlines text;
};

/// One item of a list: any blocks, including nested lists.
struct ListItem {
    std::vector<Block> blocks;
};

/// A bullet list or a numbered list.
struct List {
    bool ordered = false;
    int start = 1;
    std::vector<ListItem> items;
};

/// Horizontal alignment of a table cell.
enum class Align { left, right, center };

/// A table cell of text.
struct TableCell {
    Inlines text;
    Align align = Align::left;
    int span = 1;  ///< columns this cell covers (header groups)
};

/// A table row; `level` 2 marks an indented sub-row, `total` a sum row.
struct TableRow {
    std::vector<TableCell> cells;
    int level = 1;
    bool total = false;
};

/// A table ready for layout: header rows, body rows, caption, notes below and a source line.
/// Numbers are right-aligned cells; layout lines them up on the decimal comma.
struct Table {
    std::string id;  ///< for references from the text (`[Tabell](#id)`); "" = none
    std::vector<TableRow> header;
    std::vector<TableRow> body;
    std::string caption;
    std::optional<std::string> label;  ///< word before its number (`label = "Oversikt"`; "" = none); none = the layout's
    std::vector<std::string> notes;
    std::string source;
};

/// One column of a data table as the content asks for it.
struct DataColumnRequest {
    std::string column;  ///< column id in the data source
    std::optional<std::string> label;  ///< heading shown (none = the data's own label)
};

/// A table computed from data, declared in a ```table fenced block; built by the resolve stage.
struct DataTableRequest {
    std::string id;                          ///< for references from the text
    std::string data;                        ///< data source name
    std::vector<std::string> rows;           ///< row ids to show; empty = all
    std::vector<DataColumnRequest> columns;  ///< columns to show, in order
    std::vector<std::pair<std::string, int>> groups;  ///< header groups above the columns: label, span
    std::string level_column;                ///< optional column with row levels (0 = total, 2 = sub-row)
    std::string caption;
    std::optional<std::string> label;        ///< word before the caption's number (see Table::label)
    std::vector<std::string> notes;
    std::string source;                      ///< "" = the data file's "# Kilde:" line
    SourceLocation where;                    ///< the fenced block
    SourceLocation data_at, rows_at, columns_at, level_at, groups_at;
};

/// A chart declared in a ```chart fenced block; built into a Chart by the resolve stage.
struct ChartRequest {
    std::string id;                       ///< for references from the text
    ChartType type = ChartType::column;   ///< parsed from its name (kChartTypes)
    std::string data;                     ///< data source name
    std::vector<std::string> series;      ///< row ids (or column ids with series_in = "columns"); empty = all
    std::vector<std::string> categories;  ///< column ids (or row ids); empty = every numeric column (row)
    bool series_in_columns = false;       ///< series are columns and categories rows (profiles)
    std::vector<std::string> labels;      ///< series names shown; empty = the data's own
    std::string range_low, range_high;    ///< columns (or rows) with the network's lowest and highest value
    std::optional<double> reference;      ///< a reference line, e.g. 100 for an index
    std::optional<double> target;         ///< a target line, e.g. 4 (%)
    std::string target_ref;               ///< or the target as a reference into the data ("mal.resultatgrad.verdi")
    std::string target_label;
    std::string axis_label;
    std::string caption;
    std::optional<std::string> label;     ///< word before the caption's number ("Diagram"; "" = none); none = the layout's
    std::vector<std::string> notes;
    std::string source;                   ///< "" = the data file's "# Kilde:" line
    std::string alt;                      ///< text alternative; "" = written from the data
    double height = 0;                    ///< points; 0 = the layout's default
    SourceLocation where;                 ///< the fenced block
    /// Where those keys were written (the block if they were not).
    SourceLocation data_at, series_at, categories_at, labels_at, range_at, target_at;
};

/// One series of a chart: its name and a value per category (missing = gap).
struct ChartSeries {
    std::string name;
    std::vector<std::optional<double>> values;
    std::vector<std::string> marks;  ///< SSB's symbol of each value without a number ("" for numbers)

    /// The symbol shown for value `i`, which has no number: its own, else `..`.
    std::string mark(std::size_t i) const { return i < marks.size() && !marks[i].empty() ? marks[i] : ".."; }
};

/// A chart ready for layout: numbers, their formatting, and the text around the drawing.
struct Chart {
    std::string id;
    ChartType type = ChartType::column;
    std::vector<std::string> categories;
    std::vector<ChartSeries> series;
    std::vector<std::pair<std::optional<double>, std::optional<double>>> ranges;  ///< per category, if any
    std::optional<double> reference;
    std::optional<double> target;
    std::string target_label;
    std::string axis_label;
    std::string unit_suffix;   ///< "%" for percentages, else ""
    int decimals = 0;
    std::string caption;
    std::optional<std::string> label;  ///< word before the caption's number; none = the layout's
    std::vector<std::string> notes;
    std::string source;
    std::string alt;           ///< the text alternative
    double height = 0;
};

/// An image in its own paragraph.
struct Image {
    std::string path;     ///< relative to the project
    std::string alt;      ///< text alternative
    std::string caption;  ///< from the image title; numbered "Figur N:" when given
    std::string id;       ///< the file name without extension, for references
};

/// An explicit page break (`<!-- sideskift -->`).
struct PageBreak {};

/// Verbatim text in a monospaced font.
struct CodeBlock {
    std::string text;
};

/// A horizontal rule (`---`).
struct Rule {};

/// Notes of a chapter (Markdown footnotes), numbered in order of reference.
struct Notes {
    std::vector<Inlines> items;
};

/// A chapter's main findings (```` ```hovedfunn ```` block): a title and a few points for the
/// slides and the web summary, and the ids of the chart and table they show. Not shown in the report.
struct KeyFindings {
    std::string title;
    std::vector<Inlines> points;
    std::string figure;  ///< id of a chart of the report, or ""
    std::string table;   ///< id of a table of the report, or ""
    SourceLocation figure_at, table_at;
};

/// One field of a field block: a label and its value, paragraphs and lists (`B`: content or
/// resolved blocks).
template <typename B>
struct LabelledField {
    std::string label;
    std::vector<B> blocks;
    SourceLocation where;  ///< the label
};

/// A block of labelled fields (```` ```felt ````): *Tiltak*, *Ansvarlig*, *Status*, … each with
/// its value, set as a label column beside a value column (content/field_block.hpp).
template <typename B>
struct LabelledFields {
    std::vector<LabelledField<B>> items;
};

using Field = LabelledField<Block>;
using FieldBlock = LabelledFields<Block>;

/// One block of a chapter and the place it was written.
struct Block {
    std::variant<Heading, Paragraph, List, Table, DataTableRequest, Chart, ChartRequest, Image, PageBreak, CodeBlock, Rule, Notes,
                 KeyFindings, FieldBlock>
        content;
    SourceLocation where;
};

/// One chapter file, parsed.
struct Chapter {
    std::string file;
    std::vector<Block> blocks;
};

}  // namespace sats
