package cn.liaocheng.strongtown.dashboard.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import cn.liaocheng.strongtown.demo.SyntheticTowns;
import cn.liaocheng.strongtown.town.Town;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * A data folder for the dashboard at province scale: the project's catalog and map reference, and a town list of
 * {@code towns} synthetic towns ({@link SyntheticTowns}: the real towns' names and types under codes 99…, 15 a
 * county) — so that the dashboard's own first start generates and scores a province-scale demo lake.
 * Usage: {@code ProvinceDataDir <project data folder> <target folder> [towns=1800]}.
 */
public final class ProvinceDataDir {

    private ProvinceDataDir() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args[0]);
        Path target = Path.of(args[1]);
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 1800;
        copyTree(data.resolve("catalog"), target.resolve("catalog"));
        copyTree(data.resolve("reference").resolve("geo"), target.resolve("reference").resolve("geo"));
        TownRegistry towns = SyntheticTowns.of(TownRegistry.load(data.resolve("reference")), count);
        StringBuilder csv = new StringBuilder("county_code,county_name,town_code,town_name,town_type,source_edition\n");
        for (Town t : towns.towns()) {
            csv.append(t.countyCode()).append(',').append(t.countyName()).append(',').append(t.code()).append(',')
                    .append(t.name()).append(',').append(t.type().label()).append(",SYNTHETIC\n");
        }
        Path reference = Files.createDirectories(target.resolve("reference"));
        Files.writeString(reference.resolve("liaocheng-towns.csv"), csv, StandardCharsets.UTF_8);
        Files.writeString(reference.resolve("liaocheng-towns-nbs-mca-crosswalk.csv"), "county_code,county_name,"
                + "nbs2023_town_code,nbs2023_town_name,mca_town_code,mca_town_name,note\n", StandardCharsets.UTF_8);
        Files.writeString(reference.resolve("liaocheng-counties.csv"), "county_code,county_name,year,"
                + "resident_population_10k,gdp_100m_yuan,source\n", StandardCharsets.UTF_8);
        TownRegistry check = TownRegistry.load(reference);
        System.out.printf("province data folder %s: %d towns in %d counties%n", target, check.towns().size(),
                check.counties().size());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path dest = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(f, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
