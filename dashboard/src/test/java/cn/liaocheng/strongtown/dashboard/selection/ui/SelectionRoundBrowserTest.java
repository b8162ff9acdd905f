package cn.liaocheng.strongtown.dashboard.selection.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.strongtown.dashboard.BrowserSupport;
import cn.liaocheng.strongtown.dashboard.StrongTownProperties;
import cn.liaocheng.strongtown.dashboard.collection.CollectionFixture;
import cn.liaocheng.strongtown.dashboard.collection.Submission;
import cn.liaocheng.strongtown.dashboard.collection.SubmissionService;
import cn.liaocheng.strongtown.dashboard.collection.SubmissionState;
import cn.liaocheng.strongtown.dashboard.DashboardTestContext;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.lake.PreparationState;
import cn.liaocheng.strongtown.dashboard.overview.OverviewService;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.security.StrongTownUser;
import cn.liaocheng.strongtown.dashboard.security.ui.LoginPage;
import cn.liaocheng.strongtown.dashboard.selection.Application;
import cn.liaocheng.strongtown.dashboard.selection.ApplicationService;
import cn.liaocheng.strongtown.dashboard.selection.ApplicationState;
import cn.liaocheng.strongtown.dashboard.selection.Round;
import cn.liaocheng.strongtown.dashboard.selection.RoundService;
import cn.liaocheng.strongtown.dashboard.selection.TownOption;
import cn.liaocheng.strongtown.dashboard.user.UserChange;
import cn.liaocheng.strongtown.dashboard.user.UserService;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A whole round in the browser, each role in its own session: the office opens it → the county applies
 * for two towns (申报书, signed pledge), recommends them and uploads its yearly data, which the office accepts
 * from its queue (多级上报) → formal check → three experts score at
 * /review → proposed list → 公示 → an objection upheld, the next in line moves up → designation → the
 * town shows as designated on the overview. The round is for 2022 (a year the test lake has scores for
 * and the demo rounds do not use), so the overview of 2022 shows it.
 */
class SelectionRoundBrowserTest extends DashboardTestContext {

    private static final int YEAR = 2022;
    private static final String PASSWORD = "reviewer-password-1";
    private static final List<String> EXPERTS = List.of("browser-e1", "browser-e2", "browser-e3");

    @Autowired
    RoundService rounds;
    @Autowired
    ApplicationService applications;
    @Autowired
    UserService users;
    @Autowired
    OverviewService overview;
    @Autowired
    SubmissionService submissions;
    @Autowired
    StrongTownProperties properties;
    @Autowired
    cn.liaocheng.strongtown.dashboard.selection.ReviewService review;

