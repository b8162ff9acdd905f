package cn.liaocheng.strongtown.dashboard.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.lake.DataDir;
import cn.liaocheng.strongtown.town.TownRegistry;

class TileMapLayoutTest {

    private static final Path REFERENCE = DataDir.locate().resolve("reference");

    private static TileMapLayout.Layout layout() {
        List<TownTile> tiles = TownRegistry.load(REFERENCE).towns().stream()
                .map(t -> new TownTile(t.code(), t.name(), t.countyCode(), t.countyName(), 50.0, 1)).toList();
        return TileMapLayout.of(tiles);
    }

    @Test
    void placesAll136TownsOnDistinctTilesInsideTheGrid() {
        TileMapLayout.Layout layout = layout();
        assertThat(layout.tiles()).hasSize(136);
        assertThat(layout.labels()).hasSize(8);
        assertDistinctTilesInsideTheGrid(layout);
    }

    /** A province-scale snapshot: 120 counties the city's map does not know, one of them larger than a block's rows. */
    @Test
    void laysOutAProvinceOfUnknownCountiesWithoutOverlap() {
        List<TownTile> tiles = new ArrayList<>();
        for (int county = 0; county < 120; county++) {
            int towns = county == 7 ? 31 : 15;
            for (int town = 0; town < towns; town++) {
                String countyCode = String.valueOf(990001 + county);
                tiles.add(new TownTile(countyCode + String.format("%03d", town), "镇" + town, countyCode, "县" + county,
                        50.0, 1));
            }
        }
        TileMapLayout.Layout layout = TileMapLayout.of(tiles);
        assertThat(layout.tiles()).hasSize(120 * 15 + 16);
        assertThat(layout.labels()).hasSize(120);
        assertDistinctTilesInsideTheGrid(layout);
    }

    private static void assertDistinctTilesInsideTheGrid(TileMapLayout.Layout layout) {
        Set<String> cells = new HashSet<>();
        for (TileMapLayout.Placed p : layout.tiles()) {
            assertThat(cells.add(p.x() + "," + p.y())).as(p.town().townName()).isTrue();
            assertThat(p.x()).isBetween(0, layout.columns());
            assertThat(p.y()).isBetween(0, layout.rows());
        }
        Set<String> labelCells = new HashSet<>();
        for (TileMapLayout.Label l : layout.labels()) {
            assertThat(cells).as(l.countyName()).doesNotContain(l.x() + "," + l.y());
            assertThat(labelCells.add(l.x() + "," + l.y())).as(l.countyName()).isTrue();
            assertThat(l.x()).isBetween(0, layout.columns());
            assertThat(l.y()).isBetween(0, layout.rows());
        }
    }

    @Test
    void countyBlocksLieRoughlyAsTheCountiesDo() {
        Map<String, double[]> centre = layout().tiles().stream().collect(Collectors.groupingBy(
                p -> p.town().countyName(), Collectors.collectingAndThen(Collectors.toList(), list -> new double[] {
                        list.stream().mapToInt(TileMapLayout.Placed::x).average().orElseThrow(),
                        list.stream().mapToInt(TileMapLayout.Placed::y).average().orElseThrow()})));
        double[] dongchangfu = centre.get("东昌府区");
        assertThat(centre.get("临清市")[0]).as("临清 west of 东昌府").isLessThan(dongchangfu[0]);
        assertThat(centre.get("临清市")[1]).as("临清 north of 东昌府").isLessThan(dongchangfu[1]);
        assertThat(centre.get("高唐县")[0]).as("高唐 east").isGreaterThan(dongchangfu[0]);
        assertThat(centre.get("高唐县")[1]).as("高唐 north").isLessThan(dongchangfu[1]);
        assertThat(centre.get("冠县")[0]).as("冠县 west").isLessThan(dongchangfu[0]);
        assertThat(centre.get("茌平区")[0]).as("茌平 east").isGreaterThan(dongchangfu[0]);
        assertThat(centre.get("莘县")[0]).as("莘县 west").isLessThan(dongchangfu[0]);
        assertThat(centre.get("莘县")[1]).as("莘县 south").isGreaterThan(dongchangfu[1]);
        assertThat(centre.get("阳谷县")[1]).as("阳谷 south").isGreaterThan(dongchangfu[1]);
        assertThat(centre.get("东阿县")[0]).as("东阿 east").isGreaterThan(dongchangfu[0]);
        assertThat(centre.get("东阿县")[1]).as("东阿 south").isGreaterThan(dongchangfu[1]);
    }
}
