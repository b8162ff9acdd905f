package cn.liaocheng.strongtown.collection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.fasterxml.jackson.databind.SerializationFeature;

import cn.liaocheng.strongtown.audit.AuditTrail;
import cn.liaocheng.strongtown.audit.TrailEvent;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.LakeTransaction;

/**
 * The data events' outbox: one small JSON file per event under {@code audit/}, written in the same
 * {@link LakeTransaction} as the data it describes, so an event exists exactly when its data do. Right after
 * each commit the events are forwarded to the one {@link AuditTrail} ({@link #forwardToTrail()}), which is
 * what the audit view shows and {@code strongtown audit verify} checks; an event a crash kept from being
 * forwarded is forwarded by the next intake or dashboard start (by its key, so only once).
 */
public final class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    static final String FOLDER = "audit";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Lake lake;

    public AuditLog(Lake lake) {
        this.lake = lake;
    }

    public void stage(LakeTransaction tx, AuditEvent event) {
        String name = event.at().replaceAll("[^0-9A-Za-z]", "") + "-" + event.dataset() + "-" + event.year()
                + "-r" + event.revision() + "-" + event.action() + ".json";
        try {
            JSON.writeValue(tx.stage(FOLDER + "/" + name).toFile(), event);
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入审计记录", e);
        }
    }

    /**
     * Brings every event not yet in the lake's audit trail into it (by its key, once). A failure is logged and
     * left for the next forwarding: the data are committed, and their events wait safely here.
     */
    public int forwardToTrail() {
        try {
            return AuditTrail.of(lake).appendMissing(trailEvents()).size();
        } catch (RuntimeException e) {
            LOG.error("Forwarding data events to the audit trail failed; the next intake or start retries", e);
            return 0;
        }
    }

    /** The events as trail events, each keyed by what identifies it in this log. */
    public List<TrailEvent> trailEvents() {
        return events().stream().map(AuditLog::toTrail).toList();
    }

    static TrailEvent toTrail(AuditEvent e) {
        String action = switch (e.action()) {
            case "accept" -> "DATA_UPLOADED";
            case "restore" -> "DATA_RESTORED";
            case "extract" -> "REGISTRY_EXTRACTED";
            default -> "DATA_" + e.action().toUpperCase(java.util.Locale.ROOT);
        };
        // machine-style detail like the dashboard's own ("league 2025 csv 136 rows"): the audit view shows it
        // unchanged in either language; the Chinese validation summary stays in this log's own file
        StringBuilder detail = new StringBuilder();
        detail.append(e.dataset()).append(' ').append(e.year()).append(" r").append(e.revision());
        if (e.restoredFrom() != null) {
            detail.append(" from r").append(e.restoredFrom());
        }
        if (e.fileName() != null) {
            detail.append(" file ").append(e.fileName());
        }
        detail.append(" rows ").append(e.changedRows());
        Instant at = LocalDateTime.parse(e.at()).atZone(ZoneId.systemDefault()).toInstant();
        String ref = "lake-audit:" + e.dataset() + ":" + e.year() + ":r" + e.revision() + ":" + e.action() + ":" + e.at();
        return new TrailEvent(at, TrailEvent.DATA, action, e.user(), e.county(), e.sha256(), detail.toString(), null, ref);
    }

    /** All events, oldest first. */
    public List<AuditEvent> events() {
        Path folder = lake.root().resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<AuditEvent> events = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                events.add(JSON.readValue(f.toFile(), AuditEvent.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取审计记录 " + folder, e);
        }
        events.sort(Comparator.comparing(AuditEvent::at));
        return events;
    }
}
