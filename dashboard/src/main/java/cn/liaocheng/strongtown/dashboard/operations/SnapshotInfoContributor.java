package cn.liaocheng.strongtown.dashboard.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.dashboard.StrongTownProperties;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.SnapshotPointer;
import cn.liaocheng.strongtown.scoring.ScoringPipeline;

/**
 * {@code /actuator/info} section {@code strongtown}: the published snapshot (id, creation time, engine, catalog
 * id and version it was scored with, demo or not) and the newest catalog version in {@code data/catalog}. The
 * application version comes from Boot's build info ({@code build.version}).
 */
@Component
class SnapshotInfoContributor implements InfoContributor {

    private final Lake lake;
    private final CatalogRepository catalogs;
    private final ObjectMapper json = new ObjectMapper();

    SnapshotInfoContributor(StrongTownProperties properties, CatalogRepository catalogs) {
        this.lake = new Lake(properties.lake());
        this.catalogs = catalogs;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("newestCatalogVersion", catalogs.newest().version());
        Optional<String> current = SnapshotPointer.current(lake);
        details.put("snapshotId", current.orElse(null));
        current.flatMap(this::manifest).ifPresent(m -> {
            details.put("snapshotCreatedAt", m.path("created_at").asText());
            details.put("engine", m.path("engine").asText());
            details.put("catalogId", m.path("catalog_id").asText());
            details.put("catalogVersion", m.path("catalog_version").asText());
            details.put("demo", m.path("demo").asBoolean(false));
        });
        builder.withDetail("strongtown", details);
    }

    private Optional<JsonNode> manifest(String snapshot) {
        Path file = lake.snapshot(snapshot).resolve(ScoringPipeline.MANIFEST);
        try {
            return Files.isRegularFile(file) ? Optional.of(json.readTree(file.toFile())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
