package cn.liaocheng.strongtown.collection.declaration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.Derivation;
import cn.liaocheng.strongtown.collection.reading.UnitScale;

/**
 * A quantity the towns declare each year: a catalog input or indicator with source {@code declared}.
 *
 * @param required whether a town that reports must fill it: items that other indicators divide by
 *                 (population, GDP), because a missing denominator silently removes whole indicators
 * @param lowerIsBetter the catalog's direction, used in plausibility warnings
 */
public record DeclaredItem(String id, String name, String unit, String help, double min, double max,
                           boolean required, boolean lowerIsBetter) {

    /** The header as the template writes it: name with the unit in full-width brackets. */
    public String header() {
        return unit == null || unit.isBlank() ? name : name + "（" + unit + "）";
    }

    public boolean percent() {
        return UnitScale.isPercent(unit);
    }

    /** The declared items of a catalog, inputs first, in catalog order. */
    public static List<DeclaredItem> of(Catalog catalog) {
        Set<String> denominators = catalog.indicators().stream().map(i -> i.derivation())
                .filter(Objects::nonNull).map(Derivation::denominator).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        List<DeclaredItem> items = new ArrayList<>();
        catalog.inputs().stream().filter(i -> "declared".equals(i.source())).forEach(i -> items.add(
                new DeclaredItem(i.id(), i.name().zh(), i.unit().zh(), i.help() == null ? "" : i.help().zh(),
                        i.validRange().get(0), i.validRange().get(1), denominators.contains(i.id()), false)));
        catalog.indicators().stream().filter(i -> "declared".equals(i.source())).forEach(i -> items.add(
                new DeclaredItem(i.id(), i.name().zh(), i.unit().zh(), i.help() == null ? "" : i.help().zh(),
                        i.validRange().get(0), i.validRange().get(1), denominators.contains(i.id()),
                        i.lowerIsBetter())));
        return List.copyOf(items);
    }
}
