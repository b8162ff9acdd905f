package cn.liaocheng.strongtown.collection.reading;


/**
 * What a template was made for, kept on a very hidden sheet of the workbook so that an upload can
 * be matched to its year and catalog version.
 *
 * @param countyCode the county the template covers, or {@link #WHOLE_CITY}
 */
public record TemplateStamp(int formatVersion, String catalogId, String catalogVersion, int year,
                            String countyCode) {

    public static final int FORMAT_VERSION = 1;
    public static final String WHOLE_CITY = "all";
    /** The stamp sheet; very hidden, so it does not show in Excel's "unhide" list. */
    public static final String SHEET = "_stamp";

    public boolean wholeCity() {
        return WHOLE_CITY.equals(countyCode);
    }
}
