package cn.liaocheng.strongtown.dashboard.tracking;

import java.util.List;

/**
 * A designated town the overview flags: behind plan (newest completion graded 不合格) and/or with yearly reports
 * overdue ({@code overdueYears}); {@code demoPlan} when the plan is the generated demo plan.
 */
public record PlanAlert(String townCode, String townName, String countyName, int designatedIn, Double completionScore,
                        Grade grade, boolean behindPlan, List<Integer> overdueYears, boolean demoPlan) {

    public PlanAlert {
        overdueYears = List.copyOf(overdueYears);
    }
}
