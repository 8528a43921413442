// The images of a document are decoded once each, in reading order, within one pixel budget
// for the whole document.
#include <gtest/gtest.h>

#include <cairo.h>

#include "layout/image_store.hpp"

namespace sats {
namespace {

/// The bytes of a `width` × `height` PNG file.
std::string png(int width, int height) {
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    std::string bytes;
    cairo_surface_write_to_png_stream(
        surface,
        [](void* closure, const unsigned char* data, unsigned int length) {
            static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
            return CAIRO_STATUS_SUCCESS;
        },
        &bytes);
    cairo_surface_destroy(surface);
    return bytes;
}

/// A document with one chapter whose image blocks show `paths` in this order, each on its own line.
ResolvedDocument document_showing(const std::vector<std::string>& paths) {
    ResolvedDocument document;
    document.chapters.push_back({"k.md", {}});
    int line = 1;
    for (const auto& path : paths) {
        Numbered<Image> image;
        image.path = path;
        document.chapters[0].blocks.push_back({image, {}, {"k.md", line++, 1}});
    }
    return document;
}

TEST(ImageStore, EachFileIsCountedOnceAndTheBudgetStopsAtTheImageThatPassesIt) {
    MemoryEnvironment env;
    env.add_file("p/a.png", png(20, 20));  // 400 pixels
    env.add_file("p/b.png", png(20, 20));
    env.add_file("p/c.png", png(20, 20));
    env.add_file("p/logo.png", png(10, 10));  // 100 pixels
    Diagnostics d;
    // logo 100 + a 400 + b 400 = 900; a again costs nothing; c would make 1 300 > 1 000.
    const ImageStore images(env, "p", "logo.png", {"p/report.toml"}, document_showing({"a.png", "b.png", "a.png", "c.png", "c.png"}),
                            d, 1000);
    ASSERT_EQ(2u, d.all().size());
    for (const int line : {4, 5}) {
        const auto& error = d.all()[static_cast<std::size_t>(line - 4)];
        EXPECT_EQ(line, error.where.line);
        EXPECT_EQ("image 'c.png' would take the images of this document past 1000 pixels together; make the images smaller "
                  "(150 dpi at their printed size is enough)",
                  error.message);
    }
    ASSERT_TRUE(images.find("a.png"));
    EXPECT_EQ(20, images.find("a.png")->width);
    EXPECT_TRUE(images.find("b.png"));
    EXPECT_TRUE(images.find("logo.png"));
    EXPECT_FALSE(images.find("c.png"));
}

TEST(ImageStore, AMissingImageIsReportedAtEveryUse) {
    MemoryEnvironment env;
    Diagnostics d;
    const ImageStore images(env, "p", "", {}, document_showing({"borte.png", "borte.png"}), d);
    ASSERT_EQ(2u, d.all().size());
    EXPECT_EQ(1, d.all()[0].where.line);
    EXPECT_EQ(2, d.all()[1].where.line);
    EXPECT_NE(std::string::npos, d.all()[0].message.find("borte.png")) << d.all()[0].message;
    EXPECT_FALSE(images.find("borte.png"));
}

}  // namespace
}  // namespace sats
