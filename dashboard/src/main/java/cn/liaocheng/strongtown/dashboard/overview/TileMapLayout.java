package cn.liaocheng.strongtown.dashboard.overview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schematic tile map (DESIGN §5): each county a block of tiles, the blocks placed roughly as
 * the counties lie — 临清 north-west, 高唐 north-east, 冠县 west, 东昌府 centre, 茌平 east,
 * 莘县 south-west, 阳谷 south, 东阿 south-east. Row 0 is the north; each block has a label row.
 */
public final class TileMapLayout {

    /** Tiles per block row. */
    public static final int BLOCK_COLUMNS = 5;
    /** Block pitch: five tiles plus a gap. */
    public static final int BLOCK_WIDTH = BLOCK_COLUMNS + 1;
    /** Block pitch: a label row, up to five tile rows, a gap. */
    public static final int BLOCK_HEIGHT = 7;

    /** County code → (column, row) of its block, north-west at (0, 0). */
    static final Map<String, int[]> BLOCKS = Map.of(
            "371581", new int[] {0, 0},   // 临清市 north-west
            "371526", new int[] {2, 0},   // 高唐县 north-east
            "371525", new int[] {0, 1},   // 冠县 west
            "371502", new int[] {1, 1},   // 东昌府区 centre
            "371503", new int[] {2, 1},   // 茌平区 east
            "371522", new int[] {0, 2},   // 莘县 south-west
            "371521", new int[] {1, 2},   // 阳谷县 south
            "371524", new int[] {2, 2});  // 东阿县 south-east

    /** A town's tile: column x (west → east) and row y (north → south). */
    public record Placed(TownTile town, int x, int y) {
    }

    /** A county's label cell above its block. */
    public record Label(String countyCode, String countyName, int x, int y) {
    }

    public record Layout(List<Placed> tiles, List<Label> labels, int columns, int rows) {
    }

    private TileMapLayout() {
    }

    public static Layout of(List<TownTile> towns) {
        Map<String, List<TownTile>> byCounty = new LinkedHashMap<>();
        towns.stream().sorted(Comparator.comparing(TownTile::townCode))
                .forEach(t -> byCounty.computeIfAbsent(t.countyCode(), k -> new ArrayList<>()).add(t));
        List<Placed> placed = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        int spare = 0;
        for (Map.Entry<String, List<TownTile>> county : byCounty.entrySet()) {
            int[] block = BLOCKS.get(county.getKey());
            if (block == null) {
                // A county unknown to the layout (a future functional zone) goes to the free top-centre slot.
                block = new int[] {1, 0};
                if (spare++ > 0) {
                    throw new IllegalStateException("tile map has no place for county " + county.getKey());
                }
            }
            int x0 = block[0] * BLOCK_WIDTH;
            int y0 = block[1] * BLOCK_HEIGHT;
            List<TownTile> list = county.getValue();
            labels.add(new Label(county.getKey(), list.get(0).countyName(), x0 + BLOCK_COLUMNS / 2, y0));
            for (int i = 0; i < list.size(); i++) {
                placed.add(new Placed(list.get(i), x0 + i % BLOCK_COLUMNS, y0 + 1 + i / BLOCK_COLUMNS));
            }
        }
        return new Layout(placed, labels, 3 * BLOCK_WIDTH - 1, 3 * BLOCK_HEIGHT - 1);
    }
}
