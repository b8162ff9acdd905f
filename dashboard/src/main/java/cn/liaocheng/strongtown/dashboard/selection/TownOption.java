package cn.liaocheng.strongtown.dashboard.selection;

/** A town a county may apply for in a round, with its eligibility and its application if any. */
public record TownOption(String townCode, String townName, String countyName, Eligibility eligibility,
                         Application application) {
}
