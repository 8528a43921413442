#include "data/chart_builder.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include "core/number_format.hpp"

namespace sats {

namespace {

/// A label for row `r`: its first text cell after the id (the "navn"), else the id.
std::string row_label(const DataTable& t, std::size_t r) {
    for (std::size_t c = 1; c < t.columns.size(); ++c)
        if (t.cells[r][c].is_text && !t.cells[r][c].text.empty() && t.columns[c] != "enhet") return t.cells[r][c].text;
    return t.row_ids[r];
}

/// Resolves one chart request, gathering every problem with it before giving up.
class ChartBuilder {
public:
    ChartBuilder(const ChartRequest& r, const DataCatalog& catalog) : r_(r), catalog_(catalog) {}

    /// The chart, or every error found in its request.
    Result<Chart> build() {
        const DataTable* t = catalog_.table(r_.data);
        if (!t) {
            if (catalog_.already_reported(r_.data)) return Result<Chart>::already_reported();
            return error_at(r_.data_at, "unknown data source '" + r_.data + "'", did_you_mean(r_.data, catalog_.table_names()));
        }
        t_ = t;
        // Series along one axis of the table, categories along the other.
        std::vector<int> rows = r_.series_in_columns ? pick_rows(r_.categories, r_.categories_at) : pick_rows(r_.series, r_.series_at);
        std::vector<int> columns =
            r_.series_in_columns ? pick_columns(r_.series, r_.series_at) : pick_columns(r_.categories, r_.categories_at);
        const int low = r_.range_low.empty() ? -1 : find_other(r_.range_low);
        const int high = r_.range_high.empty() ? -1 : find_other(r_.range_high);
        if (!errors_.empty()) return errors_;
        if (rows.empty() || columns.empty()) return error_at(r_.where, "the chart has no data: no rows or no numeric columns to draw");

        Chart chart;
        chart.id = r_.id;
        chart.type = r_.type;
        chart.reference = r_.reference;
        chart.target = r_.target;
        if (!r_.target_ref.empty()) {
            const auto target = catalog_.value(r_.target_ref);
            if (!target || !target->number)
                return error_at(r_.target_at, "'target' names '" + r_.target_ref + "', which is not a number in the data");
            chart.target = target->number;
        }
        chart.target_label = r_.target_label;
        chart.axis_label = r_.axis_label;
        chart.caption = r_.caption;
        chart.label = r_.label;
        chart.notes = r_.notes;
        chart.height = r_.height;
        chart.source = r_.source.empty() && t->notes.count("Kilde") ? "Kilde: " + t->notes.at("Kilde") : r_.source;
        const auto& first = t->cells[static_cast<std::size_t>(rows[0])][static_cast<std::size_t>(columns[0])].value;
        chart.unit_suffix = first.unit == Unit::percent ? "%" : "";
        chart.decimals = first.decimals;

        const auto& category_axis = r_.series_in_columns ? rows : columns;
        const auto& series_axis = r_.series_in_columns ? columns : rows;
        for (const int c : category_axis)
            chart.categories.push_back(r_.series_in_columns ? row_label(*t, static_cast<std::size_t>(c))
                                                            : t->column_labels[static_cast<std::size_t>(c)]);
        for (std::size_t s = 0; s < series_axis.size(); ++s) {
            ChartSeries series;
            const auto index = static_cast<std::size_t>(series_axis[s]);
            series.name = s < r_.labels.size() ? r_.labels[s]
                          : r_.series_in_columns ? t->column_labels[index]
                                                 : row_label(*t, index);
            for (const int c : category_axis) {
                const auto& cell = this->cell(r_.series_in_columns ? c : series_axis[s], r_.series_in_columns ? series_axis[s] : c);
                series.values.push_back(cell.is_text ? std::nullopt : cell.value.number);
                series.marks.push_back(cell.value.number ? "" : cell.is_text ? ".." : cell.value.missing_mark);
            }
            chart.series.push_back(std::move(series));
        }
        if (const auto key = symbol_key(chart)) chart.notes.push_back(*key);
        if (low >= 0 && high >= 0)
            for (const int c : category_axis)
                chart.ranges.emplace_back(value(r_.series_in_columns ? c : low, r_.series_in_columns ? low : c),
                                          value(r_.series_in_columns ? c : high, r_.series_in_columns ? high : c));
        if ((chart.type == ChartType::pie || chart.type == ChartType::donut) && chart.series.size() != 1)
            return error_at(r_.series_at,
                            "a " + chart_type_name(chart.type) + " chart shows one series; this one has " +
                                std::to_string(chart.series.size()),
                            r_.series_in_columns ? "name the one column to show: series = [\"...\"]"
                                                 : "to show the columns of one row as the parts, name it (series = [\"...\"]); "
                                                   "to take each row as a part of one column, set series_in = \"columns\"");
        if (chart.type == ChartType::pie || chart.type == ChartType::donut)
            if (auto problem = pie_problem(chart)) return error_at(r_.where, *problem);
        if (!r_.labels.empty() && r_.labels.size() != chart.series.size())
            return error_at(r_.labels_at, "'labels' has " + std::to_string(r_.labels.size()) + " names for " +
                                              std::to_string(chart.series.size()) + " series");
        chart.alt = r_.alt.empty() ? describe_chart(chart) : r_.alt;
        return chart;
    }

private:
    /// Why the one series of a pie or donut cannot be drawn as parts of a whole (a negative
    /// part, or parts that add up to nothing), or nothing if it can.
    static std::optional<std::string> pie_problem(const Chart& chart) {
        const auto& values = chart.series[0].values;
        double total = 0;
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (!values[i]) continue;
            if (*values[i] < 0)
                return "a " + chart_type_name(chart.type) + " chart shows parts of a whole; '" + chart.categories[i] + "' is negative (" +
                       format_number(*values[i], chart.decimals) + "): use a bar chart";
            total += *values[i];
        }
        if (total > 0) return std::nullopt;
        return "a " + chart_type_name(chart.type) + " chart needs parts to show; these values add up to 0 or are missing";
    }

