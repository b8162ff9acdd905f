package cn.liaocheng.strongtown.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.engine.SqlEngine;

class SimilarTownsTest {

    /** Town code, cluster and point, fed to the search as rows of {@link SimilarTowns#NEWEST_SQL}. */
    private record Town(String code, int cluster, double[] z) {
    }

    /**
     * The sweep gives exactly what comparing every pair of a cluster gives, ties by code included: points on a coarse
     * grid in the first variable (as a manufacturing share of a few dozen firms is), exact duplicates, three
     * clusters of different sizes, one of them smaller than the list.
     */
    @Test
    void findsTheSameNearestAsComparingEveryPair() {
        Random random = new Random(7);
        List<Town> towns = new ArrayList<>();
        for (int i = 0; i < 900; i++) {
            int cluster = i < 3 ? 3 : 1 + random.nextInt(2);
            double[] z = {Math.floor(random.nextGaussian() * 8) / 8, random.nextGaussian(), random.nextInt(3),
                    random.nextGaussian(), random.nextGaussian()};
            towns.add(new Town("%06d".formatted(random.nextInt(1_000_000)) + i, cluster, z));
        }
        Town twin = towns.get(10);
        towns.add(new Town("dup-b", twin.cluster(), twin.z().clone()));
        towns.add(new Town("dup-a", twin.cluster(), twin.z().clone()));
        int similar = 5;

        List<Object[]> rows = SimilarTowns.of(reader -> towns.forEach(t -> reader.read(row(t))), similar);

        List<String> expected = new ArrayList<>();
        for (Town a : towns.stream().sorted(Comparator.comparing(Town::code)).toList()) {
            List<Town> others = towns.stream().filter(b -> b.cluster() == a.cluster() && !b.code().equals(a.code()))
                    .sorted(Comparator.comparingDouble((Town b) -> SimilarTowns.distance(a.z(), b.z())).thenComparing(Town::code))
                    .limit(similar).toList();
            for (int k = 0; k < others.size(); k++) {
                expected.add(a.code() + " 2025 " + (k + 1) + " " + others.get(k).code() + " "
                        + SimilarTowns.distance(a.z(), others.get(k).z()));
            }
        }
        assertThat(rows).extracting(r -> r[0] + " " + r[1] + " " + r[2] + " " + r[3] + " " + r[4]).containsExactlyElementsOf(expected);
        // equal points: distance 0, the lower code first (digits before letters, as the engines order them)
        assertThat(rows).filteredOn(r -> "dup-a".equals(r[0])).extracting(r -> r[3] + " " + r[4]).startsWith(
                twin.code() + " 0.0", "dup-b 0.0");
        assertThat(rows).filteredOn(r -> towns.get(0).code().equals(r[0])).hasSize(2);
    }

    private static SqlEngine.TypedRow row(Town t) {
        return new SqlEngine.TypedRow() {
            @Override
            public String string(int column) {
                return t.code();
            }

            @Override
            public int integer(int column) {
                return column == 1 ? 2025 : t.cluster();
            }

            @Override
            public double number(int column) {
                return t.z()[column - 3];
            }
        };
    }
}
