package cn.liaocheng.strongtown.dashboard.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.liaocheng.strongtown.dashboard.BrowserSupport;
import cn.liaocheng.strongtown.dashboard.security.ui.LoginPage;

/**
 * "League table and chart painted" in headless Chromium: a script added to every new document polls
 * every 5 ms and notes, in ms since navigation start ({@code performance.now()}), when the league grid
 * shows town rows and when every {@code <echarts-chart>} has drawn (marked rendered, with a canvas
 * that has non-transparent pixels). One load warms the browser cache and is reported apart.
 */
final class PaintProbe implements AutoCloseable {

    /** One page load: navigation start → grid rows, → all charts drawn, → both. */
    record Load(double gridMs, double chartsMs, double paintedMs) {
    }

    private static final String PROBE = """
            (() => {
              const inked = canvas => {
                if (!canvas || canvas.width === 0 || canvas.height === 0) return false;
                const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
                return false;
              };
              const drawn = chart => chart.getAttribute('data-rendered') === 'true' && inked(chart.querySelector('canvas'));
              const check = () => {
                const grid = document.getElementById('league-grid');
                const table = document.getElementById('county-grid');
                const profile = document.getElementById('profile-key-figures');
                if (window.__stGrid === undefined && ((grid && grid.size > 0
                    && [...grid.querySelectorAll('vaadin-grid-cell-content')]
                        .some(c => /(镇|街道|乡)(#\\d+)?$/.test(c.textContent.trim())))
                    || (table && table.size > 0
                        && [...table.querySelectorAll('vaadin-grid-cell-content')].some(c => /[区县市]/.test(c.textContent)))
                    || (profile && profile.textContent.trim().length > 0))) {
                  window.__stGrid = performance.now();
                }
                const charts = [...document.querySelectorAll('echarts-chart')];
                if (window.__stCharts === undefined && charts.length > 0 && charts.every(drawn)) {
                  window.__stCharts = performance.now();
                }
                if (window.__stGrid === undefined || window.__stCharts === undefined) setTimeout(check, 5);
              };
              setTimeout(check, 5);
            })();
            """;

    private final WebDriver driver;
    private final String base;

    PaintProbe(String base, String user, String password) {
        this.base = base;
        this.driver = BrowserSupport.headlessChromium(1400, 1000);
        ((HasCdp) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
        new LoginPage(driver, base).open().logIn(user, password);
    }

    /**
     * Loads {@code /league} {@code times} times, {@code pause} apart. A load that does not paint within 30 s is
     * not a sample: it goes to {@code failures} and the next load follows.
     */
    List<Load> loads(int times, Duration pause, List<String> failures) throws InterruptedException {
        List<Load> loads = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            try {
                loads.add(load());
            } catch (BenchFailure e) {
                failures.add("load " + (i + 1) + ": " + e.getMessage());
            }
            Thread.sleep(pause.toMillis());
        }
        return loads;
    }

    Load load() {
        return load("league");
    }

    /**
     * Loads a route and waits until its table (league grid with town rows, county grid with counties) or the
     * profile's key figures show, and every chart on the page has drawn.
     */
    Load load(String route) {
        driver.get(base + "/" + route);
        try {
            new WebDriverWait(driver, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(50)).until(d -> Boolean.TRUE
                    .equals(js("return window.__stGrid !== undefined && window.__stCharts !== undefined;")));
        } catch (TimeoutException e) {
            throw new BenchFailure(route + ": table or chart not painted within 30 s", e);
        }
        double grid = ((Number) js("return window.__stGrid;")).doubleValue();
        double charts = ((Number) js("return window.__stCharts;")).doubleValue();
        return new Load(grid, charts, Math.max(grid, charts));
    }

    /** Logs out through the app's button, so that the browser's session (and its UIs) end before heap is measured. */
    void logOut() {
        js("document.getElementById('logout').click();");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/login"));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
