package cn.liaocheng.strongtown.dashboard.tracking;

/** Everything the page of one designated town shows. */
public record TownTracking(TrackedTown town, PlanCompletion completion, EffectEstimate effect, EventStudy eventStudy,
                           String item, boolean mayEditPlan) {
}
