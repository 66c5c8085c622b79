package com.imagestudio.flow.web;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium driven through its chromedriver, with the few moves the browser
 * tests share: elements by {@code data-testid}, form fields and file choosers, waiting on a
 * condition, screenshots into target/screenshots (one is taken whenever a wait times out).
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

    /** Loads the page afresh, even when the address differs from the current one only by its hash. */
    void open(String url) {
        browser.get("about:blank");
        browser.get(url);
    }

    WebElement find(String testId) {
        return browser.findElement(testId(testId));
    }

    List<WebElement> findAll(String testId) {
        return browser.findElements(testId(testId));
    }

    /**
     * The {@code data-testid} of every element matching the CSS selector, read in one go in the
     * page, so a list that React re-renders meanwhile is never half read.
     */
    List<String> testIdsOf(String cssSelector) {
        List<?> ids = (List<?>) browser.executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.dataset.testid)", cssSelector);
        return ids.stream().map(String::valueOf).toList();
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

    /** The size of the picture the browser decoded, to check an image by its real dimensions. */
    Dimension naturalSize(WebElement image) {
        List<?> size = (List<?>) browser.executeScript("return [arguments[0].naturalWidth, arguments[0].naturalHeight]", image);
        return new Dimension(((Number) size.get(0)).intValue(), ((Number) size.get(1)).intValue());
    }

    /** Chooses an option of a select by its value. */
    void select(String testId, String value) {
        new Select(find(testId)).selectByValue(value);
    }

    /** The value of a form field (a select's chosen option, an input's text). */
    String valueOf(String testId) {
        return find(testId).getDomProperty("value");
    }

    /** Gives a file input its files, as choosing them in the dialog would (several for a {@code multiple} input). */
    void chooseFiles(String testId, Path... files) {
        find(testId).sendKeys(Arrays.stream(files).map(f -> f.toAbsolutePath().toString()).collect(Collectors.joining("\n")));
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
