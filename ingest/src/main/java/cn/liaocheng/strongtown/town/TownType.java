package cn.liaocheng.strongtown.town;

/** Kind of township-level unit, as the NBS name suffix gives it. */
public enum TownType {
    SUBDISTRICT("街道"),
    TOWN("镇"),
    TOWNSHIP("乡"),
    OTHER("其他");

    private final String label;

    TownType(String label) {
        this.label = label;
    }

    /** The Chinese label used in the reference files. */
    public String label() {
        return label;
    }

    public static TownType fromLabel(String label) {
        for (TownType type : values()) {
            if (type.label.equals(label)) {
                return type;
            }
        }
        throw new IllegalArgumentException("未知的乡镇类型“" + label + "”（应为 街道、镇、乡 或 其他）");
    }
}
