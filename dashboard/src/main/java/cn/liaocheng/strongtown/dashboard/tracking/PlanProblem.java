package cn.liaocheng.strongtown.dashboard.tracking;

import java.util.List;

/**
 * One problem of a construction plan, as translation keys so that the screen shows it in the viewer's language.
 *
 * @param row 1-based plan row, 0 for the plan as a whole
 * @param column column key ({@code indicator}, {@code label}, {@code unit}, {@code baselineYear}, {@code baseline},
 *               {@code target}, {@code actual}, {@code responsible}), null for the plan as a whole
 * @param year the plan year of a {@code target} or {@code actual} column, else null
 * @param reason translation key of the reason ({@code tracking.problem.*})
 * @param args the reason's arguments (years as text, so they are not digit-grouped)
 */
public record PlanProblem(int row, String column, Integer year, String reason, List<Object> args) {

    public PlanProblem {
        args = List.copyOf(args);
    }

    /** Looks a translation key up in the viewer's language: a component's {@code getTranslation}, for instance. */
    @FunctionalInterface
    public interface Translator {
        String translate(String key, Object... args);
    }

    static PlanProblem of(int row, String column, Integer year, String reason, Object... args) {
        return new PlanProblem(row, column, year, reason, List.of(args));
    }

    /** The column's name in the locale, e.g. "2025 年目标" or "Baseline value"; "" for the plan as a whole. */
    public String columnName(Translator i18n) {
        if (column == null) {
            return "";
        }
        return switch (column) {
            case "target" -> i18n.translate("tracking.plan.targetOf", String.valueOf(year));
            case "actual" -> i18n.translate("tracking.plan.actualOf", String.valueOf(year));
            default -> i18n.translate("tracking.plan." + column);
        };
    }

    /** The reason alone, in the locale. */
    public String reasonText(Translator i18n) {
        return i18n.translate(reason, args.toArray());
    }

    /** "Row 2, column “Unit”: …" in the locale. */
    public String text(Translator i18n) {
        if (column == null) {
            return reasonText(i18n);
        }
        return i18n.translate("tracking.problem.at", String.valueOf(row), columnName(i18n),
                reasonText(i18n));
    }
}
