package cn.liaocheng.strongtown.town;

import java.util.List;

/**
 * A township-level unit keyed by its NBS 2023 12-digit code.
 *
 * @param aliases other names that identify the town, e.g. current civil-affairs names (郭屯镇 for 郭店屯镇)
 */
public record Town(String code, String name, String countyCode, String countyName, TownType type,
                   List<String> aliases) {

    public Town {
        aliases = List.copyOf(aliases);
    }
}
