#include "content/manifest.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>

#include "core/text_file.hpp"
#include "core/toml_reader.hpp"

namespace sats {

namespace fs = std::filesystem;

const std::vector<std::string>& known_units() {
    static const std::vector<std::string> units{"tall", "kr", "prosent", "indeks", "antall", "prosentpoeng", "år", "kode"};
    return units;
}

namespace {

/// The years a report, a deflator or a data column may name.
constexpr int kFirstYear = 1900, kLastYear = 2200;

void check_choice(const std::string& value, const std::vector<std::string>& allowed, const char* what,
                  const SourceLocation& where, Diagnostics& diagnostics) {
    if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return;
    const auto near = closest_match(value, allowed);
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    diagnostics.error(where, std::string("unknown ") + what + " '" + value + "'",
                      near.empty() ? "one of: " + list : "did you mean '" + near + "'?");
}

/// Whether a YYYY-MM-DD string names a day of the calendar (no 31 November).
bool valid_date(const std::string& date) {
    const std::chrono::year_month_day day{std::chrono::year(std::stoi(date.substr(0, 4))),
                                          std::chrono::month(static_cast<unsigned>(std::stoi(date.substr(5, 2)))),
                                          std::chrono::day(static_cast<unsigned>(std::stoi(date.substr(8, 2))))};
    return day.ok();
}

/// Whether `name` is an ASCII word (letters, digits and _), as names of data sources and values are.
bool valid_name(const std::string& name) {
    const auto ascii_word = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    };
    return !name.empty() && std::all_of(name.begin(), name.end(), ascii_word);
}

/// Whether `date` is written YYYY-MM-DD (digits and two dashes; whether the day exists is
/// valid_date()).
bool date_shape(const std::string& date) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
    for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (date[i] < '0' || date[i] > '9') return false;
    return true;
}

ComputeSpec read_compute(const toml::table& table, const std::string& name_key, const std::string& file,
                         Diagnostics& diagnostics, std::string name = {}) {
    Diagnostics found;  // this spec's own errors: a spec with any is not computed, so none follows from them
    TomlFields f(table, file, found);
    ComputeSpec spec;
    spec.where = f.location();
    if (!name_key.empty()) spec.name = f.string(name_key, true).value_or("");
    else spec.name = std::move(name);
    const auto op = f.string("op", true).value_or("");
    spec.of = f.strings("of");
    spec.ref = f.string("ref").value_or("");
    spec.total_row = f.string("total_row").value_or("");
    spec.deflator = f.string("deflator").value_or("");
    spec.from_year = f.integer("from_year", kFirstYear, kLastYear).value_or(0);
    spec.to_year = f.integer("to_year", kFirstYear, kLastYear).value_or(0);
    spec.ascending = f.boolean("ascending").value_or(false);
    spec.skip_missing = f.boolean("skip_missing").value_or(false);
    spec.decimals = f.integer("decimals", 0, kMaxDecimals);
    if (!name_key.empty()) spec.label = f.string("label").value_or("");  // values have no heading
    spec.name_at = f.location(name_key);
    spec.op_at = f.location("op");
    spec.of_at = f.location("of");
    spec.ref_at = f.location("ref");
    spec.total_row_at = f.location("total_row");
    spec.deflator_at = f.location("deflator");
    f.reject_unknown_keys();
    spec.op = parse_compute_op(op);
    if (!op.empty() && !spec.op) check_choice(op, compute_op_names(), "operation", spec.op_at, found);
    if (spec.of.empty() && !op.empty()) found.error(spec.where, "'" + op + "' needs 'of'");
    if (found.has_errors()) spec.op.reset();
    for (const auto& d : found.all()) diagnostics.add(d);
    return spec;
}

/// A source's `select = { dimension = "category", … }`; a year may be written as a number.
std::vector<SelectSpec> read_select(const toml::table& table, const std::string& file, Diagnostics& diagnostics) {
    TomlFields f(table, file, diagnostics);
    std::vector<SelectSpec> out;
    for (const auto& key : f.keys()) {
        const auto* year = f.node(key)->as_integer();
        const auto category = year ? std::optional(std::to_string(year->get())) : f.string(key);  // reports any other type
        if (category) out.push_back({key, *category, f.location(key)});
    }
    return out;
}

