package cn.liaocheng.strongtown.dashboard.methodology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.liaocheng.strongtown.catalog.Bilingual;
import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogLoader;
import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.catalog.Dimension;
import cn.liaocheng.strongtown.catalog.Indicator;
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
    void anItemKeepsTheNameOfTheNewestVersionThatHasIt() {
        Indicator first = V1.indicators().get(0);
        Indicator renamed = new Indicator(first.id(), first.dimension(), new Bilingual("新名称", "New name"), first.unit(),
                first.help(), first.source(), first.derivation(), first.direction(), first.weight(), first.growth(),
                first.transform(), first.winsorise(), first.normalise(), first.validRange(), first.crosscheck());
        Indicator dropped = V1.indicators().get(1);
        List<Indicator> indicators = new java.util.ArrayList<>(V1.indicators());
        indicators.set(0, renamed);
        indicators.remove(dropped);
        Catalog v2 = v2();
        Catalog later = new Catalog(v2.id(), v2.version(), v2.appliesFromYear(), v2.name(), v2.normalisationWindowYears(),
                v2.levels(), v2.growth(), v2.groups(), v2.dimensions(), indicators, v2.inputs(), v2.bands(), v2.quality(),
                v2.peers(), v2.ranking(), v2.geometricFloor());
        List<Catalog> oldestFirst = List.of(V1, later);

        assertThat(PublishedCatalog.nameIn(oldestFirst, first.id(), Locale.CHINA)).contains("新名称");
        assertThat(PublishedCatalog.nameIn(oldestFirst, first.id(), Locale.ENGLISH)).contains("New name");
        assertThat(PublishedCatalog.nameIn(oldestFirst, dropped.id(), Locale.CHINA))
                .as("an indicator the later version dropped keeps its old name").contains(dropped.name().zh());
        assertThat(PublishedCatalog.nameIn(oldestFirst, "strength", Locale.CHINA)).contains("综合实力");
        assertThat(PublishedCatalog.nameIn(oldestFirst, V1.inputs().get(0).id(), Locale.CHINA))
                .contains(V1.inputs().get(0).name().zh());
        assertThat(PublishedCatalog.nameIn(oldestFirst, "no_such_item", Locale.CHINA)).isEmpty();
    }

    @Test
    void aManifestWithoutCatalogsPublishesNone() {
        assertThat(PublishedCatalog.of(new ObjectMapper().createObjectNode())).isEmpty();
    }
}
