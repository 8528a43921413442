// baseline: the "practical limit" for sats's benchmark — a minimal hand-written program that
// sets the same content with the same libraries (pango on cairo) and writes a PDF.
//
//   baseline bench-text.json out.pdf
//
// bench-text.json is written by bench/generate.py: a list of blocks, each one of
//   {"kind":"heading","level":n,"text":...}   {"kind":"para","text":...}
//   {"kind":"table","caption":...,"header":[...],"rows":[[...]...],"source":...}
//   {"kind":"chart","caption":...,"type":"column|line|bar","height":pt,
//    "categories":[...],"series":[{"name":...,"values":[...]}],"source":...}
//
// What it does, and no more: a cover page, a table of contents (level 1 and 2 headings with
// their pages), then the blocks. Each paragraph is one PangoLayout (justified, language nb),
// paginated line by line; every level 1 heading starts a new page; tables are grids of
// PangoLayouts moved whole to the next page when they do not fit; charts are cairo rectangles
// and lines with a few labels. Running header and page number on each page. Content pages are
// drawn into cairo recording surfaces while they are laid out, so the table of contents can
// be written first with the right page numbers without laying anything out twice.
// Prints nothing on success; on failure a message on stderr and exit status 1.

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

using json = nlohmann::json;

namespace {

// ---- Page design: A4 with the margins of sats's "kommune" layout ---------------------------
constexpr double kMm = 72.0 / 25.4;
constexpr double kPageW = 210 * kMm, kPageH = 297 * kMm;
constexpr double kLeft = 25 * kMm, kRight = 22 * kMm, kTop = 25 * kMm, kBottom = 25 * kMm;
constexpr double kTextW = kPageW - kLeft - kRight;
constexpr double kTextBottom = kPageH - kBottom;

// Fonts and spacing: those of the "kommune" layout the benchmark project is built with.
const char* const kBodyFont = "Inter 10";
constexpr double kLineHeight = 10 * 1.4;  // points, baseline to baseline
constexpr double kParaSpace = 6;
const char* const kHeadingFamily = "Inter Semi-Bold";
constexpr double kHeadingSize[3] = {22, 15, 12};
constexpr double kHeadingBefore[3] = {0, 18, 14};
constexpr double kHeadingAfter[3] = {14, 8, 6};
const char* const kSmallFont = "Inter 8.5";       // running header, page numbers
const char* const kCaptionFont = "Inter Semi-Bold 9";
const char* const kCellFont = "Inter 8.5";
const char* const kHeadCellFont = "Inter Semi-Bold 8.5";
const char* const kSourceFont = "Inter 8";
const char* const kChartFont = "Inter 8";
constexpr double kCellPad = 3.5;
constexpr double kBlockSpace = 12;  // after tables and charts

struct Rgb { double r, g, b; };
constexpr Rgb kText{0.10, 0.10, 0.10}, kAccent{0.0, 0.314, 0.490}, kGrey{0.35, 0.35, 0.35};
constexpr Rgb kStripe{0.933, 0.953, 0.969}, kGrid{0.85, 0.85, 0.85}, kWhite{1, 1, 1};
constexpr Rgb kPalette[] = {{0.0, 0.314, 0.490}, {0.835, 0.369, 0.0}, {0.0, 0.620, 0.451},
                            {0.800, 0.475, 0.655}, {0.353, 0.353, 0.353}, {0.549, 0.427, 0.0}};

const char* const kTitle = "Ytelsestest";  // cover and running header

void set_rgb(cairo_t* cr, Rgb c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

// ---- Text helpers ---------------------------------------------------------------------------

PangoContext* g_ctx = nullptr;  // one context (and font map) for the whole document

PangoLayout* make_layout(const std::string& text, const char* font, double width = -1,
                         bool justify = false, double line_height = 0) {
  PangoLayout* l = pango_layout_new(g_ctx);
  PangoFontDescription* fd = pango_font_description_from_string(font);
  pango_layout_set_font_description(l, fd);
  pango_font_description_free(fd);
  if (width > 0) pango_layout_set_width(l, static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_justify(l, justify);
  if (line_height > 0) {  // a fixed line height, as sats's layouts give it
    PangoAttrList* attrs = pango_attr_list_new();
    pango_attr_list_insert(attrs, pango_attr_line_height_new_absolute(
                                      static_cast<int>(line_height * PANGO_SCALE)));
    pango_layout_set_attributes(l, attrs);
    pango_attr_list_unref(attrs);
  }
  pango_layout_set_text(l, text.data(), static_cast<int>(text.size()));
  return l;
}

PangoLayout* heading_layout(const std::string& text, int level) {
  std::string font = std::string(kHeadingFamily) + " " + std::to_string(kHeadingSize[level - 1]);
  return make_layout(text, font.c_str(), kTextW);
}

double layout_h(PangoLayout* l) {
  int w, h;
  pango_layout_get_size(l, &w, &h);
  return h / double(PANGO_SCALE);
}

double layout_w(PangoLayout* l) {
  int w, h;
  pango_layout_get_size(l, &w, &h);
  return w / double(PANGO_SCALE);
}

// Draw a layout with its top left corner at (x, y), then free it.
void show(cairo_t* cr, PangoLayout* l, double x, double y, Rgb c = kText) {
  set_rgb(cr, c);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, l);
  g_object_unref(l);
}

// A number the Norwegian way: decimal comma, no-break space between thousands, U+2212 minus.
std::string fmt_number(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(v));
  std::string s(buf), whole = s.substr(0, s.find('.')), out;
  std::string frac = decimals > 0 ? "," + s.substr(s.find('.') + 1) : "";
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) out += "\u00a0";
    out += whole[i];
  }
  bool zero = std::stod(s) == 0;
  return (v < 0 && !zero ? "\u2212" : "") + out + frac;
}

