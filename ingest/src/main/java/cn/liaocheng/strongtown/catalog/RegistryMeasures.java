package cn.liaocheng.strongtown.catalog;

import java.util.Set;

/**
 * The measures that the registry stage ({@code 01_registry_measures.sql}) derives per town and year;
 * a registry indicator or input must name one of them.
 */
public final class RegistryMeasures {

    public static final Set<String> NAMES = Set.of(
            "private_entities_alive", "private_entities_registered", "private_entities_deregistered",
            "above_scale_firms", "upgraded_above_scale", "manufacturing_firms", "service_firms", "srdi_firms", "gazelle_firms", "unicorn_firms",
            "single_champion_firms", "high_tech_firms", "tech_sme_firms", "listed_firms",
            "rd_spend", "private_revenue", "private_loans", "energy_tce");

    private RegistryMeasures() {
    }
}
