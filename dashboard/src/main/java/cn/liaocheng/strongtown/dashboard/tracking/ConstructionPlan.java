package cn.liaocheng.strongtown.dashboard.tracking;

import java.time.Instant;
import java.util.List;

/**
 * A town's construction plan in one version. {@code demo} marks the generated demo plan (synthetic, fixed seed)
 * that is shown for a demo designated town until someone saves a real one; it has version 0.
 */
public record ConstructionPlan(String townCode, int version, String savedBy, Instant savedAt, boolean demo,
                               List<PlanTarget> targets) {

    public ConstructionPlan {
        targets = List.copyOf(targets);
    }
}