// ---- Pages ----------------------------------------------------------------------------------

struct TocEntry { int level; std::string text; int page; };

class Document {
 public:
  explicit Document(int first_content_page) : next_page_(first_content_page) {}

  // Start a new content page (drawn into a recording surface).
  void new_page(bool chapter_opener) {
    finish_page();
    cairo_rectangle_t extents{0, 0, kPageW, kPageH};
    cairo_surface_t* rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents);
    pages_.push_back(rec);
    cr_ = cairo_create(rec);
    page_no_ = next_page_++;
    y_ = kTop;
    if (!chapter_opener) {  // running header: report title left, chapter title right
      show(cr_, make_layout(kTitle, kSmallFont), kLeft, kTop - 28, kGrey);
      PangoLayout* l = make_layout(chapter_, kSmallFont);
      show(cr_, l, kPageW - kRight - layout_w(l), kTop - 28, kGrey);
    }
    PangoLayout* n = make_layout(std::to_string(page_no_), kSmallFont);
    show(cr_, n, (kPageW - layout_w(n)) / 2, kPageH - kBottom + 20, kGrey);
  }

  void finish_page() {
    if (cr_) cairo_destroy(cr_);
    cr_ = nullptr;
  }

  // Room left on the page; a new page if less than `need`.
  void ensure(double need) {
    if (!cr_ || y_ + need > kTextBottom) new_page(false);
  }

  void heading(int level, const std::string& text) {
    level = std::clamp(level, 1, 3);
    if (level == 1) {
      chapter_ = text;
      new_page(true);
    }
    PangoLayout* l = heading_layout(text, level);
    double before = y_ > kTop ? kHeadingBefore[level - 1] : 0;
    // Keep the heading with the first three lines of what follows.
    ensure(before + layout_h(l) + kHeadingAfter[level - 1] + 3 * kLineHeight);
    if (y_ > kTop) y_ += before;
    if (level <= 2) toc_.push_back({level, text, page_no_});
    double h = layout_h(l);
    show(cr_, l, kLeft, y_, kAccent);
    y_ += h + kHeadingAfter[level - 1];
  }

  // A paragraph, broken into pages line by line.
  void para(const std::string& text) {
    PangoLayout* l = make_layout(text, kBodyFont, kTextW, false, kLineHeight);  // ragged right, as the layout
    ensure(0);
    set_rgb(cr_, kText);
    PangoLayoutIter* it = pango_layout_get_iter(l);
    do {
      int y0, y1;
      pango_layout_iter_get_line_yrange(it, &y0, &y1);
      double h = (y1 - y0) / double(PANGO_SCALE);
      if (y_ + h > kTextBottom) {
        new_page(false);
        set_rgb(cr_, kText);
      }
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      double baseline = (pango_layout_iter_get_baseline(it) - y0) / double(PANGO_SCALE);
      cairo_move_to(cr_, kLeft + logical.x / double(PANGO_SCALE), y_ + baseline);
      pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(it));
      y_ += h;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    g_object_unref(l);
    y_ += kParaSpace;
  }

  // A table: caption, header row on the accent colour, striped rows, source line.
  void table(const json& b) {
    const auto& header = b["header"];
    const auto& rows = b["rows"];
    size_t ncol = header.size();
    // Lay out every cell once; numeric columns are as wide as their widest cell.
    std::vector<std::vector<PangoLayout*>> cells;
    std::vector<double> colw(ncol, 0);
    auto add_row = [&](const json& r, const char* font) {
      std::vector<PangoLayout*> row;
      for (size_t c = 0; c < ncol; ++c) {
        row.push_back(make_layout(r[c].get<std::string>(), font));
        colw[c] = std::max(colw[c], layout_w(row.back()) + 2 * kCellPad);
      }
      cells.push_back(row);
    };
    add_row(header, kHeadCellFont);
    for (const auto& r : rows) add_row(r, kCellFont);
    double numeric = 0;
    for (size_t c = 1; c < ncol; ++c) numeric += colw[c];
    colw[0] = std::max(colw[0], kTextW - numeric);  // the text column takes the rest
    double row_h = layout_h(cells[0][0]) + 2 * kCellPad;

    PangoLayout* cap = make_layout(b["caption"].get<std::string>(), kCaptionFont, kTextW);
    PangoLayout* src = make_layout(b.value("source", ""), kSourceFont, kTextW);
    double total = layout_h(cap) + 4 + row_h * cells.size() + 3 + layout_h(src);
    ensure(total);  // never split: move whole to the next page
    double cap_h = layout_h(cap), src_h = layout_h(src);
    show(cr_, cap, kLeft, y_);
    y_ += cap_h + 4;
    for (size_t r = 0; r < cells.size(); ++r) {
      if (r == 0 || r % 2 == 0) {
        set_rgb(cr_, r == 0 ? kAccent : kStripe);
        cairo_rectangle(cr_, kLeft, y_, kTextW, row_h);
        cairo_fill(cr_);
      }
      double x = kLeft;
      for (size_t c = 0; c < ncol; ++c) {
        PangoLayout* l = cells[r][c];
        double lx = c == 0 ? x + kCellPad : x + colw[c] - kCellPad - layout_w(l);
        show(cr_, l, lx, y_ + kCellPad, r == 0 ? kWhite : kText);
        x += colw[c];
      }
      y_ += row_h;
    }
    set_rgb(cr_, kGrid);  // a rule under the table
    cairo_set_line_width(cr_, 0.5);
    cairo_move_to(cr_, kLeft, y_);
    cairo_line_to(cr_, kLeft + kTextW, y_);
    cairo_stroke(cr_);
    y_ += 3;
    show(cr_, src, kLeft, y_, kGrey);
    y_ += src_h + kBlockSpace;
  }

  void chart(const json& b);

  // Write the PDF: cover, table of contents, then the recorded pages.
  bool write(const char* path, int toc_pages);

 private:
  cairo_t* cr_ = nullptr;
  std::vector<cairo_surface_t*> pages_;
  std::vector<TocEntry> toc_;
  std::string chapter_;
  int next_page_, page_no_ = 0;
  double y_ = kTop;
};

