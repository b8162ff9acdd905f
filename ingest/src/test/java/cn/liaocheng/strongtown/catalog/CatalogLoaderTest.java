package cn.liaocheng.strongtown.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.lake.DataDir;

class CatalogLoaderTest {

    private static final Path CATALOG_DIR = DataDir.locate().resolve("catalog");

    private static String projectCatalogText() throws IOException {
        return Files.readString(CATALOG_DIR.resolve("strong-town-2016.1.yaml"));
    }

    private static Catalog parse(String yaml) {
        return CatalogLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    @Test
    void loadsTheProjectCatalog() {
        Catalog catalog = CatalogRepository.load(CATALOG_DIR).forYear(2025);
        assertThat(catalog.dimensions()).extracting(Dimension::id)
                .containsExactly("strength", "potential", "innovation", "environment", "finance", "services");
        assertThat(catalog.indicators()).hasSizeBetween(30, 42);
        assertThat(catalog.indicator("energy_per_gdp").orElseThrow().lowerIsBetter()).isTrue();
        assertThat(catalog.indicator("private_entities").orElseThrow().unit().zh()).isEqualTo("户");
        assertThat(catalog.dimension("strength").orElseThrow().name().zh()).isEqualTo("综合实力");
    }

    @Test
    void yearBeforeEveryVersionIsAnError() {
        assertThatThrownBy(() -> CatalogRepository.load(CATALOG_DIR).forYear(2010))
                .isInstanceOf(CatalogException.class).hasMessageContaining("2010");
    }

    @Test
    void weightsThatDoNotSumAreAnError() throws IOException {
        // three dimensions weighted 0.20 become 0.25: the sum is 1.15
        String broken = projectCatalogText().replace("weight: 0.20}", "weight: 0.25}");
        assertThatThrownBy(() -> parse(broken)).isInstanceOf(CatalogException.class)
                .hasMessageContaining("各维度权重之和为 1.1500");
    }

    @Test
    void indicatorWeightsWithinADimensionMustSum() throws IOException {
        String broken = projectCatalogText().replaceFirst("weight: 0.15\n", "weight: 0.35\n");
        assertThatThrownBy(() -> parse(broken)).hasMessageContaining("维度“strength”内指标权重之和为 1.2000");
    }

    @Test
    void unknownMethodsAreNamed() throws IOException {
        String broken = projectCatalogText().replaceFirst("normalise: \\{method: minmax}", "normalise: {method: magic}")
                .replaceFirst("transform: none", "transform: sqrt").replace("composite: arithmetic", "composite: harmonic");
        CatalogException e = (CatalogException) org.junit.jupiter.api.Assertions.assertThrows(CatalogException.class,
                () -> parse(broken));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("magic"))
                .anySatisfy(p -> assertThat(p).contains("sqrt"))
                .anySatisfy(p -> assertThat(p).contains("harmonic"));
    }

    @Test
    void duplicateIdsAndUnknownDimensionsAreErrors() throws IOException {
        String broken = projectCatalogText().replace("id: gazelle_firms", "id: srdi_firms")
                .replace("dimension: services", "dimension: culture");
        assertThatThrownBy(() -> parse(broken)).hasMessageContaining("编号“srdi_firms”重复出现 2 次")
                .hasMessageContaining("所属维度“culture”不存在");
    }

    @Test
    void derivedIndicatorMustReferToKnownItems() throws IOException {
        String broken = projectCatalogText().replace("numerator: rd_spend", "numerator: rd_spending");
        assertThatThrownBy(() -> parse(broken)).hasMessageContaining("rd_spending");
    }

    @Test
    void syntaxErrorsAndUnknownFieldsGiveTheLine() throws IOException {
        assertThatThrownBy(() -> parse("id: x\nversion: [unclosed\n")).isInstanceOf(CatalogException.class)
                .hasMessageContaining("第 ");
        assertThatThrownBy(() -> parse(projectCatalogText() + "surprise: 1\n")).hasMessageContaining("surprise");
    }

    @Test
    void missingFieldsAreNamed() {
        assertThatThrownBy(() -> parse("id: x\n")).isInstanceOf(CatalogException.class)
                .hasMessageContaining("缺少 version").hasMessageContaining("applies_from_year");
    }

