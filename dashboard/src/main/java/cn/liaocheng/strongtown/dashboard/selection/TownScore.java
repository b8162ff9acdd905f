package cn.liaocheng.strongtown.dashboard.selection;

import java.util.List;

/** A town's scores and ranks in a round's pinned snapshot, for reviewers and the eligibility check. */
public record TownScore(String townCode, int year, Double composite, Double coverage, Integer rankCity,
                        Integer rankCounty, List<Item> dimensions) {

    /** One dimension: its catalog id, score and city rank. */
    public record Item(String id, Double score, Integer rankCity) {
    }
}