    private WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            BrowserSupport.release(driver);
            driver = null;
        }
        TestUsers.signOut();
    }

    /** A new session: the browser is handed back (cookies and storage cleared) and taken again, then logs in. */
    private void session(String user, String password) {
        if (driver != null) {
            BrowserSupport.release(driver);
        }
        driver = BrowserSupport.headlessChromium(1400, 1000);
        new LoginPage(driver, baseUrl()).open().logIn(user, password);
    }

    private WebDriverWait await(int seconds) {
        return BrowserSupport.await(driver, Duration.ofSeconds(seconds));
    }

    private WebElement byId(String id) {
        return await(30).until(d -> {
            List<WebElement> found = d.findElements(By.id(id));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    /** Clicks the element once it is shown; a grid re-rendering meanwhile only means trying again. */
    private void click(String id) {
        await(30).until(d -> {
            List<WebElement> found = d.findElements(By.id(id));
            if (found.isEmpty() || !found.get(0).isDisplayed()) {
                return false;
            }
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", found.get(0));
            try {
                found.get(0).click();
            } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
                // a notification over the button: click it where it is
                ((JavascriptExecutor) d).executeScript("arguments[0].click();", found.get(0));
            }
            return true;
        });
    }

    /** Sets a Vaadin field's value as typing would, then commits it (Flow syncs on change). */
    private void set(String id, String value) {
        WebElement field = byId(id);
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new CustomEvent('change', {bubbles: true}));", field, value);
    }

    /** Types into the field's own input and leaves it, as a user does. */
    private void type(String id, String value) {
        WebElement input = byId(id).findElement(By.tagName("input"));
        input.clear();
        input.sendKeys(value + org.openqa.selenium.Keys.TAB);
    }

    /** Opens a combo box and picks the item whose text contains {@code text}. */
    private void pick(String comboId, String text) {
        WebElement combo = byId(comboId);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", combo);
        try {
            combo.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
            ((JavascriptExecutor) driver).executeScript("arguments[0].opened = true;", combo);
        }
        await(30).until(d -> {
            WebElement item = d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                    .filter(e -> e.getText().contains(text)).findFirst().orElse(null);
            if (item == null) {
                return false;
            }
            item.click();
            return true;
        });
    }

    private void waitForText(String text) {
        await(60).until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    private void stage(String name) {
        // the stage line re-renders when the round moves on: a stale element only means looking again
        await(60).until(d -> {
            List<WebElement> s = d.findElements(By.id("round-stage"));
            return !s.isEmpty() && s.get(0).getText().contains(name);
        });
    }

    private void dismissDialog() {
        ((JavascriptExecutor) driver).executeScript("document.querySelectorAll('vaadin-dialog').forEach(d => d.opened = false);");
    }

    private void signInHere(String name, Role role, String county) {
        StrongTownUser user = new StrongTownUser(name, "{noop}unused", name, role, county, true, true);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    @Test
    void aWholeRoundRunsInTheBrowserForEveryRole() throws Exception {
        awaitLake();
        TestUsers.signIn(Role.ADMIN);
        for (String e : EXPERTS) {
            if (users.users().stream().noneMatch(u -> u.username().equals(e))) {
                users.create(e, new UserChange("浏览器专家" + e.substring(e.length() - 1), Role.REVIEWER, null, true), PASSWORD);
            }
        }
        TestUsers.signOut();

        // the office opens the round
        session("office", "office-demo-2025");
        driver.get(baseUrl() + "/selection");
        click("round-open");
        set("round-year", String.valueOf(YEAR));
        set("round-quota", "1");
        set("round-w-indicator", "1");
        set("round-w-materials", "0");
        set("round-w-site", "0");
        set("round-w-defence", "1");
        set("round-coverage", "50");
        set("round-application-deadline", "2099-12-31");
        set("round-review-deadline", "2099-12-31");
        set("round-criteria-defence", "陈述:60；答问:40");
        click("round-open-confirm");
        signInHere("browser-test", Role.OFFICE, null);
        Round round = await(30).until(d -> rounds.rounds().stream().filter(r -> r.year() == YEAR).findFirst().orElse(null));
        driver.get(baseUrl() + "/selection/" + YEAR);
        stage("组织申报");
        signInHere("browser-test", Role.COUNTY, TestUsers.OWN_COUNTY);
        List<TownOption> eligible = applications.towns(round.id(), null).stream().filter(t -> t.eligibility().eligible())
                .limit(2).toList();
        TestUsers.signOut();
        assertThat(eligible).hasSize(2);
        String first = eligible.get(0).townCode();
        String second = eligible.get(1).townCode();

        // the county applies for two towns and recommends them
        session("county", "county-demo-2025");
        driver.get(baseUrl() + "/selection/" + YEAR);
        Path pledge = Files.createTempFile("信用承诺书", ".pdf");
        Files.writeString(pledge, "%PDF-1.4\n% signed pledge scan\n%%EOF\n");
        for (String town : List.of(first, second)) {
            click("apply-" + town);
            set("app-basic", "基本情况");
            set("app-status", "产业发展现状");
            set("app-leading", "主导产业");
            set("app-practices", "特色做法");
            set("app-plan", "发展规划");
            click("app-save");
            WebElement upload = byId("upload-pledge");
            upload.getShadowRoot().findElement(By.cssSelector("input[type=file]")).sendKeys(pledge.toString());
            await(60).until(d -> !d.findElements(By.cssSelector("[id^='attachment-']")).isEmpty());
            dismissDialog();
            click("recommend-" + town);
            await(30)
                    .until(d -> d.findElements(By.id("recommend-" + town)).isEmpty());
        }

        // the county uploads its yearly data (多级上报): refused nowhere, it waits for the office
        signInHere("browser-test", Role.COUNTY, TestUsers.OWN_COUNTY);
        int dataYear = submissions.defaultYear();
        Path workbook = Files.createTempFile("东昌府区申报", ".xlsx");
        Files.write(workbook, new CollectionFixture(properties).fill(submissions.template(dataYear), dataYear, first, null));
        TestUsers.signOut();
        driver.get(baseUrl() + "/collection");
        byId("declaration-upload").getShadowRoot().findElement(By.cssSelector("input[type=file]")).sendKeys(workbook.toString());
        await(60).until(d -> d.findElement(By.id("upload-outcome")).getText().startsWith("已报送"));
        await(30).until(d -> d.findElement(By.id("submission-grid")).getText().contains("待接收")
                || d.findElements(By.cssSelector("#submission-grid vaadin-grid-cell-content")).stream()
                        .anyMatch(c -> c.getText().equals("待接收")));

        // the office accepts the county's data from its queue (the same values as the lake's: no new revision)
        session("office", "office-demo-2025");
        signInHere("browser-test", Role.OFFICE, null);
        long submission = submissions.submissions().stream().filter(Submission::pending)
                .filter(x -> x.countyCode().equals(TestUsers.OWN_COUNTY)).findFirst().orElseThrow().id();
        TestUsers.signOut();
        driver.get(baseUrl() + "/collection");
        click("accept-" + submission);
        await(60).until(d -> d.findElement(By.id("upload-outcome")).getText().startsWith("数据与当前版本"));
        signInHere("browser-test", Role.COUNTY, TestUsers.OWN_COUNTY);
        assertThat(submissions.submissions()).filteredOn(x -> x.id() == submission).singleElement()
                .satisfies(x -> assertThat(x.state()).isEqualTo(SubmissionState.ACCEPTED));
        TestUsers.signOut();

        // formal check, experts, assignment
        driver.get(baseUrl() + "/selection/" + YEAR);
        click("accept-" + first);
        await(30).until(d -> d.findElements(By.id("accept-" + first)).isEmpty());
        click("accept-" + second);
        await(30).until(d -> d.findElements(By.id("accept-" + second)).isEmpty());
        click("start-review");
        for (String e : EXPERTS) {
            click("register-" + e);
            click("expert-outside");
            click("expert-ok");
            signInHere("browser-test", Role.OFFICE, null);
            await(30).until(d -> review.experts().stream().anyMatch(x -> x.username().equals(e) && x.registered()));
            TestUsers.signOut();
        }
        for (String town : List.of(first, second)) {
            for (String e : EXPERTS) {
                click("assign-" + town);
                pick("assign-expert", e);
                click("assign-ok");
                await(30).until(d -> d.findElement(By.id("office-applications")).getText().contains(e));
            }
        }

        // three experts score at /review, each in their own session
        for (String e : EXPERTS) {
            session(e, PASSWORD);
            driver.get(baseUrl() + "/review");
            for (String town : List.of(first, second)) {
                click("review-open-" + town);
                // the detail shows this town's sheet once its fields are editable again
                await(30).until(d -> {
                    List<WebElement> f = d.findElements(By.id("sheet-defence-1"));
                    return !f.isEmpty() && f.get(0).getAttribute("readonly") == null;
                });
                boolean best = town.equals(first);
                type("sheet-defence-1", best ? "58" : "20");
                type("sheet-defence-2", best ? "38" : "10");
                click("sheet-submit-defence");
                try {
                    await(30).until(d -> d.findElements(By.id("sheet-submit-defence")).isEmpty());
                } catch (org.openqa.selenium.TimeoutException e2) {
                    throw new AssertionError("sheet not submitted: " + driver.findElement(By.tagName("body")).getText()
                            + " | " + ((JavascriptExecutor) driver).executeScript(
                            "return Array.from(document.querySelectorAll('vaadin-notification-card')).map(c => c.innerText).join(' / ')"
                            + " + ' | ' + document.getElementById('sheet-defence-1').value"), e2);
                }
            }
        }

        // proposed list, 公示, an objection upheld with 递补, designation
        session("office", "office-demo-2025");
        driver.get(baseUrl() + "/selection/" + YEAR);
        click("draw-list");
        stage("拟命名名单");
        set("notice-start", "2026-11-02");
        waitForText("2026-11-06");
        click("notice-go");
        waitForText("公示期");
        pick("objection-town", eligible.get(0).townName());
        set("objection-objector", "某村民委员会");
        set("objection-contact", "0635-0000000");
        set("objection-received", "2026-11-04");
        set("objection-content", "申报材料与实际不符");
        click("objection-record");
        // the objections list re-renders after recording: find and click in one look, again if it went stale
        await(30).until(d -> {
            List<WebElement> uphold = d.findElements(By.cssSelector("[id^='uphold-']"));
            if (uphold.isEmpty()) {
                return false;
            }
            uphold.get(0).click();
            return true;
        });
        set("reason-text", "经核查属实");
        click("reason-ok");
        await(30).until(d -> d.findElement(By.id("results")).getText().contains("取消"));
        click("designate");
        stage("正式命名");

        signInHere("browser-test", Role.OFFICE, null);
        List<Application> apps = applications.applications(round.id(), null);
        assertThat(apps.stream().filter(a -> a.townCode().equals(first)).findFirst().orElseThrow().state())
                .isEqualTo(ApplicationState.REMOVED);
        assertThat(apps.stream().filter(a -> a.townCode().equals(second)).findFirst().orElseThrow().state())
                .isEqualTo(ApplicationState.DESIGNATED);
        TestUsers.signOut();

        // after the re-scoring, the overview of 2022 lists the designated town
        await(300).until(d -> preparation.state().phase() == PreparationState.Phase.READY);
        TestUsers.signIn(Role.OFFICE);
        await(300).until(d -> overview.designated(YEAR).stream().anyMatch(t -> t.townCode().equals(second)));
        TestUsers.signOut();
        driver.get(baseUrl() + "/overview");
        byId("overview-year").click();
        // the select's overlay may re-render its items while they are read (seen under load): look again, as pick() does
        await(30).until(d -> {
            WebElement item = d.findElements(By.cssSelector("vaadin-select-item")).stream()
                    .filter(e -> e.getText().contains(String.valueOf(YEAR))).findFirst().orElse(null);
            if (item == null) {
                return false;
            }
            item.click();
            return true;
        });
        // the list re-renders when the year changes: an element found just before may be gone when read (seen under load)
        await(60)
                .until(d -> d.findElement(By.id("designated-towns")).getText().contains(eligible.get(1).townName()));
    }
}
