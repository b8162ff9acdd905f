package cn.liaocheng.strongtown.town;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The towns and counties of Liaocheng, loaded from the reference files in {@code data/reference/}.
 * Lookups by code, by NBS name or by alias; an unknown town is an error that names it.
 */
public final class TownRegistry {

    static final String TOWNS_FILE = "liaocheng-towns.csv";
    static final String CROSSWALK_FILE = "liaocheng-towns-nbs-mca-crosswalk.csv";
    static final String COUNTIES_FILE = "liaocheng-counties.csv";

    private final Map<String, Town> townsByCode;
    private final Map<String, County> countiesByCode;

    TownRegistry(Collection<Town> towns, Collection<County> counties) {
        Map<String, Town> byCode = new LinkedHashMap<>();
        towns.stream().sorted(Comparator.comparing(Town::code)).forEach(t -> byCode.put(t.code(), t));
        this.townsByCode = byCode;
        Map<String, County> countyMap = new LinkedHashMap<>();
        counties.stream().sorted(Comparator.comparing(County::code)).forEach(c -> countyMap.put(c.code(), c));
        this.countiesByCode = countyMap;
    }

    /** A registry of the given towns and counties (synthetic registries for benchmarks and tests). */
    public static TownRegistry of(Collection<Town> towns, Collection<County> counties) {
        return new TownRegistry(towns, counties);
    }

    /** Loads the registry from a reference folder holding the towns, crosswalk and counties files. */
    public static TownRegistry load(Path referenceDir) {
        Map<String, List<String>> aliases = readAliases(referenceDir.resolve(CROSSWALK_FILE));
        List<Town> towns = new ArrayList<>();
        Map<String, String> countyNames = new TreeMap<>();
        for (CSVRecord row : readCsv(referenceDir.resolve(TOWNS_FILE))) {
            String code = row.get("town_code");
            countyNames.put(row.get("county_code"), row.get("county_name"));
            towns.add(new Town(code, row.get("town_name"), row.get("county_code"), row.get("county_name"),
                    TownType.fromLabel(row.get("town_type")), aliases.getOrDefault(code, List.of())));
        }
        return new TownRegistry(towns, readCounties(referenceDir.resolve(COUNTIES_FILE), countyNames));
    }

    /** Current civil-affairs names that differ from the NBS 2023 name become aliases. */
    private static Map<String, List<String>> readAliases(Path crosswalk) {
        Map<String, List<String>> aliases = new HashMap<>();
        for (CSVRecord row : readCsv(crosswalk)) {
            String code = row.get("nbs2023_town_code");
            String alias = row.get("mca_town_name");
            if (!code.isBlank() && !alias.isBlank() && !alias.equals(row.get("nbs2023_town_name"))) {
                aliases.computeIfAbsent(code, k -> new ArrayList<>()).add(alias);
            }
        }
        return aliases;
    }

    /** The newest resident population known for each county of the town list. */
    private static List<County> readCounties(Path file, Map<String, String> countyNames) {
        Map<String, CSVRecord> newest = new HashMap<>();
        for (CSVRecord row : readCsv(file)) {
            String code = row.get("county_code");
            if (code.isBlank() || row.get("resident_population_10k").isBlank()) {
                continue;
            }
            CSVRecord seen = newest.get(code);
            if (seen == null || Integer.parseInt(row.get("year")) > Integer.parseInt(seen.get("year"))) {
                newest.put(code, row);
            }
        }
        List<County> counties = new ArrayList<>();
        countyNames.forEach((code, name) -> {
            CSVRecord row = newest.get(code);
            counties.add(row == null ? new County(code, name, null, null)
                    : new County(code, name, Double.valueOf(row.get("resident_population_10k")),
                            Integer.valueOf(row.get("year"))));
        });
        return counties;
    }

    private static List<CSVRecord> readCsv(Path file) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return format.parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取参考数据文件 " + file, e);
        }
    }

    public List<Town> towns() {
        return List.copyOf(townsByCode.values());
    }

    public List<County> counties() {
        return List.copyOf(countiesByCode.values());
    }

    public Optional<Town> find(String code) {
        return Optional.ofNullable(townsByCode.get(code));
    }

    /** The town with this NBS code, or an error naming the code. */
    public Town byCode(String code) {
        return find(code).orElseThrow(() -> new UnknownTownException("未知的乡镇代码“" + code + "”：不在参考名录中"));
    }

    public County county(String code) {
        County county = countiesByCode.get(code);
        if (county == null) {
            throw new UnknownTownException("未知的县（市、区）代码“" + code + "”");
        }
        return county;
    }

    /**
     * Resolves a town from a code, an NBS name or an alias. A county name or code narrows the search,
     * so that names shared by two counties are still understood; without it such a name is an error.
     */
    public Town resolve(String codeOrName, String county) {
        String key = codeOrName == null ? "" : codeOrName.strip();
        Optional<Town> byCode = find(key);
        if (byCode.isPresent()) {
            return byCode.get();
        }
        List<Town> matches = townsByCode.values().stream()
                .filter(t -> t.name().equals(key) || t.aliases().contains(key))
                .filter(t -> county == null || county.isBlank()
                        || t.countyCode().equals(county.strip()) || t.countyName().equals(county.strip()))
                .toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        String where = county == null || county.isBlank() ? "" : "（" + county.strip() + "）";
        if (matches.isEmpty()) {
            throw new UnknownTownException("未知的乡镇“" + key + "”" + where + "：代码、名称和别名均无匹配");
        }
        throw new UnknownTownException("乡镇名称“" + key + "”不唯一" + where + "：请注明所属县（市、区）或使用12位代码");
    }
}
