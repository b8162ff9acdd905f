package cn.liaocheng.strongtown.dashboard.selection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.liaocheng.strongtown.dashboard.selection.Ranking.Ranked;

/**
 * Draws the proposed list: the best-ranked candidates, in rank order, up to the quota, passing over a
 * candidate whose county has reached its cap; and finds the next in line (递补) when one is removed.
 */
public final class ProposedList {

    private ProposedList() {
    }

    /**
     * @param excluded applications that may not be on the list (removed, disqualified)
     * @return the application ids on the list, in rank order
     */
    public static List<Long> draw(List<Ranked> ranked, int quota, Integer countyCap, Set<Long> excluded) {
        List<Long> chosen = new ArrayList<>();
        Map<String, Integer> perCounty = new HashMap<>();
        for (Ranked r : ranked) {
            if (chosen.size() >= quota) {
                break;
            }
            Candidate c = r.candidate();
            if (excluded.contains(c.applicationId())) {
                continue;
            }
            if (countyCap != null && perCounty.getOrDefault(c.countyCode(), 0) >= countyCap) {
                continue;
            }
            chosen.add(c.applicationId());
            perCounty.merge(c.countyCode(), 1, Integer::sum);
        }
        return chosen;
    }

    /**
     * The candidate that moves up (递补) after {@code removed} leaves a list of {@code current}: the best
     * ranked one not on the list, not excluded, whose county stays within the cap; empty if none.
     */
    public static Optional<Long> substitute(List<Ranked> ranked, List<Long> current, long removed,
                                            Integer countyCap, Set<Long> excluded) {
        List<Long> remaining = current.stream().filter(id -> id != removed).toList();
        Map<String, Integer> perCounty = new HashMap<>();
        for (Ranked r : ranked) {
            if (remaining.contains(r.candidate().applicationId())) {
                perCounty.merge(r.candidate().countyCode(), 1, Integer::sum);
            }
        }
        for (Ranked r : ranked) {
            Candidate c = r.candidate();
            if (c.applicationId() == removed || remaining.contains(c.applicationId()) || excluded.contains(c.applicationId())) {
                continue;
            }
            if (countyCap != null && perCounty.getOrDefault(c.countyCode(), 0) >= countyCap) {
                continue;
            }
            return Optional.of(c.applicationId());
        }
        return Optional.empty();
    }
}
