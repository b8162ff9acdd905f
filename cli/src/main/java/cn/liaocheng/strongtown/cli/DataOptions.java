package cn.liaocheng.strongtown.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.town.TownRegistry;
import picocli.CommandLine.Option;

/**
 * Where the data live: the options every data command shares (a picocli mixin). Defaults come from the same
 * environment variables as the dashboard's settings, so one environment file serves both (docs/deployment.md).
 */
public class DataOptions {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:STRONGTOWN_DATA_DIR:-data}",
            description = "含 catalog 与 reference 的数据目录（默认 $STRONGTOWN_DATA_DIR 或 data） / data folder with catalog/ and reference/")
    Path data;

    @Option(names = "--lake", paramLabel = "DIR", defaultValue = "${env:STRONGTOWN_LAKE_DIR}",
            description = "数据湖目录（默认 $STRONGTOWN_LAKE_DIR 或 <data>/lake） / the lake")
    Path lake;

    @Option(names = "--state", paramLabel = "DIR", defaultValue = "${env:STRONGTOWN_STATE_DIR}",
            description = "状态目录：工作库、密钥（默认 $STRONGTOWN_STATE_DIR 或 <data>/state） / state folder: workflow database, keys")
    Path state;

    /** The data folder, checked to hold the catalog and the reference facts. */
    public Path data() {
        if (!Files.isDirectory(data.resolve("catalog")) || !Files.isDirectory(data.resolve("reference"))) {
            throw CliFailure.usage("数据目录 " + data.toAbsolutePath() + " 中没有 catalog 与 reference，请用 --data 指定");
        }
        return data;
    }

    public Lake lake() {
        return new Lake(lake != null ? lake : data.resolve("lake"));
    }

    public Path state() {
        return state != null ? state : data.resolve("state");
    }

    public TownRegistry towns() {
        return TownRegistry.load(data().resolve("reference"));
    }

    public CatalogRepository catalogs() {
        return CatalogRepository.load(data().resolve("catalog"));
    }

    /** An input file that must exist. */
    public static Path existingFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw CliFailure.usage("文件不存在：" + file);
        }
        return file;
    }
}
