package cn.liaocheng.strongtown.dashboard.methodology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogLoader;
import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.catalog.Dimension;
import cn.liaocheng.strongtown.lake.DataDir;

/** A snapshot scored with two catalog versions: every year reads back the version that scored it. */
class PublishedCatalogTest {

    private static final Catalog V1 = CatalogRepository.load(DataDir.locate().resolve("catalog")).newest();

    /** Version 2 from 2022: strength weighs 0.25 and services 0.05. */
    private static Catalog v2() {
        List<Dimension> dimensions = V1.dimensions().stream().map(d -> new Dimension(d.id(), d.name(),
                Map.of("strength", 0.25, "services", 0.05).getOrDefault(d.id(), d.weight()), d.aggregation(), d.parent()))
                .toList();
        return new Catalog(V1.id(), "2022.1", 2022, V1.name(), V1.normalisationWindowYears(), V1.levels(), V1.growth(),
                V1.groups(), dimensions, V1.indicators(), V1.inputs(), V1.bands(), V1.quality(), V1.peers(), V1.ranking(),
                V1.geometricFloor());
    }

    @Test
    void eachYearReadsTheVersionThatScoredIt() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = json.createObjectNode();
        ObjectNode first = manifest.putArray("catalogs").addObject();
        first.put("version", V1.version());
        first.putNull("first_year");
        first.put("last_year", 2021);
        first.set("catalog", CatalogLoader.toJson(V1));
        ObjectNode second = manifest.withArray("catalogs").addObject();
        second.put("version", "2022.1");
        second.put("first_year", 2022);
        second.putNull("last_year");
        second.set("catalog", CatalogLoader.toJson(v2()));

        List<PublishedCatalog.Version> versions = PublishedCatalog.of(manifest);
        assertThat(versions).hasSize(2);
        assertThat(versions.stream().filter(v -> v.covers(2021)).findFirst().orElseThrow().catalog()).isEqualTo(V1);
        Catalog in2023 = versions.stream().filter(v -> v.covers(2023)).findFirst().orElseThrow().catalog();
        assertThat(in2023.version()).isEqualTo("2022.1");
        assertThat(in2023.dimension("strength").orElseThrow().weight()).isEqualTo(0.25);
        assertThat(versions.get(0).covers(2010)).as("the oldest version takes earlier years").isTrue();
    }

    @Test
    void aManifestWithoutCatalogsPublishesNone() {
        assertThat(PublishedCatalog.of(new ObjectMapper().createObjectNode())).isEmpty();
    }
}
