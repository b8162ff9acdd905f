package cn.liaocheng.strongtown.dashboard.selection;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a stage's score sheet: what the expert judges and the most points it carries. A round
 * configures its own criteria; a sheet's stage score is its points as a share of the maximum, × 100.
 */
public record Criterion(ReviewStage stage, int position, String name, double maxPoints) {

    public Criterion {
        if (name == null || name.isBlank()) {
            throw new SelectionException("selection.error.criterionName");
        }
        if (!(maxPoints > 0) || maxPoints > 1000) {
            throw new SelectionException("selection.error.criterionPoints", name);
        }
    }

    /**
     * Parses the form's text, one criterion per line or separated by ；/; as {@code 名称:分值}
     * (full-width colon too), e.g. {@code 产业基础:40；特色做法:30；发展规划:30}.
     */
    public static List<Criterion> parse(ReviewStage stage, String text) {
        List<Criterion> criteria = new ArrayList<>();
        if (text == null) {
            return criteria;
        }
        for (String part : text.split("[;；\\n]")) {
            String item = part.strip();
            if (item.isEmpty()) {
                continue;
            }
            String[] nameAndPoints = item.split("[:：]");
            if (nameAndPoints.length != 2) {
                throw new SelectionException("selection.error.criterionFormat", item);
            }
            double points;
            try {
                points = Double.parseDouble(nameAndPoints[1].strip());
            } catch (NumberFormatException e) {
                throw new SelectionException("selection.error.criterionFormat", item);
            }
            criteria.add(new Criterion(stage, criteria.size() + 1, nameAndPoints[0].strip(), points));
        }
        return criteria;
    }

    /** The text {@link #parse} reads back. */
    public static String format(List<Criterion> criteria) {
        StringBuilder text = new StringBuilder();
        for (Criterion c : criteria) {
            if (text.length() > 0) {
                text.append('；');
            }
            text.append(c.name()).append('：').append(c.maxPoints() == Math.rint(c.maxPoints())
                    ? String.valueOf((long) c.maxPoints()) : String.valueOf(c.maxPoints()));
        }
        return text.toString();
    }
}