// Ticks at 1, 2 or 5 x 10^n covering [lo, hi].
void nice_ticks(double lo, double hi, double& t0, double& t1, double& step) {
  double raw = (hi - lo) / 5;
  double mag = std::pow(10, std::floor(std::log10(raw)));
  double f = raw / mag;
  step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
  t0 = std::floor(lo / step) * step;
  t1 = std::ceil(hi / step) * step;
}

// A chart: caption, legend, plot with grid and tick labels, bars or lines, source line.
void Document::chart(const json& b) {
  std::string type = b["type"];
  const auto& cats = b["categories"];
  const auto& series = b["series"];
  double plot_h = b.value("height", 200.0);
  PangoLayout* cap = make_layout(b["caption"].get<std::string>(), kCaptionFont, kTextW);
  PangoLayout* src = make_layout(b.value("source", ""), kSourceFont, kTextW);
  double legend_h = 14, cap_h = layout_h(cap), src_h = layout_h(src);
  ensure(cap_h + 4 + legend_h + plot_h + 16 + src_h);
  show(cr_, cap, kLeft, y_);
  y_ += cap_h + 4;

  // Legend: a square and the name of each series.
  double lx = kLeft;
  for (size_t s = 0; s < series.size(); ++s) {
    set_rgb(cr_, kPalette[s % 6]);
    cairo_rectangle(cr_, lx, y_ + 2, 7, 7);
    cairo_fill(cr_);
    PangoLayout* l = make_layout(series[s]["name"].get<std::string>(), kChartFont);
    double w = layout_w(l);
    show(cr_, l, lx + 10, y_);
    lx += w + 24;
  }
  y_ += legend_h;

  // Value range; bars and columns start at zero.
  double lo = 1e300, hi = -1e300;
  for (const auto& s : series)
    for (double v : s["values"]) lo = std::min(lo, v), hi = std::max(hi, v);
  if (type != "line") lo = std::min(lo, 0.0), hi = std::max(hi, 0.0);
  if (hi <= lo) hi = lo + 1;
  double t0, t1, step;
  nice_ticks(lo, hi, t0, t1, step);
  int decimals = step < 1 ? 1 : 0;

  bool horizontal = type == "bar";
  double axis_w = 44;  // room for tick labels (or category names for bars)
  double px = kLeft + (horizontal ? 70 : axis_w), pw = kLeft + kTextW - px;
  double py = y_ + 6, ph = plot_h - 20;  // room above for the top tick label, below for labels
  // Position along the value axis.
  auto vpos = [&](double v) {
    double t = (v - t0) / (t1 - t0);
    return horizontal ? px + t * pw : py + ph - t * ph;
  };

  // Grid lines and tick labels.
  cairo_set_line_width(cr_, 0.5);
  for (double t = t0; t <= t1 + step / 2; t += step) {
    set_rgb(cr_, kGrid);
    double p = vpos(t);
    if (horizontal) cairo_move_to(cr_, p, py), cairo_line_to(cr_, p, py + ph);
    else cairo_move_to(cr_, px, p), cairo_line_to(cr_, px + pw, p);
    cairo_stroke(cr_);
    PangoLayout* l = make_layout(fmt_number(t, decimals), kChartFont);
    if (horizontal) show(cr_, l, p - layout_w(l) / 2, py + ph + 2, kGrey);
    else show(cr_, l, px - 4 - layout_w(l), p - layout_h(l) / 2, kGrey);
  }

  size_t nc = cats.size(), ns = series.size();
  double band = (horizontal ? ph : pw) / nc;  // room per category
  for (size_t c = 0; c < nc; ++c) {
    // Category label, under the axis (or left of it for bars).
    PangoLayout* l = make_layout(cats[c].get<std::string>(), kChartFont);
    if (horizontal) show(cr_, l, kLeft, py + band * (c + 0.5) - layout_h(l) / 2, kGrey);
    else show(cr_, l, px + band * (c + 0.5) - layout_w(l) / 2, py + ph + 2, kGrey);
    if (type == "line") continue;
    double bw = band * 0.8 / ns;
    for (size_t s = 0; s < ns; ++s) {
      double v = series[s]["values"][c], a = vpos(0), z = vpos(v);
      double off = band * (c + 0.1) + bw * s;
      set_rgb(cr_, kPalette[s % 6]);
      if (horizontal) cairo_rectangle(cr_, std::min(a, z), py + off, std::fabs(z - a), bw * 0.9);
      else cairo_rectangle(cr_, px + off, std::min(a, z), bw * 0.9, std::fabs(z - a));
      cairo_fill(cr_);
    }
  }
  if (type == "line") {
    cairo_set_line_width(cr_, 1.75);
    for (size_t s = 0; s < ns; ++s) {
      set_rgb(cr_, kPalette[s % 6]);
      for (size_t c = 0; c < nc; ++c) {
        double x = px + band * (c + 0.5), y = vpos(series[s]["values"][c]);
        if (c == 0) cairo_move_to(cr_, x, y);
        else cairo_line_to(cr_, x, y);
      }
      cairo_stroke(cr_);
      for (size_t c = 0; c < nc; ++c) {  // markers
        cairo_arc(cr_, px + band * (c + 0.5), vpos(series[s]["values"][c]), 2.2, 0, 2 * M_PI);
        cairo_fill(cr_);
      }
    }
  }
  // Axis line at zero (or at the bottom for lines).
  set_rgb(cr_, kGrey);
  cairo_set_line_width(cr_, 0.75);
  double z = vpos(type == "line" ? t0 : 0);
  if (horizontal) cairo_move_to(cr_, z, py), cairo_line_to(cr_, z, py + ph);
  else cairo_move_to(cr_, px, z), cairo_line_to(cr_, px + pw, z);
  cairo_stroke(cr_);

  y_ += plot_h + 16;
  show(cr_, src, kLeft, y_, kGrey);
  y_ += src_h + kBlockSpace;
}

