package com.imagestudio.flow.web;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium driven through its chromedriver, with the few moves the browser
 * tests share: elements by {@code data-testid}, waiting on a condition, screenshots into
 * target/screenshots (one is taken whenever a wait times out).
 * Needs {@code apt-get install chromium chromium-driver} (.ci/run does it); nothing is downloaded.
 */
final class ChromiumPage implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver browser;
    private final Path profile;

    private ChromiumPage(ChromeDriver browser, Path profile) {
        this.browser = browser;
        this.profile = profile;
    }

    static ChromiumPage start() throws IOException {
        assertThat(CHROMIUM).as("Chromium: apt-get install -y chromium chromium-driver").isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver: apt-get install -y chromium-driver").isExecutable();
        // with the driver and the browser both named, Selenium skips Selenium Manager: nothing is downloaded
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = Files.createTempDirectory("editor-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=1500,950");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        return new ChromiumPage(browser, profile);
    }

    ChromeDriver driver() {
        return browser;
    }

    void open(String url) {
        browser.get(url);
    }

    WebElement find(String testId) {
        return browser.findElement(testId(testId));
    }

    List<WebElement> findAll(String testId) {
        return browser.findElements(testId(testId));
    }

    boolean isPresent(String testId) {
        return !findAll(testId).isEmpty();
    }

    /** The element's visible text, or "" while it is not on the page. */
    String textOf(String testId) {
        List<WebElement> found = findAll(testId);
        return found.isEmpty() ? "" : found.get(0).getText().strip();
    }

    /** Replaces what a text or number field holds as a person would (select all, type) and waits until it shows. */
    void fill(String testId, String value) {
        WebElement field = find(testId);
        field.click();
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), value);
        waitUntil(Duration.ofSeconds(2), () -> value.equals(field.getDomProperty("value")));
    }

    boolean imageLoaded(WebElement image) {
        return Boolean.TRUE.equals(browser.executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", image));
    }

    static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    /** Waits for the condition; on timeout saves a screenshot and fails. */
    void waitUntil(Duration timeout, BooleanSupplier condition) {
        waitUntil(timeout, condition, true);
    }

    /** Waits for the condition; on timeout either fails (required) or returns quietly. */
    void waitUntil(Duration timeout, BooleanSupplier condition, boolean required) {
        try {
            new WebDriverWait(browser, timeout, Duration.ofMillis(100)).until(driver -> condition.getAsBoolean());
        } catch (TimeoutException e) {
            if (required) {
                screenshot("failed-" + System.currentTimeMillis());
                throw e;
            }
        }
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        browser.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