    /** Two dimensions of one indicator each, the composite's aggregation and the outputs as given. */
    private static String twoIndicatorCatalog(String composite, String outputA, String outputB, String extra) {
        return """
                id: t
                version: "1"
                applies_from_year: 2020
                name: {zh: 测试, en: Test}
                normalisation_window_years: 1
                levels: {composite: %s, dimension: arithmetic}
                dimensions:
                  - {id: a, name: {zh: 甲, en: A}, weight: 0.5}
                  - {id: b, name: {zh: 乙, en: B}, weight: 0.5}
                indicators:
                  - {id: x, dimension: a, name: {zh: 甲, en: X}, unit: {zh: 个, en: n}, source: declared, direction: higher,
                     weight: 1.0, growth: false, transform: none, normalise: {method: minmax, output: %s}, valid_range: [0, 9]}
                  - {id: y, dimension: b, name: {zh: 乙, en: Y}, unit: {zh: 个, en: n}, source: declared, direction: higher,
                     weight: 1.0, growth: false, transform: none, normalise: {method: minmax, output: %s}, valid_range: [0, 9]}
                %s
                """.formatted(composite, outputA, outputB, extra);
    }

    @Test
    void geometricFloorScalesWithTheOutputRange() {
        assertThat(parse(twoIndicatorCatalog("geometric", "[0, 1]", "[0, 1]", "")).geometricFloorValue())
                .isEqualTo(0.01);
        assertThat(parse(twoIndicatorCatalog("geometric", "[0, 100]", "[0, 100]", "")).geometricFloorValue())
                .isEqualTo(1.0);
        assertThat(parse(twoIndicatorCatalog("geometric", "[0, 1]", "[0, 1]", "geometric_floor: 0.05"))
                .geometricFloorValue()).isEqualTo(0.05);
    }

    @Test
    void geometricMeanThatCannotBeComputedIsRejectedNamingTheField() {
        assertThatThrownBy(() -> parse(twoIndicatorCatalog("geometric", "[0, 1]", "[0, 100]", "")))
                .isInstanceOf(CatalogException.class).hasMessageContaining("geometric_floor（几何平均下限）")
                .hasMessageContaining("normalise.output");
        assertThatThrownBy(() -> parse(twoIndicatorCatalog("geometric", "[-2, -1]", "[-2, -1]", "")))
                .hasMessageContaining("normalise.output 的上限");
        assertThatThrownBy(() -> parse(twoIndicatorCatalog("geometric", "[0, 1]", "[0, 1]", "geometric_floor: 2")))
                .hasMessageContaining("geometric_floor（几何平均下限）应大于 0 且小于");
        // arithmetic means mix any ranges
        assertThat(parse(twoIndicatorCatalog("arithmetic", "[0, 1]", "[0, 100]", "")).usesGeometricMean()).isFalse();
    }

    @Test
    void rankingDefaultsToTheShownPrecisionAndThreeQuartersCoverage() {
        Catalog catalog = parse(twoIndicatorCatalog("arithmetic", "[0, 100]", "[0, 100]", ""));
        assertThat(catalog.ranking().rankDecimals()).isEqualTo(1);
        assertThat(catalog.ranking().minCoverage("composite")).isEqualTo(0.75);
        assertThat(catalog.ranking().minCoverage("dimension")).isEqualTo(0.0);
    }

    @Test
    void rankingSettingsOutsideTheirRangeAreNamed() {
        assertThatThrownBy(() -> parse(twoIndicatorCatalog("arithmetic", "[0, 100]", "[0, 100]",
                "ranking: {decimals: 9, min_coverage: {composite: 1.5, county: 0.5}}")))
                .hasMessageContaining("ranking.decimals（排名精度）")
                .hasMessageContaining("ranking.min_coverage.composite（最低数据覆盖率）")
                .hasMessageContaining("“county”未知");
    }

    @Test
    void aPublishedCatalogReadsBackAsTheSameCatalog() {
        Catalog catalog = CatalogRepository.load(CATALOG_DIR).newest();
        assertThat(CatalogLoader.fromJson(CatalogLoader.toJson(catalog), "snapshot")).isEqualTo(catalog);
        Catalog geometric = parse(twoIndicatorCatalog("geometric", "[0, 1]", "[0, 1]",
                "ranking: {decimals: 2, min_coverage: {composite: 0.5}}\ngeometric_floor: 0.05"));
        assertThat(CatalogLoader.fromJson(CatalogLoader.toJson(geometric), "snapshot")).isEqualTo(geometric);
    }
}