bool Document::write(const char* path, int toc_pages) {
  finish_page();
  cairo_surface_t* pdf = cairo_pdf_surface_create(path, kPageW, kPageH);
  if (cairo_surface_status(pdf) != CAIRO_STATUS_SUCCESS) return false;
  cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_TITLE, kTitle);
  cairo_t* cr = cairo_create(pdf);

  // Cover: a band in the accent colour with the title.
  set_rgb(cr, kAccent);
  cairo_rectangle(cr, 0, 0, kPageW, kPageH * 0.42);
  cairo_fill(cr);
  show(cr, heading_layout(kTitle, 1), kLeft, kPageH * 0.42 - 80, kWhite);
  show(cr, make_layout("Syntetisk KOSTRA-rapport · Bærum kommune · 2025", kBodyFont), kLeft,
       kPageH * 0.42 - 40, kWhite);
  cairo_show_page(cr);

  // Table of contents: title and page number per entry, on as many pages as reserved.
  double y = kTop;
  int page = 2;
  auto toc_number = [&] {
    PangoLayout* n = make_layout(std::to_string(page), kSmallFont);
    show(cr, n, (kPageW - layout_w(n)) / 2, kPageH - kBottom + 20, kGrey);
  };
  PangoLayout* title = heading_layout("Innhold", 1);
  double th = layout_h(title);
  show(cr, title, kLeft, y, kAccent);
  y += th + kHeadingAfter[0];
  for (const auto& e : toc_) {
    PangoLayout* l = make_layout(e.text, e.level == 1 ? "Inter Semi-Bold 10" : kBodyFont,
                                 kTextW - 40);
    PangoLayout* n = make_layout(std::to_string(e.page), kBodyFont);
    double h = layout_h(l) + (e.level == 1 ? 6 : 1);
    if (y + h > kTextBottom) {
      toc_number();
      cairo_show_page(cr);
      ++page;
      y = kTop;
    }
    if (e.level == 1) y += 5;
    double nw = layout_w(n);
    show(cr, l, kLeft + (e.level == 1 ? 0 : 14), y);
    show(cr, n, kLeft + kTextW - nw, y);
    y += h - (e.level == 1 ? 5 : 0);
  }
  toc_number();
  cairo_show_page(cr);
  for (++page; page < 2 + toc_pages; ++page) cairo_show_page(cr);  // unused reserved pages

  // The content pages, replayed from their recordings.
  for (cairo_surface_t* rec : pages_) {
    cairo_set_source_surface(cr, rec, 0, 0);
    cairo_paint(cr);
    cairo_show_page(cr);
    cairo_surface_destroy(rec);
  }
  pages_.clear();
  cairo_destroy(cr);
  cairo_surface_finish(pdf);
  bool ok = cairo_surface_status(pdf) == CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy(pdf);
  return ok;
}

