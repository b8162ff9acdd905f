package cn.liaocheng.strongtown.dashboard.methodology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.dashboard.SignedInAnalystTest;

/** The test lake's snapshot publishes the catalog it was scored with, and the dashboard reads it from there. */
class PublishedCatalogLakeTest extends SignedInAnalystTest {

    @Autowired
    PublishedCatalog published;
    @Autowired
    CatalogRepository files;

    @Test
    void theSnapshotPublishesTheCatalogItWasScoredWith() {
        assertThat(PublishedCatalog.of(marts.manifest())).singleElement()
                .satisfies(v -> assertThat(v.catalog()).isEqualTo(files.newest()));
        assertThat(published.forYear(year)).isEqualTo(files.newest());
        assertThat(marts.manifest().path("catalog_version").asText()).isEqualTo(files.newest().version());
    }
}
