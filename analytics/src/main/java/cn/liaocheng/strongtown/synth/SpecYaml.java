package cn.liaocheng.strongtown.synth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads a {@link SynthSpec} from YAML:
 *
 * <pre>
 * unit: regionname              # unit column
 * time: year                    # time column (integers)
 * outcome: gdpcap
 * treated: Basque Country (Pais Vasco)
 * treatment_time: 1975
 * donors: [Cataluna, Madrid]    # optional; default every other unit
 * predictors:                   # each: variable or variables; times, or from/to; op mean|median|last
 *   - variables: [invest, school.high]
 *     from: 1964
 *     to: 1969
 *   - variable: popdens
 *     times: [1969]
 * fit: {from: 1960, to: 1969}   # window whose outcome error V minimises (or times: [...])
 * placebo: {in_space: true, in_time: 1970}
 * max_evaluations: 4000         # optional, outer search budget per start
 * </pre>
 */
public final class SpecYaml {

    private static final Set<String> KEYS = Set.of("unit", "time", "outcome", "treated", "treatment_time", "donors",
            "predictors", "fit", "placebo", "max_evaluations");

    private SpecYaml() {
    }

    public static SynthSpec read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        } catch (NoSuchFileException e) {
            throw new SynthInputException("找不到设定文件 " + file);
        } catch (IOException e) {
            throw new SynthInputException("无法读取设定文件 " + file);
        }
    }

    public static SynthSpec read(InputStream in, String name) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new SynthInputException(name + "：不是有效的 YAML 文件");
        }
        if (root == null || !root.isObject()) {
            throw new SynthInputException(name + "：内容应为键值对（unit、time、outcome …）");
        }
        root.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                throw new SynthInputException(name + "：未知的键“" + key + "”，可用的键为 " + new java.util.TreeSet<>(KEYS));
            }
        });
        String unit = text(root, "unit", name);
        String time = text(root, "time", name);
        String outcome = text(root, "outcome", name);
        String treated = text(root, "treated", name);
        int treatmentTime = integer(root.get("treatment_time"), "treatment_time", name);
        List<String> donors = new ArrayList<>();
        if (root.has("donors")) {
            for (JsonNode d : array(root.get("donors"), "donors", name)) {
                donors.add(d.asText());
            }
        }
        List<Predictor> predictors = new ArrayList<>();
        int index = 0;
        for (JsonNode p : array(root.get("predictors"), "predictors", name)) {
            index++;
            String where = "predictors 第 " + index + " 项";
            List<String> variables = new ArrayList<>();
            if (p.has("variable")) {
                variables.add(p.get("variable").asText());
            }
            if (p.has("variables")) {
                array(p.get("variables"), where + " 的 variables", name).forEach(v -> variables.add(v.asText()));
            }
            if (variables.isEmpty()) {
                throw new SynthInputException(name + "：" + where + " 缺少 variable 或 variables");
            }
            List<Integer> times = times(p, where, name);
            Predictor.Aggregation op = Predictor.Aggregation.MEAN;
            if (p.has("op")) {
                try {
                    op = Predictor.Aggregation.valueOf(p.get("op").asText().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new SynthInputException(name + "：" + where + " 的 op“" + p.get("op").asText()
                            + "”无效，可选 mean、median、last");
                }
            }
            for (String v : variables) {
                predictors.add(new Predictor(v, times, op));
            }
        }
        if (!root.has("fit")) {
            throw new SynthInputException(name + "：缺少键“fit”（拟合时间窗，如 {from: 1960, to: 1969}）");
        }
        List<Integer> fit = times(root.get("fit"), "fit", name);
        boolean inSpace = true;
        Integer inTime = null;
        if (root.has("placebo")) {
            JsonNode placebo = root.get("placebo");
            if (placebo.has("in_space")) {
                inSpace = placebo.get("in_space").asBoolean(true);
            }
            if (placebo.has("in_time") && !placebo.get("in_time").isNull()) {
                inTime = integer(placebo.get("in_time"), "placebo.in_time", name);
                if (inTime >= treatmentTime) {
                    throw new SynthInputException(name + "：placebo.in_time（" + inTime + "）应早于 treatment_time（"
                            + treatmentTime + "）");
                }
            }
        }
        int maxEvaluations = root.has("max_evaluations")
                ? integer(root.get("max_evaluations"), "max_evaluations", name) : SynthSpec.DEFAULT_MAX_EVALUATIONS;
        if (maxEvaluations < 10) {
            throw new SynthInputException(name + "：max_evaluations 至少为 10");
        }
        return new SynthSpec(unit, time, outcome, treated, treatmentTime, donors, predictors, fit, inSpace, inTime,
                maxEvaluations);
    }

    private static List<Integer> times(JsonNode node, String where, String name) {
        List<Integer> times = new ArrayList<>();
        if (node.has("times")) {
            for (JsonNode t : array(node.get("times"), where + " 的 times", name)) {
                times.add(integer(t, where + " 的 times", name));
            }
        } else if (node.has("from") && node.has("to")) {
            int from = integer(node.get("from"), where + " 的 from", name);
            int to = integer(node.get("to"), where + " 的 to", name);
            if (to < from) {
                throw new SynthInputException(name + "：" + where + " 的 to（" + to + "）早于 from（" + from + "）");
            }
            for (int t = from; t <= to; t++) {
                times.add(t);
            }
        } else {
            throw new SynthInputException(name + "：" + where + " 需要 times: [...] 或 from/to");
        }
        if (times.isEmpty()) {
            throw new SynthInputException(name + "：" + where + " 的时间为空");
        }
        return times;
    }

    private static String text(JsonNode root, String key, String name) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull() || node.asText().isBlank()) {
            throw new SynthInputException(name + "：缺少键“" + key + "”");
        }
        return node.asText().trim();
    }

    private static int integer(JsonNode node, String key, String name) {
        if (node == null || node.isNull()) {
            throw new SynthInputException(name + "：缺少键“" + key + "”");
        }
        if (node.isIntegralNumber()) {
            return node.asInt();
        }
        try {
            return Integer.parseInt(node.asText().trim());
        } catch (NumberFormatException e) {
            throw new SynthInputException(name + "：“" + key + "”的值“" + node.asText() + "”不是整数");
        }
    }

    private static Iterable<JsonNode> array(JsonNode node, String key, String name) {
        if (node == null || !node.isArray()) {
            throw new SynthInputException(name + "：“" + key + "”应为列表");
        }
        return node;
    }
}