/// `query = { <dimension> = codes, ... }` of a source fetched from SSB, in the order written: a
/// dimension needs at least one code, none empty or twice (SSB answers a repeated code with 500).
std::vector<QueryDimension> read_query(const toml::table& table, const std::string& file, Diagnostics& diagnostics) {
    TomlFields q(table, file, diagnostics);
    std::vector<QueryDimension> query;
    for (const auto& dimension : q.keys()) {
        QueryDimension d{dimension, q.strings(dimension), q.location(dimension)};
        const auto* list = table.get(dimension)->as_array();
        if (list && list->empty()) diagnostics.error(d.where, "'" + dimension + "' needs at least one code");
        for (auto v = d.values.begin(); v != d.values.end(); ++v)
            if (v->empty() || std::find(d.values.begin(), v, *v) != v)
                diagnostics.error(d.where, "'" + dimension + "' has " + (v->empty() ? "an empty code" : "'" + *v + "' twice"));
        query.push_back(std::move(d));
    }
    std::sort(query.begin(), query.end(), [](const auto& a, const auto& b) {
        return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
    });
    return query;
}

/// The keys `table` and `query` of the source table `written` go together; the table is named by
/// letters and digits ("12362"), and the file it is fetched to is JSON-stat.
void check_ssb_keys(const DataSourceSpec& s, const toml::table& written, Diagnostics& diagnostics) {
    const auto alphanumeric = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    if (written.contains("table") && !written.contains("query"))
        diagnostics.error(s.table_at, "'table' needs 'query': the codes to fetch of each dimension of the table");
    if (written.contains("query") && !written.contains("table"))
        diagnostics.error(s.query_at, "'query' needs 'table': the SSB table to fetch from");
    if (!s.table.empty() && !std::all_of(s.table.begin(), s.table.end(), alphanumeric))
        diagnostics.error(s.table_at, "'table' must be an SSB table number such as \"12362\", not '" + s.table + "'");
    if (!s.table.empty() && fs::path(s.file).extension() != ".json")
        diagnostics.error(s.file_at, "a data source fetched from SSB is JSON-stat: its file must end in .json");
}

DataSourceSpec read_source(const std::string& name, const toml::table& table, const std::string& file,
                           Diagnostics& diagnostics) {
    TomlFields f(table, file, diagnostics);
    DataSourceSpec s;
    s.name = name;
    s.where = f.location();
    s.file = f.string("file", true).value_or("");
    s.unit = f.string("unit").value_or("tall");
    s.decimals = f.integer("decimals", 0, kMaxDecimals);
    s.unit_column = f.string("unit_column").value_or("");
    s.decimals_column = f.string("decimals_column").value_or("");
    s.text_columns = f.strings("text_columns");
    if (s.text_columns.empty()) s.text_columns = {"navn"};
    s.row_dimension = f.string("rows").value_or("");
    s.column_dimension = f.string("columns").value_or("");
    s.rows_at = f.location("rows");
    s.columns_at = f.location("columns");
    if (const auto* select = f.table("select")) s.select = read_select(*select, file, diagnostics);
    if (const auto encoding = f.string("encoding")) {
        if (const auto known = parse_text_encoding(*encoding)) s.encoding = *known;
        else check_choice(*encoding, text_encoding_names(), "encoding", f.location("encoding"), diagnostics);
    }
    s.file_at = f.location("file");
    s.unit_column_at = f.location("unit_column");
    s.decimals_column_at = f.location("decimals_column");
    s.text_columns_at = f.location("text_columns");
    s.table = f.string("table").value_or("");
    if (const auto* query = f.table("query")) s.query = read_query(*query, file, diagnostics);
    s.table_at = f.location("table");
    s.query_at = f.location("query");
    check_ssb_keys(s, table, diagnostics);
    check_choice(s.unit, known_units(), "unit", f.location("unit"), diagnostics);
    for (const auto& entry : f.named_tables("column")) {
        TomlFields c(*entry.table, file, diagnostics);
        ColumnSpec spec;
        spec.where = entry.where;
        spec.unit = c.string("unit").value_or("");
        spec.decimals = c.integer("decimals", 0, kMaxDecimals);
        spec.label = c.string("label").value_or("");
        if (!spec.unit.empty()) check_choice(spec.unit, known_units(), "unit", c.location("unit"), diagnostics);
        c.reject_unknown_keys();
        s.columns[entry.name] = spec;
    }
    for (const auto* t : f.tables("computed")) s.computed.push_back(read_compute(*t, "column", file, diagnostics));
    f.reject_unknown_keys();
    return s;
}

