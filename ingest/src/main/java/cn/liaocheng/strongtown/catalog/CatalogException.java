package cn.liaocheng.strongtown.catalog;

import java.util.List;

/** A catalog that cannot be used; {@link #problems()} lists every reason, in Chinese. */
public class CatalogException extends RuntimeException {

    private final List<String> problems;

    public CatalogException(String source, List<String> problems) {
        super("指标体系文件 " + source + " 有误：\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
