#include "data/data_table.hpp"

#include <algorithm>

#include "data/dataset.hpp"

namespace sats {

namespace {
int index_of(const std::vector<std::string>& list, const std::string& id) {
    const auto it = std::find(list.begin(), list.end(), id);
    return it == list.end() ? -1 : static_cast<int>(it - list.begin());
}
}  // namespace

std::string DataTable::resolve(const std::string& id) const {
    if (aliases.empty()) return id;
    std::string out;
    std::size_t start = 0;
    while (start <= id.size()) {
        auto end = id.find('_', start);
        if (end == std::string::npos) end = id.size();
        const std::string part = id.substr(start, end - start);
        const auto alias = aliases.find(part);
        out += alias == aliases.end() ? part : alias->second;
        if (end < id.size()) out += '_';
        start = end + 1;
    }
    return out;
}

int DataTable::column_index(const std::string& id) const {
    const int exact = index_of(columns, id);
    return exact >= 0 || aliases.empty() ? exact : index_of(columns, resolve(id));
}

int DataTable::row_index(const std::string& id) const {
    const int exact = index_of(row_ids, id);
    if (exact >= 0) return exact;
    if (!aliases.empty())
        if (const int aliased = index_of(row_ids, resolve(id)); aliased >= 0) return aliased;
    for (std::size_t r = 0; r < row_ids.size(); ++r) {
        const std::string label = r < row_labels.size() ? row_labels[r] : "";
        if (same_name(id, row_ids[r]) || (!label.empty() && (same_name(id, label) || same_name(id, row_ids[r] + " " + label))))
            return static_cast<int>(r);
    }
    return -1;
}

std::string DataTable::row_hint(const std::string& id) const {
    std::vector<std::pair<std::string, std::string>> rows;
    for (std::size_t r = 0; r < row_ids.size(); ++r) rows.emplace_back(row_ids[r], r < row_labels.size() ? row_labels[r] : "");
    return closest_choices(id, rows, 5, "its rows");
}

const DataCell* DataTable::cell(const std::string& row, const std::string& column) const {
    const int r = row_index(row), c = column_index(column);
    if (r < 0 || c < 0) return nullptr;
    return &cells[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
}

int DataTable::add_column(const std::string& id, const std::string& label, std::vector<Value> values,
                          const SourceLocation& where) {
    columns.push_back(id);
    column_labels.push_back(label.empty() ? id : label);
    for (std::size_t r = 0; r < cells.size(); ++r) {
        DataCell cell;
        cell.value = r < values.size() ? values[r] : Value{};
        cell.where = where;
        cells[r].push_back(std::move(cell));
    }
    return static_cast<int>(columns.size()) - 1;
}

}  // namespace sats
