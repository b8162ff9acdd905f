package cn.liaocheng.strongtown.collection.reading;

import java.util.List;


/** The shape of the declaration workbook, shared by the writer and the reader. */
public final class TemplateLayout {

    public static final String DATA_SHEET = "申报数据";
    public static final String INSTRUCTIONS_SHEET = "填报说明";
    /** Row 1: Chinese headers with units. */
    public static final int HEADER_ROW = 0;
    /** Row 2 (hidden): machine keys of the columns, so that renamed headers are still understood. */
    public static final int KEY_ROW = 1;
    public static final int FIRST_DATA_ROW = 2;

    public static final String KEY_TOWN_CODE = "town_code";
    public static final String KEY_COUNTY = "county";
    public static final String KEY_TOWN_NAME = "town_name";
    public static final String KEY_YEAR = "year";
    /** Town columns, their Chinese headers and accepted synonyms (a CSV may use either). */
    public static final List<String> TOWN_KEYS = List.of(KEY_TOWN_CODE, KEY_COUNTY, KEY_TOWN_NAME);
    public static final List<String> TOWN_HEADERS = List.of("乡镇代码", "县（市、区）", "乡镇名称");

    private TemplateLayout() {
    }

    /** The key a town or year header stands for, or null: accepts the Chinese headers, keys and common variants. */
    public static String townKeyOf(String header) {
        String h = UnitScale.normalise(header).replace("(", "（").replace(")", "）");
        return switch (h) {
            case "乡镇代码", "代码", "统计用区划代码", "town_code" -> KEY_TOWN_CODE;
            case "县（市、区）", "县市区", "所属县（市、区）", "县区", "county" -> KEY_COUNTY;
            case "乡镇名称", "乡镇（街道）", "乡镇", "名称", "town_name" -> KEY_TOWN_NAME;
            case "年度", "年份", "year" -> KEY_YEAR;
            default -> null;
        };
    }

    /** Excel's column letters for a 0-based index (0 → A, 26 → AA). */
    public static String columnLetter(int index) {
        StringBuilder s = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            s.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return s.toString();
    }
}
