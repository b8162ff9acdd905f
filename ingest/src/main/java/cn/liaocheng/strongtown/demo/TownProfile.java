package cn.liaocheng.strongtown.demo;

import cn.liaocheng.strongtown.town.Town;

/**
 * The hidden traits from which a town's synthetic data are drawn.
 *
 * @param quality standard-normal development quality
 * @param size relative size (1 = an average town)
 * @param growthShift yearly growth above or below the city trend
 * @param designatedIn the year the town was designated a strong town, or 0
 */
record TownProfile(Town town, int index, double quality, double size, double growthShift, int designatedIn) {

    boolean designatedBefore(int year) {
        return designatedIn > 0 && year > designatedIn;
    }

    /** Years since designation, 0 before it: designated towns improve somewhat faster afterwards. */
    int yearsSinceDesignation(int year) {
        return designatedBefore(year) ? year - designatedIn : 0;
    }
}
