// shape_dataset(): the rows × columns a data source takes from a cube.


#include <set>

#include "data/dataset.hpp"

namespace sats {

namespace {

/// A dimension's label as a column heading: its first letter capital (`region` → `Region`).
std::string heading(std::string label) {
    if (!label.empty() && label[0] >= 'a' && label[0] <= 'z') label[0] = static_cast<char>(label[0] - 32);
    return label;
}

/// Chooses the dimensions and one category of every other one, reporting every problem.
class Shaper {
public:
    Shaper(const Dataset& dataset, const DatasetChoice& choice, Diagnostics& diagnostics)
        : d_(dataset), choice_(choice), diagnostics_(diagnostics), fixed_(dataset.dimensions.size(), kFree) {}

    CsvFile run() {
        columns_ = choose(choice_.columns, choice_.columns_at, "columns", default_columns());
        rows_ = choose(choice_.rows, choice_.rows_at, "rows", default_rows());
        if (failed_) return {};
        if (rows_ < 0 || columns_ < 0 || rows_ == columns_) {
            error(rows_ == columns_ && rows_ >= 0 ? choice_.rows_at : choice_.where,
                  rows_ == columns_ && rows_ >= 0 ? "'rows' and 'columns' name the same dimension"
                                                  : "cannot tell which dimensions are rows and columns; set 'rows' and 'columns'",
                  dimension_choices(d_, choice_.rows));
            return {};
        }
        for (const auto& selection : choice_.select) select(selection);
        if (failed_) return {};  // a dimension left free is likely the one a wrong `select` meant
        for (std::size_t d = 0; d < d_.dimensions.size(); ++d) require_one(d);
        if (failed_) return {};
        return table();
    }

private:
    static constexpr std::size_t kFree = static_cast<std::size_t>(-1);

    void error(const SourceLocation& where, const std::string& message, const std::string& hint = "") {
        diagnostics_.error(where, message, hint);
        failed_ = true;
    }

    /// The time dimension, else none (the manifest must say).
    int default_columns() const { return d_.time; }

    /// The region dimension, else the first other with more than one category, else the first other.
    int default_rows() const {
        if (d_.geo >= 0 && d_.geo != columns_) return d_.geo;
        int first_other = -1;
        for (std::size_t d = 0; d < d_.dimensions.size(); ++d) {
            if (static_cast<int>(d) == columns_) continue;
            if (d_.dimensions[d].categories.size() > 1) return static_cast<int>(d);
            if (first_other < 0) first_other = static_cast<int>(d);
        }
        return first_other;
    }

    /// The dimension `name` (written at `where` as `key`) names, or `fallback` if it is empty.
    int choose(const std::string& name, const SourceLocation& where, const std::string& key, int fallback) {
        if (name.empty()) return fallback;
        const int d = find_dimension(d_, name);
        if (d < 0) error(where, "'" + key + "' names '" + name + "', which is not a dimension of the data file", dimension_choices(d_, name));
        return d;
    }

    /// Fixes the dimension of `selection` at its category.
    void select(const DatasetChoice::Selection& selection) {
        const int d = find_dimension(d_, selection.dimension);
        if (d < 0) {
            error(selection.where, "'select' names '" + selection.dimension + "', which is not a dimension of the data file",
                  dimension_choices(d_, selection.dimension));
            return;
        }
        if (d == rows_ || d == columns_) {
            error(selection.where, "'" + selection.dimension + "' gives the " + (d == rows_ ? "rows" : "columns") +
                                       "; 'select' picks one category of another dimension");
            return;
        }
        const auto& dimension = d_.dimensions[static_cast<std::size_t>(d)];
        named_.insert(static_cast<std::size_t>(d));
        const int c = find_category(dimension, selection.category);
        if (c < 0) {
            error(selection.where, "dimension '" + dimension.id + "' has no category '" + selection.category + "'",
                  category_choices(dimension, selection.category));
            return;
        }
        fixed_[static_cast<std::size_t>(d)] = static_cast<std::size_t>(c);
    }

    /// Fixes dimension `d` at its only category, or reports that it needs a `select`.
    void require_one(std::size_t d) {
        if (static_cast<int>(d) == rows_ || static_cast<int>(d) == columns_ || fixed_[d] != kFree || named_.count(d)) return;
        const auto& dimension = d_.dimensions[d];
        if (dimension.categories.size() == 1) {
            fixed_[d] = 0;
            return;
        }
        error(choice_.where,
              "dimension '" + dimension.id + "' (" + dimension.label + ") has " + std::to_string(dimension.categories.size()) +
                  " categories; choose one with select = { " + dimension.id + " = \"…\" }",
              category_choices(dimension, ""));
    }

    /// The flat index of the cell at `row` and `column` of the chosen dimensions.
    std::size_t flat(std::size_t row, std::size_t column) const {
        std::size_t index = 0;
        for (std::size_t d = 0; d < d_.dimensions.size(); ++d) {
            const std::size_t at = static_cast<int>(d) == rows_ ? row : static_cast<int>(d) == columns_ ? column : fixed_[d];
            index = index * d_.dimensions[d].categories.size() + at;
        }
        return index;
    }

    /// The dimension whose categories carry units, or -1.
    int unit_dimension() const {
        for (std::size_t d = 0; d < d_.dimensions.size(); ++d)
            for (const auto& category : d_.dimensions[d].categories)
                if (category.unit) return static_cast<int>(d);
        return -1;
    }

    CsvFile table() const {
        const auto& rows = d_.dimensions[static_cast<std::size_t>(rows_)];
        const auto& columns = d_.dimensions[static_cast<std::size_t>(columns_)];
        CsvFile out;
        out.title = d_.title;
        if (!d_.source.empty()) out.comments.push_back("Kilde: " + d_.source);
        out.header = {{"id", 1, 1}, {"navn", 1, 1}};
        out.column_labels = {"id", heading(rows.label)};
        for (const auto& c : columns.categories) {
            out.header.push_back({c.code, c.line, c.column});
            out.column_labels.push_back(c.label);
        }
        for (std::size_t r = 0; r < rows.categories.size(); ++r) {
            const auto& category = rows.categories[r];
            std::vector<CsvField> fields{{category.code, category.line, category.column}, {category.label, category.line, category.column}};
            for (std::size_t c = 0; c < columns.categories.size(); ++c) fields.push_back(d_.cells[flat(r, c)]);
            out.rows.push_back(std::move(fields));
        }
        const int units = unit_dimension();
        if (units == columns_) {
            out.column_units.resize(2);
            for (const auto& c : columns.categories) out.column_units.push_back(c.unit);
        } else if (units == rows_) {
            for (const auto& c : rows.categories) out.row_units.push_back(c.unit);
        } else if (units >= 0) {
            const auto& unit = d_.dimensions[static_cast<std::size_t>(units)].categories[fixed_[static_cast<std::size_t>(units)]].unit;
            out.column_units.assign(out.header.size(), unit);
            out.column_units[0] = out.column_units[1] = std::nullopt;
        }
        return out;
    }

    const Dataset& d_;
    const DatasetChoice& choice_;
    Diagnostics& diagnostics_;
    std::vector<std::size_t> fixed_;  ///< the chosen category of each dimension, kFree for rows and columns
    std::set<std::size_t> named_;     ///< dimensions a `select` names (a wrong category is reported once)
    int rows_ = -1, columns_ = -1;
    bool failed_ = false;
};

}  // namespace

CsvFile shape_dataset(const Dataset& dataset, const DatasetChoice& choice, Diagnostics& diagnostics) {
    return Shaper(dataset, choice, diagnostics).run();
}

}  // namespace sats
