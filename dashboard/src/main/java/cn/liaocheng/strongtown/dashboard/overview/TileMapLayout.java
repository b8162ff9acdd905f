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

    /**
     * The city's counties lie as on the map; any other set of counties (a province-scale snapshot, more than one
     * county the map does not know) is laid out block by block in county-code order, as near a square as fits,
     * because no single schematic places a province's counties.
     */
    public static Layout of(List<TownTile> towns) {
        Map<String, List<TownTile>> byCounty = new LinkedHashMap<>();
        towns.stream().sorted(Comparator.comparing(TownTile::townCode))
                .forEach(t -> byCounty.computeIfAbsent(t.countyCode(), k -> new ArrayList<>()).add(t));
        int largest = byCounty.values().stream().mapToInt(List::size).max().orElse(0);
        // a label row, the tile rows (five at least, so the city's map keeps its shape), a gap
        int blockHeight = 2 + Math.max(5, (largest + BLOCK_COLUMNS - 1) / BLOCK_COLUMNS);
        long unknown = byCounty.keySet().stream().filter(c -> !BLOCKS.containsKey(c)).count();
        Map<String, int[]> blocks = unknown <= 1 ? cityBlocks(byCounty) : gridBlocks(byCounty);
        int blockColumns = blocks.values().stream().mapToInt(b -> b[0] + 1).max().orElse(1);
        int blockRows = blocks.values().stream().mapToInt(b -> b[1] + 1).max().orElse(1);
        List<Placed> placed = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (Map.Entry<String, List<TownTile>> county : byCounty.entrySet()) {
            int[] block = blocks.get(county.getKey());
            int x0 = block[0] * BLOCK_WIDTH;
            int y0 = block[1] * blockHeight;
            List<TownTile> list = county.getValue();
            labels.add(new Label(county.getKey(), list.get(0).countyName(), x0 + BLOCK_COLUMNS / 2, y0));
            for (int i = 0; i < list.size(); i++) {
                placed.add(new Placed(list.get(i), x0 + i % BLOCK_COLUMNS, y0 + 1 + i / BLOCK_COLUMNS));
            }
        }
        return new Layout(placed, labels, Math.max(3, blockColumns) * BLOCK_WIDTH - 1,
                Math.max(3, blockRows) * blockHeight - 1);
    }

    /** The city's map; a county unknown to it (a future functional zone) takes the free top-centre slot. */
    private static Map<String, int[]> cityBlocks(Map<String, List<TownTile>> byCounty) {
        Map<String, int[]> blocks = new LinkedHashMap<>();
        byCounty.keySet().forEach(c -> blocks.put(c, BLOCKS.getOrDefault(c, new int[] {1, 0})));
        return blocks;
    }

    private static Map<String, int[]> gridBlocks(Map<String, List<TownTile>> byCounty) {
        int perRow = (int) Math.ceil(Math.sqrt(byCounty.size()));
        Map<String, int[]> blocks = new LinkedHashMap<>();
        byCounty.keySet().stream().sorted()
                .forEach(c -> blocks.put(c, new int[] {blocks.size() % perRow, blocks.size() / perRow}));
        return blocks;
    }
}
