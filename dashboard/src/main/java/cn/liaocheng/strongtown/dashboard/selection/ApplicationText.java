package cn.liaocheng.strongtown.dashboard.selection;

/** The 申报书's written parts. */
public record ApplicationText(String basicInfo, String industryStatus, String leadingIndustry, String practices,
                              String developmentPlan) {

    public static final int MAX_LENGTH = 5000;

    public ApplicationText {
        basicInfo = clean(basicInfo);
        industryStatus = clean(industryStatus);
        leadingIndustry = clean(leadingIndustry);
        practices = clean(practices);
        developmentPlan = clean(developmentPlan);
    }

    private static String clean(String text) {
        String t = text == null ? "" : text.strip();
        if (t.length() > MAX_LENGTH) {
            throw new SelectionException("selection.error.textTooLong", MAX_LENGTH);
        }
        return t;
    }

    public static ApplicationText empty() {
        return new ApplicationText("", "", "", "", "");
    }

    /** Whether every part is written (required before recommending). */
    public boolean complete() {
        return !basicInfo.isEmpty() && !industryStatus.isEmpty() && !leadingIndustry.isEmpty() && !practices.isEmpty()
                && !developmentPlan.isEmpty();
    }
}
