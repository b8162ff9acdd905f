package cn.liaocheng.strongtown.catalog;

import java.util.List;

/**
 * A base quantity that is collected or derived but not scored itself (population, GDP, …);
 * derived indicators use it as an operand.
 */
public record Input(String id, Bilingual name, Bilingual unit, Bilingual help, String source,
                    Derivation derivation, List<Double> validRange, Crosscheck crosscheck) {
}
