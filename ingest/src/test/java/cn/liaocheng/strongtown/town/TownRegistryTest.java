package cn.liaocheng.strongtown.town;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.lake.DataDir;

class TownRegistryTest {

    private final TownRegistry registry = TownRegistry.load(DataDir.locate().resolve("reference"));

    @Test
    void loadsAllTownsAndCounties() {
        assertThat(registry.towns()).hasSize(136);
        assertThat(registry.counties()).hasSize(8);
        assertThat(registry.towns()).allSatisfy(t -> assertThat(t.code()).matches("3715\\d{8}"));
        assertThat(registry.towns().stream().filter(t -> t.type() == TownType.SUBDISTRICT)).hasSize(32);
        assertThat(registry.county("371524").residentPopulation10k()).isEqualTo(34.0);
        assertThat(registry.county("371524").populationYear()).isEqualTo(2023);
    }

    @Test
    void resolvesCodesNamesAndCurrentAliases() {
        assertThat(registry.resolve("371521113000", null).name()).isEqualTo("郭店屯镇");
        assertThat(registry.resolve("郭屯镇", null).code()).isEqualTo("371521113000");
        assertThat(registry.resolve(" 张鲁回族镇 ", "莘县").code()).isEqualTo("371522101000");
        assertThat(registry.resolve("万善镇", "371525").name()).isEqualTo("万善乡");
    }

    @Test
    void unknownTownIsAnErrorThatNamesIt() {
        assertThatThrownBy(() -> registry.resolve("九州街道", "东昌府区"))
                .isInstanceOf(UnknownTownException.class).hasMessageContaining("九州街道").hasMessageContaining("东昌府区");
        assertThatThrownBy(() -> registry.byCode("371599999000"))
                .isInstanceOf(UnknownTownException.class).hasMessageContaining("371599999000");
        assertThatThrownBy(() -> registry.resolve("古楼街道", "莘县")).isInstanceOf(UnknownTownException.class);
    }

    @Test
    void nameSharedByTwoCountiesNeedsTheCounty() {
        TownRegistry twins = new TownRegistry(List.of(
                new Town("371502101000", "同名镇", "371502", "东昌府区", TownType.TOWN, List.of()),
                new Town("371522101000", "同名镇", "371522", "莘县", TownType.TOWN, List.of())), List.of());
        assertThatThrownBy(() -> twins.resolve("同名镇", null)).hasMessageContaining("不唯一");
        assertThat(twins.resolve("同名镇", "莘县").code()).isEqualTo("371522101000");
    }
}
