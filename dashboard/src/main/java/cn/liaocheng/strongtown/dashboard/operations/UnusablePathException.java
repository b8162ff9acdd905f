package cn.liaocheng.strongtown.dashboard.operations;

import java.nio.file.Path;

/** A configured folder or file cannot be used; the message says which setting, which path and why, in Chinese. */
public class UnusablePathException extends RuntimeException {

    private final String setting;

    public UnusablePathException(String setting, Path path, String reason) {
        super("配置项 " + setting + " 指向的路径不可用：" + path + "（" + reason + "）");
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
