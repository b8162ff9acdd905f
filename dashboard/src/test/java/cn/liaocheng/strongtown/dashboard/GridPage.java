package cn.liaocheng.strongtown.dashboard;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** What the page objects of grid views share: the texts of the rendered cells of a {@code <vaadin-grid>}. */
public final class GridPage {

    private GridPage() {
    }

    /** Non-blank texts of the cells the grid has rendered (an empty list while it re-renders). */
    public static List<String> cellTexts(WebDriver driver, String gridId) {
        try {
            return driver.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
                    .map(WebElement::getText).filter(t -> !t.isBlank()).toList();
        } catch (StaleElementReferenceException rerendered) {
            return List.of();
        }
    }
}
