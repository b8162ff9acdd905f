package cn.liaocheng.strongtown.dashboard.lake;

/**
 * Where the lake stands while the app prepares it.
 *
 * @param messageKey translation key of the current step
 * @param detail untranslated detail (a town name, a snapshot id), may be empty
 */
public record PreparationState(Phase phase, double progress, String messageKey, String detail) {

    public enum Phase { PREPARING, READY, FAILED }

    public boolean ready() {
        return phase == Phase.READY;
    }
}
