package cn.liaocheng.strongtown.dashboard.report;

/** A designated town a report can be written for. */
public record ReportTown(String code, String name, String countyCode, String countyName, int designatedIn) {
}
