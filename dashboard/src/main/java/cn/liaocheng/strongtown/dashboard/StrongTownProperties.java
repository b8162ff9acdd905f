package cn.liaocheng.strongtown.dashboard;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

import cn.liaocheng.strongtown.demo.DemoSpec;
import cn.liaocheng.strongtown.lake.DataDir;

/**
 * Settings under {@code strongtown.*}.
 *
 * @param dataDir the folder with {@code catalog/} and {@code reference/}; found automatically if empty
 * @param lakeDir the lake; {@code <dataDir>/lake} if empty
 * @param demoOnFirstStart generate the synthetic demo lake when the lake has no raw data
 * @param demoScale size of that demo lake (1 = city scale)
 * @param demoFirstYear first year of the demo lake
 * @param workflowDb the embedded DuckDB file with users, audit log and workflow state;
 *                   {@code <dataDir>/state/workflow.duckdb} if empty
 */
@ConfigurationProperties("strongtown")
public record StrongTownProperties(Path dataDir, Path lakeDir, Boolean demoOnFirstStart, Double demoScale,
                                   Integer demoFirstYear, Path workflowDb) {

    public Path data() {
        return dataDir != null ? dataDir : DataDir.locate();
    }

    public Path lake() {
        return lakeDir != null ? lakeDir : data().resolve("lake");
    }

    public Path workflowDatabase() {
        return workflowDb != null ? workflowDb : data().resolve("state").resolve("workflow.duckdb");
    }

    public boolean generateDemo() {
        return demoOnFirstStart == null || demoOnFirstStart;
    }

    public DemoSpec demoSpec() {
        DemoSpec city = DemoSpec.cityDefault();
        return new DemoSpec(city.seed(), demoScale != null ? demoScale : city.scale(),
                demoFirstYear != null ? demoFirstYear : city.firstYear(), city.lastYear());
    }
}