/// `chapters`: the chapter files in order, each a file name or a table with `file` and the
/// chapter's own `header` and `footer`.
std::vector<ChapterRef> read_chapters(TomlFields& f) {
    std::vector<ChapterRef> out;
    const auto* node = f.node("chapters");
    const auto* array = node ? node->as_array() : nullptr;
    const auto chapters_at = f.location("chapters");
    const auto missing = [&] { f.diagnostics().error(f.location(), "missing required key 'chapters' (a list of Markdown files)"); };
    if (!array) {
        for (auto& file : f.strings("chapters")) out.push_back({file, chapters_at, {}, {}});
        if (!node) missing();
        return out;
    }
    for (const auto& item : *array) {
        const auto where = toml_location(item.source(), f.file());
        if (const auto* file = item.as_string()) {
            out.push_back({file->get(), chapters_at, {}, {}});
        } else if (const auto* table = item.as_table()) {
            TomlFields c(*table, f.file(), f.diagnostics());
            ChapterRef chapter{c.string("file", true).value_or(""), where, read_running_table(c, "header"),
                               read_running_table(c, "footer")};
            c.reject_unknown_keys();
            if (!chapter.file.empty()) out.push_back(std::move(chapter));
        } else {
            f.diagnostics().error(where, "'chapters' must hold file names, or tables such as { file = \"kapitler/01.md\", "
                                         "header = { right = \"Kort tittel\" } }");
        }
    }
    if (array->empty()) missing();
    return out;
}

/// Reports at `where` if the project's file `relative` (a `what`, e.g. "chapter file") cannot
/// be read: missing, too large, or outside the project, also through a symbolic link.
void check_project_file(const Environment& env, const fs::path& project, const std::string& relative, const std::string& what,
                        const SourceLocation& where, Diagnostics& diagnostics) {
    const auto file = env.read_project_file(project, relative);
    if (file.problem != ProjectFile::Problem::none) diagnostics.error(where, file.message(what + " '" + relative + "'"));
}

}  // namespace

std::optional<Manifest> load_manifest(const Environment& env, const fs::path& project, Diagnostics& diagnostics) {
    const fs::path path = project / "report.toml";
    Manifest m;
    m.root = project;
    m.path = path.lexically_normal().string();
    // Read as the other files of the project are: inside the folder (a link out is refused, and
    // no line of the file it leads to is shown), at most 64 MB, and UTF-8 text.
    const auto file = env.read_project_file(project, "report.toml");
    if (file.problem == ProjectFile::Problem::missing) {
        diagnostics.error({m.path}, "cannot read the manifest: no report.toml in " + project.string());
        return std::nullopt;
    }
    if (file.problem != ProjectFile::Problem::none) {
        diagnostics.error({m.path}, file.message("the manifest report.toml"));
        return std::nullopt;
    }
    const auto text = checked_text(file.bytes, m.path, diagnostics);
    if (!text) return std::nullopt;
    auto table = parse_toml(*text, m.path, diagnostics);
    if (!table) return std::nullopt;

    TomlFields f(*table, m.path, diagnostics);
    m.title = f.string("title", true).value_or("");
    m.subtitle = f.string("subtitle").value_or("");
    m.municipality = f.string("municipality", true).value_or("");
    m.year = f.integer("year", kFirstYear, kLastYear, true).value_or(0);
    m.language = f.string("language").value_or("nb");
    m.layout = f.string("layout").value_or("kommune");
    m.layout_at = f.location("layout");
    m.date = f.string("date").value_or("");
    m.keywords = f.strings("keywords");
    m.logo = f.string("logo").value_or("");
    m.logo_at = f.location("logo");
    if (!m.logo.empty()) check_project_file(env, project, m.logo, "logo file", m.logo_at, diagnostics);
    if (!m.date.empty()) {
        if (!date_shape(m.date))
            diagnostics.error(f.location("date"), "'date' must be written YYYY-MM-DD, e.g. 2025-11-24");
        else if (!valid_date(m.date))
            diagnostics.error(f.location("date"), "'date' is not a valid date: " + m.date);
    }

    m.chapters = read_chapters(f);
    for (const auto& chapter : m.chapters) check_project_file(env, project, chapter.file, "chapter file", chapter.where, diagnostics);
    m.pages = read_page_settings(f);
    m.words = read_word_settings(f);

    auto check_name = [&](const TomlFields::NamedTable& entry, const char* what) {
        if (!valid_name(entry.name))
            diagnostics.error(entry.where, std::string(what) + " name '" + entry.name + "' may only use a-z, 0-9 and _");
    };
    for (const auto& entry : f.named_tables("data")) {
        check_name(entry, "data source");
        m.data.push_back(read_source(entry.name, *entry.table, m.path, diagnostics));
    }
    if (const auto* subjects = f.table("kommuner")) {
        TomlFields k(*subjects, m.path, diagnostics);
        m.subjects.data = k.string("data", true).value_or("");
        m.subjects.standard = k.string("standard", true).value_or("");
        m.subjects.data_at = k.location("data");
        m.subjects.standard_at = k.location("standard");
        m.subjects.except = k.strings("except");
        k.reject_unknown_keys();
    }
    for (const auto& entry : f.named_tables("values")) {
        check_name(entry, "value");
        auto spec = read_compute(*entry.table, "", m.path, diagnostics, entry.name);
        spec.where = entry.where;
        m.values.push_back(std::move(spec));
    }
    f.reject_unknown_keys();
    return m;
}

}  // namespace sats
