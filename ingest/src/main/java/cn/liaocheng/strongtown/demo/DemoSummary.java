package cn.liaocheng.strongtown.demo;

import java.util.List;
import java.util.Map;

/**
 * What a generator run wrote.
 *
 * @param designations designated towns by year
 * @param anomalies planted anomalies, as "town/year/indicator: kind ×factor"
 */
public record DemoSummary(DemoSpec spec, int towns, long enterprises, long enterpriseYearRows,
                          long declarationRows, Map<Integer, List<String>> designations, List<String> anomalies) {
}
