package cn.liaocheng.strongtown.dashboard.selection;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * The selection tables of the workflow database. Every method runs on the caller's connection, so a
 * service composes several into one transaction; nothing here deletes a row of a submitted application.
 */
@Component
class SelectionRepository {

    interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final TownRegistry towns;

    SelectionRepository(TownRegistry towns) {
        this.towns = towns;
    }

    // ---- plumbing ----

    static long nextId(Connection c) throws SQLException {
        return single(c, "SELECT nextval('selection_id')", rs -> rs.getLong(1)).orElseThrow();
    }

    static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = prepare(c, sql, params)) {
            st.executeUpdate();
        }
    }

    static <T> List<T> list(Connection c, String sql, Mapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement st = prepare(c, sql, params); ResultSet rs = st.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        }
    }

    static <T> Optional<T> single(Connection c, String sql, Mapper<T> mapper, Object... params) throws SQLException {
        List<T> rows = list(c, sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                st.setNull(i + 1, Types.VARCHAR);
            } else if (p instanceof LocalDate d) {
                st.setDate(i + 1, Date.valueOf(d));
            } else if (p instanceof Enum<?> e) {
                st.setString(i + 1, e.name());
            } else {
                st.setObject(i + 1, p);
            }
        }
        return st;
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        Object v = rs.getObject(column);
        return v == null ? null : ((Number) v).intValue();
    }

    // ---- rounds ----

    long insertRound(Connection c, RoundSettings s, int dataYear, boolean demo, String user, Instant now) throws SQLException {
        long id = nextId(c);
        update(c, "INSERT INTO selection_round (id, year, snapshot_id, data_year, quota, county_cap, recommend_quota,"
                        + " w_indicator, w_materials, w_site_visit, w_defence, notice_working_days, ban_years, veto_years,"
                        + " min_coverage, trim_from, substitute_on_removal, application_deadline, review_deadline, stage,"
                        + " demo, opened_by, opened_epoch_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, s.year(), s.snapshotId(), dataYear, s.quota(), s.countyCap(), s.recommendQuota(),
                s.weights().indicator(), s.weights().materials(), s.weights().siteVisit(), s.weights().defence(),
                s.noticeWorkingDays(), s.banYears(), s.vetoYears(), s.minCoverage(), s.trimFrom(),
                s.substituteOnRemoval(), s.applicationDeadline(), s.reviewDeadline(), RoundStage.APPLICATION, demo, user,
                now.toEpochMilli());
        for (Criterion cr : s.criteria()) {
            update(c, "INSERT INTO selection_criterion VALUES (?, ?, ?, ?, ?)", id, cr.stage(), cr.position(), cr.name(),
                    cr.maxPoints());
        }
        return id;
    }

    private static final String ROUND_COLUMNS = "SELECT * FROM selection_round";

    private Round round(Connection c, ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<Criterion> criteria = list(c, "SELECT stage, position, name, max_points FROM selection_criterion"
                        + " WHERE round_id = ? ORDER BY stage, position",
                r -> new Criterion(ReviewStage.valueOf(r.getString(1)), r.getInt(2), r.getString(3), r.getDouble(4)), id);
        RoundSettings settings = new RoundSettings(rs.getInt("year"), rs.getString("snapshot_id"), rs.getInt("quota"),
                nullableInt(rs, "county_cap"), rs.getInt("recommend_quota"),
                new StageWeights(rs.getDouble("w_indicator"), rs.getDouble("w_materials"), rs.getDouble("w_site_visit"),
                        rs.getDouble("w_defence")),
                rs.getInt("notice_working_days"), rs.getInt("ban_years"), rs.getInt("veto_years"),
                rs.getDouble("min_coverage"), rs.getInt("trim_from"), rs.getBoolean("substitute_on_removal"),
                date(rs, "application_deadline"), date(rs, "review_deadline"), criteria);
        return new Round(id, settings, RoundStage.valueOf(rs.getString("stage")), rs.getInt("data_year"),
                date(rs, "notice_start"), date(rs, "notice_end"), rs.getBoolean("demo"), rs.getString("opened_by"),
                Instant.ofEpochMilli(rs.getLong("opened_epoch_ms")));
    }

    List<Round> rounds(Connection c) throws SQLException {
        List<Long> ids = list(c, "SELECT id FROM selection_round ORDER BY year DESC", rs -> rs.getLong(1));
        List<Round> rounds = new ArrayList<>();
        for (long id : ids) {
            rounds.add(round(c, id).orElseThrow());
        }
        return rounds;
    }

    Optional<Round> round(Connection c, long id) throws SQLException {
        try (PreparedStatement st = prepare(c, ROUND_COLUMNS + " WHERE id = ?", id); ResultSet rs = st.executeQuery()) {
            return rs.next() ? Optional.of(round(c, rs)) : Optional.empty();
        }
    }

    Optional<Long> roundOfYear(Connection c, int year) throws SQLException {
        return single(c, "SELECT id FROM selection_round WHERE year = ?", rs -> rs.getLong(1), year);
    }

    void setStage(Connection c, long roundId, RoundStage stage) throws SQLException {
        update(c, "UPDATE selection_round SET stage = ? WHERE id = ?", stage, roundId);
    }

    void setNotice(Connection c, long roundId, LocalDate start, LocalDate end) throws SQLException {
        update(c, "UPDATE selection_round SET notice_start = ?, notice_end = ? WHERE id = ?", start, end, roundId);
    }

    // ---- applications ----

    private static final String APPLICATION_COLUMNS = "SELECT a.*, r.year FROM selection_application a"
            + " JOIN selection_round r ON r.id = a.round_id";

    private Application application(ResultSet rs) throws SQLException {
        String town = rs.getString("town_code");
        var found = towns.find(town);
        return new Application(rs.getLong("id"), rs.getLong("round_id"), rs.getInt("year"), town,
                found.map(t -> t.name()).orElse(town), rs.getString("county_code"),
                found.map(t -> t.countyName()).orElse(rs.getString("county_code")),
                ApplicationState.valueOf(rs.getString("state")), rs.getInt("priority"),
                new ApplicationText(rs.getString("basic_info"), rs.getString("industry_status"),
                        rs.getString("leading_industry"), rs.getString("practices"), rs.getString("development_plan")),
                Instant.ofEpochMilli(rs.getLong("updated_epoch_ms")));
    }

    long insertApplication(Connection c, long roundId, String townCode, String countyCode, int priority, String user,
                           Instant now) throws SQLException {
        long id = nextId(c);
        update(c, "INSERT INTO selection_application (id, round_id, town_code, county_code, state, priority, created_by,"
                        + " created_epoch_ms, updated_epoch_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, roundId, townCode, countyCode, ApplicationState.DRAFT, priority, user, now.toEpochMilli(), now.toEpochMilli());
        return id;
    }

    Optional<Application> application(Connection c, long id) throws SQLException {
        return single(c, APPLICATION_COLUMNS + " WHERE a.id = ?", this::application, id);
    }

    /** Applications of a round, of one county if given, in the county's order. */
    List<Application> applications(Connection c, long roundId, String county) throws SQLException {
        return list(c, APPLICATION_COLUMNS + " WHERE a.round_id = ? AND (CAST(? AS VARCHAR) IS NULL OR a.county_code = ?)"
                + " ORDER BY a.county_code, a.priority, a.town_code", this::application, roundId, county, county);
    }

    /** Every application of a town, all rounds. */
    List<Application> applicationsOfTown(Connection c, String townCode) throws SQLException {
        return list(c, APPLICATION_COLUMNS + " WHERE a.town_code = ? ORDER BY r.year", this::application, townCode);
    }

    void setText(Connection c, long id, ApplicationText t, Instant now) throws SQLException {
        update(c, "UPDATE selection_application SET basic_info = ?, industry_status = ?, leading_industry = ?,"
                        + " practices = ?, development_plan = ?, updated_epoch_ms = ? WHERE id = ?",
                t.basicInfo(), t.industryStatus(), t.leadingIndustry(), t.practices(), t.developmentPlan(),
                now.toEpochMilli(), id);
    }

    void setState(Connection c, long id, ApplicationState state, Instant now) throws SQLException {
        update(c, "UPDATE selection_application SET state = ?, updated_epoch_ms = ? WHERE id = ?", state,
                now.toEpochMilli(), id);
    }

    void setPriority(Connection c, long id, int priority) throws SQLException {
        update(c, "UPDATE selection_application SET priority = ? WHERE id = ?", priority, id);
    }

    // ---- history ----

    void event(Connection c, long roundId, Long applicationId, String user, String action, ApplicationState from,
               ApplicationState to, String reason, String hashes, Instant now) throws SQLException {
        update(c, "INSERT INTO selection_event VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", nextId(c), roundId, applicationId,
                now.toEpochMilli(), user, action, from == null ? null : from.name(), to == null ? null : to.name(),
                reason, hashes);
    }

    List<HistoryEvent> history(Connection c, long applicationId) throws SQLException {
        return list(c, "SELECT * FROM selection_event WHERE application_id = ? ORDER BY at_epoch_ms, id",
                rs -> new HistoryEvent(Instant.ofEpochMilli(rs.getLong("at_epoch_ms")), rs.getString("username"),
                        rs.getString("action"), state(rs.getString("from_state")), state(rs.getString("to_state")),
                        rs.getString("reason"), rs.getString("attachment_hashes")), applicationId);
    }

    private static ApplicationState state(String name) {
        return name == null ? null : ApplicationState.valueOf(name);
    }

    // ---- attachments ----

    long insertAttachment(Connection c, Long applicationId, Long objectionId, AttachmentKind kind, String fileName,
                          String sha256, String extension, long size, String user, Instant now) throws SQLException {
        long id = nextId(c);
        update(c, "INSERT INTO selection_attachment VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, applicationId, objectionId,
                kind, fileName, sha256, extension, size, user, now.toEpochMilli());
        return id;
    }

    private static Attachment attachment(ResultSet rs) throws SQLException {
        Object app = rs.getObject("application_id");
        Object obj = rs.getObject("objection_id");
        return new Attachment(rs.getLong("id"), app == null ? null : ((Number) app).longValue(),
                obj == null ? null : ((Number) obj).longValue(), AttachmentKind.valueOf(rs.getString("kind")),
                rs.getString("file_name"), rs.getString("sha256"), rs.getString("extension"), rs.getLong("size_bytes"),
                rs.getString("uploaded_by"), Instant.ofEpochMilli(rs.getLong("uploaded_epoch_ms")));
    }

    List<Attachment> attachments(Connection c, long applicationId) throws SQLException {
        return list(c, "SELECT * FROM selection_attachment WHERE application_id = ? ORDER BY id", SelectionRepository::attachment,
                applicationId);
    }

    Optional<Attachment> attachment(Connection c, long id) throws SQLException {
        return single(c, "SELECT * FROM selection_attachment WHERE id = ?", SelectionRepository::attachment, id);
    }

    // ---- experts, conflicts, assignments, sheets ----

    Map<String, String> expertCounties(Connection c) throws SQLException {
        Map<String, String> out = new HashMap<>();
        for (String[] row : list(c, "SELECT username, home_county FROM selection_expert",
                rs -> new String[] {rs.getString(1), rs.getString(2)})) {
            out.put(row[0], row[1]);
        }
        return out;
    }

    void setExpertCounty(Connection c, String username, String county, String by, Instant now) throws SQLException {
        update(c, "INSERT OR REPLACE INTO selection_expert VALUES (?, ?, ?, ?)", username, county, by, now.toEpochMilli());
    }

    void declareConflict(Connection c, String username, String townCode, String reason, Instant now) throws SQLException {
        update(c, "INSERT OR REPLACE INTO selection_conflict VALUES (?, ?, ?, ?)", username, townCode, reason,
                now.toEpochMilli());
    }

    List<String[]> conflicts(Connection c) throws SQLException {
        return list(c, "SELECT username, town_code, reason FROM selection_conflict ORDER BY username, town_code",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
    }

    boolean hasConflict(Connection c, String username, String townCode) throws SQLException {
        return single(c, "SELECT 1 FROM selection_conflict WHERE username = ? AND town_code = ?", rs -> 1, username,
                townCode).isPresent();
    }

    void assign(Connection c, long applicationId, String reviewer, String by, Instant now) throws SQLException {
        update(c, "INSERT INTO selection_assignment VALUES (?, ?, ?, ?)", applicationId, reviewer, by, now.toEpochMilli());
    }

    List<String> reviewers(Connection c, long applicationId) throws SQLException {
        return list(c, "SELECT reviewer FROM selection_assignment WHERE application_id = ? ORDER BY reviewer",
                rs -> rs.getString(1), applicationId);
    }

    List<Long> assignedTo(Connection c, String reviewer) throws SQLException {
        return list(c, "SELECT application_id FROM selection_assignment WHERE reviewer = ? ORDER BY application_id",
                rs -> rs.getLong(1), reviewer);
    }

    /** A sheet: submitted flag, score, comment and the points per criterion position. */
    record Sheet(boolean exists, boolean submitted, Double score, String comment, Map<Integer, Double> points) {
    }

    Sheet sheet(Connection c, long applicationId, String reviewer, ReviewStage stage) throws SQLException {
        Optional<Object[]> head = single(c, "SELECT submitted, score, comment FROM selection_sheet"
                        + " WHERE application_id = ? AND reviewer = ? AND stage = ?",
                rs -> new Object[] {rs.getBoolean(1), rs.getObject(2), rs.getString(3)}, applicationId, reviewer, stage);
        Map<Integer, Double> points = new HashMap<>();
        for (Object[] row : list(c, "SELECT position, points FROM selection_sheet_item WHERE application_id = ?"
                        + " AND reviewer = ? AND stage = ?", rs -> new Object[] {rs.getInt(1), rs.getDouble(2)},
                applicationId, reviewer, stage)) {
            points.put((Integer) row[0], (Double) row[1]);
        }
        return head.map(h -> new Sheet(true, (Boolean) h[0], h[1] == null ? null : ((Number) h[1]).doubleValue(),
                (String) h[2], points)).orElse(new Sheet(false, false, null, "", points));
    }

    void saveSheet(Connection c, long applicationId, String reviewer, ReviewStage stage, Map<Integer, Double> points,
                   double score, String comment, boolean submitted, Instant now) throws SQLException {
        update(c, "INSERT OR REPLACE INTO selection_sheet VALUES (?, ?, ?, ?, ?, ?, ?)", applicationId, reviewer, stage,
                submitted, score, comment, now.toEpochMilli());
        if (points.isEmpty()) {
            return;
        }
        // the items in one statement (their positions differ, so no two rows of it collide): a DuckDB statement costs
        // milliseconds, and the demo rounds save some 400 sheets at a first start (docs/benchmarks.md, "Test command
        // duration", round 5)
        List<Object> params = new ArrayList<>();
        for (Map.Entry<Integer, Double> p : points.entrySet()) {
            params.addAll(Arrays.asList(applicationId, reviewer, stage, p.getKey(), p.getValue()));
        }
        update(c, "INSERT OR REPLACE INTO selection_sheet_item VALUES "
                + String.join(", ", Collections.nCopies(points.size(), "(?, ?, ?, ?, ?)")), params.toArray());
    }

    void reopenSheet(Connection c, long applicationId, String reviewer, ReviewStage stage, Instant now) throws SQLException {
        update(c, "UPDATE selection_sheet SET submitted = FALSE, updated_epoch_ms = ? WHERE application_id = ?"
                + " AND reviewer = ? AND stage = ?", now.toEpochMilli(), applicationId, reviewer, stage);
    }

    /** Submitted sheet scores of a round: application → stage → scores. */
    Map<Long, Map<ReviewStage, List<Double>>> submittedScores(Connection c, long roundId) throws SQLException {
        Map<Long, Map<ReviewStage, List<Double>>> out = new HashMap<>();
        for (Object[] row : list(c, "SELECT s.application_id, s.stage, s.score FROM selection_sheet s"
                        + " JOIN selection_application a ON a.id = s.application_id WHERE a.round_id = ? AND s.submitted"
                        + " ORDER BY s.application_id, s.stage, s.reviewer",
                rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getDouble(3)}, roundId)) {
            out.computeIfAbsent((Long) row[0], k -> new EnumMap<>(ReviewStage.class))
                    .computeIfAbsent(ReviewStage.valueOf((String) row[1]), k -> new ArrayList<>()).add((Double) row[2]);
        }
        return out;
    }

    // ---- objections ----

    long insertObjection(Connection c, long roundId, long applicationId, String objector, String contact,
                         LocalDate receivedOn, String content, String evidence, ObjectionStatus status, String statusReason,
                         String by, Instant now) throws SQLException {
        long id = nextId(c);
        update(c, "INSERT INTO selection_objection VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)", id, roundId,
                applicationId, objector, contact, receivedOn, content, evidence, status, statusReason, by, now.toEpochMilli());
        return id;
    }

    List<Objection> objections(Connection c, long roundId) throws SQLException {
        return list(c, "SELECT * FROM selection_objection WHERE round_id = ? ORDER BY received_on, id", this::objection,
                roundId);
    }

    Optional<Objection> objection(Connection c, long id) throws SQLException {
        return single(c, "SELECT * FROM selection_objection WHERE id = ?", this::objection, id);
    }

    private Objection objection(ResultSet rs) throws SQLException {
        long app = rs.getLong("application_id");
        String townName = single(rs.getStatement().getConnection(), "SELECT town_code FROM selection_application WHERE id = ?",
                r -> r.getString(1), app).map(code -> towns.find(code).map(t -> t.countyName() + t.name()).orElse(code))
                .orElse("");
        return new Objection(rs.getLong("id"), rs.getLong("round_id"), app, townName, rs.getString("objector"),
                rs.getString("contact"), date(rs, "received_on"), rs.getString("content"), rs.getString("evidence"),
                ObjectionStatus.valueOf(rs.getString("status")), rs.getString("status_reason"), rs.getString("conclusion"),
                rs.getString("recorded_by"));
    }

    void concludeObjection(Connection c, long id, ObjectionStatus status, String conclusion) throws SQLException {
        update(c, "UPDATE selection_objection SET status = ?, conclusion = ? WHERE id = ?", status, conclusion, id);
    }

    // ---- vetoes and bans ----

    long insertVeto(Connection c, String townCode, VetoKind kind, LocalDate occurredOn, String source, String description,
                    String by, Instant now) throws SQLException {
        long id = nextId(c);
        update(c, "INSERT INTO selection_veto VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, townCode, kind, occurredOn, source,
                description, by, now.toEpochMilli());
        return id;
    }

    List<VetoEvent> vetoes(Connection c, String townCode) throws SQLException {
        return list(c, "SELECT * FROM selection_veto WHERE (CAST(? AS VARCHAR) IS NULL OR town_code = ?)"
                        + " ORDER BY occurred_on DESC, id DESC",
                rs -> new VetoEvent(rs.getLong("id"), rs.getString("town_code"), VetoKind.valueOf(rs.getString("kind")),
                        date(rs, "occurred_on"), rs.getString("source"), rs.getString("description"),
                        rs.getString("recorded_by")), townCode, townCode);
    }

    void ban(Connection c, String townCode, int untilYear, String reason, Instant now) throws SQLException {
        update(c, "INSERT INTO selection_ban VALUES (?, ?, ?, ?)", townCode, untilYear, reason, now.toEpochMilli());
    }

    Integer bannedUntil(Connection c, String townCode) throws SQLException {
        return list(c, "SELECT until_year FROM selection_ban WHERE town_code = ? ORDER BY until_year DESC",
                rs -> rs.getInt(1), townCode).stream().findFirst().orElse(null);
    }
}
