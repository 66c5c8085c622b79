package com.imagestudio.flow.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
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

    private static ChromiumPage page;
    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startChromium() throws IOException {
        page = ChromiumPage.start();
        browser = page.driver();
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (page != null) {
            page.close();
        }
    }

    @BeforeEach
    void openEditor() {
        browser.get("http://localhost:" + port + "/");
        page.waitUntil(Duration.ofSeconds(20), () -> page.isPresent("palette-item-Resize"));
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
        page.find("layout").click();
        waitForStillViewport();
        setNumber("param-resize-width", "300");
        setNumber("param-resize-height", "200");
        new Select(page.find("param-resize-mode")).selectByValue("exact");
        Path photo = Files.createTempFile("photo", ".jpg");
        Files.write(photo, TestPhotos.jpeg(900, 600));
        page.find("upload-loadImage-blob").sendKeys(photo.toAbsolutePath().toString());
        page.waitUntil(Duration.ofSeconds(20), () -> page.isPresent("uploaded-loadImage-blob"));
        page.waitUntil(Duration.ofSeconds(10), () -> page.isPresent("estimate"));
        page.screenshot("1-drawn");

        page.find("run").click();
        for (String node : List.of("loadImage", "resize", "encode", "saveToLibrary")) {
            page.waitUntil(Duration.ofSeconds(60), () -> page.textOf("status-" + node).startsWith("succeeded"));
        }
        WebElement thumbnail = page.find("thumb-saveToLibrary");
        page.waitUntil(Duration.ofSeconds(10), () -> page.imageLoaded(thumbnail) && page.imageLoaded(page.find("compare-after")));
        page.screenshot("2-run");

        assertThat(edges()).hasSize(3);
        assertThat(page.textOf("run-status")).isEqualTo("succeeded");
        assertThat(thumbnail.isDisplayed()).isTrue();
        assertThat(page.find("compare-slider").isDisplayed()).as("before/after slider").isTrue();
        String download = page.find("download-saveToLibrary").getAttribute("href");
        assertThat(download).contains("/api/runs/" + page.textOf("run-id") + "/outputs/saveToLibrary");
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
        page.waitUntil(Duration.ofSeconds(5), () -> page.isPresent("notice"));
        assertThat(page.textOf("notice")).contains("captionForTests.text (TEXT) cannot feed saveToLibrary.image (IMAGE)");
        page.screenshot("3-refused");

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

        page.find("import-file").sendKeys(workflow.toAbsolutePath().toString());
        page.waitUntil(Duration.ofSeconds(5), () -> browser.findElements(By.cssSelector(".react-flow__node")).size() == 3);
        page.find("upload-load-blob").sendKeys(photo.toAbsolutePath().toString());
        page.waitUntil(Duration.ofSeconds(20), () -> page.isPresent("uploaded-load-blob"));
        page.find("run").click();
        page.waitUntil(Duration.ofSeconds(60), () -> page.textOf("run-status").equals("failed"));
        page.screenshot("4-failed");

        assertThat(edges()).hasSize(2);
        assertThat(page.textOf("status-load")).startsWith("succeeded");
        assertThat(page.textOf("status-crop")).isEqualTo("failed");
        assertThat(page.textOf("error-crop")).isNotBlank();
        assertThat(page.textOf("status-save")).isEqualTo("skipped");
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
        page.waitUntil(Duration.ofSeconds(5), () -> browser.findElements(By.cssSelector(".react-flow__node[data-id='encode']")).isEmpty());
        assertThat(edges()).isEmpty();

        new Actions(browser).keyDown(Keys.CONTROL).sendKeys("z").keyUp(Keys.CONTROL).perform();
        page.waitUntil(Duration.ofSeconds(5), () -> !browser.findElements(By.cssSelector(".react-flow__node[data-id='encode']")).isEmpty());
        assertThat(edges()).hasSize(1);

        new Actions(browser).keyDown(Keys.CONTROL).keyDown(Keys.SHIFT).sendKeys("z").keyUp(Keys.SHIFT).keyUp(Keys.CONTROL).perform();
        page.waitUntil(Duration.ofSeconds(5), () -> browser.findElements(By.cssSelector(".react-flow__node[data-id='encode']")).isEmpty());
        assertThat(edges()).as("redo deletes it again").isEmpty();
    }

    @Test
    void thePaletteSearchFindsANodeByItsAlias() {
        page.find("palette-search").sendKeys("upload");

        page.waitUntil(Duration.ofSeconds(5), () -> browser.findElements(By.cssSelector(".palette-item")).size() == 1);
        assertThat(page.find("palette-item-LoadImage").getText()).contains("Load image");
    }

    // ---- driving the page

    /** Drags a palette entry onto the canvas, dropping it at (x, y) from the canvas's top left. */
    private void dropFromPalette(String type, int x, int y) {
        WebElement item = page.find("palette-item-" + type);
        WebElement pane = browser.findElement(By.cssSelector(".react-flow__pane"));
        Rectangle box = pane.getRect();
        int before = browser.findElements(By.cssSelector(".react-flow__node")).size();
        new Actions(browser).clickAndHold(item).moveByOffset(15, 5)
                .moveToElement(pane, x - box.getWidth() / 2, y - box.getHeight() / 2)
                .release().perform();
        page.waitUntil(Duration.ofSeconds(5), () -> browser.findElements(By.cssSelector(".react-flow__node")).size() == before + 1);
    }

    /** Drags from an output port's handle to an input port's handle. */
    private void connect(String fromNode, String fromPort, String toNode, String toPort) {
        WebElement from = node(fromNode).findElement(By.cssSelector(".react-flow__handle.source[data-handleid='" + fromPort + "']"));
        WebElement to = node(toNode).findElement(By.cssSelector(".react-flow__handle.target[data-handleid='" + toPort + "']"));
        int before = edges().size();
        new Actions(browser).clickAndHold(from).moveByOffset(30, 10).moveToElement(to, 0, 0).moveToElement(to)
                .release().perform();
        // an accepted edge appears at once; give a refused one the same time to (not) appear
        page.waitUntil(Duration.ofSeconds(2), () -> edges().size() > before, false);
    }

    /** Auto-layout ends in an animated fit-to-view: clicks during it land on whatever slides under the pointer. */
    private void waitForStillViewport() {
        String[] last = {""};
        int[] stillReads = {0};
        page.waitUntil(Duration.ofSeconds(5), () -> {
            String now = browser.findElement(By.cssSelector(".react-flow__viewport")).getDomAttribute("style");
            stillReads[0] = now.equals(last[0]) ? stillReads[0] + 1 : 0;
            last[0] = now;
            return stillReads[0] >= 4; // unchanged for 400 ms: longer than the 50 ms delay plus the 200 ms animation
        });
    }

    private void setNumber(String id, String value) {
        WebElement input = page.find(id);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value);
        page.waitUntil(Duration.ofSeconds(2), () -> value.equals(input.getDomProperty("value")));
    }

    private WebElement node(String id) {
        return browser.findElement(By.cssSelector(".react-flow__node[data-id='" + id + "']"));
    }

    private List<WebElement> edges() {
        return browser.findElements(By.cssSelector(".react-flow__edge"));
    }
}
