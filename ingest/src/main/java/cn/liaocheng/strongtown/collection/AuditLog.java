package cn.liaocheng.strongtown.collection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.LakeTransaction;

/**
 * The audit log: one small JSON file per event under {@code audit/}, written in the same
 * {@link LakeTransaction} as the data it describes, so an event exists exactly when its data do.
 */
public final class AuditLog {

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