    /// The rows `ids` names (empty = all), written at `where`.
    std::vector<int> pick_rows(const std::vector<std::string>& ids, const SourceLocation& where) {
        std::vector<int> rows;
        if (ids.empty())
            for (std::size_t r = 0; r < t_->row_ids.size(); ++r) rows.push_back(static_cast<int>(r));
        for (const auto& id : ids) {
            const int r = t_->row_index(id);
            if (r < 0) errors_.push_back(error_at(where, "data source '" + r_.data + "' has no row '" + id + "'", t_->row_hint(id)));
            else rows.push_back(r);
        }
        return rows;
    }

    /// The numeric columns `ids` names (empty = all), written at `where`.
    std::vector<int> pick_columns(const std::vector<std::string>& ids, const SourceLocation& where) {
        std::vector<int> columns;
        if (ids.empty())  // the file's own number columns of one unit: no computed growth rate on a kroner axis
            for (std::size_t c = 1; c < t_->read_columns && !t_->cells.empty(); ++c)
                if (!t_->cells[0][c].is_text && (columns.empty() || same_unit(columns.front(), static_cast<int>(c))))
                    columns.push_back(static_cast<int>(c));
        for (const auto& id : ids) {
            const int c = t_->column_index(id);
            if (c < 0)
                errors_.push_back(error_at(where, "data source '" + r_.data + "' has no column '" + id + "'", did_you_mean(id, t_->columns)));
            else if (!t_->cells.empty() && t_->cells[0][static_cast<std::size_t>(c)].is_text)
                errors_.push_back(error_at(where, "column '" + id + "' holds text, not numbers"));
            else columns.push_back(c);
        }
        return columns;
    }

    /// Whether columns `a` and `b` hold values of the same unit (in the first row).
    bool same_unit(int a, int b) const { return cell(0, a).value.unit == cell(0, b).value.unit; }