// Pages the table of contents needs: same spacing as Document::write.
int count_toc_pages(const json& blocks) {
  PangoLayout* title = heading_layout("Innhold", 1);
  double y = kTop + layout_h(title) + kHeadingAfter[0];
  g_object_unref(title);
  PangoLayout* probe = make_layout("Xg", kBodyFont);
  double line = layout_h(probe);
  g_object_unref(probe);
  int pages = 1;
  for (const auto& b : blocks) {
    if (b["kind"] != "heading" || b["level"] > 2) continue;
    double h = line + (b["level"] == 1 ? 6 : 1);
    if (y + h > kTextBottom) ++pages, y = kTop;
    y += h;
  }
  return pages;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: baseline bench-text.json out.pdf\n");
    return 2;
  }
  json blocks;
  try {
    std::ifstream in(argv[1]);
    if (!in) throw std::runtime_error("cannot open file");
    blocks = json::parse(in);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "baseline: %s: %s\n", argv[1], e.what());
    return 1;
  }

  // One font map and context: 72 dpi (points), no hinting, Norwegian bokmål.
  PangoFontMap* fm = pango_cairo_font_map_new();
  g_ctx = pango_font_map_create_context(fm);
  pango_cairo_context_set_resolution(g_ctx, 72);
  cairo_font_options_t* fo = cairo_font_options_create();
  cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options(g_ctx, fo);
  cairo_font_options_destroy(fo);
  pango_context_set_round_glyph_positions(g_ctx, FALSE);
  pango_context_set_language(g_ctx, pango_language_from_string("nb"));

  int toc_pages = count_toc_pages(blocks);
  Document doc(2 + toc_pages);  // cover is page 1, the contents follow
  try {
    for (const auto& b : blocks) {
      const std::string kind = b["kind"];
      if (kind == "heading") doc.heading(b["level"], b["text"]);
      else if (kind == "para") doc.para(b["text"]);
      else if (kind == "table") doc.table(b);
      else if (kind == "chart") doc.chart(b);
      else throw std::runtime_error("unknown block kind '" + kind + "'");
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "baseline: %s: %s\n", argv[1], e.what());
    return 1;
  }
  if (!doc.write(argv[2], toc_pages)) {
    std::fprintf(stderr, "baseline: cannot write %s\n", argv[2]);
    return 1;
  }
  g_object_unref(g_ctx);
  g_object_unref(fm);
  return 0;
}
