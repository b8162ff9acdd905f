package cn.liaocheng.strongtown.dashboard.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import cn.liaocheng.strongtown.dashboard.lake.MartReader;
import cn.liaocheng.strongtown.dashboard.methodology.PublishedCatalog;
import cn.liaocheng.strongtown.dashboard.security.Access;
import cn.liaocheng.strongtown.dashboard.security.CountyScope;
import cn.liaocheng.strongtown.town.TownRegistry;

/** The snapshot's data-quality flags (issue 5 §8), by year, county and kind; county staff see their own county. */
@Service
@PreAuthorize(Access.LEAGUE_READERS)
public class QualityService {

    private static final String WORST_FIRST =
            "CASE q.flag WHEN 'out_of_range' THEN 1 WHEN 'disagreement' THEN 2 WHEN 'jump' THEN 3 ELSE 4 END";

    private final MartReader marts;
    private final CountyScope scope;
    private final TownRegistry towns;
    private final PublishedCatalog catalogs;

    public QualityService(MartReader marts, CountyScope scope, TownRegistry towns, PublishedCatalog catalogs) {
        this.marts = marts;
        this.scope = scope;
        this.towns = towns;
        this.catalogs = catalogs;
    }

    /** Years with flags, newest first. */
    public List<Integer> years() {
        return marts.query("SELECT DISTINCT year FROM {quality_flags} ORDER BY year DESC", rs -> rs.getInt(1));
    }

    /**
     * The flags of a year, worst first (out of range, disagreement, jump, missing), then by town.
     *
     * @param countyCode null for the whole city (a county user always gets their own county)
     * @param kind a flag kind, or null for all
     */
    public List<QualityFlag> flags(int year, String countyCode, String kind) {
        String county = scope.restrict(countyCode);
        return marts.query("""
                SELECT q.*, t.county_code FROM {quality_flags} q JOIN {towns} t ON t.town_code = q.town_code
                WHERE q.year = ? AND (CAST(? AS VARCHAR) IS NULL OR t.county_code = ?)
                  AND (CAST(? AS VARCHAR) IS NULL OR q.flag = ?)
                ORDER BY %s, q.town_code, q.indicator_id""".formatted(WORST_FIRST), this::row, year, county, county, kind, kind);
    }

    /** The flags of one town in a year, worst first; county staff only of their own county's towns. */
    public List<QualityFlag> townFlags(String townCode, int year) {
        scope.restrict(towns.byCode(townCode).countyCode());
        return marts.query("SELECT q.* FROM {quality_flags} q WHERE q.town_code = ? AND q.year = ? ORDER BY "
                + WORST_FIRST + ", q.indicator_id", this::row, townCode, year);
    }

    /** The indicator's or input's name in the user's language, from any published version (else its id). */
    public String itemName(String itemId, Locale locale) {
        return catalogs.itemName(itemId, locale).orElse(itemId);
    }

    private QualityFlag row(ResultSet rs) throws SQLException {
        String code = rs.getString("town_code");
        var town = towns.byCode(code);
        return new QualityFlag(code, town.name(), town.countyName(), rs.getString("indicator_id"), rs.getString("flag"),
                number(rs, "value"), number(rs, "reference_lo"), number(rs, "reference_hi"), number(rs, "z"),
                number(rs, "z_own"));
    }

    private static Double number(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
