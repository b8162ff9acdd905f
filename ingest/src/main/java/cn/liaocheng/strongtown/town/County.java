package cn.liaocheng.strongtown.town;

/**
 * A county-level unit of Liaocheng.
 *
 * @param residentPopulation10k resident population in 10,000 persons for the newest year known, or null
 * @param populationYear the year of that figure, or null
 */
public record County(String code, String name, Double residentPopulation10k, Integer populationYear) {
}
