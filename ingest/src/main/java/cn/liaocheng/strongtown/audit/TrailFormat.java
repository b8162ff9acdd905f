package cn.liaocheng.strongtown.audit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one place that turns a {@link TrailEntry} into bytes and back. The hash of an entry is the SHA-256 of
 * its <em>canonical</em> form: a JSON object with the fields in the fixed order of {@link #FIELDS} (all but
 * {@code hash}), no whitespace, nulls written as {@code null}, strings escaped by Jackson's generator (which
 * writes non-ASCII characters as they are, in UTF-8). A stored line is the canonical form with
 * {@code "hash"} appended as the last field, so a line can be checked by re-serialising what it parses to.
 * Changing anything here breaks every existing chain: it is written once.
 */
public final class TrailFormat {

    /** The hashed fields, in canonical order. */
    static final List<String> FIELDS = List.of("seq", "at", "category", "action", "user", "county", "sha256",
            "detail", "address", "ref", "prev");
    public static final String GENESIS = "0".repeat(64);

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrailFormat() {
    }

    /** The canonical serialisation of an entry (without its own hash). */
    public static String canonical(TrailEntry e) {
        return write(e, false);
    }

    /** The stored line (without the line break): canonical form plus the hash. */
    static String line(TrailEntry e) {
        return write(e, true);
    }

    static String hashOf(TrailEntry e) {
        return sha256Hex(canonical(e).getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(TrailEntry e, boolean withHash) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("seq", e.seq());
            text(g, "at", e.at());
            text(g, "category", e.category());
            text(g, "action", e.action());
            text(g, "user", e.user());
            text(g, "county", e.county());
            text(g, "sha256", e.sha256());
            text(g, "detail", e.detail());
            text(g, "address", e.address());
            text(g, "ref", e.ref());
            text(g, "prev", e.prev());
            if (withHash) {
                text(g, "hash", e.hash());
            }
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    private static void text(JsonGenerator g, String name, String value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value);
        }
    }

    /** Parses a stored line; throws {@link IllegalArgumentException} (Chinese message) when it is not one. */
    static TrailEntry parse(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("不是有效的 JSON");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("不是一条审计记录");
        }
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        Set<String> expected = new TreeSet<>(FIELDS);
        expected.add("hash");
        if (!names.equals(expected)) {
            throw new IllegalArgumentException("字段不符（应为 " + String.join("、", expected) + "）");
        }
        if (!node.get("seq").canConvertToLong()) {
            throw new IllegalArgumentException("序号不是整数");
        }
        return new TrailEntry(node.get("seq").asLong(), str(node, "at"), str(node, "category"), str(node, "action"),
                str(node, "user"), str(node, "county"), str(node, "sha256"), str(node, "detail"), str(node, "address"),
                str(node, "ref"), str(node, "prev"), str(node, "hash"));
    }

    private static String str(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
