package com.imagestudio.flow.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editor page in Debian's Chromium, driven like a person would: nodes dragged from the
 * palette, ports connected by dragging, a photo uploaded, the run followed live.
 * Needs {@code apt-get install chromium chromium-driver} (.ci/run does it); no browser download.
 * Screenshots land in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EditorBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static ChromeDriver browser;
    private static Path profile;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startChromium() throws IOException {
        assertThat(CHROMIUM).as("Chromium: apt-get install -y chromium chromium-driver").isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver: apt-get install -y chromium-driver").isExecutable();
        // with the driver and the browser both named, Selenium skips Selenium Manager: nothing is downloaded
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("editor-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=1500,950");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @BeforeEach
    void openEditor() {
        browser.get("http://localhost:" + port + "/");
        waitUntil(Duration.ofSeconds(20), () -> !browser.findElements(testId("palette-item-Resize")).isEmpty());
    }

    @Test
    void aGraphDrawnByDragAndConnectResizesAnUploadedPhotoTo300By200AndTheResultCanBeDownloaded() throws Exception {
        dropFromPalette("LoadImage", 30, 30);
        dropFromPalette("Resize", 330, 30);
        dropFromPalette("Encode", 30, 430);
        dropFromPalette("SaveToLibrary", 330, 430);
        connect("loadImage", "image", "resize", "image");
        connect("resize", "image", "encode", "image");
        connect("encode", "image", "saveToLibrary", "image");
        find("layout").click();
        setNumber("param-resize-width", "300");
        setNumber("param-resize-height", "200");
        new Select(find("param-resize-mode")).selectByValue("exact");
        Path photo = Files.createTempFile("photo", ".jpg");
        Files.write(photo, TestPhotos.jpeg(900, 600));
        find("upload-loadImage-blob").sendKeys(photo.toAbsolutePath().toString());
        waitUntil(Duration.ofSeconds(20), () -> !browser.findElements(testId("uploaded-loadImage-blob")).isEmpty());
        waitUntil(Duration.ofSeconds(10), () -> !browser.findElements(testId("estimate")).isEmpty());
        screenshot("1-drawn");

        find("run").click();
        for (String node : List.of("loadImage", "resize", "encode", "saveToLibrary")) {
            waitUntil(Duration.ofSeconds(60), () -> textOf("status-" + node).startsWith("succeeded"));
        }
        WebElement thumbnail = find("thumb-saveToLibrary");
        waitUntil(Duration.ofSeconds(10), () -> imageLoaded(thumbnail) && imageLoaded(find("compare-after")));
        screenshot("2-run");

        assertThat(edges()).hasSize(3);
        assertThat(textOf("run-status")).isEqualTo("succeeded");
        assertThat(thumbnail.isDisplayed()).isTrue();
        assertThat(find("compare-slider").isDisplayed()).as("before/after slider").isTrue();
        String download = find("download-saveToLibrary").getAttribute("href");
        assertThat(download).contains("/api/runs/" + textOf("run-id") + "/outputs/saveToLibrary");
        HttpResponse<byte[]> result = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(HttpRequest.newBuilder(URI.create(download)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(result.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(result.body()));
        assertThat(image.getWidth()).isEqualTo(300);
        assertThat(image.getHeight()).isEqualTo(200);
        int centre = image.getRGB(150, 100);
        assertThat((centre >> 16) & 0xFF).as("red at the centre").isGreaterThan(200);
        assertThat(centre & 0xFF).as("blue at the centre").isLessThan(60);
    }

    @Test
    void aTextOutputDraggedOntoAnImageInputIsRefusedWhileAnImageOutputConnects() {
        dropFromPalette("CaptionForTests", 30, 30);
        dropFromPalette("LoadImage", 30, 330);
        dropFromPalette("SaveToLibrary", 400, 150);

        connect("captionForTests", "text", "saveToLibrary", "image");
        assertThat(edges()).as("edges after dragging TEXT onto IMAGE").isEmpty();
        waitUntil(Duration.ofSeconds(5), () -> !browser.findElements(testId("notice")).isEmpty());
        assertThat(textOf("notice")).contains("captionForTests.text (TEXT) cannot feed saveToLibrary.image (IMAGE)");
        screenshot("3-refused");

        connect("loadImage", "image", "saveToLibrary", "image");
        assertThat(edges()).hasSize(1);
    }

    @Test
    void anImportedGraphWhoseCropFallsOutsideThePhotoShowsTheErrorOnTheCropNode() throws Exception {
        Path workflow = Files.createTempFile("workflow", ".json");
        Files.writeString(workflow, """
                {"graph": {
                   "nodes": [{"id": "load", "type": "LoadImage"},
                             {"id": "crop", "type": "Crop", "params": {"x": 5000, "y": 0, "width": 100, "height": 100}},
                             {"id": "save", "type": "SaveToLibrary"}],
                   "edges": [{"from": "load.image", "to": "crop.image"}, {"from": "crop.image", "to": "save.image"}],
                   "inputs": [{"name": "photo", "node": "load", "param": "blob"}]}}
                """);
        Path photo = Files.createTempFile("photo", ".jpg");
        Files.write(photo, TestPhotos.jpeg(640, 480));

        find("import-file").sendKeys(workflow.toAbsolutePath().toString());
        waitUntil(Duration.ofSeconds(5), () -> browser.findElements(By.cssSelector(".react-flow__node")).size() == 3);
        find("upload-load-blob").sendKeys(photo.toAbsolutePath().toString());
        waitUntil(Duration.ofSeconds(20), () -> !browser.findElements(testId("uploaded-load-blob")).isEmpty());
        find("run").click();
        waitUntil(Duration.ofSeconds(60), () -> textOf("run-status").equals("failed"));
        screenshot("4-failed");

        assertThat(edges()).hasSize(2);
        assertThat(textOf("status-load")).startsWith("succeeded");
        assertThat(textOf("status-crop")).isEqualTo("failed");
        assertThat(textOf("error-crop")).isNotBlank();
        assertThat(textOf("status-save")).isEqualTo("skipped");
        assertThat(node("load").getLocation().getX()).as("imported without positions: laid out left to right")
                .isLessThan(node("crop").getLocation().getX());
    }

    @Test
    void aDeletedNodeComesBackWithUndo() {
        dropFromPalette("Resize", 100, 100);
        dropFromPalette("Encode", 450, 100);
        connect("resize", "image", "encode", "image");

        new Actions(browser).click(node("encode").findElement(By.cssSelector("header"))).perform();
        new Actions(browser).sendKeys(Keys.DELETE).perform();
        waitUntil(Duration.ofSeconds(5), () -> browser.findElements(By.cssSelector(".react-flow__node[data-id='encode']")).isEmpty());
        assertThat(edges()).isEmpty();

        new Actions(browser).keyDown(Keys.CONTROL).sendKeys("z").keyUp(Keys.CONTROL).perform();
        waitUntil(Duration.ofSeconds(5), () -> !browser.findElements(By.cssSelector(".react-flow__node[data-id='encode']")).isEmpty());
        assertThat(edges()).hasSize(1);

        new Actions(browser).keyDown(Keys.CONTROL).keyDown(Keys.SHIFT).sendKeys("z").keyUp(Keys.SHIFT).keyUp(Keys.CONTROL).perform();
        waitUntil(Duration.ofSeconds(5), () -> browser.findElements(By.cssSelector(".react-flow__node[data-id='encode']")).isEmpty());
        assertThat(edges()).as("redo deletes it again").isEmpty();
    }

    @Test
    void thePaletteSearchFindsANodeByItsAlias() {
        find("palette-search").sendKeys("upload");

        waitUntil(Duration.ofSeconds(5), () -> browser.findElements(By.cssSelector(".palette-item")).size() == 1);
        assertThat(find("palette-item-LoadImage").getText()).contains("Load image");
    }

    // ---- driving the page

    /** Drags a palette entry onto the canvas, dropping it at (x, y) from the canvas's top left. */
    private void dropFromPalette(String type, int x, int y) {
        WebElement item = find("palette-item-" + type);
        WebElement pane = browser.findElement(By.cssSelector(".react-flow__pane"));
        Rectangle box = pane.getRect();
        int before = browser.findElements(By.cssSelector(".react-flow__node")).size();
        new Actions(browser).clickAndHold(item).moveByOffset(15, 5)
                .moveToElement(pane, x - box.getWidth() / 2, y - box.getHeight() / 2)
                .release().perform();
        waitUntil(Duration.ofSeconds(5), () -> browser.findElements(By.cssSelector(".react-flow__node")).size() == before + 1);
    }

    /** Drags from an output port's handle to an input port's handle. */
    private void connect(String fromNode, String fromPort, String toNode, String toPort) {
        WebElement from = node(fromNode).findElement(By.cssSelector(".react-flow__handle.source[data-handleid='" + fromPort + "']"));
        WebElement to = node(toNode).findElement(By.cssSelector(".react-flow__handle.target[data-handleid='" + toPort + "']"));
        int before = edges().size();
        new Actions(browser).clickAndHold(from).moveByOffset(30, 10).moveToElement(to, 0, 0).moveToElement(to)
                .release().perform();
        // an accepted edge appears at once; give a refused one the same time to (not) appear
        waitUntil(Duration.ofSeconds(2), () -> edges().size() > before, false);
    }

    private void setNumber(String id, String value) {
        WebElement input = find(id);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value);
        waitUntil(Duration.ofSeconds(2), () -> value.equals(input.getDomProperty("value")));
    }

    private WebElement node(String id) {
        return browser.findElement(By.cssSelector(".react-flow__node[data-id='" + id + "']"));
    }

    private List<WebElement> edges() {
        return browser.findElements(By.cssSelector(".react-flow__edge"));
    }

    private WebElement find(String testId) {
        return browser.findElement(testId(testId));
    }

    private String textOf(String testId) {
        List<WebElement> found = browser.findElements(testId(testId));
        return found.isEmpty() ? "" : found.get(0).getText().strip();
    }

    private boolean imageLoaded(WebElement image) {
        return Boolean.TRUE.equals(browser.executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", image));
    }

    private static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    private void waitUntil(Duration timeout, java.util.function.BooleanSupplier condition) {
        waitUntil(timeout, condition, true);
    }

    private void waitUntil(Duration timeout, java.util.function.BooleanSupplier condition, boolean required) {
        try {
            new WebDriverWait(browser, timeout, Duration.ofMillis(100)).until(driver -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            if (required) {
                screenshot("failed-" + System.currentTimeMillis());
                throw e;
            }
        }
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
