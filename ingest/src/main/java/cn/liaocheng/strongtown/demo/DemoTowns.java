package cn.liaocheng.strongtown.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import cn.liaocheng.strongtown.town.Town;
import cn.liaocheng.strongtown.town.TownType;

/** Draws each town's hidden traits and the designated cohorts (about 10 towns a year). */
final class DemoTowns {

    static final int[] COHORT_YEARS = {2023, 2024, 2025};
    static final int COHORT_SIZE = 10;
    static final int MAX_PER_COUNTY = 2;

    private DemoTowns() {
    }

    static List<TownProfile> draw(List<Town> towns, DemoSpec spec) {
        SplittableRandom rng = new SplittableRandom(spec.seed());
        Map<String, Double> countyEffect = new HashMap<>();
        towns.stream().map(Town::countyCode).distinct().sorted()
                .forEach(c -> countyEffect.put(c, 0.2 * rng.nextGaussian()));
        List<TownProfile> profiles = new ArrayList<>();
        Map<String, Double> selectionScore = new HashMap<>();
        for (int i = 0; i < towns.size(); i++) {
            Town town = towns.get(i);
            double quality = rng.nextGaussian();
            double county = countyEffect.get(town.countyCode());
            double size = Math.exp(0.45 * quality + county + typeEffect(town.type()));
            double growthShift = 0.015 * rng.nextGaussian() + 0.005 * quality;
            profiles.add(new TownProfile(town, i, quality, size, growthShift, 0));
            selectionScore.put(town.code(), quality + 0.3 * county / 0.2 + 0.5 * rng.nextGaussian());
        }
        return designateCohorts(profiles, selectionScore, spec);
    }

    private static double typeEffect(TownType type) {
        return switch (type) {
            case SUBDISTRICT -> 0.35;
            case TOWN -> 0.0;
            case TOWNSHIP -> -0.35;
            case OTHER -> -0.5;
        };
    }

    /** Best selection scores first, at most two per county per year, each town designated once. */
    private static List<TownProfile> designateCohorts(List<TownProfile> profiles, Map<String, Double> score,
                                                      DemoSpec spec) {
        Map<String, Integer> designated = new HashMap<>();
        List<TownProfile> candidates = profiles.stream()
                .filter(p -> p.town().type() != TownType.OTHER)
                .sorted(Comparator.comparingDouble((TownProfile p) -> -score.get(p.town().code())))
                .toList();
        for (int year : COHORT_YEARS) {
            if (year < spec.firstYear() || year > spec.lastYear()) {
                continue;
            }
            Map<String, Integer> perCounty = new HashMap<>();
            int chosen = 0;
            for (TownProfile p : candidates) {
                if (chosen == COHORT_SIZE) {
                    break;
                }
                String county = p.town().countyCode();
                if (!designated.containsKey(p.town().code()) && perCounty.getOrDefault(county, 0) < MAX_PER_COUNTY) {
                    designated.put(p.town().code(), year);
                    perCounty.merge(county, 1, Integer::sum);
                    chosen++;
                }
            }
        }
        return profiles.stream().map(p -> new TownProfile(p.town(), p.index(), p.quality(), p.size(),
                p.growthShift(), designated.getOrDefault(p.town().code(), 0))).toList();
    }
}
