package cn.liaocheng.strongtown.dashboard.selection;

import java.util.Map;

/** An application assigned to the signed-in expert, with which of the round's stages they have submitted. */
public record ReviewTask(Application application, Map<ReviewStage, Boolean> submitted) {
}
