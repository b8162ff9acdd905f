package cn.liaocheng.strongtown.dashboard.selection;

import java.util.List;
import java.util.Map;

/** An expert's sheet for one application and stage: the criteria, the points given, and whether it is submitted. */
public record ScoreSheet(long applicationId, String reviewer, ReviewStage stage, List<Criterion> criteria,
                         Map<Integer, Double> points, String comment, boolean submitted, Double score) {
}
