package cn.liaocheng.strongtown.methodology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.lake.DataDir;

class MethodologyTest {

    private static final Catalog CATALOG = CatalogRepository.load(DataDir.locate().resolve("catalog")).newest();

    private static String text(MethodologyDocument doc) {
        return doc.title() + "\n" + doc.sections().stream().map(s -> s.heading() + "\n" + String.join("\n", s.paragraphs())
                + "\n" + s.table().stream().map(r -> String.join("|", r)).collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void statesTheCatalogsActualSettingsInChinese() {
        MethodologyDocument doc = Methodology.of(CATALOG, Locale.SIMPLIFIED_CHINESE);
        String text = text(doc);
        assertThat(doc.sections()).hasSize(10);
        assertThat(text).contains("最近 5 年").contains("70.0% × 现状得分").contains("30.0% × 增长得分")
                .contains("综合实力 20.0%").contains("领先 ≥ 70.0").contains("1,000 次").contains("±25.0%")
                .contains("民营企业贷款余额 ↔ private_loans (±30.0%)")
                .contains("自 " + CATALOG.appliesFromYear() + " 年起适用");
        MethodologyDocument.Section indicators = doc.sections().get(2);
        assertThat(indicators.table()).hasSize(CATALOG.indicators().size() + 1);
        assertThat(indicators.table()).anySatisfy(row -> assertThat(row).contains("单位GDP能耗", "逆向"));
    }

    @Test
    void englishIsCompleteAndFreeOfChinese() {
        String text = text(Methodology.of(CATALOG, Locale.ENGLISH));
        assertThat(text).contains("last 5 years").contains("Lower is better").doesNotContainPattern("\\p{IsHan}");
        assertThat(text).contains("at least 75.0% of the weight").contains("equal to 1 decimal(s) share the rank");
    }

    @Test
    void statesTheCoverageRuleAndTheRankPrecision() {
        String text = text(Methodology.of(CATALOG, Locale.SIMPLIFIED_CHINESE));
        assertThat(text).contains("综合得分要求至少 75.0% 的权重有数据").contains("数据不足")
                .contains("得分保留 1 位小数后相同者名次并列（如 1、2、2、4）");
    }

    @Test
    void bothLanguagesHaveTheSameKeys() {
        ResourceBundle.Control plain = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        String name = "cn.liaocheng.strongtown.methodology.methodology";
        assertThat(ResourceBundle.getBundle(name, Locale.ROOT, plain).keySet())
                .containsExactlyInAnyOrderElementsOf(ResourceBundle.getBundle(name, Locale.ENGLISH, plain).keySet());
    }
}
