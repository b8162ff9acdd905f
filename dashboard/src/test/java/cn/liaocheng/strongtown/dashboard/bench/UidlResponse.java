package cn.liaocheng.strongtown.dashboard.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One Vaadin Flow UIDL answer ({@code for(;;);[{...}]}), with the few things a scripted client needs:
 * the next sync and client ids, the element ids the answer assigned to state nodes, the grid/combo
 * connector calls ({@code $connector.updateSize}, {@code set}, {@code confirm}) and their target nodes.
 */
record UidlResponse(JsonNode json) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GUARD = "for(;;);";

    /** A connector update that the browser acknowledges with {@code confirmUpdate(id)}. */
    record Confirm(int node, int updateId) {
    }

    static UidlResponse parse(String body) {
        if (!body.startsWith(GUARD)) {
            throw new BenchFailure("not a UIDL answer: " + abbreviate(body));
        }
        JsonNode array;
        try {
            array = JSON.readTree(body.substring(GUARD.length()));
        } catch (java.io.IOException e) {
            throw new BenchFailure("unparsable UIDL answer: " + abbreviate(body));
        }
        if (!array.isArray() || array.size() != 1) {
            throw new BenchFailure("UIDL answer is not one message: " + abbreviate(body));
        }
        return fromMessage(array.get(0));
    }

    /** The {@code uidl} object of the {@code ?v-r=init} answer has the same shape. */
    static UidlResponse fromMessage(JsonNode message) {
        JsonNode meta = message.path("meta");
        for (String bad : List.of("sessionExpired", "appError", "async")) {
            if (meta.has(bad)) {
                throw new BenchFailure("server says " + bad + ": " + abbreviate(meta.toString()));
            }
        }
        if (message.path("resynchronize").asBoolean(false)) {
            throw new BenchFailure("server asks to resynchronize (lost message)");
        }
        if (!message.has("syncId") || !message.has("clientId")) {
            throw new BenchFailure("UIDL answer without syncId/clientId: " + abbreviate(message.toString()));
        }
        return new UidlResponse(message);
    }

    int syncId() {
        return json.get("syncId").asInt();
    }

    int clientId() {
        return json.get("clientId").asInt();
    }

    /** Element ids set in this answer ({@code id} attribute, node feature 3) → state node. */
    Map<String, Integer> ids() {
        Map<String, Integer> ids = new HashMap<>();
        for (JsonNode change : json.path("changes")) {
            if ("put".equals(change.path("type").asText()) && change.path("feat").asInt() == 3
                    && "id".equals(change.path("key").asText())) {
                ids.put(change.path("value").asText(), change.path("node").asInt());
            }
        }
        return ids;
    }

    int requireId(String id) {
        Integer node = ids().get(id);
        if (node == null) {
            throw new BenchFailure("answer does not render #" + id);
        }
        return node;
    }

    /**
     * The last value this answer puts under {@code key} on {@code node} (an attribute or a property), if any; a
     * resource's URL (sent as {@code {"uri": …}}) as the URL.
     */
    java.util.Optional<String> value(int node, String key) {
        String found = null;
        for (JsonNode change : json.path("changes")) {
            if ("put".equals(change.path("type").asText()) && change.path("node").asInt() == node
                    && key.equals(change.path("key").asText()) && change.has("value")) {
                JsonNode value = change.get("value");
                found = value.isTextual() ? value.asText() : value.has("uri") ? value.get("uri").asText() : value.toString();
            }
        }
        return java.util.Optional.ofNullable(found);
    }

    /** Whether the answer carries this text anywhere (a label, a message). */
    boolean mentions(String text) {
        return json.toString().contains(text);
    }

    /** {@code $connector.confirm(id)} calls: the browser answers each with {@code confirmUpdate(id)}. */
    List<Confirm> confirms() {
        List<Confirm> confirms = new ArrayList<>();
        for (JsonNode call : json.path("execute")) {
            if (script(call).contains("$connector.confirm(")) {
                confirms.add(new Confirm(target(call), call.get(1).asInt()));
            }
        }
        return confirms;
    }

    /** Whether the answer calls {@code $connector.<function>} on {@code node}. */
    boolean callsConnector(int node, String function) {
        for (JsonNode call : json.path("execute")) {
            if (target(call) == node && script(call).contains("$connector." + function + "(")) {
                return true;
            }
        }
        return false;
    }

    /** The size a {@code $connector.updateSize(n)} call gives {@code node}, if the answer has one. */
    OptionalInt updatedSize(int node) {
        for (JsonNode call : json.path("execute")) {
            if (target(call) == node && script(call).contains("$connector.updateSize(")) {
                return OptionalInt.of(call.get(1).asInt());
            }
        }
        return OptionalInt.empty();
    }

    /** Start index of a {@code $connector.set(start, items)} call on {@code node}, if any. */
    OptionalInt setStart(int node) {
        for (JsonNode call : json.path("execute")) {
            if (target(call) == node && script(call).contains("$connector.set(")) {
                return OptionalInt.of(call.get(1).asInt());
            }
        }
        return OptionalInt.empty();
    }

    /** Execute entries are {@code [args..., script]}; the node is the first {@code [0, node]} argument. */
    private static int target(JsonNode call) {
        for (JsonNode arg : call) {
            if (arg.isArray() && arg.size() == 2 && arg.get(0).asInt(-1) == 0 && arg.get(1).isNumber()) {
                return arg.get(1).asInt();
            }
        }
        return -1;
    }

    private static String script(JsonNode call) {
        JsonNode last = call.get(call.size() - 1);
        return last.isTextual() ? last.asText() : "";
    }

    static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
