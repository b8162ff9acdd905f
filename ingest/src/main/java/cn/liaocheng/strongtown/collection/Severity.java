package cn.liaocheng.strongtown.collection;

/** How serious a finding is: any error rejects the whole upload; warnings are reported and accepted. */
public enum Severity {
    ERROR("错误"),
    WARNING("警告");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The Chinese label used in reports. */
    public String label() {
        return label;
    }
}
