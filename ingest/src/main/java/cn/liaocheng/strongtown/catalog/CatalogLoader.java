package cn.liaocheng.strongtown.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Reads one catalog file (YAML) and validates it; any problem is a {@link CatalogException}. */
public final class CatalogLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Plain JSON in the catalog's own field names, for publishing the catalog with a snapshot. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private CatalogLoader() {
    }

    /** The catalog as a JSON tree (the fields of its YAML file), as a snapshot publishes it. */
    public static JsonNode toJson(Catalog catalog) {
        return JSON.valueToTree(catalog);
    }

    /** A catalog published as JSON ({@link #toJson}), validated like a file; {@code source} names it in messages. */
    public static Catalog fromJson(JsonNode node, String source) {
        Catalog catalog;
        try {
            catalog = JSON.treeToValue(node, Catalog.class);
        } catch (JacksonException e) {
            throw new CatalogException(source, List.of("格式错误（" + e.getOriginalMessage() + "）"));
        }
        List<String> problems = CatalogValidator.validate(catalog);
        if (!problems.isEmpty()) {
            throw new CatalogException(source, problems);
        }
        return catalog;
    }

    public static Catalog load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new CatalogException(file.toString(), List.of("无法读取文件：" + e.getMessage()));
        }
    }

    /** Parses and validates; {@code source} names the input in error messages. */
    public static Catalog parse(InputStream in, String source) {
        Catalog catalog;
        try {
            catalog = YAML.readValue(in, Catalog.class);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "第 " + at.getLineNr() + " 行第 " + at.getColumnNr() + " 列：";
            throw new CatalogException(source, List.of(where + "格式错误（" + e.getOriginalMessage() + "）"));
        } catch (IOException e) {
            throw new CatalogException(source, List.of("无法读取：" + e.getMessage()));
        }
        if (catalog == null) {
            throw new CatalogException(source, List.of("文件为空"));
        }
        List<String> problems = CatalogValidator.validate(catalog);
        if (!problems.isEmpty()) {
            throw new CatalogException(source, problems);
        }
        return catalog;
    }
}
