package cn.liaocheng.strongtown.demo;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.duckdb.DuckDBAppender;

/**
 * Simulates each town's enterprise population year by year — births, closures, growth into the
 * above-scale list, honours such as 专精特新 — and appends one row per enterprise per year in which
 * it existed (the {@code raw/enterprises} layout of DESIGN §8).
 */
final class EnterpriseSimulator {

    static final String TABLE_DDL = """
            CREATE TABLE enterprises (
              year INTEGER, town_code VARCHAR, enterprise_id VARCHAR, private BOOLEAN,
              registered_on DATE, deregistered_on DATE, industry VARCHAR, size_class VARCHAR,
              above_scale BOOLEAN, srdi_level VARCHAR, gazelle BOOLEAN, unicorn VARCHAR,
              single_champion BOOLEAN, high_tech BOOLEAN, tech_sme BOOLEAN, listed VARCHAR,
              revenue DOUBLE, rd_spend DOUBLE, loans DOUBLE, energy_tce DOUBLE)""";

    /** Base number of enterprises alive before the first year in an average town at scale 1. */
    static final int BASE_ENTERPRISES = 1800;
    private static final int NEVER = Integer.MAX_VALUE;
    /** GB/T 4754 sections and their shares among private firms. */
    private static final String[] INDUSTRIES = {"A", "C", "E", "F", "G", "H", "I", "L", "M", "O"};
    private static final double[] INDUSTRY_SHARES = {0.05, 0.28, 0.02, 0.07, 0.36, 0.06, 0.03, 0.03, 0.04, 0.06};
    private static final String[] SIZES = {"micro", "small", "medium", "large"};
    private static final double[] SIZE_SHARES = {0.82, 0.13, 0.04, 0.01};
    private static final double[] SIZE_REVENUE = {40, 900, 9000, 60000};

    private final DemoSpec spec;

    EnterpriseSimulator(DemoSpec spec) {
        this.spec = spec;
    }

    /** Appends every row of one town; returns the number of distinct enterprises. */
    int simulate(TownProfile town, DuckDBAppender out) throws SQLException {
        // Seeds must not differ by multiples of SplittableRandom's gamma, or towns share sequences.
        SplittableRandom rng = new SplittableRandom(
                new SplittableRandom(spec.seed() ^ Long.parseLong(town.town().code())).nextLong());
        List<Firm> firms = new ArrayList<>();
        int initial = (int) Math.round(spec.scale() * BASE_ENTERPRISES * town.size());
        for (int i = 0; i < initial; i++) {
            int regYear = spec.firstYear() - 1 - (int) Math.floor(-Math.log(1 - rng.nextDouble()) * 6);
            firms.add(newFirm(town, rng, randomDate(rng, Math.max(regYear, 1990))));
        }
        int alive = initial;
        for (int year = spec.firstYear(); year <= spec.lastYear(); year++) {
            double birthRate = 0.085 + town.growthShift() + 0.02 * town.quality() / 3
                    + (town.designatedBefore(year) ? 0.03 : 0);
            int births = (int) Math.round(alive * Math.max(0.01, birthRate) * (0.9 + 0.2 * rng.nextDouble()));
            int deaths = 0;
            for (Firm f : firms) {
                if (f.deregistered == null && rng.nextDouble() < 0.05) {
                    f.deregistered = randomDate(rng, year);
                    deaths++;
                }
            }
            for (int b = 0; b < births; b++) {
                firms.add(newFirm(town, rng, randomDate(rng, year)));
            }
            alive += births - deaths;
        }
        for (Firm f : firms) {
            drawCareer(f, town, rng);
            appendYears(f, town, out);
        }
        return firms.size();
    }

    private Firm newFirm(TownProfile town, SplittableRandom rng, LocalDate registered) {
        Firm f = new Firm();
        f.id = String.format("E%016x", rng.nextLong());
        f.isPrivate = rng.nextDouble() < 0.97;
        f.registered = registered;
        f.industry = INDUSTRIES[pick(INDUSTRY_SHARES, rng)];
        f.sizeIndex = pick(SIZE_SHARES, rng);
        f.baseRevenue = SIZE_REVENUE[f.sizeIndex] * Math.exp(0.6 * rng.nextGaussian() + 0.1 * town.quality());
        f.growth = 1.04 + 0.04 * rng.nextGaussian() + town.growthShift();
        f.rdRatio = Math.max(0, 0.004 + 0.003 * rng.nextGaussian());
        f.energyIntensity = ("C".equals(f.industry) ? 0.25 : 0.03) * Math.exp(0.3 * rng.nextGaussian());
        f.loanRatio = 0.25 * Math.exp(0.5 * rng.nextGaussian());
        return f;
    }

