package cn.liaocheng.strongtown.dashboard.tracking;

import java.util.List;

/**
 * A town's plan with its completion: rows, plan years, and the newest scored year's score and grade.
 * {@code behindPlan} when that score is below the pass mark (合格).
 */
public record PlanCompletion(ConstructionPlan plan, List<TargetProgress> rows, List<YearCompletion> years,
                             Double latestScore, Grade latestGrade, Integer latestYear, boolean behindPlan) {

    static PlanCompletion none() {
        return new PlanCompletion(null, List.of(), List.of(), null, null, null, false);
    }

    public boolean hasPlan() {
        return plan != null;
    }
}
