package cn.liaocheng.strongtown.dashboard.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

import cn.liaocheng.strongtown.dashboard.StrongTownProperties;

/**
 * Fails the start before any bean touches the disk when a configured path is unusable: the data folder must
 * hold {@code catalog/} and {@code reference/}; the lake and the workflow database's folder must be (or become)
 * writable folders. {@link UnusablePathFailureAnalyzer} turns the exception into a short report without a
 * stack trace. Registered in {@code META-INF/spring.factories}.
 */
public class StartupPathCheck implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        StrongTownProperties properties = Binder.get(environment).bind("strongtown", StrongTownProperties.class)
                .orElseGet(() -> new StrongTownProperties(null, null, null, null, null, null));
        check(properties);
    }

    static void check(StrongTownProperties properties) {
        Path data;
        try {
            data = properties.data();
        } catch (IllegalStateException e) {
            throw new UnusablePathException("strongtown.data-dir", Path.of("").toAbsolutePath(),
                    "未设置，且在工作目录及其上级找不到含 catalog 与 reference 的 data 目录");
        }
        for (String part : new String[] {"catalog", "reference"}) {
            if (!Files.isDirectory(data.resolve(part)) || !Files.isReadable(data.resolve(part))) {
                throw new UnusablePathException("strongtown.data-dir", data, "缺少可读的 " + part + " 目录");
            }
        }
        writableFolder("strongtown.lake-dir", properties.lake());
        Path workflow = properties.workflowDatabase().toAbsolutePath();
        writableFolder("strongtown.workflow-db", workflow.getParent());
        if (Files.exists(workflow) && (!Files.isRegularFile(workflow) || !Files.isWritable(workflow))) {
            throw new UnusablePathException("strongtown.workflow-db", workflow, "不是可写的文件");
        }
    }

    private static void writableFolder(String setting, Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new UnusablePathException(setting, folder, "不是目录");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException | SecurityException e) {
            throw new UnusablePathException(setting, folder, "无法创建目录");
        }
        if (!Files.isWritable(folder)) {
            throw new UnusablePathException(setting, folder, "目录不可写");
        }
    }
}
