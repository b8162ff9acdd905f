package cn.liaocheng.strongtown.dashboard.league;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import cn.liaocheng.strongtown.catalog.Band;
import cn.liaocheng.strongtown.catalog.Dimension;
import cn.liaocheng.strongtown.dashboard.audit.AuditAction;
import cn.liaocheng.strongtown.dashboard.audit.AuditEntry;
import cn.liaocheng.strongtown.dashboard.export.CsvExport;
import cn.liaocheng.strongtown.dashboard.export.ExportFile;
import cn.liaocheng.strongtown.dashboard.export.ExportTable;
import cn.liaocheng.strongtown.dashboard.export.XlsxExport;
import cn.liaocheng.strongtown.dashboard.security.CurrentUser;
import cn.liaocheng.strongtown.dashboard.security.Access;
import cn.liaocheng.strongtown.dashboard.i18n.Translations;

/**
 * The town league table as XLSX (primary) or CSV: every row the query lists, whatever the grid has
 * loaded, with the same county rule as the table. Each export is written to the audit log.
 */
@Service
@PreAuthorize(Access.LEAGUE_READERS)
public class LeagueExport {

    private final LeagueService league;
    private final Translations translations;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    public LeagueExport(LeagueService league, Translations translations, CurrentUser currentUser,
                        ApplicationEventPublisher events) {
        this.league = league;
        this.translations = translations;
        this.currentUser = currentUser;
        this.events = events;
    }

    public ExportFile xlsx(LeagueQuery query, Locale locale) {
        ExportTable table = table(query, locale);
        audit(query, "xlsx", table.rows().size());
        return new ExportFile(fileName(query, locale, "xlsx"), ExportFile.XLSX, XlsxExport.write(table));
    }

    public ExportFile csv(LeagueQuery query, Locale locale) {
        ExportTable table = table(query, locale);
        audit(query, "csv", table.rows().size());
        return new ExportFile(fileName(query, locale, "csv"), ExportFile.CSV, CsvExport.write(table));
    }

    /** All rows of the query, in its order, with translated headers. */
    ExportTable table(LeagueQuery query, Locale locale) {
        int count = league.count(query);
        List<LeagueRow> rows = count == 0 ? List.of() : league.page(query, 0, count);
        if (rows.size() != count) {
            throw new IllegalStateException("导出行数 " + rows.size() + " 与查询行数 " + count + " 不一致");
        }
        List<Dimension> dimensions = league.dimensions(query.year());
        List<String> headers = new ArrayList<>(List.of(t(locale, "league.col.rank"), t(locale, "league.col.town"),
                t(locale, "export.col.townCode"), t(locale, "league.col.county"), t(locale, "league.col.type"),
                t(locale, "league.col.composite")));
        dimensions.forEach(d -> headers.add(d.name().in(locale)));
        headers.addAll(List.of(t(locale, "league.col.rankCounty"), t(locale, "league.col.change"),
                t(locale, "league.col.rankType"), t(locale, "league.peerGroup"), t(locale, "league.col.rankPeerGroup"),
                t(locale, "export.col.rankP5"), t(locale, "export.col.rankP95"), t(locale, "league.col.band"),
                t(locale, "export.col.flags"), t(locale, "export.col.coverage"), t(locale, "league.col.designated")));
        Map<String, String> bandNames = league.bands(query.year()).stream()
                .collect(Collectors.toMap(Band::id, b -> b.name().in(locale)));
        List<List<Object>> cells = new ArrayList<>();
        for (LeagueRow r : rows) {
            List<Object> line = new ArrayList<>(List.of(r.rankCity() == null ? "" : r.rankCity(), r.townName(),
                    r.townCode(), r.countyName(), t(locale, "town.type." + r.townType().name()),
                    r.composite() == null ? t(locale, "methodology.insufficient") : round(r.composite())));
            dimensions.forEach(d -> line.add(round(r.dimensionScores().get(d.id()))));
            line.add(r.rankCounty());
            line.add(r.rankChange());
            line.add(r.rankType());
            line.add(r.peerGroup());
            line.add(r.rankPeerGroup());
            line.add(round(r.rankP5()));
            line.add(round(r.rankP95()));
            line.add(r.band() == null ? null : bandNames.getOrDefault(r.band(), r.band()));
            line.add(r.qualityFlags());
            line.add(r.coverage() == null ? null : round(r.coverage() * 100));
            line.add(r.designatedIn());
            cells.add(line);
        }
        List<String> notes = new ArrayList<>();
        notes.add(t(locale, "export.note.title", query.year()));
        notes.add(t(locale, "export.note.ranking", query.dimension() == null ? t(locale, "league.dimension.composite")
                : dimensions.stream().filter(d -> d.id().equals(query.dimension())).findFirst()
                        .map(d -> d.name().in(locale)).orElse(query.dimension())));
        notes.add(t(locale, "export.note.rows", rows.size()));
        if (league.isDemo()) {
            notes.add(t(locale, "demo.banner"));
        }
        return new ExportTable(t(locale, "league.title"), headers, cells, notes);
    }

    private String fileName(LeagueQuery query, Locale locale, String extension) {
        return t(locale, "export.fileName", String.valueOf(query.year())) + "." + extension;
    }

    private void audit(LeagueQuery query, String format, int rows) {
        events.publishEvent(AuditEntry.of(currentUser.get().map(u -> u.getUsername()).orElse(null), AuditAction.EXPORT,
                "league " + query.year() + " " + format + " " + rows + " rows"
                        + (query.countyCode() == null ? "" : " county " + query.countyCode())));
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 1000) / 1000.0;
    }

    private String t(Locale locale, String key, Object... params) {
        return translations.getTranslation(key, locale, params);
    }
}
