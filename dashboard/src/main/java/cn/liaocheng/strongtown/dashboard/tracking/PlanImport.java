package cn.liaocheng.strongtown.dashboard.tracking;

import cn.liaocheng.strongtown.collection.ValidationReport;

/**
 * The outcome of a plan workbook import: the validation report (errors and warnings, downloadable as CSV) and the
 * new plan version, null when the workbook was rejected and nothing was saved.
 */
public record PlanImport(ValidationReport report, Integer version) {

    static PlanImport rejected(ValidationReport report) {
        return new PlanImport(report, null);
    }

    public boolean accepted() {
        return version != null;
    }
}
