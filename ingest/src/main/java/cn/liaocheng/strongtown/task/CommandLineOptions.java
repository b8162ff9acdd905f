package cn.liaocheng.strongtown.task;

import java.util.HashMap;
import java.util.Map;

/** The {@code --name value} options of the command-line tools. */
public final class CommandLineOptions {

    private CommandLineOptions() {
    }

    /** Options from {@code args[from]} on; anything but pairs of {@code --name value} is an error naming it. */
    public static Map<String, String> parse(String[] args, int from) {
        Map<String, String> opts = new HashMap<>();
        for (int i = from; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("参数格式应为 --名称 值：" + args[i]);
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        return opts;
    }
}