    /// The range's low or high line: a column when series are columns, else a row.
    int find_other(const std::string& id) {
        const int index = r_.series_in_columns ? t_->column_index(id) : t_->row_index(id);
        if (index < 0)
            errors_.push_back(error_at(r_.range_at, "data source '" + r_.data + "' has no " +
                                                        (r_.series_in_columns ? "column" : "row") + " '" + id + "'"));
        return index;
    }

    const DataCell& cell(int row, int column) const { return t_->cells[static_cast<std::size_t>(row)][static_cast<std::size_t>(column)]; }

    std::optional<double> value(int row, int column) const {
        const auto& c = cell(row, column);
        return c.is_text ? std::nullopt : c.value.number;
    }

    /// The note explaining each of SSB's symbols the chart shows at a gap, in SSB's order
    /// ("Tegnforklaring: .. Oppgave mangler. : Vises ikke av konfidensialitetshensyn."); nothing
    /// if every value has a number.
    static std::optional<std::string> symbol_key(const Chart& chart) {
        std::set<std::string> used;
        for (const auto& s : chart.series)
            for (std::size_t i = 0; i < s.values.size(); ++i)
                if (!s.values[i]) used.insert(s.mark(i));
        if (used.empty()) return std::nullopt;
        std::string key = "Tegnforklaring:";
        for (const auto& symbol : table_symbols())
            if (used.count(symbol.mark)) key += std::string(" ") + symbol.mark + " " + symbol.meaning + ".";
        return key;
    }

    const ChartRequest& r_;
    const DataCatalog& catalog_;
    const DataTable* t_ = nullptr;
    Errors errors_;  ///< problems with the rows and columns asked for
};

}  // namespace

Result<Chart> build_chart(const ChartRequest& request, const DataCatalog& catalog) {
    return ChartBuilder(request, catalog).build();
}

std::string describe_chart(const Chart& chart) {
    auto shown = [&](const std::optional<double>& v, const std::string& mark = "..") {
        if (!v) return mark;
        NumberStyle style;
        style.decimals = chart.decimals;
        style.suffix = chart.unit_suffix;
        return format_number(*v, style);
    };
    std::string text = chart.caption.empty() ? "Figur" : chart.caption;
    text += ".";
    if (chart.type == ChartType::line) {
        for (const auto& s : chart.series) {
            std::size_t first = s.values.size(), last = 0;
            for (std::size_t i = 0; i < s.values.size(); ++i)
                if (s.values[i]) {
                    first = std::min(first, i);
                    last = i;
                }
            if (first >= s.values.size()) continue;
            const double a = *s.values[first], b = *s.values[last];
            const std::string change = shown(s.values[first]) == shown(s.values[last]) ? "var uendret på"
                                       : b > a                                         ? "økte fra"
                                                                                       : "falt fra";
            text += " " + s.name + " " + change + " " + shown(s.values[first]) + " i " + chart.categories[first];
            if (change != "var uendret på") text += " til " + shown(s.values[last]) + " i " + chart.categories[last];
            text += ".";
        }
        if (chart.target) text += " Målet er " + shown(chart.target) + ".";
        return text;
    }
    if (chart.type == ChartType::pie || chart.type == ChartType::donut) {
        for (std::size_t i = 0; i < chart.categories.size(); ++i)
            text += (i == 0 ? " " : ", ") + chart.categories[i] + " " + shown(chart.series[0].values[i], chart.series[0].mark(i));
        return text + ".";
    }
    // Columns, bars and stacks: every value, category by category.
    for (std::size_t i = 0; i < chart.categories.size(); ++i) {
        text += " " + chart.categories[i] + ":";
        for (std::size_t s = 0; s < chart.series.size(); ++s)
            text += std::string(s == 0 ? " " : ", ") + chart.series[s].name + " " + shown(chart.series[s].values[i], chart.series[s].mark(i));
        if (i < chart.ranges.size() && chart.ranges[i].first && chart.ranges[i].second)
            text += " (nettverket fra " + shown(chart.ranges[i].first) + " til " + shown(chart.ranges[i].second) + ")";
        text += ".";
    }
    if (chart.reference) text += " Referanselinjen står på " + shown(chart.reference) + ".";
    return text;
}

}  // namespace sats
