package cn.liaocheng.strongtown.uncertainty;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogLoader;
import cn.liaocheng.strongtown.lake.DataDir;

/** The catalogs the interval tests draw with. */
final class TestCatalogs {

    private TestCatalogs() {
    }

    /** The real catalog; geometric: both levels geometric and dimensions needing half their weight covered. */
    static Catalog real(String aggregation) throws IOException {
        String text = Files.readString(DataDir.locate().resolve("catalog").resolve("strong-town-2016.1.yaml"));
        if (aggregation.equals("geometric")) {
            text = text.replace("composite: arithmetic", "composite: geometric")
                    .replace("dimension: arithmetic", "dimension: geometric")
                    .replace("min_coverage: {composite: 0.75}", "min_coverage: {composite: 0.75, dimension: 0.5}");
        }
        return CatalogLoader.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), aggregation);
    }
}
