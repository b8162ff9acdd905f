package cn.liaocheng.strongtown.dashboard.chart;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;

/**
 * An Apache ECharts chart. The option is built in Java (maps and lists, as in ECharts' own
 * documentation) and sent as JSON to the {@code <echarts-chart>} element.
 */
@Tag("echarts-chart")
@JavaScript("context://js/echarts.min.js")
@JavaScript("context://js/echarts-chart.js")
public class EChart extends Component implements HasSize {

    private static final ObjectMapper JSON = new ObjectMapper();

    public EChart() {
        setWidthFull();
        setHeight("360px");
    }

    /** Replaces the whole option; animation is off so that screenshots are stable. */
    public void setOption(Map<String, Object> option) {
        Map<String, Object> withDefaults = new LinkedHashMap<>(option);
        withDefaults.putIfAbsent("animation", false);
        try {
            getElement().setProperty("option", JSON.writeValueAsString(withDefaults));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("chart option is not serialisable", e);
        }
    }
}