    /** When a firm enters the above-scale list and earns each honour; hazards rise for designated towns. */
    private void drawCareer(Firm f, TownProfile town, SplittableRandom rng) {
        int from = Math.max(f.registered.getYear(), spec.firstYear() - 1);
        f.aboveScaleYear = f.sizeIndex >= 2 ? f.registered.getYear()
                : firstYear(rng, town, from, 2000, f.sizeIndex == 1 ? 0.02 : 0.0005, f);
        int small = f.sizeIndex >= 1 ? 1 : 0;
        f.srdiYear = firstYear(rng, town, from, 2018, small * 0.006 + 0.0003, f);
        f.littleGiant = rng.nextDouble() < 0.1;
        f.gazelleYear = firstYear(rng, town, from, 2017, small * 0.003 + 0.0002, f);
        f.unicornYear = f.sizeIndex >= 2 ? firstYear(rng, town, from, 2019, 0.004, f) : NEVER;
        f.unicornReal = rng.nextDouble() < 0.15;
        f.championYear = f.sizeIndex >= 2 ? firstYear(rng, town, from, 2017, 0.006, f) : NEVER;
        f.highTechYear = firstYear(rng, town, from, 2016, small * 0.008 + 0.0008, f);
        f.techSmeYear = f.sizeIndex <= 1 ? firstYear(rng, town, from, 2017, 0.012, f) : NEVER;
        f.listedYear = f.sizeIndex >= 2 ? firstYear(rng, town, from, 2016, 0.01, f) : NEVER;
        double kind = rng.nextDouble();
        f.listedKind = kind < 0.1 ? "main_board" : kind < 0.55 ? "neeq" : "regional";
        f.rdRatio += f.highTechYear != NEVER ? 0.02 : 0;
    }

    /** The first year from {@code from} (and not before {@code policyStart}) in which the hazard strikes. */
    private int firstYear(SplittableRandom rng, TownProfile town, int from, int policyStart, double hazard, Firm f) {
        for (int year = Math.max(from, policyStart); year <= spec.lastYear(); year++) {
            double h = hazard * (1 + 0.25 * town.quality()) * (town.designatedBefore(year) ? 1.5 : 1);
            if (rng.nextDouble() < h) {
                return year;
            }
        }
        return NEVER;
    }

    private void appendYears(Firm f, TownProfile town, DuckDBAppender out) throws SQLException {
        for (int year = spec.firstYear(); year <= spec.lastYear(); year++) {
            if (f.registered.getYear() > year || (f.deregistered != null && f.deregistered.getYear() < year)) {
                continue;
            }
            boolean aboveScale = year >= f.aboveScaleYear;
            double revenue = f.baseRevenue * Math.pow(f.growth, year - spec.firstYear())
                    * (aboveScale && f.sizeIndex < 2 ? Math.max(1, 2200 / f.baseRevenue) : 1);
            out.beginRow()
                    .append(year).append(town.town().code()).append(f.id).append(f.isPrivate)
                    .append(f.registered);
            if (f.deregistered == null) {
                out.appendNull();
            } else {
                out.append(f.deregistered);
            }
            out.append(f.industry).append(SIZES[f.sizeIndex]).append(aboveScale);
            appendNullable(out, year >= f.srdiYear ? (f.littleGiant ? "national_little_giant" : "provincial") : null);
            out.append(year >= f.gazelleYear && year < f.gazelleYear + 3);
            appendNullable(out, year >= f.unicornYear ? (f.unicornReal ? "unicorn" : "potential") : null);
            out.append(year >= f.championYear).append(year >= f.highTechYear).append(year >= f.techSmeYear);
            appendNullable(out, year >= f.listedYear ? f.listedKind : null);
            out.append(round1(revenue)).append(round1(revenue * f.rdRatio)).append(round1(revenue * f.loanRatio))
                    .append(round1(revenue * f.energyIntensity * Math.pow(0.96, year - spec.firstYear())))
                    .endRow();
        }
    }

    private static void appendNullable(DuckDBAppender out, String value) throws SQLException {
        if (value == null) {
            out.appendNull();
        } else {
            out.append(value);
        }
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static LocalDate randomDate(SplittableRandom rng, int year) {
        return LocalDate.ofYearDay(year, 1 + rng.nextInt(LocalDate.of(year, 1, 1).lengthOfYear()));
    }

    /** An index drawn with the given shares. */
    private static int pick(double[] shares, SplittableRandom rng) {
        double u = rng.nextDouble();
        for (int i = 0; i < shares.length; i++) {
            u -= shares[i];
            if (u < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }

    /** Mutable while one town is simulated; never leaves this class. */
    private static final class Firm {
        String id;
        boolean isPrivate;
        LocalDate registered;
        LocalDate deregistered;
        String industry;
        int sizeIndex;
        double baseRevenue;
        double growth;
        double rdRatio;
        double energyIntensity;
        double loanRatio;
        int aboveScaleYear;
        int srdiYear;
        boolean littleGiant;
        int gazelleYear;
        int unicornYear;
        boolean unicornReal;
        int championYear;
        int highTechYear;
        int techSmeYear;
        int listedYear;
        String listedKind;
    }
}
